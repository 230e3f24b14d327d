"""The youth's chat page in a real browser against the real running product.

Debian's Chromium (scripts/ensure-chromium) is driven by Playwright; the page talks to the
real web app, Rasa server and action server of the `live` fixture. The conversation is
followed by what the page shows (button titles, questions), not by message counts, so it
keeps working while the conversation grows.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import playwright.sync_api as playwright_api
import pytest

from bot.storage import repo
from testkit.browser import CHROMIUM, CHROMIUM_ARGS
from testkit.env import free_port
from tests.conftest import ARTIFACTS

expect = playwright_api.expect

pytestmark = pytest.mark.integration

AXE = Path(__file__).parent / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
REFERENCE = re.compile(r"JIM-[A-Z0-9]{4}")
WAIT = 60_000  # ms; Rasa answers within a second or two, but the machine is shared


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run scripts/ensure-chromium")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Chat:
    """One youth's browser tab on the chat page, with helpers that read like the youth."""

    def __init__(self, browser, base_url: str, viewport=LAPTOP, **context_options) -> None:
        self.base_url = base_url
        self.context = browser.new_context(viewport=viewport, locale="nl-NL", **context_options)
        self.context.set_default_timeout(WAIT)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.sent: list[dict] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", self._record)

    def _record(self, request) -> None:
        if request.url.endswith("/chat/send") and request.method == "POST":
            self.sent.append(json.loads(request.post_data))

    def open(self, path: str = "/") -> Chat:
        self.page.goto(self.base_url + path)
        return self

    def idle(self) -> None:
        """Wait until nothing is on its way: no request in flight, the queue is empty."""
        self.page.wait_for_function(
            "() => document.getElementById('typing').hidden &&"
            " JSON.parse(localStorage.getItem('jim-queue') || '[]').length === 0",
            timeout=WAIT,
        )

    def bot(self, pattern: str):
        # Not the typing indicator: it is a .msg.bot too, with words for screen readers.
        return self.page.locator(".msg.bot:not(.typing)").filter(has_text=re.compile(pattern, re.I))

    def wait_bot(self, pattern: str) -> None:
        expect(self.bot(pattern).last).to_be_visible(timeout=WAIT)

    def choices(self, title: str | None = None, enabled: bool = True):
        selector = ".choices button" + (":enabled" if enabled else "")
        buttons = self.page.locator(selector)
        if title is not None:
            buttons = buttons.filter(has_text=re.compile(re.escape(title), re.I))
        return buttons

    def tap(self, title: str) -> None:
        """Tap the (enabled) bot button whose visible title contains `title`."""
        self.choices(title).first.click()

    def tap_exactly(self, title: str) -> None:
        """Tap the (enabled) bot button whose title is `title`, apart from its emoji."""
        pattern = re.compile(r"^\W*" + re.escape(title) + r"\s*$", re.I)
        self.page.locator(".choices button:enabled").filter(has_text=pattern).first.click()

    def type(self, text: str) -> None:
        self.page.get_by_label("Jouw bericht").fill(text)
        self.page.get_by_role("button", name="Stuur").click()

    def bot_texts(self) -> list[str]:
        return self.page.locator(".msg.bot .text").all_inner_texts()

    def my_texts(self) -> list[str]:
        return self.page.locator(".msg.me .text").all_inner_texts()

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], f"script errors on the page: {self.errors}"


def to_relation_question(tab: Chat) -> None:
    """Bring a fresh chat to "Wie vind jij fijn om mee te praten?": type a name, tap "15"."""
    tab.wait_bot("Hoe wil je dat ik je noem")
    tab.idle()
    tab.type("Sam")
    tab.wait_bot("Hoe oud ben je")
    tab.idle()
    tab.tap("15")
    tab.wait_bot("Wie vind jij fijn")
    tab.idle()


def to_mentor_name_question(tab: Chat) -> None:
    """From the relation question: tap "Oma of opa", then "Oma"; the bot asks her name."""
    tab.tap("Oma of opa")
    tab.wait_bot("Is het je oma of je opa")
    tab.idle()
    tab.tap_exactly("Oma")
    tab.wait_bot("Hoe heet je oma")
    tab.idle()


