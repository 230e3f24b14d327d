"""The coach portal over real HTTP routing: sign-in (password + TOTP), CSRF, status change,
invite, sign-out."""

from __future__ import annotations

import dataclasses
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from bot.storage import repo
from bot.web.app import create_app
from tests.coach_helpers import account_for_token, make_coach, make_nomination, portal_login


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


@pytest.fixture
def app(settings, engine):
    return create_app(settings)


@pytest.fixture
def coach_a(engine):
    coach_id, token, _ = make_coach(engine, "team-a", "Anna")
    return coach_id, token


def login(client: TestClient, token: str, next_path: str = "/coach"):
    """Sign in (both steps) as the coach who had this coach token."""
    engine = client.app.state.engine
    return portal_login(client, engine, account_for_token(engine, token), next_path)


def test_login_list_detail_change_status_logout(app, engine, coach_a):
    coach_id, token = coach_a
    nid = make_nomination(engine, "team-a", youth_age=14, mentor_name="Riet")
    make_nomination(engine, "team-b", mentor_name="Geheimpje")
    with TestClient(app) as client:
        page = client.get("/coach")
        assert page.status_code == 200 and "E-mailadres" in page.text
        assert client.get(f"/coach/nominations/{nid}", follow_redirects=False).status_code == 303
        account = account_for_token(engine, token)
        wrong = client.post(
            "/coach/login",
            data={"email": account["email"], "password": "nope", "csrf": csrf_of(page.text)},
        )
        assert wrong.status_code == 401 and "horen niet bij elkaar" in wrong.text
        response = login(client, token)
        assert response.status_code == 303
        cookie = response.headers.get_list("set-cookie")
        session_cookie = next(c for c in cookie if c.startswith("jim_coach="))
        assert "HttpOnly" in session_cookie and "SameSite=lax" in session_cookie
        assert "Secure" not in session_cookie  # PUBLIC_URL is http in tests
        listing = client.get("/coach")
        assert "Riet" in listing.text and "Sam" in listing.text and "oma" in listing.text
        assert "ouders moeten ook akkoord zijn" in listing.text
        assert "Ahmed" in listing.text and "Geheimpje" not in listing.text
        assert "zonder uitnodiging" in listing.text  # no invite: the team's inbox
        detail = client.get(f"/coach/nominations/{nid}")
        assert "Zet op: In contact" in detail.text and "Zet op: JIM gestart" not in detail.text
        changed = client.post(
            f"/coach/nominations/{nid}/status",
            data={"status": "in_contact", "csrf": csrf_of(detail.text)},
            follow_redirects=False,
        )
        assert changed.status_code == 303
        detail = client.get(f"/coach/nominations/{nid}")
        assert "Zet op: JIM gestart" in detail.text and "Zet op: Niet gelukt" in detail.text
        assert "Anna" in detail.text and "de jongere" in detail.text  # history
        with Session(engine) as session:
            nomination = repo.get_nomination(session, repo.get_team(session, "team-a").id, nid)
            assert nomination.status == "in_contact"
        wrong_step = client.post(
            f"/coach/nominations/{nid}/status",
            data={"status": "nieuw", "csrf": csrf_of(detail.text)},
        )
        assert wrong_step.status_code == 409
        client.post("/coach/logout", data={"csrf": csrf_of(detail.text)})
        assert "Wachtwoord" in client.get("/coach").text
        assert client.get(f"/coach/nominations/{nid}", follow_redirects=False).status_code == 303


