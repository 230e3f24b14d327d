"""The coach signal at the top of the portal's list in a real browser (Debian's Chromium)
against a real uvicorn server: seen first, axe-core finds nothing, "Gedaan" removes it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.coach import coach_signal
from bot.storage import repo
from testkit.browser import CHROMIUM, CHROMIUM_ARGS
from tests.coach_helpers import make_account, make_nomination
from tests.conftest import ARTIFACTS
from tests.test_coach_browser import chromium, server, sign_in
from tests.test_widget_browser import run_axe

__all__ = ["chromium", "server"]  # fixtures, used below


def test_signal_on_top_then_gedaan(server, engine, settings):
    from playwright.sync_api import expect, sync_playwright

    sanne = make_account(engine, "team-noord", "Sanne")
    make_nomination(engine, "team-noord", youth_name="Sam", mentor_name="Riet")
    with Session(engine) as session, session.begin():
        team = repo.get_team(session, "team-noord")
        inviter, _ = repo.create_coach(session, team, "Karim")
        code = repo.create_invite(session, inviter, 14).code
    coach_signal.request_contact(engine, settings, "web-browser-yes", code)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # bypass_csp only so axe can be injected
            page = browser.new_page(viewport={"width": 1024, "height": 768}, bypass_csp=True)
            sign_in(page, server, engine, sanne)
            signal = page.locator("article.signal")
            expect(signal).to_have_count(1)
            assert "bel mij snel" in signal.inner_text()
            assert "Karim" in signal.inner_text()
            # above the nominations
            top = page.evaluate(
                "[document.querySelector('article.signal').getBoundingClientRect().top,"
                " document.querySelector('article.nomination').getBoundingClientRect().top]"
            )
            assert top[0] < top[1]
            run_axe(page, "portal with a signal")
            page.screenshot(path=str(ARTIFACTS / "coach-signal.png"), full_page=True)
            signal.get_by_role("button", name="Gedaan").click()
            page.wait_for_url(f"{server}/coach")
            expect(page.locator("article.signal")).to_have_count(0)
            expect(page.locator("article.nomination")).to_have_count(1)
        finally:
            browser.close()