@pytest.fixture
def chat(browser, live):
    tabs: list[Chat] = []

    def open_chat(path: str | None = "/", **options) -> Chat:
        """A new tab (own storage); opens `path` unless it is None."""
        tab = Chat(browser, live.settings.web_url, **options)
        tabs.append(tab)
        return tab.open(path) if path is not None else tab

    yield open_chat
    for tab in tabs:
        tab.close()


# Answers by what the bot asks, the way a youth would: by tapping, or by typing only.
# A step we do not know yet is answered with a first "yes"-like button (or "ja"), so the path
# still ends; what is stored is checked afterwards.
STEPS = [
    # (the bot's question, what a tapping youth taps, what a typing youth types)
    (r"hoe wil je dat ik je noem", None, "Sam"),
    (r"hoe oud ben je", "15", "15"),
    (r"wie vind jij fijn", "Oma of opa", "mijn oma"),
    (r"is het je oma of je opa", "=Oma", "oma"),
    (r"hoe heet je oma", None, "Riet"),
    (r"wat doet riet voor jou", "Ik kan alles zeggen", "ze luistert goed"),
    (r"weet riet al", "=Ja", "ja"),
    (r"wie vraagt het aan riet", "Samen met mijn coach", "samen met mijn coach"),
    (r"heb je het nummer", "Nee, sla over", "nee"),
    (r"klopt dat", "Ja, dat klopt", "ja"),
    (r"ook aan je ouders", "Ja, dat is goed", "ja"),
    (r"mag dat", "Ja, dat mag", "ja dat mag"),
]


def answer(tab: Chat, typed_only: bool) -> bool:
    """Answer the newest question; False when there is nothing to do."""
    last = tab.bot_texts()[-1] if tab.bot_texts() else ""
    titles = [t.strip() for t in tab.choices().all_inner_texts()]
    for question, to_tap, to_type in STEPS:
        if re.search(question, last, re.I):
            if typed_only or to_tap is None:
                tab.type(to_type)
            elif to_tap.startswith("="):
                tab.tap_exactly(to_tap[1:])
            else:
                tab.tap(to_tap)
            return True
    if not titles:
        return False
    yes = [t for t in titles if re.match(r"^\W*(ja|klopt|verder|ok)", t, re.I)]
    if typed_only:
        tab.type("ja")
    else:
        tab.tap(yes[0] if yes else titles[0])
    return True


def converse_until_reference(tab: Chat, typed_only: bool = False, max_steps: int = 20) -> str:
    for _ in range(max_steps):
        tab.idle()
        found = REFERENCE.search(" ".join(tab.bot_texts()))
        if found:
            return found.group(0)
        before = len(tab.bot_texts())
        assert answer(tab, typed_only), f"stuck after: {tab.bot_texts()[-3:]}"
        tab.page.wait_for_function(
            "n => document.querySelectorAll('.msg.bot .text').length > n", arg=before, timeout=WAIT
        )
    raise AssertionError(f"no reference code after {max_steps} steps: {tab.bot_texts()[-3:]}")


