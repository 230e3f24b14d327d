"""issue 19: the Leren page in a real browser (Debian's Chromium through Playwright) against
real uvicorn: a beheerder signs in, finds it in the header, labels one message with an
intent and an entity, throws another away and sees the export link; axe-core finds no
violations on the page before and after."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.review import queue
from bot.storage.models import ReviewItem
from tests.coach_helpers import make_account
from tests.conftest import ARTIFACTS
from tests.test_coach_browser import CHROMIUM, CHROMIUM_ARGS, chromium, server, sign_in
from tests.test_widget_browser import run_axe

__all__ = ["chromium", "server"]  # fixtures, used below


def test_beheerder_labels_and_throws_away_on_the_leren_page(server, engine, settings):
    from playwright.sync_api import expect, sync_playwright

    with Session(engine) as session, session.begin():
        for n, text in enumerate(["mijn oom Karim misschien", "asdfgh"]):
            queue.keep(session, settings.secret_key, queue.Seen(
                conversation_id=f"c-{n}", message_id=None, text=text,
                intent="nlu_fallback", confidence=0.3, question="relation",
            ))  # fmt: skip
    with Session(engine) as session:
        first, second = session.execute(select(ReviewItem.id).order_by(ReviewItem.id)).scalars()
    bea = make_account(engine, "beheer", "Bea", role="beheerder")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # bypass_csp only so axe can be injected
            context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
            page = context.new_page()
            sign_in(page, server, engine, bea)
            page.get_by_role("link", name="Leren", exact=True).click()
            page.wait_for_url(f"{server}/coach/leren")
            expect(page.get_by_role("heading", name="mijn oom [NAAM] misschien")).to_be_visible()
            run_axe(page, "leren page")
            page.locator(f"#intent-{first}").select_option("inform_mentor")
            page.locator(f"#entity-{first}-0").select_option("relation")
            page.locator(f"#value-{first}-0").fill("oom")
            page.locator(f"#item-{first}").locator("..").get_by_role(
                "button", name="Opslaan"
            ).click()
            expect(page.get_by_role("status")).to_contain_text("Opgeslagen")
            page.locator(f"#item-{second}").locator("..").get_by_role(
                "button", name="Weggooien"
            ).click()
            expect(page.get_by_role("status")).to_contain_text("Weggegooid")
            expect(page.get_by_role("link", name="Exporteren voor Rasa (YAML)")).to_be_visible()
            expect(page.locator("table")).to_contain_text("inform_mentor")
            run_axe(page, "leren page after labelling")
            page.screenshot(path=str(ARTIFACTS / "leren.png"), full_page=True)
        finally:
            browser.close()
    with Session(engine) as session:
        rows = session.execute(select(ReviewItem.id, ReviewItem.label_intent)).all()
    assert [tuple(r) for r in rows] == [(first, "inform_mentor")]
