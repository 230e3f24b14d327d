"""Coach signals in the portal and the API (issue 24, item 6): open ones at the top of the
team's own list with a "Gedaan" button (CSRF), handled ones gone from the top; the API
lists and marks them; team A never sees team B's signals (404)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from bot.coach import coach_signal
from bot.storage import repo
from bot.web.app import create_app
from tests.coach_helpers import make_coach, make_nomination
from tests.test_coach_portal import csrf_of, login

pytestmark = pytest.mark.both_databases


@pytest.fixture
def real(settings):
    return dataclasses.replace(settings, demo=False)


@pytest.fixture
def client(real, engine):
    with TestClient(create_app(real)) as client:
        yield client


@pytest.fixture
def teams(engine):
    a_id, a_token, a_team = make_coach(engine, "team-a", "Anna")
    b_id, b_token, b_team = make_coach(engine, "team-b", "Bert")
    return {"a": a_token, "b": b_token, "a_id": a_id, "a_team": a_team, "b_team": b_team}


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def signal_for(engine, settings, team_slug: str, conversation: str, nomination=False) -> str:
    """A signal of a conversation that opened with an invite of this team."""
    with Session(engine) as session, session.begin():
        team = repo.get_team(session, team_slug)
        inviter, _ = repo.create_coach(session, team, "Inviter " + team_slug)
        code = repo.create_invite(session, inviter, 14).code
    if nomination:
        make_nomination(engine, team_slug, conversation_id=conversation)
    return coach_signal.request_contact(engine, settings, conversation, code).signal_id


def test_api_lists_open_signals_of_own_team_only(client, engine, real, teams):
    a1 = signal_for(engine, real, "team-a", "web-a1")
    b1 = signal_for(engine, real, "team-b", "web-b1")
    mine = client.get("/api/safety-signals", headers=auth(teams["a"]))
    assert mine.status_code == 200
    assert [s["id"] for s in mine.json()] == [a1]
    [one] = mine.json()
    assert one["event"] == "safety.contact_requested"
    assert one["team"] == teams["a_team"] and one["handled_at"] is None
    assert one["conversation"] != "web-a1" and "web-a1" not in one["conversation"]
    assert one["coach"] is not None  # the coach whose invite opened the conversation
    assert [
        s["id"] for s in client.get("/api/safety-signals", headers=auth(teams["b"])).json()
    ] == [b1]


def test_api_marks_handled_records_who_and_when_and_hides_it(client, engine, real, teams):
    sid = signal_for(engine, real, "team-a", "web-a2")
    done = client.post(f"/api/safety-signals/{sid}/handled", headers=auth(teams["a"]))
    assert done.status_code == 200
    assert done.json()["handled_by"] == teams["a_id"] and done.json()["handled_at"]
    again = client.post(f"/api/safety-signals/{sid}/handled", headers=auth(teams["a"]))
    assert again.status_code == 200 and again.json()["handled_at"] == done.json()["handled_at"]
    assert client.get("/api/safety-signals", headers=auth(teams["a"])).json() == []
    everything = client.get("/api/safety-signals?all=true", headers=auth(teams["a"])).json()
    assert [s["id"] for s in everything] == [sid]


def test_api_other_team_gets_404_and_changes_nothing(client, engine, real, teams):
    sid = signal_for(engine, real, "team-a", "web-a3")
    for url in (f"/api/safety-signals/{sid}/handled", "/api/safety-signals/no-such-id/handled"):
        response = client.post(url, headers=auth(teams["b"]))
        assert response.status_code == 404
        assert response.json() == {"detail": "No signal with this id in your team."}
    assert client.get("/api/safety-signals?all=true", headers=auth(teams["b"])).json() == []
    [still] = client.get("/api/safety-signals", headers=auth(teams["a"])).json()
    assert still["id"] == sid and still["handled_at"] is None


def test_api_needs_a_token(client, engine, real, teams):
    sid = signal_for(engine, real, "team-a", "web-a4")
    assert client.get("/api/safety-signals").status_code == 401
    assert client.post(f"/api/safety-signals/{sid}/handled").status_code == 401
    assert client.get("/api/safety-signals", headers=auth("wrong")).status_code == 401


def test_openapi_describes_the_signal_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "get" in paths["/api/safety-signals"]
    assert "post" in paths["/api/safety-signals/{signal_id}/handled"]
    assert "404" in paths["/api/safety-signals/{signal_id}/handled"]["post"]["responses"]


def test_portal_shows_open_signals_on_top_and_gedaan_hides_them(client, engine, real, teams):
    make_nomination(engine, "team-a")  # an older nomination in the list below
    sid = signal_for(engine, real, "team-a", "web-a5", nomination=True)
    signal_for(engine, real, "team-b", "web-b5")
    login(client, teams["a"])
    page = client.get("/coach").text
    assert page.count("Een jongere vraagt: bel mij snel.") == 1  # not team B's
    assert page.index("bel mij snel") < page.index('class="card nomination"')
    with Session(engine) as session:
        reference = coach_signal.get_signal(session, teams["a_team"], sid).reference
    assert reference and reference in page
    assert "Via de uitnodiging van Inviter team-a" in page
    assert f'action="/coach/safety-signals/{sid}/handled"' in page

    refused = client.post(f"/coach/safety-signals/{sid}/handled", data={"csrf": "forged"})
    assert refused.status_code == 403
    assert "bel mij snel" in client.get("/coach").text

    done = client.post(
        f"/coach/safety-signals/{sid}/handled",
        data={"csrf": csrf_of(page)},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "bel mij snel" not in client.get("/coach").text
    with Session(engine) as session:
        signal = coach_signal.get_signal(session, teams["a_team"], sid)
        assert signal.handled_by == teams["a_id"] and signal.handled_at is not None


def test_portal_other_teams_signal_is_404(client, engine, real, teams):
    sid = signal_for(engine, real, "team-b", "web-b6")
    login(client, teams["a"])
    page = client.get("/coach").text
    response = client.post(f"/coach/safety-signals/{sid}/handled", data={"csrf": csrf_of(page)})
    assert response.status_code == 404
    with Session(engine) as session:
        assert coach_signal.get_signal(session, teams["b_team"], sid).handled_at is None


def test_portal_without_login_goes_to_login(client, engine, real, teams):
    sid = signal_for(engine, real, "team-a", "web-a7")
    response = client.post(
        f"/coach/safety-signals/{sid}/handled", data={"csrf": "x"}, follow_redirects=False
    )
    assert response.status_code == 303 and re.search(r"/coach\?next=", response.headers["location"])
