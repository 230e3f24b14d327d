"""Handoff to the coach after a yes; a no; withdrawing consent later."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import insight
from actions.common import engine, settings
from actions.start import resume
from bot.coach import handoff
from bot.dialogue import confirm, conversation, texts
from bot.insight import counters
from bot.storage.models import ASKED_BY, PARENTS_ANSWERS
from bot.storage.repo import NominationInput

logger = logging.getLogger(__name__)


def clear_yes(tracker: Tracker) -> bool:
    """Not a typed yes the NLU is unsure of (bot/dialogue/confirm.py)."""
    message = tracker.latest_message
    intent = message.get("intent") or {}
    typed = not str(message.get("text") or "/").startswith("/")
    if intent.get("name") != "affirm" or not typed:
        return True  # a button, or the handoff tried again
    return confirm.is_clear_yes("affirm", float(intent.get("confidence") or 0), typed)


def nomination_from_slots(tracker: Tracker, consent_text_version: str) -> NominationInput:
    """What the conversation collected, in the shape the storage layer checks."""
    slot = tracker.get_slot
    reason, support = conversation.reason_and_support(slot("mentor_reason"))
    youth_name = slot("youth_name")
    contact = slot("contact")
    return NominationInput(
        conversation_id=tracker.sender_id,
        mentor_name=slot("mentor_name") or "",
        mentor_relation=slot("relation") or "anders",
        mentor_reason=reason,
        mentor_support=slot("mentor_support") or support,
        mentor_knows_already=slot("knows_already"),
        mentor_contact=None if contact in (None, conversation.SKIPPED) else contact,
        youth_name=None if youth_name in (None, conversation.SKIPPED) else youth_name,
        youth_age=conversation.parse_age(slot("youth_age")),
        alternatives=conversation.clean_alternatives(slot("alternatives")),
        consent_text_version=consent_text_version,
        invite_code=slot("invite_code"),
        mentor_relation_text=slot("relation_text") if slot("relation") == "anders" else None,
        mentor_asked_by=slot("asked_by") if slot("asked_by") in ASKED_BY else None,
        parents_answer=slot("parents_answer")
        if slot("parents_answer") in PARENTS_ANSWERS
        else None,
    )


CONSENT_QUESTION = "action_ask_consent"
CONSENT_STAGE = "consent"  # the `stage` slot while the consent question is open


def consent_given(tracker: Tracker) -> bool:
    """True only if the conversation shows the youth's yes to the consent question.

    The youth's latest message is a yes (`affirm`), and the question open at that moment
    was the consent question: the latest `stage` event is the one `action_ask_consent` sets
    (the explanation "wat gebeurt er dan?" and a failed handoff leave it open). When the
    conversation's events reach back to the question itself, the yes must come after the
    latest `action_ask_consent`. Rasa sends the latest event of each slot in any case
    (rasa_addons/server.py `events_for_actions`), so the check works on either.
    """
    latest = tracker.latest_message or {}
    if (latest.get("intent") or {}).get("name") != "affirm":
        return False
    if tracker.get_slot("stage") != CONSENT_STAGE:
        return False
    events = list(tracker.events or [])
    stages = [e for e in events if e.get("event") == "slot" and e.get("name") == "stage"]
    if not stages or stages[-1].get("value") != CONSENT_STAGE:
        return False
    asked = [
        i
        for i, e in enumerate(events)
        if e.get("event") == "action" and e.get("name") == CONSENT_QUESTION
    ]
    if not asked:
        return True  # only the latest turn was sent: the stage event above is the question's
    return any(
        e.get("event") == "user"
        and (e.get("parse_data") or {}).get("intent", {}).get("name") == "affirm"
        for e in events[asked[-1] + 1 :]
    )


class ActionHandoff(Action):
    """Stores the consented nomination once per conversation and gives the youth a code.

    Nothing is stored unless the youth said yes to the consent question just now
    (`consent_given`), whatever called the action: otherwise the youth hears kindly that
    nothing was sent and goes on where they were.
    If the database cannot be reached the youth hears it kindly, the conversation keeps
    every answer, and "Nog een keer" tries again; a stored one is never stored twice.
    """

    def name(self) -> str:
        return "action_handoff"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("stage") == "done" and tracker.get_slot("reference"):
            dispatcher.utter_message(
                response="utter_already_sent", reference=tracker.get_slot("reference")
            )
            return []
        if not consent_given(tracker):
            logger.warning("handoff without a yes to the consent question; nothing stored")
            dispatcher.utter_message(text=texts.HANDOFF_NEEDS_YES)
            return resume(dispatcher, tracker)
        if tracker.get_slot("stage") == "consent" and not clear_yes(tracker):
            # issue 22: nothing is sent on a yes the NLU is unsure of; asked again
            dispatcher.utter_message(text=texts.UNSURE_YES)
            return [FollowupAction("action_ask_consent")]
        try:
            data = nomination_from_slots(tracker, settings().consent_text_version)
            result = handoff.hand_off(engine(), settings(), data)
        except (SQLAlchemyError, OSError):
            logger.exception("handoff failed; the youth can try again")
            dispatcher.utter_message(response="utter_handoff_failed")
            return []
        except ValueError:
            logger.warning("handoff refused incomplete data; asking again")
            dispatcher.utter_message(response="utter_default")
            return [SlotSet("stage", "form")]
        insight.count(tracker, counters.CONSENT_YES)  # issue 19: once per conversation
        # issue 25: the parents were asked before the yes; the youth hears where it went
        if result.coach_name:
            recipient = texts.CONSENT_TO_COACH.format(coach=result.coach_name)
        else:
            recipient = conversation.team_label(result.team_name)
        dispatcher.utter_message(
            response="utter_handoff_done", reference=result.reference, recipient=recipient
        )
        return [SlotSet("reference", result.reference), SlotSet("stage", "done")]
