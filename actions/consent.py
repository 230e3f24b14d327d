"""Issue 25: honest consent. Under 16 the parents question comes before the yes; the
consent question names what is shared and with whom; "ik heb niemand" gets its own answer.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.common import engine, settings
from bot.coach import coach_signal, handoff
from bot.dialogue import conversation, texts

logger = logging.getLogger(__name__)

PARENTS_AGE = 16  # under 16 the coach asks the parents too (DESIGN.md, consent by age)


def parents_question_open(tracker: Tracker) -> bool:
    """Under 16 and the youth has not yet heard (and answered) that the parents are asked."""
    age = conversation.parse_age(tracker.get_slot("youth_age"))
    return age is not None and age < PARENTS_AGE and not tracker.get_slot("parents_answer")


def consent_recipient(tracker: Tracker) -> tuple[str, str]:
    """(to whom, who sees it) for the consent question: "je coach Jan" / "het team ..."."""
    try:
        found = handoff.recipient(
            engine(), settings(), tracker.sender_id, tracker.get_slot("invite_code")
        )
    except SQLAlchemyError:
        logger.exception("recipient unknown; the consent question names the coach")
        return "je coach", texts.CONSENT_WHO_COACH
    if found.coach:
        return texts.CONSENT_TO_COACH.format(coach=found.coach), texts.CONSENT_WHO_COACH
    return conversation.team_label(found.team), texts.CONSENT_WHO_TEAM


class ActionAskParents(Action):
    """Under 16, before the yes: the coach asks the parents too; is that all right?

    A youth who told about danger at home is not asked this: they hear that the coach
    talks with them first, not with the parents (`home_unsafe`, set by the safety actions).
    """

    def name(self) -> str:
        return "action_ask_parents"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("home_unsafe"):
            dispatcher.utter_message(response="utter_parents_coach_first")
            return [SlotSet("parents_answer", "coach"), FollowupAction("action_ask_consent")]
        dispatcher.utter_message(response="utter_ask_parents")
        return [SlotSet("stage", "parents")]


class ActionParentsAnswer(Action):
    """The youth's answer to the parents question; "Dat wil ik niet" gets a kind answer.
    Either way the consent question follows; the coach sees the answer in the nomination."""

    def name(self) -> str:
        return "action_parents_answer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "deny":
            dispatcher.utter_message(response="utter_parents_not_wanted")
            answer = "nee"
        else:
            answer = "ja"
        return [SlotSet("parents_answer", answer), FollowupAction("action_ask_consent")]


class ActionAskCoach(Action):
    """ "Met mijn coach kijken" after "ik heb niemand": the coach is asked to contact the
    youth, without a nomination (the same signal as after the help lines: no name, no
    message; bot/coach/coach_signal.py)."""

    def name(self) -> str:
        return "action_ask_coach"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            coach_signal.request_contact(
                engine(), settings(), tracker.sender_id, tracker.get_slot("invite_code")
            )
        except (SQLAlchemyError, OSError):
            logger.exception("coach not asked; the youth can try again")
            dispatcher.utter_message(response="utter_coach_ask_failed")
            return []
        dispatcher.utter_message(response="utter_coach_asked")
        return []
