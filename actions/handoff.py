"""Handoff to the coach after a yes, withdrawal later, and choosing again."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.common import engine, settings
from bot import handoff
from bot.storage.repo import NominationInput

logger = logging.getLogger(__name__)


class ActionHandoff(Action):
    """Stores the consented nomination once per conversation and gives the youth a code.

    If the database cannot be reached the youth hears it kindly, nothing is lost from
    the conversation, and a tap on "Nog een keer" tries again.
    """

    def name(self) -> str:
        return "action_handoff"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        data = NominationInput(
            conversation_id=tracker.sender_id,
            mentor_name=tracker.get_slot("mentor_name") or "",
            mentor_relation=tracker.get_slot("relation") or "anders",
            consent_text_version=settings().consent_text_version,
            invite_code=tracker.get_slot("invite_code"),
        )
        try:
            result = handoff.hand_off(engine(), settings(), data)
        except SQLAlchemyError:
            logger.exception("handoff failed for a conversation; the youth can try again")
            dispatcher.utter_message(response="utter_handoff_failed")
            return []
        dispatcher.utter_message(response="utter_handoff_done", reference=result.reference)
        return [SlotSet("reference", result.reference)]


class ActionWithdraw(Action):
    """The youth takes back the choice: the coach keeps only that it was withdrawn."""

    def name(self) -> str:
        return "action_withdraw"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        reference = handoff.withdraw(engine(), tracker.sender_id)
        if reference is None:
            dispatcher.utter_message(response="utter_withdraw_nothing")
            return []
        dispatcher.utter_message(response="utter_withdraw_done")
        return [SlotSet("reference", None), SlotSet("relation", None), SlotSet("mentor_name", None)]


class ActionResetChoice(Action):
    """Forget the person chosen so far, so the form asks again."""

    def name(self) -> str:
        return "action_reset_choice"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        return [SlotSet("relation", None), SlotSet("mentor_name", None)]
