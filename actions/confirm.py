"""issue 22: one question before anything the youth gave is removed; the undo; the status.

Thin glue: what to ask and when to act is decided in `bot/dialogue/confirm.py`; withdrawing and
restoring in `bot/coach/withdrawal.py`.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions import after_choice, insight, review
from actions.common import engine, settings
from actions.jim_form import latest_intent
from actions.start import FORM_SLOTS, reset_choice, resume
from bot.coach import followup, withdrawal
from bot.dialogue import confirm, texts
from bot.insight import counters
from bot.storage import repo

logger = logging.getLogger(__name__)

KEEP_ON_CHANGE = ("youth_name", "youth_age")  # choosing again: the youth stays the same


def _typed(tracker: Tracker) -> bool:
    return not str(tracker.latest_message.get("text") or "").startswith("/")


def _confidence(tracker: Tracker) -> float:
    return float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)


def _ranking(tracker: Tracker) -> list[tuple[str, float]]:
    return [
        (r.get("name"), float(r.get("confidence") or 0.0))
        for r in tracker.latest_message.get("intent_ranking") or []
    ]


def _sent(tracker: Tracker) -> bool:
    return tracker.get_slot("stage") == "done" and bool(tracker.get_slot("reference"))


def _withdrawn_state(tracker: Tracker) -> str | None:
    try:
        return withdrawal.withdrawn_state(engine(), tracker.sender_id)
    except SQLAlchemyError:
        logger.exception("withdrawal state lookup failed")
        return None


def _intent(tracker: Tracker) -> str | None:
    intent = latest_intent(tracker)
    if intent == "start" and any(
        e.get("entity") == "restart" for e in tracker.latest_message.get("entities") or []
    ):
        return "start"  # the "Opnieuw beginnen" button
    return intent


class ActionConfirmAsk(Action):
    """Before withdrawing, changing after the handoff, starting over or not sending: ask once.

    When the NLU is unsure of the message, asks what the youth means with the likely
    options as buttons instead. Nothing changes here; only the answer can act.
    """

    def name(self) -> str:
        return "action_confirm_ask"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        decision = confirm.decide(
            _intent(tracker),
            _confidence(tracker),
            _ranking(tracker),
            tracker.get_slot("stage"),
            _sent(tracker),
            _typed(tracker),
        )
        review.note(tracker)  # issue 19: a fallback or an unsure guess, LEARN_FROM_CHATS only
        if decision.kind == "fallback":
            dispatcher.utter_message(response="utter_default")
            return resume(dispatcher, tracker)
        if decision.kind == "nothing":
            done = [SlotSet("pending_act", None)]
            if latest_intent(tracker) != "withdraw_consent":
                return done + resume(dispatcher, tracker, note_kept=False)
            already = _withdrawn_state(tracker)
            if already == "undoable":
                # "haal weg" again during the undo time: it is gone, and can still come back
                dispatcher.utter_message(response="utter_withdraw_already_undo")
                return done
            if already == "final":
                dispatcher.utter_message(response="utter_withdraw_already")
            else:
                dispatcher.utter_message(response="utter_withdraw_nothing")
            return done + resume(dispatcher, tracker, note_kept=False)
        if decision.kind == "clarify":
            buttons = [{"title": TITLES[o], "payload": PAYLOADS[o]} for o in decision.options]
            buttons.append({"title": texts.CLARIFY_KEEP, "payload": "/deny"})
            dispatcher.utter_message(text=texts.CLARIFY, buttons=buttons)
            return [SlotSet("pending_act", "clarify")]
        dispatcher.utter_message(response=f"utter_confirm_{decision.act}")
        return [SlotSet("pending_act", decision.act)]


TITLES = {
    "withdraw": texts.CLARIFY_WITHDRAW,
    "change": texts.CLARIFY_CHANGE,
    "restart": texts.CLARIFY_RESTART,
    "status": texts.CLARIFY_STATUS,
}
PAYLOADS = {
    "withdraw": "/withdraw_consent",
    "change": "/change_choice",
    "restart": '/start{"restart":"ja"}',
    "status": "/ask_status",
}


class ActionConfirmAnswer(Action):
    """The answer to the confirmation question: only a clear yes acts, anything else keeps."""

    def name(self) -> str:
        return "action_confirm_answer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        act = tracker.get_slot("pending_act")
        done = [SlotSet("pending_act", None)]
        yes = confirm.is_clear_yes(latest_intent(tracker), _confidence(tracker), _typed(tracker))
        if act not in confirm.ACTS or not yes:
            dispatcher.utter_message(response="utter_choice_kept")
            return done + resume(dispatcher, tracker, note_kept=False)
        if act == "decline":
            insight.count(tracker, counters.CONSENT_NO)  # issue 19: once per conversation
            dispatcher.utter_message(response="utter_consent_no")
            return done + reset_choice() + [SlotSet("stage", "declined")]
        if act == "restart" and not _sent(tracker):
            dispatcher.utter_message(response="utter_welcome")
            return done + _fresh_form(keep=())
        try:
            reference = withdrawal.withdraw(engine(), settings(), tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("withdrawal failed; the youth can try again")
            dispatcher.utter_message(response="utter_handoff_failed")
            return done
        if reference is None:
            dispatcher.utter_message(response="utter_withdraw_nothing")
            return done + resume(dispatcher, tracker, note_kept=False)
        if act == "withdraw":
            dispatcher.utter_message(response="utter_withdraw_done_undo")
            return done + reset_choice() + [SlotSet("stage", "declined")]
        dispatcher.utter_message(response="utter_choose_again")
        return done + _fresh_form(keep=KEEP_ON_CHANGE if act == "change" else ())


def _fresh_form(keep: tuple[str, ...]) -> list[dict[str, Any]]:
    """Start choosing again; the slots in `keep` stay as they were."""
    events = [e for e in reset_choice() if e.get("name") not in keep]
    return events + [
        SlotSet("reference", None),
        SlotSet("stage", "form"),
        FollowupAction("jim_form"),
    ]


class ActionUndoWithdraw(Action):
    """ "toch wel" within UNDO_MINUTES: the withdrawn choice is back as it was."""

    def name(self) -> str:
        return "action_undo_withdraw"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            outcome, reference = withdrawal.undo(engine(), tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("undo failed; the youth can try again")
            dispatcher.utter_message(response="utter_handoff_failed")
            return []
        if outcome == "restored":
            dispatcher.utter_message(response="utter_undo_done", reference=reference)
            return [
                SlotSet("pending_act", None),
                SlotSet("reference", reference),
                SlotSet("stage", "done"),
            ]
        if outcome == "too_late":
            dispatcher.utter_message(response="utter_undo_too_late")
            return [SlotSet("stage", "declined")]
        dispatcher.utter_message(response="utter_undo_nothing")
        return resume(dispatcher, tracker)


class ActionStatus(Action):
    """ "Is het al aangekomen?": a question, answered with what happens and the status."""

    def name(self) -> str:
        return "action_status"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        if tracker.get_slot("pending_act"):
            dispatcher.utter_message(response="utter_choice_kept")
            events.append(SlotSet("pending_act", None))
        people = None
        try:
            with Session(engine()) as session:
                nomination = repo.get_nomination_by_conversation(session, tracker.sender_id)
                status = nomination.status if nomination else None
                reference = nomination.reference if nomination else None
                if status == "niet_gelukt":  # issue 18: choose again, named people first
                    again = followup.choose_again(session, tracker.sender_id, None)
                    people = again.people if again else []
        except SQLAlchemyError:
            logger.exception("status lookup failed")
            status = reference = None
        if status is None:
            dispatcher.utter_message(text=texts.STATUS_NOTHING)
            if tracker.active_loop.get("name"):
                return events  # the rule asks the form's question again
            return events + resume(dispatcher, tracker, note_kept=False)
        # issue 18: every status in plain words; after "niet gelukt" choosing again
        after_choice.tell_status(dispatcher, domain, status, reference, people)
        return events


def domain_buttons(domain: dict[str, Any], response: str) -> list[dict[str, str]]:
    variants = (domain.get("responses") or {}).get(response) or [{}]
    return list(variants[0].get("buttons") or [])


__all__ = ["FORM_SLOTS"]
