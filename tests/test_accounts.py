"""issue 17: personal accounts - password (argon2) and TOTP, lockout, server-side sessions,
one-time e-mail links, and the migration from the schema before accounts."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import time
from datetime import timedelta

import pyotp
import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.accounts import accounts, links, second_factor, sessions
from bot.run import setup_steps
from bot.storage import make_engine, repo
from bot.storage.models import Coach, LoginLink, OutboxMessage, PortalSession, utcnow
from bot.web.app import create_app
from tests.coach_helpers import (
    PASSWORD,
    csrf_in,
    make_account,
    make_nomination,
    next_code,
    portal_login,
)

pytestmark = pytest.mark.both_databases


@pytest.fixture
def app(settings, engine):
    return create_app(settings)


@contextlib.contextmanager
def browser(app):
    """One browser (its own cookies) on the app; without the app's start-up, so several
    browsers can share one app."""
    client = TestClient(app)
    yield client
    client.close()


def password_step(client, account, password=None):
    page = client.get("/coach")
    return client.post(
        "/coach/login",
        data={
            "email": account["email"],
            "password": password or account["password"],
            "csrf": csrf_in(page.text),
        },  # fmt: skip
        follow_redirects=False,
    )


def test_password_then_totp_signs_in_and_a_used_code_is_refused(app, engine):
    anna = make_account(engine, "team-a", "Anna")
    nid = make_nomination(engine, "team-a")
    with browser(app) as client:
        first = password_step(client, anna)
        assert first.status_code == 303 and first.headers["location"].startswith(
            "/coach/tweede-stap"
        )
        # half-way is not signed in: no list, no nomination
        assert client.get("/coach", follow_redirects=False).status_code == 303
        assert client.get(f"/coach/nominations/{nid}", follow_redirects=False).status_code == 303
        step = client.get("/coach/tweede-stap")
        wrong = client.post(
            "/coach/tweede-stap", data={"code": "000000", "csrf": csrf_in(step.text)}
        )
        assert wrong.status_code == 401 and "klopt niet of is al gebruikt" in wrong.text
        code = next_code(engine, anna)
        ok = client.post(
            "/coach/tweede-stap",
            data={"code": code, "csrf": csrf_in(step.text)},
            follow_redirects=False,
        )
        assert ok.status_code == 303
        assert client.get(f"/coach/nominations/{nid}").status_code == 200
    with browser(app) as other:  # the same code again, on another browser
        password_step(other, anna)
        step = other.get("/coach/tweede-stap")
        again = other.post("/coach/tweede-stap", data={"code": code, "csrf": csrf_in(step.text)})
        assert again.status_code == 401
        assert other.get(f"/coach/nominations/{nid}", follow_redirects=False).status_code == 303


def test_first_sign_in_by_link_sets_up_totp_and_shows_recovery_codes_once(app, engine, settings):
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, "team-a")
        coach = accounts.create_account(session, team, "Bram", "Bram@Zorg.example", "coach")
        coach_id = coach.id
    with browser(app) as client:
        # the same answer for a known and an unknown address
        page = client.get("/coach/wachtwoord-vergeten")
        known = client.post(
            "/coach/wachtwoord-vergeten",
            data={"email": "bram@zorg.example", "csrf": csrf_in(page.text)},
        )
        unknown = client.post(
            "/coach/wachtwoord-vergeten",
            data={"email": "niemand@zorg.example", "csrf": csrf_in(page.text)},
        )
        assert known.status_code == unknown.status_code == 200
        assert known.text == unknown.text
        with Session(engine) as session:
            link = session.execute(
                select(LoginLink).where(LoginLink.coach_id == coach_id)
            ).scalar_one()
            assert link.purpose == "welkom"
            row = session.execute(
                select(OutboxMessage).where(OutboxMessage.link_id == link.id)
            ).scalar_one()
            assert row.kind == "email"
            token = links.token_for(settings.secret_key, link.id)
            assert link.token_hash != token  # only the hash is stored
        form = client.get(f"/coach/link/{token}")
        assert form.status_code == 200 and "Kies uw wachtwoord" in form.text
        short = client.post(
            f"/coach/link/{token}",
            data={"password": "kort", "repeat": "kort", "csrf": csrf_in(form.text)},
        )
        assert short.status_code == 400 and "minstens 12" in short.text
        chosen = client.post(
            f"/coach/link/{token}",
            data={"password": PASSWORD, "repeat": PASSWORD, "csrf": csrf_in(form.text)},
            follow_redirects=False,
        )
        assert chosen.status_code == 303
        setup = client.get(chosen.headers["location"])
        secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', setup.text).group(1)
        signed = re.search(r'name="signed" value="([^"]+)"', setup.text).group(1)
        codes_page = client.post(
            "/coach/tweede-stap/instellen",
            data={"signed": signed, "code": pyotp.TOTP(secret).now(), "csrf": csrf_in(setup.text)},
        )
        assert codes_page.status_code == 200
        codes = re.findall(r"<li><code>([0-9a-f-]+)</code></li>", codes_page.text)
        assert len(codes) == second_factor.RECOVERY_COUNT
        assert client.get("/coach").status_code == 200  # signed in
        # the link works once
        assert client.get(f"/coach/link/{token}").status_code == 410
    with Session(engine) as session:
        stored = session.get(Coach, coach_id)
        assert stored.totp_secret == secret and stored.password_hash.startswith("$argon2id$")
    account = {"id": coach_id, "email": "bram@zorg.example", "password": PASSWORD,
               "secret": secret}  # fmt: skip
    with browser(app) as client:  # a recovery code instead of the app, once
        password_step(client, account)
        step = client.get("/coach/tweede-stap")
        used = client.post(
            "/coach/tweede-stap",
            data={"recovery": codes[0], "csrf": csrf_in(step.text)},
            follow_redirects=False,
        )
        assert used.status_code == 303
    with browser(app) as client:
        password_step(client, account)
        step = client.get("/coach/tweede-stap")
        again = client.post(
            "/coach/tweede-stap", data={"recovery": codes[0], "csrf": csrf_in(step.text)}
        )
        assert again.status_code == 401


def test_an_expired_or_unknown_link_gets_a_kind_answer(app, engine, settings):
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, "team-a")
        coach = accounts.create_account(session, team, "Cas", "cas@zorg.example")
        link, token = links.issue(session, settings.secret_key, coach, "welkom", 1)
        link.expires_at = utcnow() - timedelta(seconds=1)
    with browser(app) as client:
        for t in (token, "x" * 64):
            gone = client.get(f"/coach/link/{t}")
            assert gone.status_code == 410 and "werkt niet meer" in gone.text


def test_lockout_grows_and_says_the_same_as_a_wrong_password(app, engine):
    anna = make_account(engine, "team-a", "Anna")
    with Session(engine) as session, session.begin():
        coach = session.get(Coach, anna["id"])
        for _ in range(4):
            assert accounts.check_password(session, anna["email"], "fout", 5).reason == "wrong"
        assert coach.locked_until is None
        assert accounts.check_password(session, anna["email"], "fout", 5).reason == "wrong"
        first_wait = coach.locked_until - utcnow()
        assert timedelta(seconds=50) < first_wait <= timedelta(minutes=1)
        # while locked even the right password does not get in
        assert accounts.check_password(session, anna["email"], PASSWORD, 5).reason == "locked"
        later = coach.locked_until + timedelta(seconds=1)
        accounts.check_password(session, anna["email"], "fout", 5, now=later)
        assert coach.locked_until - later > timedelta(minutes=1)  # doubled
        after = coach.locked_until + timedelta(seconds=1)
        assert accounts.check_password(session, anna["email"], PASSWORD, 5, now=after).coach
        assert coach.failed_logins == 0
    app2 = create_app(dataclasses.replace(app.state.settings, account_lock_after=1))
    with browser(app2) as client:
        wrong = password_step(client, anna, "fout")
        wrong2 = password_step(client, anna, "fout")  # now locked
        locked = password_step(client, anna)
        assert wrong.status_code == wrong2.status_code == locked.status_code == 401
        assert locked.text == wrong.text


def test_sessions_idle_and_absolute_limit_everywhere_and_role_change(app, engine, settings):
    anna = make_account(engine, "team-a", "Anna", role="teamleider")
    idle = timedelta(minutes=settings.session_idle_minutes)
    absolute = timedelta(hours=settings.session_max_hours)
    with Session(engine) as session:
        coach = session.get(Coach, anna["id"])
        value = sessions.start(session, coach, verified=True)
        session.commit()
        now = utcnow()
        assert sessions.find(session, value, idle, absolute, now=now + idle / 2)
        assert sessions.find(session, value, idle, absolute, now=now + idle * 0.9)
        assert sessions.find(session, value, idle, absolute, now=now + idle * 2) is None
        value = sessions.start(session, coach, verified=True)
        session.commit()
        # kept busy, it still ends at the absolute limit
        moment, alive = utcnow(), True
        while alive and moment < utcnow() + absolute * 2:
            moment += idle / 2
            alive = sessions.find(session, value, idle, absolute, now=moment) is not None
        assert not alive and moment - utcnow() <= absolute + idle
    with browser(app) as one, browser(app) as two:
        assert portal_login(one, engine, anna).status_code == 303
        assert portal_login(two, engine, anna).status_code == 303
        page = one.get("/coach")
        assert page.status_code == 200 and two.get("/coach").status_code == 200
        one.post("/coach/logout-everywhere", data={"csrf": csrf_in(page.text)})
        assert "Wachtwoord" in two.get("/coach").text  # the other browser is out as well
        with Session(engine) as session, session.begin():  # two codes of this step are used
            spare = second_factor.new_recovery_codes(session, session.get(Coach, anna["id"]))
        password_step(two, anna)
        step = two.get("/coach/tweede-stap")
        back = two.post(
            "/coach/tweede-stap",
            data={"recovery": spare[0], "csrf": csrf_in(step.text)},
            follow_redirects=False,
        )
        assert back.status_code == 303 and two.get("/coach").status_code == 200
        with Session(engine) as session, session.begin():
            accounts.change_role(session, session.get(Coach, anna["id"]), "coach")
        assert "Wachtwoord" in two.get("/coach").text
        with Session(engine) as session:
            assert (
                session.execute(
                    select(PortalSession).where(PortalSession.coach_id == anna["id"])
                ).first()
                is None
            )


def test_the_session_cookie_holds_only_a_random_value(app, engine):
    anna = make_account(engine, "team-a", "Anna")
    with browser(app) as client:
        done = portal_login(client, engine, anna)
        cookie = next(c for c in done.headers.get_list("set-cookie") if c.startswith("jim_coach="))
        value = cookie.split(";")[0].split("=", 1)[1]
        assert anna["id"] not in value and "." not in value and len(value) >= 40
        with Session(engine) as session:
            assert session.get(PortalSession, value) is None  # stored only as a hash
        client.post("/coach/logout", data={"csrf": csrf_in(client.get("/coach").text)})
        client.cookies.set("jim_coach", value, path="/coach")  # replayed after sign-out
        assert "Wachtwoord" in client.get("/coach").text


def test_upgrade_from_the_previous_head_keeps_teams_coaches_tokens_and_nominations(settings):
    """A database made by the schema before issue 17 (revision 0006_i20_relation_text)."""
    config = setup_steps.alembic_config(settings.project_dir, settings.database_url)
    make_engine(settings.database_url).dispose()
    command.upgrade(config, "0006_i20_relation_text")
    engine = make_engine(settings.database_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO teams (id, slug, name, is_demo, created_at) "
            "VALUES ('t1', 'team-oud', 'Oud team', false, '2026-01-01 10:00:00+00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO coaches (id, team_id, name, email, token_hash, active, created_at) "
            f"VALUES ('c1', 't1', 'Oude Coach', 'oud@zorg.example', "
            f"'{repo.hash_token('oude-token-123')}', true, '2026-01-01 10:00:00+00:00')"
        )
    engine.dispose()
    command.upgrade(config, "head")
    engine = make_engine(settings.database_url)
    make_nomination(engine, "team-oud")
    with Session(engine) as session:
        coach = session.get(Coach, "c1")
        assert coach.role == "coach" and coach.failed_logins == 0 and coach.password_hash is None
        assert repo.coach_for_token(session, "oude-token-123").id == "c1"
    app = create_app(settings)
    with browser(app) as client:
        listed = client.get("/api/nominations", headers={"Authorization": "Bearer oude-token-123"})
        assert listed.status_code == 200 and len(listed.json()) == 1
    engine.dispose()
    # and back down again, for a roll-back of the release
    command.downgrade(config, "0006_i20_relation_text")


def test_code_of_the_next_step_only_once(engine):
    anna = make_account(engine, "team-a", "Anna")
    with Session(engine) as session:
        coach = session.get(Coach, anna["id"])
        now = time.time()
        code = pyotp.TOTP(anna["secret"]).at(now)
        assert second_factor.verify(coach, code, now=now)
        assert not second_factor.verify(coach, code, now=now)
        assert not second_factor.verify(coach, pyotp.TOTP(anna["secret"]).at(now - 30), now=now)
        assert not second_factor.verify(coach, pyotp.TOTP(anna["secret"]).at(now + 300), now=now)
