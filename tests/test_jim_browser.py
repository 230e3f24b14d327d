"""issue 18 in a real browser (Debian's Chromium through Playwright) against a real uvicorn
server: the /jim page for the chosen person and the letter in the portal, checked with
axe-core (0 violations), on one A4 when printed, with screenshots in tests/artifacts/."""

from __future__ import annotations

import pytest

from tests.coach_helpers import make_account, make_nomination
from tests.conftest import ARTIFACTS
from tests.test_coach_browser import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    chromium,
    server,
    sign_in,
)
from tests.test_widget_browser import run_axe

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}


def pdf_pages(page) -> int:
    """How many A4 pages the browser's own print makes of this page."""
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360", "1280"])
def test_the_jim_page_is_accessible_readable_and_one_a4(server, browser, viewport):  # noqa: F811
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # bypass_csp only so axe can be injected; the policy itself is tested elsewhere
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    page.goto(f"{server}/jim")
    assert page.locator("h1").inner_text() == "Jij bent gekozen als JIM"
    assert page.get_by_role("button", name="Print deze pagina").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    run_axe(page, f"/jim at {viewport['width']}")
    page.screenshot(path=str(ARTIFACTS / f"jim-page-{viewport['width']}.png"), full_page=True)
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Print deze pagina").is_visible()
    assert pdf_pages(page) == 1


def test_the_letter_is_accessible_filled_in_and_one_a4(server, engine, browser):  # noqa: F811
    sanne = make_account(engine, "team-noord", "Sanne")
    nid = make_nomination(engine, "team-noord", youth_name="Sam de Vries", mentor_name="Riet")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=LAPTOP, bypass_csp=True)
    sign_in(page, server, engine, sanne)
    page.goto(f"{server}/coach/nominations/{nid}")
    run_axe(page, "detail with the letter form")
    page.get_by_label("Uw telefoon of e-mail in de brief").fill("06 1234 5678")
    page.get_by_role("button", name="Brief maken").click()
    page.wait_for_url(f"{server}/coach/nominations/{nid}/letter*")
    text = page.locator("main").inner_text()
    assert "Hoi Riet! Sam koos jou als JIM." in text
    assert "De coach heet Sanne. Je bereikt Sanne zo: 06 1234 5678." in text
    run_axe(page, "letter")
    page.screenshot(path=str(ARTIFACTS / "jim-letter.png"), full_page=True)
    page.emulate_media(media="print")
    assert not page.get_by_text("Terug naar").is_visible()
    assert pdf_pages(page) == 1
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Terug naar").click()
    assert "Brief voor de JIM gemaakt" in page.locator("table").inner_text()
