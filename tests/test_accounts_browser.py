"""issue 17 in a real browser (Debian's Chromium through Playwright) against real uvicorn:
a teamleider signs in with password and app code, adds a coach; the new coach chooses a
password through the e-mail link, sets up the authenticator app (the code computed from the
key on the page, as the app would) and opens a nomination; the teamleider's access log then
shows those views. axe-core checks each new page."""

from __future__ import annotations

import pyotp
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.accounts import links
from bot.storage import Coach, LoginLink, repo
from tests.coach_helpers import PASSWORD, make_account, make_nomination
from tests.conftest import ARTIFACTS
from tests.test_coach_browser import CHROMIUM, CHROMIUM_ARGS, chromium, server, sign_in
from tests.test_widget_browser import run_axe

__all__ = ["chromium", "server"]  # fixtures, used below


def test_teamleider_adds_a_coach_who_signs_in_and_the_access_log_shows_it(server, engine, settings):
    from playwright.sync_api import expect, sync_playwright

    lea = make_account(engine, "team-noord", "Lea", role="teamleider")
    nid = make_nomination(engine, "team-noord", youth_name="Sam", mentor_name="Riet")
    with Session(engine) as session:
        reference = repo.get_nomination(session, lea["team_id"], nid).reference
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # bypass_csp only so axe can be injected
            leas = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
            page = leas.new_page()
            page.goto(f"{server}/coach")
            run_axe(page, "sign-in page")
            sign_in(page, server, engine, lea)
            page.get_by_role("link", name="Team", exact=True).click()
            page.wait_for_url(f"{server}/coach/team")
            run_axe(page, "team page")
            page.get_by_label("Naam", exact=True).fill("Nina")
            page.get_by_label("E-mailadres", exact=True).fill("nina@zorg.example")
            page.get_by_role("button", name="Toevoegen en link mailen").click()
            expect(page.get_by_role("status")).to_contain_text("Nina is toegevoegd")
            expect(page.locator("table").first).to_contain_text("nina@zorg.example")

            # Nina opens the link from her mail (the token as the outbox makes it)
            with Session(engine) as session:
                nina_id = session.execute(
                    select(Coach.id).where(Coach.email == "nina@zorg.example")
                ).scalar_one()
                link_id = session.execute(
                    select(LoginLink.id).where(LoginLink.coach_id == nina_id)
                ).scalar_one()
            url = links.url_for(server, links.token_for(settings.secret_key, link_id))
            ninas = browser.new_context(viewport={"width": 1024, "height": 768}, bypass_csp=True)
            nina = ninas.new_page()
            nina.goto(url)
            run_axe(nina, "choose a password")
            nina.get_by_label("Nieuw wachtwoord").fill(PASSWORD)
            nina.get_by_label("Nog een keer").fill(PASSWORD)
            nina.get_by_role("button", name="Opslaan").click()
            nina.wait_for_url(f"{server}/coach/tweede-stap")
            run_axe(nina, "authenticator set-up")
            secret = nina.locator("#totp-secret").inner_text()
            nina.get_by_label("Code uit uw app").fill(pyotp.TOTP(secret).now())
            nina.get_by_role("button", name="Instellen").click()
            expect(nina.locator("#recovery-codes li")).to_have_count(10)
            run_axe(nina, "recovery codes")
            nina.get_by_role("link", name="Ik heb ze bewaard, verder").click()
            nina.wait_for_url(f"{server}/coach")
            nina.get_by_role("link", name=reference).click()
            nina.wait_for_url(f"{server}/coach/nominations/{nid}")

            # Lea's access log shows Nina's views, newest first
            page.get_by_role("link", name="Toegangslog", exact=True).click()
            page.wait_for_url(f"{server}/coach/toegangslog")
            run_axe(page, "access log")
            rows = page.locator("#access-log tbody tr")
            expect(rows.first).to_contain_text("Nina")
            expect(rows.first).to_contain_text("nominatie bekeken")
            expect(rows.first).to_contain_text(reference)
            expect(rows.nth(1)).to_contain_text("lijst bekeken")
            page.get_by_label("Wie").fill("lea")
            page.get_by_role("button", name="Filteren").click()
            expect(page.locator("#access-log tbody")).not_to_contain_text("Nina")
            page.screenshot(path=str(ARTIFACTS / "access-log.png"), full_page=True)
        finally:
            browser.close()
