"""Safety: the help lines that fit the danger, the one gentle check for an unsure sign, and
the coach signal after the youth's yes (issue 24)."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.common import engine, settings
from bot.coach import coach_signal
from bot.dialogue import held_answer
from bot.nlu.safety import HOME, HONOUR, help_lines

logger = logging.getLogger(__name__)

DANGER = "danger"  # what nlu_components/crisis_guard.py adds to the parsed message


def latest_kinds(tracker: Tracker) -> list[str]:
    """The kinds of danger of the latest message, else of the unsure sign before it."""
    danger = (tracker.latest_message or {}).get(DANGER) or {}
    kinds = list(danger.get("kinds") or [])
    for kind in tracker.get_slot("danger_kinds") or []:
        if kind not in kinds:
            kinds.append(kind)
    return kinds


# issue 25: danger at home (or from the family): under 16 the coach, not the parents, is
# asked first. Kept for the rest of the conversation (`home_unsafe`), never stored.
AT_HOME = (HOME, HONOUR)


def home_events(kinds: list[str]) -> list[dict[str, Any]]:
    return [SlotSet("home_unsafe", True)] if any(k in AT_HOME for k in kinds) else []


class ActionHelpLines(Action):
    """Sends 112 and the help lines that fit the danger and the age (bot.nlu.safety.help_lines).

    Why an action: the lines depend on what the youth said (113 only for self-harm, Veilig
    Thuis for home, ...) and on the age (the Kindertelefoon only under 18).
    """

    def name(self) -> str:
        return "action_help_lines"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        kinds = latest_kinds(tracker)
        for response in help_lines(kinds, tracker.get_slot("youth_age")):
            dispatcher.utter_message(response=response)
        # an answer held through the check is not read after a "nee" (bot/dialogue/held_answer.py)
        return [SlotSet("danger_kinds", None), SlotSet(held_answer.SLOT, None)] + home_events(kinds)


class ActionSafetyCheck(Action):
    """Asks once, gently, whether the youth is all right, and keeps the kinds of danger
    of the message so the help lines after a "nee" still fit it.

    Inside the form it also keeps the message itself (`held_answer`): after a clear "goed"
    the form reads it as the answer to its question, so the youth need not type it again.
    """

    def name(self) -> str:
        return "action_safety_check"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_crisis_check")
        danger = (tracker.latest_message or {}).get(DANGER) or {}
        held = (
            held_answer.hold(tracker.latest_message)
            if tracker.get_slot("stage") == "form"
            else None
        )
        return [
            SlotSet("danger_kinds", list(danger.get("kinds") or []) or None),
            SlotSet(held_answer.SLOT, held),
        ]


class ActionRequestCoachContact(Action):
    """Asks the youth's coach to call them soon, after the youth said yes to that.

    The bot is a computer and cannot call; a coach can. Only this action stores a signal
    (bot/coach/coach_signal.py), so without the youth's yes nothing is sent or kept. If the
    database is away the youth hears it kindly and the help lines stay in sight.
    """

    def name(self) -> str:
        return "action_request_coach_contact"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            coach_signal.request_contact(
                engine(), settings(), tracker.sender_id, tracker.get_slot("invite_code")
            )
        except (SQLAlchemyError, OSError):
            logger.exception("coach signal not stored; the youth keeps the help lines")
            dispatcher.utter_message(response="utter_coach_contact_failed")
            return []
        dispatcher.utter_message(response="utter_coach_contact_sent")
        return []