def nominations(live) -> list[dict]:
    response = httpx.get(
        f"{live.settings.web_url}/api/nominations",
        # real chats go to the default team, also in demo mode (never the demo team)
        headers={"Authorization": f"Bearer {live.team_token}"},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()


def demo_nominations(live) -> list[dict]:
    response = httpx.get(
        f"{live.settings.web_url}/api/nominations",
        headers={"Authorization": f"Bearer {live.demo_token}"},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()


def stored(live, reference: str) -> dict:
    matching = [n for n in nominations(live) if n["reference"] == reference]
    assert len(matching) == 1, f"{reference} not stored"
    return matching[0]


def test_tapping_buttons_ends_in_a_stored_nomination(chat, live):
    tab = chat("/", viewport=PHONE)
    tab.wait_bot("JIM")
    expect(tab.choices("Wat is een JIM")).to_be_visible()
    reference = converse_until_reference(tab)
    nomination = stored(live, reference)
    assert (nomination["youth"]["name"], nomination["youth"]["age"]) == ("Sam", 15)
    assert nomination["mentor"]["name"] == "Riet"
    assert nomination["mentor"]["relation"] == "oma"
    assert nomination["mentor"]["support"] == ["emotioneel"]
    assert nomination["consent"]["given"] is True
    sender = tab.page.evaluate("localStorage.getItem('jim-sender')")
    secret = tab.page.evaluate("localStorage.getItem('jim-secret')")
    assert sender and secret
    # the coach gets a pseudonym, never the conversation id or its secret
    assert nomination["youth"]["conversation_id"] == repo.conversation_ref(
        live.settings.secret_key, sender
    )
    assert sender not in json.dumps(nomination) and secret not in json.dumps(nomination)
    in_demo = [n["reference"] for n in demo_nominations(live)]
    assert reference not in in_demo, "a real chat never lands in the demo team"
    # the taps show as the youth's own words (titles, not payloads); /start never shows
    mine = tab.my_texts()
    assert any(t.endswith("Oma of opa") for t in mine), mine
    assert any(re.fullmatch(r"\W*Oma", t) for t in mine), mine
    assert "15" in mine
    assert not any(t.startswith("/") for t in tab.my_texts())
    assert [m["message"] for m in tab.sent].count("/start") == 1


def test_typing_only_ends_in_a_stored_nomination(chat, live):
    tab = chat("/")
    tab.wait_bot("JIM")
    reference = converse_until_reference(tab, typed_only=True)
    nomination = stored(live, reference)
    assert (nomination["youth"]["name"], nomination["youth"]["age"]) == ("Sam", 15)
    assert (nomination["mentor"]["name"], nomination["mentor"]["relation"]) == ("Riet", "oma")
    assert nomination["consent"]["given"] is True
    assert "mijn oma" in tab.my_texts()
    assert "ja dat mag" in tab.my_texts()


def test_a_tapped_choice_shows_as_mine_and_old_buttons_are_disabled(chat):
    tab = chat("/")
    to_relation_question(tab)
    expect(tab.choices("Tante of oom")).to_be_enabled()
    expect(tab.choices("Oma of opa")).to_be_enabled()
    tab.tap("Oma of opa")
    tab.wait_bot("Is het je oma of je opa")
    tab.idle()
    assert tab.my_texts()[-1].endswith("Oma of opa")
    expect(tab.page.locator(".choices button.chosen").last).to_have_text(re.compile("Oma of opa"))
    expect(tab.choices("Tante of oom", enabled=False)).to_be_disabled()
    expect(tab.choices("Oma of opa", enabled=False)).to_be_disabled()
    # the age buttons of the question before are used up too
    expect(tab.choices("16", enabled=False)).to_be_disabled()
    # the new question has its own, working buttons
    expect(tab.choices("Opa")).to_be_enabled()
    sent = len(tab.sent)
    tab.choices("Tante of oom", enabled=False).first.click(force=True)  # a used button
    tab.page.wait_for_timeout(500)
    assert len(tab.sent) == sent
    # payloads are sent, titles are shown
    assert tab.sent[-1]["message"] == '/inform_mentor{"relation":"oma_opa"}'
    assert tab.sent[-2]["message"] == '/inform_age{"age":"15"}'


def test_reload_shows_the_history_and_does_not_start_again(chat):
    tab = chat("/")
    to_relation_question(tab)
    to_mentor_name_question(tab)
    bot_before, mine_before = tab.bot_texts(), tab.my_texts()
    chosen_before = tab.page.locator(".choices button.chosen").all_inner_texts()
    assert len(chosen_before) == 3  # 15, Oma of opa, Oma
    sender = tab.page.evaluate("localStorage.getItem('jim-sender')")
    sent_before = len(tab.sent)

    tab.page.reload()
    tab.wait_bot("Hoe heet je oma")
    tab.idle()
    assert tab.bot_texts() == bot_before
    assert tab.my_texts() == mine_before
    assert tab.page.evaluate("localStorage.getItem('jim-sender')") == sender
    assert len(tab.sent) == sent_before, "a reload must not send /start again"
    # answered buttons stay used; the choice is still marked
    assert tab.choices().count() == 0
    assert tab.page.locator(".choices button.chosen").all_inner_texts() == chosen_before
    # and the conversation goes on where it was
    tab.type("Riet")
    tab.wait_bot("Wat doet Riet voor jou")


def test_an_old_conversation_without_a_secret_starts_again_kindly(chat):
    """A widget from before conversation secrets has an id only: it starts a new one."""
    tab = chat("/")
    tab.wait_bot("JIM")
    tab.idle()
    tab.page.evaluate(
        "localStorage.setItem('jim-sender', 'web-0123456789abcdef01234567');"
        "localStorage.removeItem('jim-secret')"
    )
    tab.page.reload()
    tab.wait_bot("JIM")
    tab.idle()
    expect(tab.page.get_by_role("status")).to_contain_text("We beginnen opnieuw")
    assert tab.page.evaluate("localStorage.getItem('jim-sender')") != (
        "web-0123456789abcdef01234567"
    )
    assert tab.page.evaluate("localStorage.getItem('jim-secret')")
    assert tab.errors == []


def test_another_browser_with_the_id_but_not_the_secret_sees_nothing(chat):
    youth = chat("/")
    youth.wait_bot("Hoe wil je dat ik je noem")
    youth.idle()
    youth.type("Geheimnaam")
    youth.wait_bot("Hoe oud ben je")
    youth.idle()
    sender = youth.page.evaluate("localStorage.getItem('jim-sender')")

    stranger = chat("/")
    stranger.wait_bot("JIM")
    stranger.idle()
    stranger.page.evaluate(
        "s => { localStorage.setItem('jim-sender', s);"
        " localStorage.setItem('jim-secret', 'x'.repeat(43)); }",
        sender,
    )
    stranger.page.reload()
    stranger.wait_bot("JIM")
    stranger.idle()
    assert "Geheimnaam" not in stranger.page.locator("main").inner_text()
    assert stranger.page.evaluate("localStorage.getItem('jim-sender')") != sender
    expect(stranger.page.get_by_role("status")).to_contain_text("We beginnen opnieuw")
    # the youth's own browser still has the whole conversation
    youth.page.reload()
    youth.wait_bot("Hoe oud ben je")
    assert "Geheimnaam" in youth.my_texts()


def test_html_in_a_message_is_shown_as_text_and_never_runs(chat):
    tab = chat("/")
    tab.wait_bot("JIM")
    attack = '<img src=x onerror="window.__hacked=1"><script>window.__hacked=2</script>'
    tab.type(attack)
    tab.wait_bot("geen naam|niet mee helpen|naam nog niet")  # a kind answer, the question again
    tab.idle()
    tab.page.wait_for_timeout(300)
    assert attack in tab.my_texts()
    assert tab.page.evaluate("window.__hacked === undefined")
    assert tab.page.locator("#log img, #log script").count() == 0
    tab.page.reload()  # the history is shown the same safe way
    tab.wait_bot("JIM")
    tab.idle()
    assert attack in tab.my_texts()
    assert tab.page.evaluate("window.__hacked === undefined")
    assert tab.page.locator("#log img, #log script").count() == 0


def test_the_content_security_policy_blocks_inline_script(chat):
    tab = chat("/")
    tab.wait_bot("JIM")
    with pytest.raises(playwright_api.Error):
        tab.page.add_script_tag(content="window.__inline = 1")
    assert tab.page.evaluate("window.__inline === undefined")


def test_a_message_typed_while_offline_is_kept_and_sent_later(chat):
    tab = chat("/", viewport=PHONE)
    tab.wait_bot("JIM")
    tab.idle()
    tab.page.route("**/chat/send", lambda route: route.abort())
    tab.type("Sam")
    pending = tab.page.locator(".msg.me.waiting")
    expect(pending).to_contain_text("Sam")
    expect(pending).to_contain_text("Wacht op verbinding")
    expect(tab.page.get_by_role("status")).to_contain_text("geen verbinding")
    queued = json.loads(tab.page.evaluate("localStorage.getItem('jim-queue')"))
    assert [item["message"] for item in queued] == ["Sam"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(ARTIFACTS / "widget-offline-360.png"))

    tab.page.reload()  # still offline: the message is still there, still waiting
    expect(tab.page.locator(".msg.me.waiting")).to_contain_text("Sam")

    tab.page.unroute("**/chat/send")
    tab.page.evaluate("window.dispatchEvent(new Event('online'))")
    tab.wait_bot("Hoe oud ben je")
    tab.idle()
    expect(tab.page.locator(".msg.me.waiting")).to_have_count(0)
    expect(tab.page.locator("#status")).to_have_text("")
    assert tab.my_texts().count("Sam") == 1


def test_a_message_refused_with_429_is_kept_and_sent_after_retry_after(chat, live):
    """The real rate limit answers 429: the page says so kindly, keeps the text, sends it
    after the server's Retry-After.

    The conversation's own quota (`RATE_CHAT_PER_SENDER` a minute) is used up first by
    messages the web app counts and then refuses as empty ("/"), so Rasa never sees them
    and the limiter, not the test, answers the youth's next message.
    """
    tab = chat("/", viewport=PHONE)
    tab.wait_bot("JIM")
    tab.idle()
    sender = tab.page.evaluate("localStorage.getItem('jim-sender')")
    secret = tab.page.evaluate("localStorage.getItem('jim-secret')")
    answered: list[tuple[str, int, str | None]] = []
    tab.page.on(
        "response",
        lambda r: r.url.endswith("/chat/send")
        and answered.append((r.request.post_data or "", r.status, r.headers.get("retry-after"))),
    )
    statuses = []
    with httpx.Client(base_url=live.settings.web_url, timeout=30) as client:
        for _ in range(live.settings.rate_chat_per_sender + 1):
            response = client.post(
                "/chat/send",
                json={"sender": sender, "message": "/"},
                headers={"X-Chat-Secret": secret},
            )
            statuses.append(response.status_code)
            if response.status_code == 429:
                break
    assert statuses[-1] == 429 and set(statuses[:-1]) == {422}, statuses
    tab.type("Sam")
    expect(tab.page.locator(".msg.me.waiting")).to_contain_text("Sam")
    expect(tab.page.get_by_role("status")).to_contain_text("veel berichten")
    refused = [(body, wait) for body, status, wait in answered if status == 429]
    assert refused and '"Sam"' in refused[0][0], answered
    assert int(refused[0][1]) >= 1, "the server's own Retry-After"
    # sent again by itself once the window has room (up to a minute)
    expect(tab.bot("Hoe oud ben je").last).to_be_visible(timeout=2 * WAIT)
    tab.idle()
    expect(tab.page.locator(".msg.me.waiting")).to_have_count(0)
    expect(tab.page.locator("#status")).to_have_text("")
    assert "Niet verstuurd" not in tab.page.locator("#log").inner_text()
    assert tab.my_texts().count("Sam") == 1
    assert [status for body, status, _ in answered if '"Sam"' in body] == [429, 200], answered


def test_a_new_conversation_while_the_server_is_gone_starts_when_it_is_back(chat):
    tab = chat(None)
    tab.page.route("**/chat/send", lambda route: route.abort())
    tab.open("/")
    expect(tab.page.get_by_role("status")).to_contain_text("geen verbinding")
    tab.page.unroute("**/chat/send")
    tab.wait_bot("JIM")  # the backoff retry sends /start by itself
    assert [m["message"] for m in tab.sent].count("/start") >= 1


def test_an_invite_link_starts_with_the_code_json_encoded(chat):
    code = 'abc"}{\\x'
    tab = chat("/?invite=" + httpx.URL("", params={"c": code}).query.decode()[2:])
    tab.wait_bot(".")
    tab.idle()
    assert tab.sent[0]["message"] == "/start" + json.dumps(
        {"invite_code": code}, separators=(",", ":")
    )


def test_start_again_asks_first_then_starts_a_new_conversation(chat):
    tab = chat("/")
    tab.wait_bot("Hoe wil je dat ik je noem")
    tab.idle()
    tab.type("Sam")
    tab.tap("15")
    tab.wait_bot("Wie vind jij fijn")
    tab.idle()
    first_sender = tab.page.evaluate("localStorage.getItem('jim-sender')")
    tab.page.get_by_role("button", name="Instellingen").click()
    tab.page.get_by_role("button", name="Opnieuw beginnen").click()
    dialog = tab.page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    # the safe answer has the focus: Enter by mistake keeps the conversation
    expect(dialog.get_by_role("button", name="Nee, verder praten")).to_be_focused()
    dialog.get_by_role("button", name="Nee, verder praten").click()
    expect(dialog).to_be_hidden()
    assert tab.page.evaluate("localStorage.getItem('jim-sender')") == first_sender

    tab.page.get_by_role("button", name="Opnieuw beginnen").click()
    tab.page.get_by_role("dialog").get_by_role("button", name="Ja, opnieuw").click()
    tab.wait_bot("JIM")
    tab.idle()
    new_sender = tab.page.evaluate("localStorage.getItem('jim-sender')")
    assert new_sender != first_sender
    assert tab.my_texts() == []
    assert not any("Wie vind jij" in t for t in tab.bot_texts())
    expect(tab.choices("Wat is een JIM")).to_be_enabled()
    assert tab.sent[-1] == {"sender": new_sender, "message": "/start"}


# Chromium without speech-dispatcher has no voices: the page gets these. An online voice
# sends the text to a third party; only the voice of this device may be used.
FAKE_VOICES = """
  window.__voices = %s;
  window.speechSynthesis.getVoices = function () { return window.__voices; };
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  window.__spoken = [];
  window.speechSynthesis.speak = function (u) {
    window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
  };
"""
ONLINE_NL = {"name": "Online Nederlands", "lang": "nl-NL", "localService": False}
LOCAL_NL = {"name": "Lokaal Nederlands", "lang": "nl-NL", "localService": True}
LOCAL_EN = {"name": "Local English", "lang": "en-GB", "localService": True}


def test_read_aloud_speaks_dutch_without_emoji(chat):
    recorder = FAKE_VOICES % json.dumps([ONLINE_NL, LOCAL_EN, LOCAL_NL])
    tab = chat(None)
    tab.page.add_init_script(recorder)
    tab.open("/")
    to_relation_question(tab)
    tab.page.locator(".msg.bot").filter(has_text="Wie vind jij").get_by_role(
        "button", name="Lees voor"
    ).click()
    spoken = tab.page.evaluate("window.__spoken")
    assert len(spoken) == 1
    assert spoken[0]["lang"].lower().startswith("nl")
    assert spoken[0]["voice"] == "Lokaal Nederlands", "never the online voice"
    assert "Wie vind jij fijn" in spoken[0]["text"]
    assert "Oma of opa" in spoken[0]["text"]  # the choices are read too
    assert "Ik weet het niet" in spoken[0]["text"]
    assert not re.search(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]", spoken[0]["text"])
    assert tab.page.locator(".msg.bot button.speak").count() == len(tab.bot_texts())

    # "Alles voorlezen": every new bot message is read without a tap
    tab.page.get_by_role("button", name="Instellingen").click()
    tab.page.get_by_role("button", name="Alles voorlezen").click()
    tab.tap("Oma of opa")
    tab.wait_bot("Is het je oma of je opa")
    tab.idle()
    spoken = tab.page.evaluate("window.__spoken")
    assert any("Is het je oma of je opa" in s["text"] for s in spoken[1:]), spoken
    tab.page.reload()
    tab.page.get_by_role("button", name="Instellingen").click()
    expect(tab.page.get_by_role("button", name="Alles voorlezen")).to_have_attribute(
        "aria-pressed", "true"
    )


def test_with_only_an_online_dutch_voice_nothing_is_read_aloud_and_the_page_says_so(chat):
    tab = chat(None)
    tab.page.add_init_script(FAKE_VOICES % json.dumps([ONLINE_NL, LOCAL_EN]))
    tab.open("/")
    tab.wait_bot("JIM")
    tab.idle()
    expect(tab.page.locator("button.speak:visible")).to_have_count(0)
    tab.page.get_by_role("button", name="Instellingen").click()
    expect(tab.page.get_by_role("button", name="Alles voorlezen")).to_be_hidden()
    expect(tab.page.get_by_text("Voorlezen kan niet op dit apparaat.")).to_be_visible()
    assert tab.page.evaluate("window.__spoken") == []


def test_without_speech_the_read_aloud_buttons_are_hidden(chat):
    tab = chat(None)
    tab.page.add_init_script(
        "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance"
    )
    tab.open("/")
    tab.wait_bot("JIM")
    assert tab.page.locator("button.speak").count() == 0
    tab.page.get_by_role("button", name="Instellingen").click()
    expect(tab.page.get_by_role("button", name="Alles voorlezen")).to_be_hidden()


def test_phone_numbers_become_tel_links(chat):
    tab = chat("/")
    tab.wait_bot("JIM")
    tab.type("ik wil dood")
    tab.wait_bot("112")
    tab.idle()
    links = tab.page.locator(".msg.bot a[href^='tel:']")
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert "tel:112" in hrefs
    assert any(re.fullmatch(r"tel:0800\d{4}", href) for href in hrefs), hrefs
    # the number reads as written; the link is a real element, not HTML from the bot
    expect(tab.page.locator(".msg.bot a[href='tel:112']").first).to_have_text("112")


def test_a_typing_indicator_shows_while_the_bot_answers(chat):
    tab = chat("/")
    tab.wait_bot("JIM")
    tab.idle()
    held = []
    tab.page.route("**/chat/send", lambda route: held.append(route))
    tab.type("Sam")
    expect(tab.page.locator("#typing")).to_be_visible()
    assert len(held) == 1
    held[0].continue_()
    tab.wait_bot("Hoe oud ben je")
    expect(tab.page.locator("#typing")).to_be_hidden()


def test_text_size_and_contrast_are_remembered(chat):
    tab = chat("/")
    tab.wait_bot("JIM")
    base = tab.page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    tab.page.get_by_role("button", name="Instellingen").click()
    tab.page.get_by_role("button", name="grootste letters").click()
    tab.page.get_by_role("button", name="Sterke kleuren").click()
    big = tab.page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert big >= base * 1.3
    tab.page.reload()
    tab.wait_bot("JIM")
    classes = set(tab.page.evaluate("document.documentElement.className").split())
    assert {"size-3", "contrast"} <= classes
    assert tab.page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    tab.page.get_by_role("button", name="Instellingen").click()
    expect(tab.page.get_by_role("button", name="grootste letters")).to_have_attribute(
        "aria-pressed", "true"
    )


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360", "1280"])
def test_the_question_stays_in_sight_while_changing_settings(chat, viewport):
    tab = chat("/", viewport=viewport)
    to_relation_question(tab)
    to_mentor_name_question(tab)
    question = tab.bot("Hoe heet je oma").last.locator(".text")
    expect(question).to_be_in_viewport(ratio=1)
    page = tab.page
    page.get_by_role("button", name="Instellingen").click()
    expect(question).to_be_in_viewport(ratio=1)
    page.get_by_role("button", name="grootste letters").click()
    expect(question).to_be_in_viewport(ratio=1)
    page.get_by_role("button", name="Sterke kleuren").click()
    expect(question).to_be_in_viewport(ratio=1)
    page.get_by_role("button", name="Instellingen").click()
    expect(question).to_be_in_viewport(ratio=1)


def focus_by_keyboard(page, wanted: str, key: str) -> None:
    """Press `key` (Tab or Shift+Tab) until the focused element's text matches `wanted`."""
    for _ in range(80):
        page.keyboard.press(key)
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if re.fullmatch(r"\W*" + re.escape(wanted), focused):
            break
    else:
        raise AssertionError(f"the {wanted!r} button cannot be reached with {key}")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"


def test_keyboard_only(chat):
    tab = chat("/")
    tab.wait_bot("Hoe wil je dat ik je noem")
    tab.idle()
    page = tab.page
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "text":
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("the text box cannot be reached with Tab")
    page.keyboard.type("Sam")
    page.keyboard.press("Enter")
    tab.wait_bot("Hoe oud ben je")
    tab.idle()
    # the newest buttons sit just above the text box
    focus_by_keyboard(page, "15", "Shift+Tab")
    page.keyboard.press("Enter")
    tab.wait_bot("Wie vind jij fijn")
    tab.idle()
    assert page.evaluate("document.activeElement.id") == "text"
    focus_by_keyboard(page, "Oma of opa", "Shift+Tab")
    page.keyboard.press("Enter")
    tab.wait_bot("Is het je oma of je opa")
    tab.idle()
    focus_by_keyboard(page, "Oma", "Shift+Tab")
    page.keyboard.press(" ")  # Space works as well as Enter
    tab.wait_bot("Hoe heet je oma")
    tab.idle()
    # focus went to the text box, so the youth can type the answer at once
    assert page.evaluate("document.activeElement.id") == "text"
    page.keyboard.type("Riet")
    page.keyboard.press("Enter")
    tab.wait_bot("Wat doet Riet voor jou")
    assert "Riet" in tab.my_texts()


def test_the_page_works_in_an_iframe_through_embed_js(chat, live):
    # A partner site: another origin (its own port) on this machine, serving one page.
    html = (
        "<!doctype html><html lang='nl'><head><title>Partner</title></head><body>"
        f"<h1>Jongerenpunt</h1><script src='{live.settings.web_url}/static/embed.js'>"
        "</script></body></html>"
    ).encode()

    class Partner(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Partner)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        tab = chat(None)
        tab.page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        tab.page.get_by_role("button", name="Praat met mij").click()
        frame = tab.page.frame_locator("#jim-kiezer-frame")
        expect(frame.locator(".msg.bot").first).to_contain_text("JIM", timeout=WAIT)
        expect(frame.get_by_role("button", name="Wat is een JIM")).to_be_enabled()
        tab.page.get_by_role("button", name="Sluit de chat").click()
        expect(tab.page.locator("#jim-kiezer-frame")).to_be_hidden()
    finally:
        server.shutdown()
        server.server_close()


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


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360", "1280"])
def test_accessibility_and_screenshots(chat, viewport):
    # bypass_csp only so axe can be injected; the policy itself is tested above
    tab = chat("/", viewport=viewport, bypass_csp=True)
    page = tab.page
    name = f"{viewport['width']}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    run_axe(page, "start")

    tab.wait_bot("Hoe wil je dat ik je noem")
    tab.idle()
    page.screenshot(path=str(ARTIFACTS / f"widget-start-{name}.png"))
    run_axe(page, "first question")

    to_relation_question(tab)
    expect(tab.choices("Oma of opa")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / f"widget-buttons-{name}.png"))
    run_axe(page, "buttons shown")

    to_mentor_name_question(tab)
    page.screenshot(path=str(ARTIFACTS / f"widget-after-choice-{name}.png"))
    run_axe(page, "after a choice")

    page.get_by_role("button", name="Instellingen").click()
    page.screenshot(path=str(ARTIFACTS / f"widget-settings-{name}.png"))
    run_axe(page, "settings open")

    page.get_by_role("button", name="Sterke kleuren").click()
    page.get_by_role("button", name="grootste letters").click()
    page.get_by_role("button", name="Instellingen").click()
    page.screenshot(path=str(ARTIFACTS / f"widget-contrast-{name}.png"))
    run_axe(page, "high contrast, biggest letters")

    page.get_by_role("button", name="Instellingen").click()
    page.get_by_role("button", name="Opnieuw beginnen").click()
    page.screenshot(path=str(ARTIFACTS / f"widget-dialog-{name}.png"))
    run_axe(page, "start-again dialog")
    page.get_by_role("button", name="Nee, verder praten").click()

    page.route("**/chat/send", lambda route: route.abort())
    tab.type("Riet")
    expect(page.locator(".msg.me.waiting")).to_be_visible()
    run_axe(page, "offline, message waiting")
    page.unroute("**/chat/send")
