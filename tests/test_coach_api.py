"""The coach JSON API over real HTTP routing (TestClient) on a real, migrated SQLite DB."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from bot.storage import Invite, repo
from bot.web.app import create_app
from tests.coach_helpers import make_coach, make_nomination

# Every storage and API test runs on SQLite (the default) and on a real PostgreSQL server.
pytestmark = pytest.mark.both_databases


@pytest.fixture
def teams(engine):
    a_id, a_token, _ = make_coach(engine, "team-a", "Anna")
    _, b_token, _ = make_coach(engine, "team-b", "Bert")
    return {"a": a_token, "b": b_token, "a_id": a_id}


@pytest.fixture
def client(settings, engine):
    with TestClient(create_app(settings)) as client:
        yield client


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_missing_bad_and_disabled_tokens_get_401(client, engine, teams):
    nid = make_nomination(engine, "team-a")
    urls = [
        ("get", "/api/nominations"),
        ("get", f"/api/nominations/{nid}"),
        ("get", f"/api/nominations/{nid}/history"),
        ("get", "/api/nominations.csv"),
        ("post", "/api/invites"),
    ]
    for method, url in urls:
        assert client.request(method, url).status_code == 401
        assert client.request(method, url, headers=auth("wrong")).status_code == 401
    response = client.patch(f"/api/nominations/{nid}", json={"status": "in_contact"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    with Session(engine) as session, session.begin():
        repo.coach_for_token(session, teams["a"]).active = False
    assert client.get("/api/nominations", headers=auth(teams["a"])).status_code == 401


def test_list_is_newest_first_with_filter_pagination_and_total(client, engine, teams):
    ids = [make_nomination(engine, "team-a", minutes_ago=m) for m in (30, 20, 10)]
    make_nomination(engine, "team-b")
    response = client.get("/api/nominations", headers=auth(teams["a"]))
    assert response.status_code == 200
    assert [n["id"] for n in response.json()] == ids[::-1]
    assert response.headers["X-Total-Count"] == "3"
    page = client.get("/api/nominations?limit=2&offset=1", headers=auth(teams["a"]))
    assert [n["id"] for n in page.json()] == [ids[1], ids[0]]
    assert page.headers["X-Total-Count"] == "3"
    client.patch(
        f"/api/nominations/{ids[0]}", json={"status": "in_contact"}, headers=auth(teams["a"])
    )
    filtered = client.get("/api/nominations?status=in_contact", headers=auth(teams["a"]))
    assert [n["id"] for n in filtered.json()] == [ids[0]]
    assert filtered.headers["X-Total-Count"] == "1"
    assert client.get("/api/nominations?status=kwijt", headers=auth(teams["a"])).status_code == 422
    assert client.get("/api/nominations?limit=0", headers=auth(teams["a"])).status_code == 422


@pytest.mark.parametrize("offset", [10**9 + 1, 2**63, 162087370128015114591272960, -1])
def test_an_offset_out_of_range_is_a_clear_422_not_a_database_overflow(
    client, engine, teams, offset
):
    """The API fuzz test found a huge offset overflowing SQLite's integer (a 500)."""
    response = client.get(f"/api/nominations?offset={offset}", headers=auth(teams["a"]))
    assert response.status_code == 422
    last = client.get("/api/nominations?offset=1000000000", headers=auth(teams["a"]))
    assert last.status_code == 200 and last.json() == []


def test_get_one_returns_the_design_json(client, engine, teams):
    nid = make_nomination(engine, "team-a")
    body = client.get(f"/api/nominations/{nid}", headers=auth(teams["a"])).json()
    assert body["id"] == nid and body["status"] == "nieuw" and body["reference"].startswith("JIM-")
    assert body["youth"]["parent_consent_needed"] is True
    assert body["mentor"]["name"] == "Riet" and body["mentor"]["support"] == ["emotioneel"]
    assert body["alternatives"] == [{"name": "Ahmed", "relation": "buurman"}]
    assert client.get("/api/nominations/no-such-id", headers=auth(teams["a"])).status_code == 404


def test_team_isolation_everything_of_another_team_is_404(client, engine, teams):
    nid = make_nomination(engine, "team-b", mentor_name="Geheim")
    a = auth(teams["a"])
    assert client.get(f"/api/nominations/{nid}", headers=a).status_code == 404
    assert client.get(f"/api/nominations/{nid}/history", headers=a).status_code == 404
    response = client.patch(f"/api/nominations/{nid}", json={"status": "in_contact"}, headers=a)
    assert response.status_code == 404
    assert client.get("/api/nominations", headers=a).json() == []
    assert "Geheim" not in client.get("/api/nominations.csv", headers=a).text
    # Team B's nomination is untouched by A's attempt.
    assert (
        client.get(f"/api/nominations/{nid}", headers=auth(teams["b"])).json()["status"] == "nieuw"
    )


def test_status_transitions_history_and_conflicts(client, engine, teams):
    nid = make_nomination(engine, "team-a")
    a = auth(teams["a"])
    url = f"/api/nominations/{nid}"
    wrong = client.patch(url, json={"status": "jim_gestart"}, headers=a)
    assert wrong.status_code == 409
    assert "nieuw" in wrong.json()["detail"] and "in_contact" in wrong.json()["detail"]
    withdrawn = client.patch(url, json={"status": "ingetrokken"}, headers=a)
    assert withdrawn.status_code == 409 and "youth" in withdrawn.json()["detail"]
    assert (
        client.patch(url, json={"status": "in_contact"}, headers=a).json()["status"] == "in_contact"
    )
    assert client.patch(url, json={"status": "in_contact"}, headers=a).status_code == 409
    assert (
        client.patch(url, json={"status": "jim_gestart"}, headers=a).json()["status"]
        == "jim_gestart"
    )
    assert client.patch(url, json={"status": "niet_gelukt"}, headers=a).status_code == 409
    history = client.get(f"{url}/history", headers=a).json()
    assert [(h["from"], h["to"], h["actor"]) for h in history] == [
        (None, "nieuw", "jongere"),
        ("nieuw", "in_contact", teams["a_id"]),
        ("in_contact", "jim_gestart", teams["a_id"]),
    ]


