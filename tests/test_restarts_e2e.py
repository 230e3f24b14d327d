"""A conversation survives a restart of the Rasa server (SQL tracker store) and of the
action server. While the action server is down, Rasa says nothing to a form answer (the
youth sees no reply: a known gap, see the issue 26 report) and the form does not move on:
the same question stays open, and the same answer after the restart goes on from there."""

from __future__ import annotations

import httpx
import pytest

from testkit.chat import Chat
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
    assert "Wat doet Riet voor jou?" in chat.text, chat.dump()
    before = tracker(live, chat.sender)
    live.stop_service("action server")
    try:
        replies = chat.tap("alles zeggen")  # the form cannot check the answer
        during = tracker(live, chat.sender)
    finally:
        live.restart_service("action server")
    # nothing is said: no next question, no summary, no help lines for a failed step
    assert replies == [], chat.dump()
    # the form did not move on: the same question is still open
    assert during["slots"]["requested_slot"] == before["slots"]["requested_slot"], during["slots"]
    assert during["active_loop"].get("name") == "jim_form", during["active_loop"]
    chat.send('/inform_support{"support":"emotioneel"}')
    assert "Weet Riet al dat je aan haar denkt?" in chat.text, chat.dump()
    for title in ["Ja", "Ik zelf", "sla over", "klopt", "Ja, dat is goed", "Ja, dat mag"]:
        chat.tap(title)
    assert nomination_of(live, chat)["mentor"]["name"] == "Riet", chat.dump()
    assert nomination_of(live, chat)["mentor"]["support"] == ["emotioneel"], chat.dump()


def tracker(live, sender: str) -> dict:
    response = httpx.get(
        f"{live.settings.rasa_url}/conversations/{sender}/tracker",
        params={"token": live.settings.rasa_auth_token},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()
