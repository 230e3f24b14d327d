"""The trainer demo page in a real browser against the real running product.

Debian's Chromium (scripts/ensure-chromium) driven by Playwright, as in
tests/test_widget_browser.py; the page talks to the real web app, Rasa server and action
server of the `live` fixture. Screenshots land in tests/artifacts/.
"""

from __future__ import annotations

import re
from pathlib import Path

import playwright.sync_api as playwright_api
import pytest

from testkit.browser import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import ARTIFACTS

expect = playwright_api.expect

pytestmark = pytest.mark.integration

AXE = Path(__file__).parent / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WAIT = 90_000  # ms; the machine is shared, Rasa answers in a second or two


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run scripts/ensure-chromium")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live):
    # bypass_csp only so axe can be injected; the policy itself is tested in test_demo_data
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-NL", bypass_csp=True
    )
    context.set_default_timeout(WAIT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(live.settings.web_url + "/demo")
    yield page
    context.close()
    assert errors == [], f"script errors on the page: {errors}"


def field(page, label: str):
    """The value cell of a row in the coach's nomination ("Leeftijd" -> its <dd>)."""
    return page.locator("#fields dt", has_text=re.compile(f"^{re.escape(label)}$")).locator(
        "xpath=following-sibling::dd[1]"
    )


def progress(page, text: str) -> None:
    expect(page.locator("#progress")).to_have_text(text, timeout=WAIT)
    page.wait_for_function("() => document.getElementById('typing').hidden")


def run_axe(page, label: str) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: scripts/test installs it into tests/.npm")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    assert problems == [], f"{label}: {problems}"


def test_a_scenario_plays_side_by_side_step_back_and_automatically(page, live):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    options = page.locator("#scenario option")
    expect(options).to_have_count(7)
    page.get_by_label("Scenario", exact=True).select_option("6-veertien-jaar")
    expect(page.locator("#scenario-info")).to_contain_text("Sara, 14 jaar")
    page.get_by_role("button", name="Start scenario").click()
    expect(page.locator(".msg.bot", has_text="Hoe wil je dat ik je noem")).to_be_visible()
    expect(field(page, "Naam jongere")).to_contain_text("wordt nu gevraagd")
    run_axe(page, "scenario started")

    page.get_by_role("button", name="Volgende").click()
    progress(page, "Stap 1 van 12")
    expect(page.locator(".msg.me", has_text="Sara")).to_be_visible()
    expect(field(page, "Naam jongere")).to_have_text("Sara")
    page.get_by_role("button", name="Volgende").click()
    progress(page, "Stap 2 van 12")
    expect(field(page, "Leeftijd")).to_have_text("14")
    expect(field(page, "Ouders ook akkoord nodig")).to_contain_text("ja")
    expect(page.locator("#note")).to_contain_text("Onder de 16 beslissen de ouders mee")

    page.get_by_role("button", name="Terug").click()
    progress(page, "Stap 1 van 12")
    expect(field(page, "Leeftijd")).to_have_text("nog leeg – wordt nu gevraagd")
    expect(page.locator("#log .msg.me")).to_have_count(1)

    page.get_by_label("Tempo").select_option("1500")
    page.get_by_role("button", name="Automatisch").click()
    progress(page, "Stap 12 van 12")
    expect(page.locator("#result")).to_have_text(
        "Zoals verwacht: de nominatie is opgeslagen.", timeout=WAIT
    )
    reference = page.locator("#reference").inner_text()
    assert re.fullmatch(r"JIM-[2-9A-Z]{4}", reference)
    expect(page.locator("#notification")).to_contain_text(f"({reference})")
    expect(page.locator("#team-list li.current")).to_contain_text(reference)
    expect(page.locator("#team-list li.current")).to_contain_text("ouders moeten ook akkoord")
    expect(field(page, "Toestemming")).to_contain_text("ja")
    page.screenshot(path=str(ARTIFACTS / "demo-scenario-end.png"), full_page=True)
    run_axe(page, "scenario finished")

    # the printable summary: both sides, and one A4 page
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Samenvatting om te printen").click()
    summary = opened.value
    summary.wait_for_load_state()
    expect(summary.get_by_role("heading", name="Wat de jongere zag")).to_be_visible()
    expect(summary.get_by_role("heading", name="Wat de coach kreeg")).to_be_visible()
    expect(summary.locator("body")).to_contain_text(reference)
    summary.emulate_media(media="print")
    expect(summary.get_by_role("button", name="Afdrukken")).to_be_hidden()
    summary.screenshot(path=str(ARTIFACTS / "demo-summary-print.png"), full_page=True)
    pdf = summary.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages == 1, f"the summary prints on {pages} pages"
    summary.close()


def test_pause_type_instead_free_play_and_reset(page, live):
    page.get_by_label("Scenario", exact=True).select_option("1-oma-meteen")
    page.get_by_role("button", name="Start scenario").click()
    expect(page.locator(".msg.bot", has_text="Hoe wil je dat ik je noem")).to_be_visible()
    page.get_by_role("button", name="Automatisch").click()
    progress(page, "Stap 2 van 11")
    page.get_by_role("button", name="Pauze").click()
    expect(page.get_by_role("button", name="Automatisch")).to_be_visible()
    settled = page.locator("#progress").inner_text()
    page.wait_for_timeout(4000)  # longer than the pace: nothing plays on while paused
    expect(page.locator("#progress")).to_have_text(settled)

    # the trainer types as the youth instead of the next scripted step
    page.get_by_label("Typ als de jongere").fill("mijn oma")
    page.get_by_label("Typ als de jongere").press("Enter")
    expect(page.locator(".msg.me", has_text="mijn oma")).to_be_visible()
    expect(page.locator(".msg.bot", has_text="Hoe heet je oma")).to_be_visible()
    expect(field(page, "Relatie")).to_have_text("oma")

    # free play: no script, the coach view still follows
    page.get_by_role("button", name="Vrij spelen").click()
    expect(page.locator("#progress")).to_have_text("Vrij spelen")
    expect(page.locator(".msg.bot", has_text="Hoe wil je dat ik je noem")).to_be_visible()
    page.get_by_label("Typ als de jongere").fill("Sam")
    page.get_by_role("button", name="Stuur").click()
    expect(field(page, "Naam jongere")).to_have_text("Sam")
    page.locator(".choices button:enabled", has_text=re.compile(r"^\s*16\s*$")).click()
    expect(field(page, "Leeftijd")).to_have_text("16")
    expect(field(page, "Ouders ook akkoord nodig")).to_contain_text("nee")
    page.screenshot(path=str(ARTIFACTS / "demo-free-play.png"), full_page=True)

    page.get_by_role("button", name="Demo wissen").click()
    expect(page.locator("#status")).to_contain_text("De demo is gewist")
    expect(page.locator("#team-list")).to_have_text("Nog geen nominaties.")
    expect(page.locator("#log .msg")).to_have_count(0)