def test_bad_bodies_get_422(client, engine, teams):
    nid = make_nomination(engine, "team-a")
    a = auth(teams["a"])
    url = f"/api/nominations/{nid}"
    for body in ({}, {"status": "klaar"}, {"status": 3}, {"status": "in_contact", "x": 1}):
        assert client.patch(url, json=body, headers=a).status_code == 422, body
    response = client.patch(
        url, content=b"not json", headers={**a, "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert client.get(url, headers=a).json()["status"] == "nieuw"


def test_invite_is_unguessable_expires_and_links_to_the_chat(client, engine, settings, teams):
    before = datetime.now(timezone.utc)
    first = client.post("/api/invites", headers=auth(teams["a"]))
    second = client.post("/api/invites", headers=auth(teams["a"]))
    assert first.status_code == 201
    body = first.json()
    assert len(body["code"]) >= 16 and body["code"] != second.json()["code"]
    assert body["url"] == f"{settings.public_url}/?invite={body['code']}"
    expires = datetime.fromisoformat(body["expires_at"])
    assert abs(expires - (before + timedelta(days=settings.invite_days))) < timedelta(minutes=1)
    with Session(engine) as session:
        invite = session.query(Invite).filter_by(code=body["code"]).one()
        assert invite.coach_id == teams["a_id"]
        assert repo.check_invite(session, body["code"], "conv-x")[1] == "ok"


def test_csv_export_is_the_teams_only_and_injection_safe(client, engine, teams):
    make_nomination(engine, "team-a", mentor_name='=HYPERLINK("x")', mentor_reason="+1 -2")
    make_nomination(engine, "team-a", mentor_name="Riet", minutes_ago=5)
    make_nomination(engine, "demo", mentor_name="Demo Persoon")
    response = client.get("/api/nominations.csv", headers=auth(teams["a"]))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["mentor_name"] for r in rows] == ['\'=HYPERLINK("x")', "Riet"]
    assert rows[0]["mentor_reason"] == "'+1 -2"
    assert {r["with_invite"] for r in rows} == {"nee"}
    assert "Demo Persoon" not in response.text


def test_csv_and_json_carry_asked_by_and_the_parents_answer(client, engine, teams):
    """Issue 25: who asks the person and the youth's answer about the parents."""
    make_nomination(engine, "team-a", mentor_asked_by="samen", parents_answer="nee")
    response = client.get("/api/nominations.csv", headers=auth(teams["a"]))
    (row,) = list(csv.DictReader(io.StringIO(response.text)))
    assert row["mentor_asked_by"] == "samen" and row["parents_answer"] == "nee"
    (nomination,) = client.get("/api/nominations", headers=auth(teams["a"])).json()
    assert nomination["mentor"]["asked_by"] == "samen"
    assert nomination["youth"]["parents_answer"] == "nee"


def test_openapi_describes_bearer_and_all_endpoints(client):
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["coachToken"]["scheme"] == "bearer"
    for path in (
        "/api/invites",
        "/api/nominations",
        "/api/nominations.csv",
        "/api/nominations/{nomination_id}",
        "/api/nominations/{nomination_id}/history",
    ):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200


def test_openapi_describes_asked_by_and_parents_answer(client):
    """Issue 25: the new fields of the nomination JSON, with their values."""
    spec = client.get("/openapi.json").json()
    for path in ("/api/nominations", "/api/nominations/{nomination_id}"):
        description = spec["paths"][path]["get"]["description"]
        assert "`mentor.asked_by`" in description, path
        assert all(f"`{v}`" in description for v in ("jongere", "samen", "coach")), path
        assert "`youth.parents_answer`" in description, path
    assert "mentor.asked_by" in client.get("/docs").text


# --- bad input on invites: never a 500 -----------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [b"\xff\xfe\x00binary", b"[" * 50_000, b'{"code": "AAAA", "team": "team-b"}', b"x" * 2_000_000],
    ids=["binary", "deep-nesting", "chosen-code", "2-mb"],
)
def test_create_invite_ignores_any_body(client, engine, teams, raw):
    """POST /api/invites takes no body: whatever is sent, the code is the server's own."""
    response = client.post(
        "/api/invites",
        content=raw,
        headers={**auth(teams["a"]), "Content-Type": "application/json"},
    )
    assert response.status_code == 201
    assert response.json()["code"] != "AAAA"
    with Session(engine) as session:
        invite = session.query(Invite).filter_by(code=response.json()["code"]).one()
        assert invite.team_id == repo.get_team(session, "team-a").id


@pytest.mark.parametrize(
    "code",
    [
        "\x00",
        "abc\x00defghijk",
        "a" * 1_000_000,
        "' OR '1'='1",
        "%",
        "مرحبا-جدتي",
        "\udfff",
        5,
        ["x"],
        {"$ne": None},
        True,
    ],
    ids=[
        "nul",
        "nul-inside",
        "1-mb",
        "sql",
        "like-wildcard",
        "arabic",
        "lone-surrogate",
        "int",
        "list",
        "dict",
        "bool",
    ],
)
def test_check_invite_answers_unknown_for_any_bad_code(engine, teams, code):
    """The code comes from the youth's message: anything is possible, nothing breaks."""
    with Session(engine) as session:
        assert repo.check_invite(session, code, "conv-x") == (None, "unknown")
