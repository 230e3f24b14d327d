"""issue 18 in the youth's chat, in a real browser against the real product: after the
handoff "Ik vraag het zelf" shows a message with a copy button (and share where the
browser has it); copying puts exactly that message on the clipboard; axe-core finds 0
violations; a screenshot lands in tests/artifacts/."""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS
from tests.test_widget_browser import (  # noqa: F401 - fixtures
    PHONE,
    WAIT,
    browser,
    chat,
    converse_until_reference,
    run_axe,
)

pytestmark = pytest.mark.integration


def test_ask_self_shows_a_message_to_copy(chat):  # noqa: F811
    tab = chat(
        "/", viewport=PHONE, bypass_csp=True, permissions=["clipboard-read", "clipboard-write"]
    )
    converse_until_reference(tab)
    tab.idle()
    tab.tap("Ik vraag het zelf")
    box = tab.page.locator(".share").last
    box.wait_for(timeout=WAIT)
    tab.idle()
    message = box.locator("xpath=..").locator(".text").inner_text()
    assert message.startswith("Hoi Riet,") and message.endswith("/jim")
    box.get_by_role("button", name="Kopiëren").click()
    tab.page.wait_for_selector("text=Gekopieerd", timeout=WAIT)
    assert tab.page.evaluate("navigator.clipboard.readText()") == message
    run_axe(tab.page, "share box")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(ARTIFACTS / "chat-ask-self-360.png"), full_page=True)
    # after a reload the history shows the message with its copy button again
    tab.page.reload()
    tab.page.locator(".share button").first.wait_for(timeout=WAIT)
