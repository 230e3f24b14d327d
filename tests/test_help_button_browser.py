"""The "Hulp" button in the chat's header (issue 24, item 7) in Debian's Chromium against
the running product: always in sight, opens the help lines as a modal dialog with tel:
and chat links, keyboard only works (Tab to it, Enter opens, Tab stays inside, Escape
closes, focus comes back), nothing is sent, axe-core finds nothing, the strict
Content-Security-Policy stays on."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.conftest import ARTIFACTS
from tests.test_widget_browser import (
    LAPTOP,
    PHONE,
    browser,
    chat,
    expect,
    run_axe,
)

__all__ = ["browser", "chat"]  # fixtures of the widget tests, used below
pytestmark = pytest.mark.integration

# What the panel must offer: every number as a tel: link (checked against the
# organisations' own pages, see bot/web/static/help.js) and a chat or site link.
TEL = {
    "tel:112",  # 112
    "tel:08000432",  # De Kindertelefoon
    "tel:113",  # 113 Zelfmoordpreventie
    "tel:08000113",  # 113 Zelfmoordpreventie, free number
    "tel:08002000",  # Veilig Thuis
    "tel:08000188",  # Centrum Seksueel Geweld
    "tel:0202615275",  # Helpwanted
}
SITES = {
    "www.kindertelefoon.nl",
    "www.113.nl",
    "veiligthuis.nl",
    "centrumseksueelgeweld.nl",
    "www.helpwanted.nl",
}


def focused(page) -> dict:
    return page.evaluate(
        "() => ({id: document.activeElement.id, text: document.activeElement.textContent.trim(),"
        " inPanel: !!document.activeElement.closest('#help-panel')})"
    )


def test_keyboard_tab_enter_escape_and_focus_comes_back(chat):
    tab = chat("/")  # the real Content-Security-Policy: help.js must run under it
    tab.wait_bot("Hoe wil je dat ik je noem")
    tab.idle()
    page = tab.page
    sent_before = len(tab.sent)
    texts_before = tab.bot_texts()
    for _ in range(10):
        page.keyboard.press("Tab")
        if focused(page)["id"] == "help-open":
            break
    else:
        raise AssertionError("the Hulp button cannot be reached with Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"

    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Hulp")
    expect(dialog).to_be_visible()
    assert dialog.get_attribute("aria-modal") == "true"
    assert focused(page)["inPanel"]
    # Tab and Shift+Tab go round inside the panel, never to the chat behind it.
    links = page.locator("#help-panel a, #help-panel button").count()
    for key in ("Tab", "Shift+Tab"):
        for _ in range(links + 3):
            page.keyboard.press(key)
            assert focused(page)["inPanel"], f"{key} left the panel"

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # the dialog's close event comes after it is hidden: wait for it, do not race it
    expect(page.get_by_role("button", name="Hulp")).to_have_attribute("aria-expanded", "false")
    assert focused(page)["id"] == "help-open"
    # The chat is where it was: nothing sent, the same messages.
    assert len(tab.sent) == sent_before
    assert tab.bot_texts() == texts_before


def test_close_button_returns_focus_to_where_it_was_and_keeps_the_typing(chat):
    tab = chat("/")
    tab.wait_bot("Hoe wil je dat ik je noem")
    tab.idle()
    page = tab.page
    box = page.get_by_label("Jouw bericht")
    box.fill("ik wil nog even")
    box.focus()
    # Opened while the text box has focus (a script click does not move focus).
    page.evaluate("document.getElementById('help-open').click()")
    expect(page.get_by_role("dialog", name="Hulp")).to_be_visible()
    assert focused(page)["inPanel"]
    page.get_by_role("button", name="Sluiten").click()
    expect(page.get_by_role("dialog", name="Hulp")).to_be_hidden()
    assert focused(page)["id"] == "text"
    assert box.input_value() == "ik wil nog even"  # half-typed words stay


def test_the_panel_has_every_help_line_as_tel_and_chat_links(chat):
    tab = chat("/")
    page = tab.page
    page.get_by_role("button", name="Hulp").click()
    dialog = page.get_by_role("dialog", name="Hulp")
    expect(dialog).to_be_visible()
    tel = set(
        dialog.locator("a[href^='tel:']").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
    )
    assert tel == TEL
    sites = dialog.locator("a[href^='https://']")
    assert {
        urlparse(h).hostname for h in sites.evaluate_all("els => els.map(e => e.href)")
    } == SITES
    # Links to other sites open outside the chat (which may sit in a partner's iframe).
    for target in sites.evaluate_all("els => els.map(e => e.target + ' ' + e.rel)"):
        assert target == "_blank noopener noreferrer"
    text = dialog.inner_text()
    assert "Tot 18 jaar" in text  # the Kindertelefoon is for youths under 18
    for number in ("112", "0800 0432", "113", "0800 0113", "0800 2000", "0800 0188"):
        assert number in text


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360", "1280"])
def test_axe_finds_nothing_with_the_panel_open_and_the_button_is_always_in_sight(chat, viewport):
    # bypass_csp only so axe can be injected; the first test runs under the real policy
    tab = chat("/", viewport=viewport, bypass_csp=True)
    tab.wait_bot("Hoe wil je dat ik je noem")
    tab.idle()
    page = tab.page
    for answer in ("Sam", "15"):  # a longer chat: the header with Hulp stays in sight
        tab.type(answer)
        tab.idle()
    expect(page.get_by_role("button", name="Hulp")).to_be_in_viewport(ratio=1)
    run_axe(page, "closed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"widget-help-button-{viewport['width']}.png"))
    page.get_by_role("button", name="Hulp").click()
    expect(page.get_by_role("dialog", name="Hulp")).to_be_visible()
    run_axe(page, "open")
    page.screenshot(path=str(ARTIFACTS / f"widget-help-{viewport['width']}.png"))
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="Hulp")).to_be_hidden()
