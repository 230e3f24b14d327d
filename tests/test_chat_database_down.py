"""The chat page while the database is away for a moment (a real PostgreSQL server that
is stopped and started): the youth's message is not handed to Rasa, which would answer
from an empty stand-in conversation; the page hears 503, keeps the message and sends it
again, and the conversation goes on once the database is back."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from fastapi.testclient import TestClient

from bot.run import setup_steps
from bot.storage import make_engine
from bot.web.app import create_app
from testkit import postgres
from testkit.env import missing_service
from testkit.fake_rasa import FakeRasa
from tests.test_chat_routes import SENDER, holding, own


@pytest.fixture
def own_postgres():
    if postgres.postgres_bin_dir() is None:
        missing_service(postgres.NOT_INSTALLED)
    with postgres.throwaway_postgres(prefix="jim-pg-down-") as server:
        yield server


def test_database_away_means_503_and_no_message_to_rasa_then_it_goes_on(
    own_postgres, settings, caplog
):
    settings = dataclasses.replace(settings, database_url=own_postgres.url())
    setup_steps.migrate(settings)
    setup_steps.ensure_base_data(settings)
    engine = make_engine(settings.database_url)
    own(engine, SENDER)
    engine.dispose()
    with FakeRasa() as rasa, TestClient(
        create_app(dataclasses.replace(settings, rasa_port=rasa.port))
    ) as client:
        holding(client)
        chat_log = logging.getLogger("bot.web.chat")
        chat_log.addHandler(caplog.handler)  # Alembic's logging set-up replaced the root's
        caplog.set_level(logging.DEBUG)
        rasa.reply_body = [{"recipient_id": SENDER, "text": "Hoe oud ben je?"}]
        message = {"sender": SENDER, "message": "Ik heet Geheimnaam"}
        assert client.post("/chat/send", json=message).status_code == 200
        assert len(rasa.requests) == 1

        own_postgres.stop()
        try:
            response = client.post("/chat/send", json=message)
            assert response.status_code == 503
            assert response.json() == {"error": "De chat is nu even niet bereikbaar."}
            assert len(rasa.requests) == 1, "Rasa never sees a message it cannot store"
        finally:
            own_postgres.start()

        response = client.post("/chat/send", json=message)
        assert response.status_code == 200
        assert response.json()["messages"][0]["text"] == "Hoe oud ben je?"
        assert len(rasa.requests) == 2
        assert "the database does not answer" in caplog.text
        assert "Geheimnaam" not in caplog.text
        chat_log.removeHandler(caplog.handler)
