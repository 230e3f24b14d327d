"""Notifications: outbox rows written with the nomination, sent to a real SMTP server
(aiosmtpd) and a real HTTP receiver, with retries, exactly once, signed."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import hashlib
import hmac
import json
import threading
import time
import uuid
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cli import main as cli_main
from bot.coach import handoff, notify
from bot.storage import OutboxMessage, repo
from bot.storage.models import utcnow
from bot.storage.repo import NominationInput
from testkit.env import free_port


class Inbox:
    """aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


class Receiver:
    """A tiny real webhook receiver that can be down (503) and come back."""

    def __init__(self):
        self.deliveries: list[tuple[dict, bytes]] = []
        self.up = True
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server API
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if not receiver.up:
                    self.send_response(503)
                    self.end_headers()
                    return
                receiver.deliveries.append((dict(self.headers), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


def nomination_input(**overrides) -> NominationInput:
    values = dict(
        conversation_id="conv-" + uuid.uuid4().hex,
        mentor_name="Riet Mentorsma",
        mentor_relation="oma",
        consent_text_version="v1",
        youth_name="Sammy Jongerius",
        youth_age=15,
    )
    values.update(overrides)
    return NominationInput(**values)


def configure_team(engine, slug, email=None, webhook=None, secret="hook-secret"):
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, slug, "Team Noord")
        team.notify_email = email
        team.webhook_url = webhook
        team.webhook_secret = secret if webhook else None


def invite_for(engine, slug) -> str:
    with Session(engine) as session, session.begin():
        team = repo.get_team(session, slug)
        coach, _ = repo.create_coach(session, team, "Coach")
        return repo.create_invite(session, coach, 14).code


def outbox(engine) -> list[OutboxMessage]:
    with Session(engine) as session:
        return list(session.execute(select(OutboxMessage)).scalars())


def test_email_arrives_without_personal_details(engine, settings, smtp):
    controller, inbox = smtp
    settings = dataclasses.replace(settings, smtp_host="127.0.0.1", smtp_port=controller.port)
    configure_team(engine, "team-noord", email="noord@example.org")
    code = invite_for(engine, "team-noord")
    result = handoff.hand_off(engine, settings, nomination_input(invite_code=code))
    assert [row.kind for row in outbox(engine)] == ["email"]
    assert inbox.messages == []  # nothing is sent while the youth waits
    assert notify.dispatch_pending(engine, settings) == (1, 0)
    assert len(inbox.messages) == 1
    message = email.message_from_bytes(inbox.messages[0], policy=email.policy.default)
    assert message["To"] == "noord@example.org"
    text = message["Subject"] + "\n" + message.get_content()
    assert result.reference in text
    assert f"{settings.public_url}/coach/nominations/{result.nomination_id}" in text
    for personal in ("Riet", "Mentorsma", "Sammy", "Jongerius", "oma"):
        assert personal not in text
        assert personal.encode() not in inbox.messages[0]
    assert notify.dispatch_pending(engine, settings) == (0, 0)
    assert len(inbox.messages) == 1


def test_default_team_uses_notify_email_and_smtp_down_is_retried(engine, settings, smtp):
    controller, inbox = smtp
    settings = dataclasses.replace(
        settings,
        demo=False,
        smtp_host="127.0.0.1",
        smtp_port=free_port(),  # nobody listens: the mail server is down
        notify_email="inbox@example.org",
    )
    handoff.hand_off(engine, settings, nomination_input())
    assert notify.dispatch_pending(engine, settings) == (0, 1)
    [row] = outbox(engine)
    assert row.attempts == 1 and row.sent_at is None and "Error" in row.last_error
    assert row.next_attempt_at > utcnow()
    assert notify.dispatch_pending(engine, settings) == (0, 0)  # not due yet: backoff
    settings = dataclasses.replace(settings, smtp_port=controller.port)  # mail server is back
    later = utcnow() + timedelta(minutes=5)
    assert notify.dispatch_pending(engine, settings, now=later) == (1, 0)
    assert len(inbox.messages) == 1 and b"inbox@example.org" in inbox.messages[0]
    [row] = outbox(engine)
    assert row.sent_at is not None and row.attempts == 2


def test_webhook_down_then_back_delivered_exactly_once_and_signed(engine, settings, receiver):
    configure_team(engine, "team-noord", webhook=receiver.url, secret="s3cret")
    code = invite_for(engine, "team-noord")
    receiver.up = False
    data = nomination_input(invite_code=code)
    result = handoff.hand_off(engine, settings, data)
    # The same handoff again (a retried action) adds no second notification.
    again = handoff.hand_off(engine, settings, data)
    assert again.nomination_id == result.nomination_id and not again.created
    assert len(outbox(engine)) == 1
    assert notify.dispatch_pending(engine, settings) == (0, 1)
    assert notify.dispatch_pending(engine, settings, now=utcnow() + timedelta(seconds=6)) == (0, 1)
    [row] = outbox(engine)
    assert row.attempts == 2 and "503" in row.last_error
    assert row.next_attempt_at - utcnow() > timedelta(seconds=8)  # exponential: 5 s, then 10 s
    assert receiver.deliveries == []
    receiver.up = True
    later = utcnow() + timedelta(hours=2)
    assert notify.dispatch_pending(engine, settings, now=later) == (1, 0)
    assert notify.dispatch_pending(engine, settings, now=later + timedelta(hours=2)) == (0, 0)
    assert len(receiver.deliveries) == 1
    headers, body = receiver.deliveries[0]
    # Signed over "<timestamp>.<body>" (against replay), as the README tells receivers.
    timestamp = headers["X-JIM-Timestamp"]
    assert abs(int(timestamp) - time.time()) < 600
    message = timestamp.encode() + b"." + body
    expected = "sha256=" + hmac.new(b"s3cret", message, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-JIM-Signature"], expected)
    assert notify.verify_webhook(body, headers["X-JIM-Signature"], timestamp, "s3cret")
    assert headers["X-JIM-Delivery"] == row.id
    payload = json.loads(body)
    assert payload["id"] == result.nomination_id and payload["reference"] == result.reference
    assert payload["mentor"]["name"] == "Riet Mentorsma" and payload["status"] == "nieuw"


def test_two_dispatchers_at_once_send_once(engine, settings, receiver):
    configure_team(engine, "team-noord", webhook=receiver.url)
    code = invite_for(engine, "team-noord")
    handoff.hand_off(engine, settings, nomination_input(invite_code=code))
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(notify.dispatch_pending(engine, settings)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(sent for sent, _ in results) == 1
    assert len(receiver.deliveries) == 1


def test_no_settings_no_rows(engine, settings):
    handoff.hand_off(engine, settings, nomination_input())
    assert outbox(engine) == []


def test_cli_configures_team_and_notify_once_sends(engine, settings, receiver, monkeypatch, capsys):
    from bot.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("RASA_AUTH_TOKEN", settings.rasa_auth_token)
    monkeypatch.setenv("SECRET_KEY", settings.secret_key)
    monkeypatch.setenv("JIM_DEMO", "true")
    get_settings.cache_clear()
    try:
        with Session(engine) as session, session.begin():
            repo.ensure_team(session, "team-noord", "Team Noord")
        assert cli_main(["team", "set-webhook", "team-noord", receiver.url, "--secret", "k"]) == 0
        assert cli_main(["team", "set-email", "team-noord", "noord@example.org"]) == 0
        assert cli_main(["team", "set-email", "team-zuid", "x@example.org"]) == 1
        cli_main(["team", "list"])
        listing = capsys.readouterr().out
        assert "team-noord" in listing and receiver.url in listing
        code = invite_for(engine, "team-noord")
        handoff.hand_off(engine, get_settings(), nomination_input(invite_code=code))
        assert cli_main(["notify", "--once"]) == 0
        assert "Sent 1" in capsys.readouterr().out
        assert len(receiver.deliveries) == 1
        headers, body = receiver.deliveries[0]
        assert headers["X-JIM-Signature"] == notify.sign(body, "k", int(headers["X-JIM-Timestamp"]))
    finally:
        get_settings.cache_clear()


def test_web_app_background_loop_sends_while_running(engine, settings, receiver):
    import time

    from fastapi.testclient import TestClient

    from bot.web.app import create_app

    configure_team(engine, "team-noord", webhook=receiver.url)
    code = invite_for(engine, "team-noord")
    with TestClient(create_app(settings)):
        handoff.hand_off(engine, settings, nomination_input(invite_code=code))
        deadline = time.monotonic() + 15
        while not receiver.deliveries and time.monotonic() < deadline:
            time.sleep(0.2)
    assert len(receiver.deliveries) == 1
    [row] = outbox(engine)
    assert row.sent_at is not None


def test_withdrawn_before_delivery_sends_no_personal_details(engine, settings, receiver):
    configure_team(engine, "team-noord", webhook=receiver.url)
    code = invite_for(engine, "team-noord")
    data = nomination_input(invite_code=code)
    handoff.hand_off(engine, settings, data)
    handoff.withdraw(engine, data.conversation_id)
    assert notify.dispatch_pending(engine, settings) == (1, 0)
    _, body = receiver.deliveries[0]
    payload = json.loads(body)
    assert payload["status"] == "ingetrokken" and payload["mentor"]["name"] is None
    assert b"Riet" not in body and b"Sammy" not in body


def test_a_replayed_or_altered_webhook_fails_the_receivers_check():
    """What a receiver does with X-JIM-Timestamp and X-JIM-Signature (README)."""
    body = b'{"reference": "JIM-7K3Q"}'
    sent = 1_800_000_000
    signature = notify.sign(body, "s3cret", sent)
    assert notify.verify_webhook(body, signature, str(sent), "s3cret", now=sent + 10)
    # the same request replayed an hour later
    assert not notify.verify_webhook(body, signature, str(sent), "s3cret", now=sent + 3600)
    # an old signature with a fresh timestamp
    assert not notify.verify_webhook(body, signature, str(sent + 3600), "s3cret", now=sent + 3600)
    # another body, another secret, no timestamp
    assert not notify.verify_webhook(b"{}", signature, str(sent), "s3cret", now=sent)
    assert not notify.verify_webhook(body, signature, str(sent), "other", now=sent)
    assert not notify.verify_webhook(body, signature, "", "s3cret", now=sent)
