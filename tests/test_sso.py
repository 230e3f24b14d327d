"""issue 17: single sign-on over OpenID Connect against a REAL provider on this machine
(npm oidc-provider run with the installed node; its development sign-in pages), in
Debian's Chromium: authorization code + PKCE through Authlib, the ID token checked.
A wrong state, nonce, issuer or audience gets the same kind answer."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.accounts import sso
from bot.settings import PROJECT_DIR
from bot.storage import Coach, repo
from bot.web.app import create_app
from bot.web.portal import SSO_FAILED
from testkit.env import free_port, missing_service
from tests.coach_helpers import make_account
from tests.conftest import ARTIFACTS
from tests.test_coach_browser import CHROMIUM, CHROMIUM_ARGS, chromium

__all__ = ["chromium"]
NPM_DIR = PROJECT_DIR / "tests" / ".npm-oidc"
OIDC_PROVIDER = "oidc-provider@9.13.3"
CLIENT_ID = "jim-kiezer-test"
CLIENT_SECRET = "test-client-secret-0123456789abcdef"


def ensure_provider_installed() -> None:
    """npm oidc-provider into tests/.npm-oidc (scripts/test does the same), once."""
    if (NPM_DIR / "node_modules" / "oidc-provider" / "package.json").exists():
        return
    try:
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(NPM_DIR),
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                OIDC_PROVIDER,
            ],  # fmt: skip
            check=True,
            timeout=300,
        )
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        missing_service("npm oidc-provider could not be installed (node and npm are needed)")


def wait_for(url: str, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"{what} did not start")
        time.sleep(0.2)


@pytest.fixture
def web_port() -> int:
    return free_port()


@pytest.fixture
def provider(web_port):
    """The real OpenID Connect provider, on a free port; its issuer URL."""
    ensure_provider_installed()
    port = free_port()
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URI": f"http://127.0.0.1:{web_port}/coach/sso/callback",
        "OIDC_TEAM": "team-noord",
    }
    process = subprocess.Popen(
        ["node", str(PROJECT_DIR / "tests" / "oidc" / "provider.mjs")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    issuer = f"http://127.0.0.1:{port}"
    wait_for(f"{issuer}/.well-known/openid-configuration", process, "oidc-provider")
    yield issuer
    process.terminate()
    process.wait(timeout=15)


@pytest.fixture
def sso_settings(settings, web_port, provider):
    return dataclasses.replace(
        settings,
        web_port=web_port,
        public_url=f"http://127.0.0.1:{web_port}",
        oidc_issuer=provider,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
        oidc_allowed_domains=("zorg.example",),
        oidc_team_claim="team",
    )


@pytest.fixture
def sso_server(sso_settings, engine):
    """uvicorn with the SSO settings in its environment (as .env would give them)."""
    s = sso_settings
    env = {
        **os.environ,
        "JIM_DEMO": "true",
        "DATABASE_URL": s.database_url,
        "RASA_AUTH_TOKEN": s.rasa_auth_token,
        "SECRET_KEY": s.secret_key,
        "WEB_PORT": str(s.web_port),
        "PUBLIC_URL": s.public_url,
        "OIDC_ISSUER": s.oidc_issuer,
        "OIDC_CLIENT_ID": s.oidc_client_id,
        "OIDC_CLIENT_SECRET": s.oidc_client_secret,
        "OIDC_ALLOWED_DOMAINS": "zorg.example",
        "OIDC_TEAM_CLAIM": "team",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bot.web.app:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(s.web_port), "--ws", "wsproto"]
        + ["--log-level", "warning"],
        cwd=PROJECT_DIR,
        env=env,
    )
    wait_for(f"{s.public_url}/healthz", process, "the web app")
    yield s.public_url
    process.terminate()
    process.wait(timeout=15)


def provider_sign_in(page, email: str) -> None:
    """oidc-provider's development pages: any login name, then consent."""
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill("whatever")
    page.locator("button[type=submit]").click()
    page.wait_for_load_state()
    if "/interaction/" in page.url:  # the consent page
        page.locator("button[type=submit]").click()


def test_sso_signs_in_an_existing_account_and_makes_one_from_the_team_claim(sso_server, engine):
    from playwright.sync_api import sync_playwright

    anna = make_account(engine, "team-noord", "Anna")
    with Session(engine) as session, session.begin():
        repo.ensure_team(session, "team-noord")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for email in (anna["email"], "nieuw@zorg.example"):
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{sso_server}/coach")
                page.get_by_role("link", name="Inloggen met het account van uw organisatie").click()
                provider_sign_in(page, email)
                page.wait_for_url(f"{sso_server}/coach")
                assert "Nominaties van" in page.locator("h1").inner_text()
                context.close()
            # an address outside the allowed domains: a kind answer, no session
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{sso_server}/coach")
            page.get_by_role("link", name="Inloggen met het account van uw organisatie").click()
            provider_sign_in(page, "iemand@elders.example")
            page.wait_for_selector("[role=alert]")
            assert SSO_FAILED in page.locator("[role=alert]").inner_text()
            page.screenshot(path=str(ARTIFACTS / "sso-refused.png"))
        finally:
            browser.close()
    with Session(engine) as session:
        made = session.execute(
            select(Coach).where(Coach.email == "nieuw@zorg.example")
        ).scalar_one()
        assert made.role == "coach" and made.sso_subject.endswith("|nieuw@zorg.example")
        assert session.get(Coach, anna["id"]).sso_subject is not None
        assert (
            session.execute(select(Coach).where(Coach.email == "iemand@elders.example")).first()
            is None
        )


def test_a_wrong_state_gets_the_kind_answer(sso_settings, engine):
    app = create_app(sso_settings)
    client = TestClient(app, base_url=sso_settings.public_url)
    away = client.get("/coach/sso", follow_redirects=False)
    assert away.status_code == 303 and "code_challenge_method=S256" in away.headers["location"]
    assert "nonce=" in away.headers["location"] and "state=" in away.headers["location"]
    back = client.get("/coach/sso/callback", params={"code": "abc", "state": "not-mine"})
    assert back.status_code == 401 and SSO_FAILED in back.text
    assert "jim_coach=" not in back.headers.get("set-cookie", "")


def signed(key: RSAKey, **claims) -> str:
    now = int(time.time())
    body = {"iss": "https://idp.example", "aud": "jim", "sub": "u1", "nonce": "n1",
            "iat": now, "exp": now + 300, "email": "a@zorg.example", **claims}  # fmt: skip
    return jwt.encode({"alg": "RS256", "kid": key.kid}, body, key)


def test_the_id_token_is_checked_for_issuer_audience_nonce_expiry_and_signature():
    key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    config = sso.SsoConfig("https://idp.example", "jim", "secret", ("zorg.example",))
    config._metadata.update({"issuer": "https://idp.example", "jwks_uri": "unused"})
    config._keys.update(KeySet([key]).as_dict(private=False))
    assert sso.validate_id_token(config, signed(key), "n1")["sub"] == "u1"
    other = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    for token, nonce in (
        (signed(key, iss="https://evil.example"), "n1"),
        (signed(key, aud="someone-else"), "n1"),
        (signed(key), "another-nonce"),
        (signed(key, exp=int(time.time()) - 3600), "n1"),
    ):
        with pytest.raises(sso.SsoError):
            sso.validate_id_token(config, token, nonce)
    config.keys = lambda refresh=False: KeySet([key.__class__.import_key(
        key.as_dict(private=False))])  # fmt: skip
    with pytest.raises(sso.SsoError):
        sso.validate_id_token(config, signed(other), "n1")  # signed by another key
