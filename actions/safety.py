"""The help lines that fit the danger, and the one gentle check for an unsure sign."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.safety import help_lines

DANGER = "danger"  # what nlu_components/crisis_guard.py adds to the parsed message


def latest_kinds(tracker: Tracker) -> list[str]:
    """The kinds of danger of the latest message, else of the unsure sign before it."""
    danger = (tracker.latest_message or {}).get(DANGER) or {}
    kinds = list(danger.get("kinds") or [])
    for kind in tracker.get_slot("danger_kinds") or []:
        if kind not in kinds:
            kinds.append(kind)
    return kinds


class ActionHelpLines(Action):
    """Sends 112 and the help lines that fit the danger and the age (bot.safety.help_lines).

    Why an action: the lines depend on what the youth said (113 only for self-harm, Veilig
    Thuis for home, ...) and on the age (the Kindertelefoon only under 18).
    """

    def name(self) -> str:
        return "action_help_lines"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        for response in help_lines(latest_kinds(tracker), tracker.get_slot("youth_age")):
            dispatcher.utter_message(response=response)
        return [SlotSet("danger_kinds", None)]


class ActionSafetyCheck(Action):
    """Asks once, gently, whether the youth is all right, and keeps the kinds of danger
    of the message so the help lines after a "nee" still fit it."""

    def name(self) -> str:
        return "action_safety_check"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_crisis_check")
        danger = (tracker.latest_message or {}).get(DANGER) or {}
        return [SlotSet("danger_kinds", list(danger.get("kinds") or []) or None)]
