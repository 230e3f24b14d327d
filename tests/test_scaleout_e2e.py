"""Rasa's own scale-out: two Rasa servers and two action servers behind nginx, sharing one
PostgreSQL (nominations and Rasa's SQL tracker store) and one Redis (Rasa's lock store).

One conversation may reach any server with any message; it still ends in exactly one
correct nomination, and it goes on when a server, or the database for a moment, is gone.
"""

from __future__ import annotations

import shutil
import time

import httpx
import pytest
import redis
from sqlalchemy import column, func, select, table
from sqlalchemy.orm import Session

from bot.rasa_client import Rasa
from bot.storage import Nomination, make_engine, repo
from bot.web.chat import SECRET_HEADER
from testkit.chat import CODE, Chat
from testkit.env import make_settings, missing_service
from testkit.postgres import ThrowawayPostgres, temporary_base
from tests.test_conversation_e2e import buttons_happy_path, nomination_of

pytestmark = pytest.mark.integration

UNREACHABLE = "De chat is nu even niet bereikbaar."


class AlternatingChat(Chat):
    """One conversation whose messages go to the given Rasa servers in turn."""

    def __init__(self, rasa_urls: list[str]) -> None:
        super().__init__(rasa_urls[0])
        self.urls = list(rasa_urls)
        self.used: list[str] = []

    def send(self, message: str) -> list[dict]:
        url = self.urls[self.turns % len(self.urls)]
        self.rasa = Rasa(url, timeout=60)  # this message goes to this server
        self.used.append(url)
        return super().send(message)


class PageChat(Chat):
    """The youth's chat page: messages go through the web app's proxy (and nginx)."""

    def __init__(self, web_url: str) -> None:
        super().__init__(web_url)
        self.url = f"{web_url}/chat/send"
        self.status = 0
        # the server makes the conversation and its secret, as for the page
        made = httpx.post(f"{web_url}/chat/new", json={}, timeout=60)
        made.raise_for_status()
        self.sender, self.secret = made.json()["sender"], made.json()["secret"]

    def send(self, message: str) -> list[dict]:
        response = httpx.post(
            self.url,
            json={"sender": self.sender, "message": message},
            headers={SECRET_HEADER: self.secret},
            timeout=60,
        )
        self.status = response.status_code
        body = response.json()
        self.last = body.get("messages") or [{"text": body.get("error", "")}]
        self.turns += 1
        self.transcript.append(("youth", message))
        self.transcript.extend(("bot", reply.get("text", "")) for reply in self.last)
        return self.last


@pytest.fixture(scope="module")
def scaled(model_file):
    from bot.run.scaleout import ScaleOutStack, missing_programs

    missing = missing_programs()
    if missing:
        missing_service(f"needs {', '.join(missing)} (Debian): run scripts/ensure-services")
    base = temporary_base("jim-scale-")  # as root PostgreSQL (user postgres) must enter it
    stack = ScaleOutStack(
        make_settings(base), model_file, base / "run", postgres=ThrowawayPostgres(base / "pg")
    )
    started = time.monotonic()
    stack.start(timeout=600, progress=lambda line: None)
    stack.start_seconds = time.monotonic() - started
    engine = make_engine(stack.database_url)
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, stack.settings.default_team)
        stack.team_token = repo.create_coach(session, team, "Coach")[1]  # real chats go here
    engine.dispose()
    yield stack
    stack.stop()
    shutil.rmtree(stack.postgres_dir, ignore_errors=True)  # the logs stay for a post-mortem


def redis_commands(stack) -> int:
    client = redis.Redis.from_url(stack.lock_store_url)
    try:
        return client.info("stats")["total_commands_processed"]
    finally:
        client.close()


def user_messages_in_tracker_store(stack, sender: str) -> int:
    events = table("events", column("sender_id"), column("type_name"))
    engine = make_engine(stack.database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                select(func.count())
                .select_from(events)
                .where(events.c.sender_id == sender, events.c.type_name == "user")
            ).scalar_one()
    finally:
        engine.dispose()


def test_one_conversation_over_two_servers_ends_in_one_correct_nomination(scaled):
    chat = AlternatingChat(scaled.servers)
    redis_before = redis_commands(scaled)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    assert set(chat.used) == set(chat.urls), "every server handled part of the conversation"
    code = CODE.search(chat.text).group(0)

    nomination = nomination_of(scaled, chat)  # the coach API, on PostgreSQL
    assert nomination["reference"] == code
    assert nomination["youth"]["age"] == 15
    assert nomination["youth"]["parent_consent_needed"] is True
    assert nomination["mentor"]["name"] == "Riet"
    assert nomination["mentor"]["relation"] == "oma"
    assert nomination["mentor"]["support"] == ["emotioneel"]
    assert nomination["consent"]["given"] is True

    engine = make_engine(scaled.database_url)
    try:
        assert engine.dialect.name == "postgresql"
        with Session(engine) as session:
            count = session.scalar(
                select(func.count())
                .select_from(Nomination)
                .where(Nomination.conversation_id == chat.sender)
            )
        assert count == 1
    finally:
        engine.dispose()
    # Both servers wrote into one shared conversation: every message is there, once.
    assert user_messages_in_tracker_store(scaled, chat.sender) == chat.turns
    # ... and took turns through Rasa's Redis lock store.
    assert redis_commands(scaled) > redis_before


def test_the_chat_page_reaches_the_servers_through_nginx(scaled):
    chat = PageChat(scaled.settings.web_url)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    assert chat.status == 200
    nomination = nomination_of(scaled, chat)
    assert nomination["reference"] == CODE.search(chat.text).group(0)
    assert nomination["mentor"]["name"] == "Riet"


def test_database_away_for_a_moment_kind_reply_then_the_conversation_goes_on(scaled):
    chat = PageChat(scaled.settings.web_url)
    chat.send("/start")
    chat.send("Sam")
    assert "oud" in chat.text
    scaled.postgres.stop()
    try:
        chat.send("15")  # the page keeps it, says "no connection for a moment", sends it again
        assert chat.status == 503
        assert chat.text == UNREACHABLE, chat.dump()
    finally:
        scaled.postgres.start()
    chat.send("15")
    assert chat.status == 200, chat.dump()
    assert "Wie vind jij fijn om mee te praten?" in chat.text, chat.dump()
    # Away and back between two messages: the next message carries on all the same.
    scaled.postgres.stop()
    scaled.postgres.start()
    chat.tap("Oma of opa")
    chat.tap("Oma")
    assert "Hoe heet je oma?" in chat.text, chat.dump()


def test_one_server_stopped_the_conversation_goes_on_through_the_other(scaled):
    chat = AlternatingChat(scaled.servers)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    assert nomination_of(scaled, chat)["status"] == "nieuw"

    scaled.stop_server(1)
    chat.urls = [scaled.servers[1]]
    chat.tap("Keuze weghalen")
    assert "Weet je het zeker?" in chat.text, chat.dump()  # asked once first (issue 22)
    chat.tap("Ja, haal weg")
    assert "weggehaald" in chat.text, chat.dump()
    assert nomination_of(scaled, chat)["status"] == "ingetrokken"

    # A new youth on the one address: nginx sends every message to the server that is left.
    other = Chat(scaled.rasa_url)
    buttons_happy_path(other)
    other.tap("Ja, dat mag")
    assert nomination_of(scaled, other)["mentor"]["name"] == "Riet"
