"""The chat proxy (/chat/send, /chat/history) and the chat page's headers.

Rasa is played by a small real HTTP server on a free port, so the proxy is tested over
real HTTP: what it forwards, what it hands back, and what it does when Rasa is gone.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from bot.web.app import create_app
from bot.web.chat import STATIC_DIR
from tests.conftest import free_port

SENDER = "web-0123456789abcdef"

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


class FakeRasa:
    """A stand-in Rasa server: records requests, answers with what the test set."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.reply_status = 200
        self.reply_body: object = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                url = urlparse(self.path)
                fake.requests.append(
                    {
                        "method": self.command,
                        "path": url.path,
                        "query": parse_qs(url.query),
                        "json": json.loads(raw) if raw else None,
                    }
                )
                body = json.dumps(fake.reply_body).encode()
                self.send_response(fake.reply_status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeRasa:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def rasa():
    with FakeRasa() as fake:
        yield fake


@pytest.fixture
def client(settings, rasa):
    app = create_app(dataclasses.replace(settings, rasa_port=rasa.port))
    with TestClient(app) as client:
        yield client


@pytest.fixture
def client_without_rasa(settings):
    # settings.rasa_port is a free port where nothing listens.
    with TestClient(create_app(settings)) as client:
        yield client


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
    assert response.json() == {"messages": []}
    assert len(rasa.requests[0]["json"]["message"]) == 5000


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
    for name in ("chat.html", "chat.js", "chat.css"):
        text = (STATIC_DIR / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text), name
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, name


def test_embed_script_is_served(client):
    response = client.get("/static/embed.js")
    assert response.status_code == 200
    assert "Praat met mij" in response.text
    assert "innerHTML" not in response.text


def test_the_old_rasa_address_endpoint_is_gone(client):
    assert client.get("/config.json").status_code == 404
