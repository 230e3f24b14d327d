"""The chat proxy (/chat/send, /chat/history) and the chat page's headers.

Rasa is played by a small real HTTP server on a free port, so the proxy is tested over
real HTTP: what it forwards, what it hands back, and what it does when Rasa is gone.
The conversations here hold their secret (`own`); what happens without it is in
tests/test_conversation_access.py.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from bot.storage import ConversationKey, repo
from bot.web import chat
from bot.web.app import create_app
from bot.web.chat import SECRET_HEADER, STATIC_DIR
from testkit.fake_rasa import FakeRasa

SENDER = "web-0123456789abcdef"
SECRET = "test-conversation-secret-0123456789abcdef"


def own(engine, *senders: str) -> None:
    """These conversations exist, each with SECRET (as if POST /chat/new had made them)."""
    with Session(engine) as session, session.begin():
        for sender in senders:
            session.add(
                ConversationKey(conversation_id=sender, secret_hash=repo.hash_token(SECRET))
            )


def holding(client: TestClient) -> TestClient:
    """The client sends SECRET with every request, as the widget does."""
    client.headers[SECRET_HEADER] = SECRET
    return client


TRACKER_EVENTS = [
    {"event": "action", "name": "action_session_start"},
    {"event": "session_started"},
    {"event": "user", "text": '/start{"invite_code":"SECRET-CODE"}'},
    {"event": "action", "name": "action_start"},
    {"event": "bot", "text": "Hoi! Ik help je kiezen.", "data": {}},
    {
        "event": "bot",
        "text": "Wie vind jij fijn om mee te praten?",
        "data": {
            "buttons": [
                {"title": "👵 Oma", "payload": '/inform_mentor{"relation":"oma"}'},
                {"title": "👴 Opa", "payload": '/inform_mentor{"relation":"opa"}'},
            ]
        },
    },
    {"event": "user", "text": '/inform_mentor{"relation":"oma"}'},
    {"event": "slot", "name": "relation", "value": "oma"},
    {"event": "bot", "text": "Hoe heet je oma?", "data": {"elements": None}},
    {"event": "user", "text": "Riet"},
    {"event": "user", "text": "/restart"},
    {"event": "bot", "text": None, "data": {"custom": {"x": 1}}},
]


@pytest.fixture
def rasa():
    with FakeRasa() as fake:
        yield fake


@pytest.fixture
def client(settings, rasa, engine):
    own(engine, SENDER)
    app = create_app(dataclasses.replace(settings, rasa_port=rasa.port))
    with TestClient(app) as client:
        yield holding(client)


@pytest.fixture
def client_without_rasa(settings, engine):
    own(engine, SENDER)
    # settings.rasa_port is a free port where nothing listens.
    with TestClient(create_app(settings)) as client:
        yield holding(client)


def test_send_forwards_to_rasa_and_returns_only_text_and_buttons(client, rasa, settings):
    rasa.reply_body = [
        {"recipient_id": SENDER, "text": "Hoe heet je oma?"},
        {
            "recipient_id": SENDER,
            "text": "Mag dat?",
            "buttons": [{"title": "✅ Ja, dat mag", "payload": "/affirm"}, {"bad": 1}],
            "custom": {"secret": "x"},
        },
        {"recipient_id": SENDER, "image": "http://example.invalid/x.png"},
    ]
    response = client.post(
        "/chat/send", json={"sender": SENDER, "message": " mijn\x00 oma\x07\u200b\nlief\t "}
    )
    assert response.status_code == 200
    assert response.json() == {
        "messages": [
            {"from": "bot", "text": "Hoe heet je oma?", "buttons": []},
            {
                "from": "bot",
                "text": "Mag dat?",
                "buttons": [{"title": "✅ Ja, dat mag", "payload": "/affirm"}],
            },
        ]
    }
    [forwarded] = rasa.requests
    assert forwarded["method"] == "POST"
    assert forwarded["path"] == "/webhooks/rest/webhook"
    # control characters go, newlines and (zero-width) letters stay
    assert forwarded["json"] == {"sender": SENDER, "message": "mijn oma\u200b\nlief"}


def test_send_accepts_a_message_of_exactly_5000_characters(client, rasa):
    rasa.reply_body = []
    response = client.post("/chat/send", json={"sender": SENDER, "message": "a" * 5000})
    assert response.status_code == 200
    assert len(rasa.requests[0]["json"]["message"]) == 5000


@pytest.mark.parametrize("body", [[], [{"image": "http://example.invalid/x.png"}], [{"x": 1}]])
def test_no_reply_from_rasa_still_gets_a_kind_word(client, rasa, body):
    """A failed step (the action server down) gives Rasa's empty answer: the youth is never
    left without a word, and is asked to send the message again."""
    rasa.reply_body = body
    response = client.post("/chat/send", json={"sender": SENDER, "message": "alles zeggen"})
    assert response.status_code == 200
    assert response.json() == {"messages": [{"from": "bot", "text": chat.NO_REPLY, "buttons": []}]}


@pytest.mark.parametrize(
    "body",
    [
        {"sender": "short", "message": "hoi"},
        {"sender": "a" * 81, "message": "hoi"},
        {"sender": "web-abc/../../status", "message": "hoi"},
        {"sender": "web abc def ghi", "message": "hoi"},
        {"sender": 12345678901, "message": "hoi"},
        {"message": "hoi"},
        {"sender": SENDER},
        {"sender": SENDER, "message": 5},
        {"sender": SENDER, "message": ["hoi"]},
        {"sender": SENDER, "message": "a" * 5001},
        {"sender": SENDER, "message": " \x00\x1b\x7f "},
    ],
)
def test_send_refuses_bad_input_without_calling_rasa(client, rasa, body):
    response = client.post("/chat/send", json=body)
    assert response.status_code == 422
    assert isinstance(response.json()["error"], str)
    assert rasa.requests == []


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b'"hoi"'])
def test_send_refuses_a_body_that_is_not_a_json_object(client, rasa, raw):
    response = client.post("/chat/send", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert "error" in response.json()
    assert rasa.requests == []


def test_send_answers_503_when_rasa_is_down_and_logs_no_message_text(client_without_rasa, caplog):
    caplog.set_level(logging.DEBUG)
    response = client_without_rasa.post(
        "/chat/send", json={"sender": SENDER, "message": "mijn oma heet Geheimnaam"}
    )
    assert response.status_code == 503
    assert response.json() == {"error": "De chat is nu even niet bereikbaar."}
    assert "chat: Rasa did not answer" in caplog.text
    assert "Geheimnaam" not in caplog.text


def test_send_answers_502_when_rasa_fails(client, rasa):
    rasa.reply_status = 500
    rasa.reply_body = {"error": "boom"}
    response = client.post("/chat/send", json={"sender": SENDER, "message": "hoi"})
    assert response.status_code == 502
    assert "error" in response.json()


def test_history_reads_the_tracker_with_the_token_and_shows_what_the_youth_saw(
    client, rasa, settings
):
    rasa.reply_body = {"sender_id": SENDER, "events": TRACKER_EVENTS}
    response = client.get("/chat/history", params={"sender": SENDER})
    assert response.status_code == 200
    [request] = rasa.requests
    assert request["path"] == f"/conversations/{SENDER}/tracker"
    assert request["query"]["token"] == [settings.rasa_auth_token]
    assert response.json() == {
        "messages": [
            {"from": "bot", "text": "Hoi! Ik help je kiezen.", "buttons": []},
            {
                "from": "bot",
                "text": "Wie vind jij fijn om mee te praten?",
                "buttons": [
                    {
                        "title": "👵 Oma",
                        "payload": '/inform_mentor{"relation":"oma"}',
                        "chosen": True,
                    },
                    {"title": "👴 Opa", "payload": '/inform_mentor{"relation":"opa"}'},
                ],
            },
            # the tapped payload is shown as the button's title; /start and its code are not
            {"from": "user", "text": "👵 Oma"},
            {"from": "bot", "text": "Hoe heet je oma?", "buttons": []},
            {"from": "user", "text": "Riet"},
        ]
    }
    assert "SECRET-CODE" not in response.text


def test_history_of_a_new_conversation_is_empty(client, rasa):
    rasa.reply_body = {"sender_id": SENDER, "events": []}
    response = client.get("/chat/history", params={"sender": SENDER})
    assert response.json() == {"messages": []}


@pytest.mark.parametrize("sender", ["", "kort", "web-abc/../../status", "a" * 81])
def test_history_refuses_a_bad_sender(client, rasa, sender):
    response = client.get("/chat/history", params={"sender": sender})
    assert response.status_code == 422
    assert rasa.requests == []


def test_history_answers_503_when_rasa_is_down(client_without_rasa):
    response = client_without_rasa.get("/chat/history", params={"sender": SENDER})
    assert response.status_code == 503
    assert "error" in response.json()


def test_history_answers_502_when_the_token_is_refused(client, rasa):
    rasa.reply_status = 401
    rasa.reply_body = {"message": "unauthorized"}
    response = client.get("/chat/history", params={"sender": SENDER})
    assert response.status_code == 502


def test_chat_page_has_a_strict_content_security_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    header = response.headers["content-security-policy"]
    policy = dict(part.strip().split(" ", 1) for part in header.split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["connect-src"] == "'self'"
    assert "unsafe" not in response.headers["content-security-policy"]
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_chat_page_has_no_inline_script_or_style_and_names_no_other_host():
    html = (STATIC_DIR / "chat.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="nl"', html)
    for script in re.findall(r"<script\b[^>]*>", html):
        assert 'src="/static/' in script
    assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html), "inline script"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    assert not re.search(r"\sstyle\s*=", html), "inline style"
    for name in ("chat.html", "chat.js", "chat.css", "help.js"):
        text = (STATIC_DIR / name).read_text(encoding="utf-8")
        if name == "chat.html":
            # Issue 24: the Hulp panel links to the help lines' own sites. Links to open in
            # a new tab, never anything the page loads from another host.
            text = re.sub(
                r'<a href="https://[a-z0-9.-]+" target="_blank" rel="noopener noreferrer">',
                "<a>",
                text,
            )
        assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text), name
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, name


def test_embed_script_is_served(client):
    response = client.get("/static/embed.js")
    assert response.status_code == 200
    assert "Praat met mij" in response.text
    assert "innerHTML" not in response.text


def test_the_old_rasa_address_endpoint_is_gone(client):
    assert client.get("/config.json").status_code == 404


# --- bad input: never a 500, never forwarded unless it is a normal message -----------------


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe\x00\x01binary",
        b'{"sender": "web-0123456789abcdef", "message": "oma \xff\xfe"}',  # invalid UTF-8
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"[" * 50_000,  # nested too deep for the JSON parser
        b'{"sender": "web-0123456789abcdef", "message": 1' + b"0" * 5000 + b"}",
        b"",
    ],
    ids=["binary", "invalid-utf8", "png", "deep-nesting", "huge-number", "empty"],
)
def test_send_refuses_a_body_that_is_no_json_text(client, rasa, raw):
    response = client.post("/chat/send", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert isinstance(response.json()["error"], str)
    assert rasa.requests == []


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_send_refuses_a_body_over_64_kb_without_reading_it_all(client, rasa, chunked):
    body = json.dumps({"sender": SENDER, "message": "a" * 2_000_000}).encode()
    content = iter([body[i : i + 65536] for i in range(0, len(body), 65536)]) if chunked else body
    response = client.post(
        "/chat/send", content=content, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "error" in response.json()
    assert rasa.requests == []


def test_a_longest_message_in_4_byte_characters_still_fits_the_body_limit(client, rasa):
    response = client.post("/chat/send", json={"sender": SENDER, "message": "👵" * 5000})
    assert response.status_code == 200
    assert rasa.requests[0]["json"]["message"] == "👵" * 5000


@pytest.mark.parametrize(
    ("message", "forwarded"),
    [
        ("\x1b[31mrood\x1b[0m", "[31mrood[0m"),  # terminal escapes lose their ESC
        ("oma\x00\x00 \x08lief", "oma lief"),
        ("oma \udfff\ud800 lief", "oma  lief"),  # lone surrogates are no text
        ("\u202eamo\u200d", "\u202eamo\u200d"),  # format characters are text: they stay
        ("\r\noma\r\n", "oma"),
    ],
)
def test_send_drops_control_characters_and_forwards_the_rest(client, rasa, message, forwarded):
    body = json.dumps({"sender": SENDER, "message": message})  # ASCII: \uXXXX escapes
    response = client.post("/chat/send", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert rasa.requests[0]["json"]["message"] == forwarded


@pytest.mark.parametrize(
    "message",
    [
        "مرحبا، جدتي اسمها فاطمة",  # Arabic
        "我的奶奶叫王芳，她很好",  # Chinese
        "Моя бабушка Оля",  # Cyrillic
        "סבתא שלי",  # Hebrew
        "ओम् दादी",  # Devanagari
        "e\u0301e\u0301n oma 👵🏽👨‍👩‍👧",  # combining accents, emoji sequences
        "'; DROP TABLE nominations; --",
        '" OR 1=1 --',
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "{{7*7}} ${7*7} <%= 7*7 %>",
        "${jndi:ldap://example.invalid/a}",
        "../../../../etc/passwd",
        '=HYPERLINK("http://example.invalid")',
        "/start{\"invite_code\": \"' OR '1'='1\"}",
    ],
)
def test_send_forwards_other_scripts_and_injection_strings_unchanged(client, rasa, message):
    """Text is text: the proxy neither breaks nor 'repairs' it; Rasa and the database get it
    as data (bound parameters, escaped templates), never as code."""
    response = client.post("/chat/send", json={"sender": SENDER, "message": message})
    assert response.status_code == 200
    assert rasa.requests[0]["json"] == {"sender": SENDER, "message": message}


def test_send_refuses_bad_input_and_stores_nothing(client, rasa, engine):
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from bot.storage import Invite, Nomination

    bodies = [b"\xff", b"[" * 50_000, json.dumps({"sender": "x", "message": "hoi"}).encode()]
    for raw in bodies:
        assert client.post("/chat/send", content=raw).status_code in {400, 422}
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Nomination)) == 0
        assert session.scalar(select(func.count()).select_from(Invite)) == 0
    assert rasa.requests == []


# --- rate limits ------------------------------------------------------------------------------


def limited_client(settings, rasa, **limits):
    app = create_app(dataclasses.replace(settings, rasa_port=rasa.port, **limits))
    return holding(TestClient(app))


def assert_kind_429(response):
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 3600
    text = response.json()["error"]
    sentences = [s for s in re.split(r"[.!?]\s*", text) if s]
    assert sentences and all(len(s.split()) <= 10 for s in sentences)  # LANGUAGE.md
    assert text == "Je stuurt veel berichten snel achter elkaar. Wacht even. Dan gaat het verder."


def test_send_limits_messages_per_conversation(settings, rasa, engine):
    own(engine, SENDER, SENDER + "x")
    with limited_client(settings, rasa, rate_chat_per_sender=3) as client:
        for _ in range(3):
            assert client.post("/chat/send", json={"sender": SENDER, "message": "hoi"}).is_success
        assert_kind_429(client.post("/chat/send", json={"sender": SENDER, "message": "hoi"}))
        other = client.post("/chat/send", json={"sender": SENDER + "x", "message": "hoi"})
        assert other.status_code == 200  # another conversation goes on
    assert len(rasa.requests) == 4


def test_send_limits_messages_per_address_across_conversations(settings, rasa, engine):
    own(engine, *[f"{SENDER}{i}" for i in range(3)], SENDER + "new")
    with limited_client(settings, rasa, rate_chat_per_ip=3) as client:
        for i in range(3):
            body = {"sender": f"{SENDER}{i}", "message": "hoi"}
            assert client.post("/chat/send", json=body).status_code == 200
        blocked = client.post("/chat/send", json={"sender": SENDER + "new", "message": "hoi"})
        assert_kind_429(blocked)
        assert client.post("/chat/send", content=b"\xff").status_code == 429  # garbage too
    assert len(rasa.requests) == 3


def test_send_limits_invite_codes_per_address(settings, rasa, engine):
    own(engine, SENDER, SENDER + "0", SENDER + "1", SENDER + "y", SENDER + "z")
    with limited_client(settings, rasa, rate_invite_per_ip=2) as client:
        for i in range(2):
            body = {"sender": f"{SENDER}{i}", "message": f'/start{{"invite_code":"guess{i}xxxx"}}'}
            assert client.post("/chat/send", json=body).status_code == 200
        guess = {"sender": SENDER + "z", "message": '/start{"invite_code":"guess9xxxx"}'}
        assert_kind_429(client.post("/chat/send", json=guess))
        spaced = {"sender": SENDER + "y", "message": '/start { "invite_code" : "guess8xxxx" }'}
        assert_kind_429(client.post("/chat/send", json=spaced))
        # a variant that is no /start form of DESIGN.md reaches Rasa as text, not as a code
        variant = {"sender": SENDER + "y", "message": '/start@0.9{"invite_code":"guess7xxxx"}'}
        assert client.post("/chat/send", json=variant).is_success
        assert not rasa.requests[-1]["json"]["message"].startswith("/")
        # a plain start and normal messages still go through
        assert client.post("/chat/send", json={"sender": SENDER, "message": "/start"}).is_success
        assert client.post("/chat/send", json={"sender": SENDER, "message": "oma"}).is_success
    assert len(rasa.requests) == 5


def test_widget_keeps_and_resends_a_message_after_429():
    """chat.js treats 429 like a lost connection: the message stays queued and is sent again
    after Retry-After (the browser tests drive the real page; this pins the code path)."""
    script = (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    assert "response.status === 429" in script
    assert 'response.headers.get("Retry-After")' in script
    assert "retryLater(result.wait)" in script