def test_csrf_is_refused_without_or_with_a_wrong_token(app, engine, coach_a):
    _, token = coach_a
    nid = make_nomination(engine, "team-a")
    with TestClient(app) as client:
        client.get("/coach")
        account = account_for_token(engine, token)
        form = {"email": account["email"], "password": account["password"]}
        refused = client.post("/coach/login", data=form)
        assert refused.status_code == 403
        assert client.post("/coach/login", data={**form, "csrf": "x"}).status_code == 403
        assert login(client, token).status_code == 303
        for data in ({"status": "in_contact"}, {"status": "in_contact", "csrf": "forged"}):
            response = client.post(f"/coach/nominations/{nid}/status", data=data)
            assert response.status_code == 403
        assert client.post("/coach/invites", data={}).status_code == 403
        assert client.post("/coach/logout", data={}).status_code == 403
    with Session(engine) as session:
        assert repo.get_nomination(session, repo.get_team(session, "team-a").id, nid).status == (
            "nieuw"
        )


def test_other_team_is_404_and_export_is_own_team(app, engine, coach_a):
    _, token = coach_a
    other = make_nomination(engine, "team-b", mentor_name="Geheimpje")
    make_nomination(engine, "team-a", mentor_name="=cmd")
    with TestClient(app) as client:
        login(client, token)
        page = client.get("/coach")
        assert client.get(f"/coach/nominations/{other}").status_code == 404
        response = client.post(
            f"/coach/nominations/{other}/status",
            data={"status": "in_contact", "csrf": csrf_of(page.text)},
        )
        assert response.status_code == 404
        export = client.get("/coach/export.csv")
        assert export.status_code == 200 and "'=cmd" in export.text
        assert "Geheimpje" not in export.text


def test_invite_page_shows_link_and_qr(app, engine, settings, coach_a):
    _, token = coach_a
    with TestClient(app) as client:
        login(client, token)
        page = client.get("/coach")
        invite = client.post("/coach/invites", data={"csrf": csrf_of(page.text)})
        assert invite.status_code == 200
        url = re.search(r'value="(http[^"]+\?invite=[^"]+)"', invite.text).group(1)
        assert url.startswith(settings.public_url + "/?invite=")
        assert "<svg" in invite.text and "<path" in invite.text
        code = url.split("invite=")[1]
        with Session(engine) as session:
            assert repo.check_invite(session, code, "conv-new")[1] == "ok"


def test_disabled_account_ends_the_portal_session_and_login_redirects_back(app, engine, coach_a):
    coach_id, token = coach_a
    nid = make_nomination(engine, "team-a")
    with TestClient(app) as client:
        response = login(client, token, next_path=f"/coach/nominations/{nid}")
        assert response.headers["location"] == f"/coach/nominations/{nid}"
        assert login(client, token, next_path="//evil.example").headers["location"] == "/coach"
        assert client.get(f"/coach/nominations/{nid}").status_code == 200
        with Session(engine) as session, session.begin():
            from bot.accounts import accounts

            accounts.set_active(session, session.get(repo.Coach, coach_id), False)
        assert client.get(f"/coach/nominations/{nid}", follow_redirects=False).status_code == 303


def test_secure_cookie_when_public_url_is_https(settings, engine, coach_a):
    _, token = coach_a
    app = create_app(dataclasses.replace(settings, public_url="https://jim.example.org"))
    with TestClient(app, base_url="https://testserver") as client:
        response = login(client, token)
        cookies = response.headers.get_list("set-cookie")
        assert all("Secure" in c for c in cookies)


def test_the_detail_page_shows_who_asks_and_the_parents_answer(app, engine, coach_a):
    """Issue 25: the coach reads who asks the person and what the youth said about parents."""
    _coach_id, token = coach_a
    nid = make_nomination(
        engine, "team-a", youth_age=14, mentor_asked_by="jongere", parents_answer="coach"
    )
    older = make_nomination(engine, "team-a", youth_age=17)
    with TestClient(app) as client:
        login(client, token)
        detail = client.get(f"/coach/nominations/{nid}").text
        assert "Wie vraagt het</dt><dd>de jongere zelf" in detail
        assert "gevaar thuis: praat eerst met de jongere, niet met de ouders" in detail
        plain = client.get(f"/coach/nominations/{older}").text
        assert "Wie vraagt het</dt><dd>niet gevraagd" in plain and "Over de ouders" not in plain
