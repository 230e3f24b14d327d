"""The coach portal in a real browser (Debian's Chromium through Playwright) against a
real uvicorn server: log in, see the list with a nomination, open it, change its status."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest

from bot.settings import PROJECT_DIR
from testkit.browser import CHROMIUM, CHROMIUM_ARGS
from tests.coach_helpers import make_account, make_nomination, next_code
from tests.conftest import ARTIFACTS


@pytest.fixture(scope="module", autouse=True)
def chromium():
    """Installs Debian's chromium if missing (idempotent); never a Playwright download."""
    subprocess.run([str(PROJECT_DIR / "scripts" / "ensure-chromium")], check=True)


@pytest.fixture
def server(settings, engine):
    """uvicorn serving create_app() for this test's settings, on a free port."""
    env = {
        **os.environ,
        "JIM_DEMO": "true",
        "DATABASE_URL": settings.database_url,
        "RASA_AUTH_TOKEN": settings.rasa_auth_token,
        "SECRET_KEY": settings.secret_key,
        "WEB_PORT": str(settings.web_port),
        "PUBLIC_URL": settings.web_url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bot.web.app:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(settings.web_port), "--ws", "wsproto"]
        + ["--log-level", "warning"],
        cwd=PROJECT_DIR,
        env=env,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{settings.web_url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("the web app did not start")
        time.sleep(0.3)
    yield settings.web_url
    process.terminate()
    process.wait(timeout=15)


def sign_in(page, server: str, engine, account: dict, landing: str = "/coach") -> None:
    """Both steps of the sign-in, typed as a coach would: e-mail, password, app code."""
    page.goto(f"{server}/coach")
    page.get_by_label("E-mailadres").fill(account["email"])
    page.get_by_label("Wachtwoord").fill(account["password"])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{server}/coach/tweede-stap**")
    page.get_by_label("Code uit uw app").fill(next_code(engine, account))  # as the app shows
    page.get_by_role("button", name="Verder", exact=True).click()
    page.wait_for_url(f"{server}{landing}")


def test_coach_logs_in_and_sees_the_list(server, engine):
    from playwright.sync_api import sync_playwright

    sanne = make_account(engine, "team-noord", "Sanne")
    nid = make_nomination(engine, "team-noord", youth_name="Sam", mentor_name="Riet", youth_age=14)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1024, "height": 768})
            sign_in(page, server, engine, sanne)
            card = page.locator("article.nomination").first
            assert "Riet" in card.inner_text() and "Sam" in card.inner_text()
            assert "ouders moeten ook akkoord zijn" in card.inner_text()
            assert card.locator(".badge").inner_text() == "Nieuw"
            page.screenshot(path=str(ARTIFACTS / "coach-list.png"), full_page=True)
            card.get_by_role("link").click()
            page.wait_for_url(f"{server}/coach/nominations/{nid}")
            for width, height in ((768, 1024), (1280, 800)):  # tablet and laptop
                page.set_viewport_size({"width": width, "height": height})
                assert page.evaluate(
                    "document.documentElement.scrollWidth <= window.innerWidth"
                ), f"horizontal scrolling at {width} px"
            page.get_by_role("button", name="Zet op: In contact").click()
            page.wait_for_selector("text=Zet op: JIM gestart")
            assert page.locator("h1 .badge").inner_text() == "In contact"
            page.get_by_role("button", name="Uitloggen", exact=True).click()
            page.wait_for_selector("#password")
        finally:
            browser.close()
    assert (ARTIFACTS / "coach-list.png").stat().st_size > 5000
