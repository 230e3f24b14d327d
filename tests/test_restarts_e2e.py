"""A conversation survives a restart of the Rasa server (SQL tracker store) and of the
action server; while the action server is down the youth still gets an answer."""

from __future__ import annotations

import pytest

from tests.chat import Chat
from tests.test_conversation_e2e import nomination_of

pytestmark = pytest.mark.integration


def test_conversation_survives_a_rasa_server_restart(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15", "mijn tante"]:
        chat.send(message)
    assert "Hoe heet je tante?" in chat.text
    live.restart_service("Rasa server")
    chat.send("Fatima")
    assert "Wat doet Fatima voor jou?" in chat.text, chat.dump()


def test_action_server_down_then_back(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15", "mijn oma", "Riet"]:
        chat.send(message)
    live.stop_service("action server")
    try:
        chat.tap("alles zeggen")  # the form cannot run: Rasa answers what it can
    finally:
        live.restart_service("action server")
    chat.send('/inform_support{"support":"emotioneel"}')
    for title in ["Ja", "Ik zelf", "sla over", "klopt", "Ja, dat is goed", "Ja, dat mag"]:
        chat.tap(title)
    assert nomination_of(live, chat)["mentor"]["name"] == "Riet", chat.dump()
