"""issue 17: a passkey (WebAuthn, py_webauthn on the server) as the second step, in Debian's
Chromium with its virtual authenticator (CDP WebAuthn.addVirtualAuthenticator): add one
after signing in, then sign in again with password and passkey, no code typed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.settings import PROJECT_DIR
from bot.storage.models import Passkey
from tests.coach_helpers import make_account, next_code
from tests.conftest import ARTIFACTS
from tests.test_coach_browser import CHROMIUM, CHROMIUM_ARGS, chromium
from tests.test_sso import wait_for
from tests.test_widget_browser import run_axe

__all__ = ["chromium"]


@pytest.fixture
def localhost_server(settings, engine):
    """uvicorn with PUBLIC_URL on http://localhost (WebAuthn needs a name, not an address)."""
    url = f"http://localhost:{settings.web_port}"
    env = {
        **os.environ,
        "JIM_DEMO": "true",
        "DATABASE_URL": settings.database_url,
        "RASA_AUTH_TOKEN": settings.rasa_auth_token,
        "SECRET_KEY": settings.secret_key,
        "WEB_PORT": str(settings.web_port),
        "PUBLIC_URL": url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bot.web.app:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(settings.web_port), "--ws", "wsproto"]
        + ["--log-level", "warning"],
        cwd=PROJECT_DIR,
        env=env,
    )
    wait_for(f"http://127.0.0.1:{settings.web_port}/healthz", process, "the web app")
    yield url
    process.terminate()
    process.wait(timeout=15)


def password_step(page, server, account):
    page.goto(f"{server}/coach")
    page.get_by_label("E-mailadres").fill(account["email"])
    page.get_by_label("Wachtwoord").fill(account["password"])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{server}/coach/tweede-stap**")


def test_passkey_added_then_used_as_the_second_step(localhost_server, engine):
    from playwright.sync_api import expect, sync_playwright

    server = localhost_server
    anna = make_account(engine, "team-noord", "Anna")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(bypass_csp=True)  # bypass_csp only for axe
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("WebAuthn.enable")
            authenticator = cdp.send(
                "WebAuthn.addVirtualAuthenticator",
                {"options": {"protocol": "ctap2", "transport": "internal",
                             "hasResidentKey": True, "hasUserVerification": True,
                             "isUserVerified": True}},  # fmt: skip
            )["authenticatorId"]
            password_step(page, server, anna)
            page.get_by_label("Code uit uw app").fill(next_code(engine, anna))
            page.get_by_role("button", name="Verder", exact=True).click()
            page.wait_for_url(f"{server}/coach")
            page.get_by_role("link", name="Passkeys").click()
            page.wait_for_url(f"{server}/coach/passkeys")
            run_axe(page, "passkeys page")
            page.get_by_role("button", name="Passkey toevoegen").click()
            expect(page.locator("#passkey-list li")).to_have_count(1)
            stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
            assert len(stored["credentials"]) == 1
            page.get_by_role("button", name="Uitloggen", exact=True).click()
            page.wait_for_selector("#password")

            password_step(page, server, anna)
            run_axe(page, "second step with a passkey")
            page.get_by_role("button", name="Verder met passkey").click()
            page.wait_for_url(f"{server}/coach")
            assert "Nominaties van" in page.locator("h1").inner_text()
            page.screenshot(path=str(ARTIFACTS / "passkey-signed-in.png"))

        finally:
            browser.close()
    with Session(engine) as session:
        passkey = session.execute(select(Passkey)).scalar_one()
        assert passkey.coach_id == anna["id"] and passkey.last_used_at is not None


def test_a_forged_passkey_answer_is_refused(settings, engine):
    """A made-up credential (or none) never completes the second step."""
    from fastapi.testclient import TestClient

    from bot.web.app import create_app
    from tests.coach_helpers import csrf_in

    anna = make_account(engine, "team-noord", "Anna")
    client = TestClient(create_app(settings))
    page = client.get("/coach")
    client.post(
        "/coach/login",
        data={"email": anna["email"], "password": anna["password"], "csrf": csrf_in(page.text)},
    )
    csrf = csrf_in(client.get("/coach/tweede-stap").text)
    headers = {"X-CSRF-Token": csrf}
    assert client.post("/coach/passkeys/login/options", headers={}).status_code == 403
    options = client.post("/coach/passkeys/login/options", headers=headers)
    assert options.status_code == 200 and "challenge" in options.json()
    forged = {"id": "AAAA", "rawId": "AAAA", "type": "public-key", "response": {
        "clientDataJSON": "e30", "authenticatorData": "AAAA", "signature": "AAAA"}}  # fmt: skip
    refused = client.post("/coach/passkeys/login", headers=headers, json=forged)
    assert refused.status_code == 401
    assert client.get("/coach", follow_redirects=False).status_code == 303  # still half-way
