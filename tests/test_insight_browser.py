"""Issue 19 in a real browser (Debian's Chromium through Playwright) against real uvicorn:
a teamleider opens "Inzicht" from the header, sees the charts with a table beside each
and changes the period; axe-core finds no violations. The demo's insight page too."""

from __future__ import annotations

from bot.storage import repo
from tests.coach_helpers import make_account
from tests.conftest import ARTIFACTS
from tests.test_coach_browser import CHROMIUM, CHROMIUM_ARGS, chromium, server, sign_in
from tests.test_insight import PERIOD, seed_conversations, seed_nominations
from tests.test_widget_browser import run_axe

__all__ = ["chromium", "server"]  # fixtures, used below


def test_teamleider_reads_inzicht_and_the_page_is_accessible(server, engine):
    from playwright.sync_api import expect, sync_playwright

    seed_conversations(engine)
    seed_nominations(engine)
    lea = make_account(engine, "team-a", "Lea", role="teamleider")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # bypass_csp only so axe can be injected
            context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
            page = context.new_page()
            sign_in(page, server, engine, lea)
            page.get_by_role("link", name="Inzicht", exact=True).click()
            page.wait_for_url(f"{server}/coach/inzicht")
            page.get_by_label("Van (datum)").fill(PERIOD["from"])
            page.get_by_label("Tot en met (datum)").fill(PERIOD["to"])
            page.get_by_role("button", name="Tonen").click()
            page.wait_for_url("**/coach/inzicht?from=2026-11-01&to=2026-11-30")
            expect(page.locator("#started")).to_have_text("15")
            expect(
                page.get_by_role("img", name="Hoeveel gesprekken elke vraag bereikten")
            ).to_be_visible()
            expect(page.locator("#table-left")).to_contain_text("Naam van de JIM")
            expect(page.locator("#research")).to_contain_text("71% (5 van 7)")
            expect(page.locator("#research")).to_contain_text("83%")
            run_axe(page, "inzicht")
            page.screenshot(path=str(ARTIFACTS / "insight-1280.png"), full_page=True)
            phone = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
            small = phone.new_page()
            sign_in(small, server, engine, lea)
            small.goto(f"{server}/coach/inzicht?from=2026-11-01&to=2026-11-30")
            run_axe(small, "inzicht on a phone")
            small.screenshot(path=str(ARTIFACTS / "insight-360.png"), full_page=True)

            demo = context.new_page()
            demo.goto(f"{server}/demo/inzicht")
            expect(demo.get_by_role("heading", name="Inzicht (demo)")).to_be_visible()
            run_axe(demo, "demo inzicht")
        finally:
            browser.close()
    assert repo.DEMO_TEAM_SLUG
