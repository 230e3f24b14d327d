"""issue 17: teamleider and beheerder pages, the access log (NEN 7513), integration tokens,
the first beheerder from the command line, and the sign-in link through a real SMTP server."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import email
import email.policy
import io
import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cli import main as cli_main
from bot.coach import notify
from bot.settings import get_settings
from bot.storage import AccessLogEntry, Coach, IntegrationToken, LoginLink, privacy, repo
from bot.storage.models import utcnow
from bot.web.app import create_app
from tests.coach_helpers import csrf_in, make_account, make_coach, make_nomination, portal_login
from tests.test_notify import smtp  # noqa: F401 - the real SMTP server fixture


@pytest.fixture
def app(settings, engine):
    return create_app(settings)


@contextlib.contextmanager
def browser(app, account=None):
    client = TestClient(app)
    if account:
        assert portal_login(client, app.state.engine, account).status_code == 303
    yield client
    client.close()


def entries(engine, **where) -> list[AccessLogEntry]:
    with Session(engine) as session:
        query = select(AccessLogEntry).order_by(AccessLogEntry.id)
        for key, value in where.items():
            query = query.where(getattr(AccessLogEntry, key) == value)
        return list(session.execute(query).scalars())


@pytest.mark.both_databases
def test_every_portal_and_api_view_is_logged_without_youth_details(app, engine):
    anna = make_account(engine, "team-a", "Anna")
    nid = make_nomination(engine, "team-a", youth_name="Sammy", mentor_name="Riet")
    _, token, _ = make_coach(engine, "team-a", "Koppeling")
    with browser(app, anna) as client:
        listing = client.get("/coach?status=nieuw")
        client.get(f"/coach/nominations/{nid}")
        client.post(
            f"/coach/nominations/{nid}/status",
            data={"status": "in_contact", "csrf": csrf_in(listing.text)},
        )
        client.get("/coach/export.csv")
    auth = {"Authorization": f"Bearer {token}"}
    with browser(app) as api:
        assert api.get("/api/nominations", headers=auth).status_code == 200
        assert api.get(f"/api/nominations/{nid}", headers=auth).status_code == 200
        assert api.get(f"/api/nominations/{nid}/history", headers=auth).status_code == 200
        api.get("/api/nominations.csv", headers=auth)
        api.patch(f"/api/nominations/{nid}", headers=auth, json={"status": "jim_gestart"})
    logged = entries(engine)
    seen = [(e.channel, e.action) for e in logged]
    assert seen == [
        ("portal", "list"),
        ("portal", "detail"),
        ("portal", "status"),
        ("portal", "detail"),  # the page after the change
        ("portal", "export"),
        ("api", "list"),
        ("api", "detail"),
        ("api", "history"),
        ("api", "export"),
        ("api", "status"),
    ]
    with Session(engine) as session:
        reference = repo.get_nomination(session, anna["team_id"], nid).reference
    for e in logged:
        assert e.address and e.at and e.team_id == anna["team_id"]
        if e.action in ("detail", "status", "history"):
            assert e.nomination_id == nid and e.reference == reference
    assert logged[0].detail.startswith("status=nieuw") and logged[0].actor_id == anna["id"]
    assert logged[2].detail == "in_contact"
    assert "Anna" in logged[0].actor_name and "Koppeling" in logged[5].actor_name
    dump = repr([vars(e) for e in logged])
    assert "Sammy" not in dump and "Riet" not in dump


def test_teamleider_adds_a_coach_who_signs_in_by_link(app, engine, settings):
    lea = make_account(engine, "team-a", "Lea", role="teamleider")
    with browser(app, lea) as client:
        page = client.get("/coach/team")
        assert page.status_code == 200 and "Coach toevoegen" in page.text
        added = client.post(
            "/coach/team/coaches",
            data={"name": "Nina", "email": "nina@zorg.example", "role": "coach",
                  "csrf": csrf_in(page.text)},  # fmt: skip
        )
        assert added.status_code == 200 and "Nina is toegevoegd" in added.text
        again = client.post(
            "/coach/team/coaches",
            data={"name": "Nina", "email": "NINA@zorg.example", "role": "coach",
                  "csrf": csrf_in(page.text)},  # fmt: skip
        )
        assert again.status_code == 400
        beheerder = client.post(
            "/coach/team/coaches",
            data={"name": "X", "email": "x@zorg.example", "role": "beheerder",
                  "csrf": csrf_in(page.text)},  # fmt: skip
        )
        assert beheerder.status_code == 400  # a teamleider cannot make a beheerder
    with Session(engine) as session:
        nina = session.execute(select(Coach).where(Coach.email == "nina@zorg.example")).scalar_one()
        assert nina.team_id == lea["team_id"] and nina.role == "coach"
        assert session.execute(select(LoginLink).where(LoginLink.coach_id == nina.id)).first()


def test_a_coach_sees_no_team_pages_and_a_teamleider_only_their_own_team(app, engine):
    anna = make_account(engine, "team-a", "Anna")
    lea = make_account(engine, "team-a", "Lea", role="teamleider")
    bob = make_account(engine, "team-b", "Bob", role="teamleider")
    make_nomination(engine, "team-b")
    with browser(app, bob) as client:
        client.get("/coach")  # one entry in team b's log
    with browser(app, anna) as client:
        for path in (
            "/coach/team",
            "/coach/toegangslog",
            "/coach/toegangslog.csv",
            "/coach/beheer",
        ):
            assert client.get(path).status_code == 404
    with browser(app, lea) as client:
        for path in ("/coach/team?team=team-b", "/coach/toegangslog?team=team-b",
                     "/coach/toegangslog?team=*", "/coach/beheer"):  # fmt: skip
            assert client.get(path).status_code == 404, path
        page = client.get("/coach/team")
        assert "Bob" not in page.text and "Anna" in page.text
        refused = client.post(
            f"/coach/team/coaches/{bob['id']}",
            data={"action": "disable", "csrf": csrf_in(page.text)},
        )
        assert refused.status_code == 404
        log = client.get("/coach/toegangslog")
        assert "Bob" not in log.text
        exported = client.get("/coach/toegangslog.csv")
        assert "Bob" not in exported.text
    with Session(engine) as session:
        assert session.get(Coach, bob["id"]).active


def test_teamleider_disables_a_coach_and_their_session_ends(app, engine):
    anna = make_account(engine, "team-a", "Anna")
    lea = make_account(engine, "team-a", "Lea", role="teamleider")
    with browser(app, anna) as annas, browser(app, lea) as leas:
        assert annas.get("/coach").status_code == 200
        page = leas.get("/coach/team")
        done = leas.post(
            f"/coach/team/coaches/{anna['id']}",
            data={"action": "disable", "csrf": csrf_in(page.text)},
        )
        assert done.status_code == 200 and "niet meer" in done.text
        assert "Wachtwoord" in annas.get("/coach").text


def test_integration_token_made_in_the_portal_shown_once_revocable(app, engine):
    lea = make_account(engine, "team-a", "Lea", role="teamleider")
    nid = make_nomination(engine, "team-a")
    other = make_nomination(engine, "team-b")
    with browser(app, lea) as client:
        page = client.get("/coach/team")
        made = client.post(
            "/coach/team/tokens", data={"name": "dossier", "csrf": csrf_in(page.text)}
        )
        token = re.search(r'id="secret-value" value="([^"]+)"', made.text).group(1)
        assert token.startswith("jimt_")
        assert token not in client.get("/coach/team").text  # shown once
        with Session(engine) as session:
            row = session.execute(select(IntegrationToken)).scalar_one()
            assert row.token_hash == repo.hash_token(token) and row.last_used_at is None
            token_id = row.id
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get(f"/api/nominations/{nid}", headers=auth).status_code == 200
        assert client.get(f"/api/nominations/{other}", headers=auth).status_code == 404
        invite = client.post("/api/invites", headers=auth)
        assert invite.status_code == 201
        listed = client.get("/coach/team")
        assert "nog niet" not in listed.text.split("Koppeltokens")[1].split("</table>")[0]
        assert entries(engine, channel="api")[0].actor_name == "token dossier"
        client.post(f"/coach/team/tokens/{token_id}/revoke", data={"csrf": csrf_in(listed.text)})
        assert client.get(f"/api/nominations/{nid}", headers=auth).status_code == 401


def test_access_log_filters_export_and_retention(app, engine, settings):
    lea = make_account(engine, "team-a", "Lea", role="teamleider")
    anna = make_account(engine, "team-a", "Anna")
    nid = make_nomination(engine, "team-a")
    with Session(engine) as session:
        reference = repo.get_nomination(session, lea["team_id"], nid).reference
    with browser(app, anna) as client:
        client.get(f"/coach/nominations/{nid}")
        client.get("/coach")
    with browser(app, lea) as client:
        log = client.get("/coach/toegangslog", params={"nominatie": reference})
        rows = re.findall(r"<tr>\s*<td>", log.text)
        assert len(rows) == 1 and "Anna" in log.text and "nominatie bekeken" in log.text
        by_actor = client.get("/coach/toegangslog", params={"wie": "anna", "actie": "list"})
        assert len(re.findall(r"<tr>\s*<td>", by_actor.text)) == 1
        exported = client.get("/coach/toegangslog.csv", params={"wie": "anna"})
        table = list(csv.DictReader(io.StringIO(exported.text)))
        assert {r["action"] for r in table} == {"detail", "list"}
        assert {r["reference"] for r in table} == {reference, ""}
    with Session(engine) as session, session.begin():
        old = session.execute(select(AccessLogEntry).order_by(AccessLogEntry.id)).scalars().first()
        old.at = utcnow() - timedelta(days=settings.access_log_days + 1)
        old_id = old.id
    total = len(entries(engine))
    # the nominations' own (shorter) retention does not touch the log
    privacy.purge(engine, 1, now=utcnow() + timedelta(days=2))
    assert len(entries(engine)) == total
    privacy.purge(engine, 180, access_log_days=settings.access_log_days)
    left = entries(engine)
    assert len(left) == total - 1 and old_id not in {e.id for e in left}


def test_beheerder_manages_every_team(app, engine):
    root = make_account(engine, "team-a", "Root", role="beheerder")
    bob = make_account(engine, "team-b", "Bob", role="teamleider")
    with browser(app, bob) as client:
        client.get("/coach")
    with browser(app, root) as client:
        admin = client.get("/coach/beheer")
        assert admin.status_code == 200 and "team-b" in admin.text
        made = client.post(
            "/coach/beheer/teams",
            data={"slug": "team-c", "name": "Team C", "csrf": csrf_in(admin.text)},
        )
        assert made.status_code == 200 and "team-c" in made.text
        other = client.get("/coach/team?team=team-b")
        assert other.status_code == 200 and "Bob" in other.text
        assert "Bob" in client.get("/coach/toegangslog?team=*").text
        page = client.get("/coach/team?team=team-b")
        changed = client.post(
            f"/coach/team/coaches/{bob['id']}?team=team-b",
            data={"action": "role", "role": "coach", "csrf": csrf_in(page.text)},
        )
        assert changed.status_code == 200
    with Session(engine) as session:
        assert session.get(Coach, bob["id"]).role == "coach"


def test_first_beheerder_from_the_command_line_signs_in_by_the_mailed_link(
    engine, settings, monkeypatch, capsys, smtp  # noqa: F811 - the fixture
):
    controller, inbox = smtp
    for key, value in {
        "DATABASE_URL": settings.database_url,
        "RASA_AUTH_TOKEN": settings.rasa_auth_token,
        "SECRET_KEY": settings.secret_key,
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(controller.port),
        "PUBLIC_URL": settings.public_url,
    }.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        code = cli_main(["account", "add", "--team", "beheer", "--name", "Bea",
                         "--email", "bea@zorg.example", "--role", "beheerder"])  # fmt: skip
        out = capsys.readouterr().out
        assert code == 0 and "beheerder" in out
        printed = re.search(r"(http\S+/coach/link/\S+)", out).group(1)
        live = dataclasses.replace(settings, smtp_host="127.0.0.1", smtp_port=controller.port)
        assert notify.dispatch_pending(engine, live) == (1, 0)
    finally:
        get_settings.cache_clear()
    mail = email.message_from_bytes(inbox.messages[0], policy=email.policy.default)
    assert mail["To"] == "bea@zorg.example"
    assert printed in mail.get_content()
    app = create_app(settings)
    with browser(app) as client:
        path = printed.split(settings.public_url, 1)[1]
        assert client.get(path).status_code == 200
