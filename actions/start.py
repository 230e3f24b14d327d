"""Opening of a conversation: `/start` or `/start{"invite_code": "..."}`."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import engine
from bot.handoff import invite_status


class ActionStart(Action):
    """Checks the invite the conversation opened with, so the handoff finds the right team.

    A bad invite never blocks the youth: they hear it kindly and can chat on; the
    nomination then goes to the default inbox.
    """

    def name(self) -> str:
        return "action_start"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        code = next(tracker.get_latest_entity_values("invite_code"), None)
        code = code if isinstance(code, str) and code.strip() else None
        status = invite_status(engine(), code, tracker.sender_id)
        if status in ("unknown", "expired", "used"):
            dispatcher.utter_message(response="utter_invite_problem")
        return [
            SlotSet("invite_code", code if status == "ok" else None),
            SlotSet("invite_status", status),
        ]
