"""Opening a conversation, and coming back to where the youth was."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher

from actions import insight, review
from actions.common import engine
from actions.jim_form import latest_intent
from bot.coach.handoff import invite_status
from bot.dialogue import held_answer, texts
from bot.dialogue.form import FORM_SLOTS
from bot.insight import counters

IN_PROGRESS = ("form", "summary", "parents", "consent")
# Messages that answer a question. After a pause (the help lines, "stop") such a message
# is taken as the answer to the open question instead of asking that question again.
ANSWERS = ("inform_name", "inform_age", "inform_mentor", "inform_support", "inform_contact")


def reset_choice() -> list[dict[str, Any]]:
    """Forget everything about the choice (slots), as after a no to sharing."""
    return [SlotSet(slot, None) for slot in FORM_SLOTS] + [
        SlotSet("help_step", 0),
        SlotSet("simpler", False),
    ]


def _names_someone(tracker: Tracker) -> bool:
    entities = tracker.latest_message.get("entities") or []
    return any(e.get("entity") in ("relation", "mentor_name") for e in entities)


def restart_asked(tracker: Tracker) -> bool:
    """A typed "opnieuw beginnen" or its button, not the `/start` a chat page opens with."""
    message = tracker.latest_message
    if any(e.get("entity") == "restart" for e in message.get("entities") or []):
        return True
    text = str(message.get("text") or "").strip()
    return bool(text) and not text.startswith("/")


def open_question(tracker: Tracker) -> str | None:
    """The question of the form that was asked last (the form forgets it when it pauses)."""
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            if event.get("value"):
                return str(event["value"])
    return None


def resume(
    dispatcher: CollectingDispatcher, tracker: Tracker, note_kept: bool = True
) -> list[dict[str, Any]]:
    """Go on where the youth was: the open question, the summary, the consent, or done.

    Always a FollowupAction, so the rules that lead here need not know what comes next.
    When the youth's message answers the open question, the form reads it as the answer:
    with the question requested again, Rasa fills the slot from the message when the form
    comes back, and the form's own validation checks it.

    A confirmation question (issue 22) left unanswered by this message keeps everything,
    and the youth hears so ("Je keuze blijft staan.").
    """
    kept: list[dict[str, Any]] = []
    if note_kept and tracker.get_slot("pending_act"):
        dispatcher.utter_message(response="utter_choice_kept")
        kept = [SlotSet("pending_act", None)]
    if tracker.get_slot(held_answer.SLOT) is not None:
        # issue 24: read back at most once (by `_resume`), never kept for later
        kept.append(SlotSet(held_answer.SLOT, None))
    return kept + _resume(tracker)


def play_back(held: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 24: the answer typed before the gentle check, as the latest message again, so
    the form reads it as the answer (its own extraction and validation) once the youth said
    it goes well (bot/dialogue/held_answer.py). Marked, so the history shows it once."""
    event = UserUttered(held["text"], held_answer.parse_data(held))
    event["metadata"] = {held_answer.PLAYED_BACK: True}
    return [event]


def _resume(tracker: Tracker) -> list[dict[str, Any]]:
    stage = tracker.get_slot("stage")
    # issue 22: a person named after the summary is a change: after the handoff it is
    # asked first (it replaces the choice), before it the change menu comes
    if latest_intent(tracker) == "inform_mentor" and _names_someone(tracker):
        if stage == "done":
            return [FollowupAction("action_confirm_ask")]
        if stage in ("summary", "parents", "consent"):
            return [FollowupAction("utter_ask_what_to_change")]
    if stage == "form":
        question = open_question(tracker)
        if latest_intent(tracker) in ANSWERS and question and tracker.get_slot(question) is None:
            return [SlotSet("requested_slot", question), FollowupAction("jim_form")]
        held = tracker.get_slot(held_answer.SLOT)
        if (
            latest_intent(tracker) in held_answer.FINE
            and held_answer.intent_of(held) in ANSWERS
            and question
            and tracker.get_slot(question) is None
        ):
            return play_back(held) + [
                SlotSet("requested_slot", question),
                FollowupAction("jim_form"),
            ]
        return [FollowupAction("jim_form")]
    if stage == "summary":
        return [FollowupAction("action_summary")]
    if stage == "parents":  # issue 25: the parents question before the consent
        return [FollowupAction("action_ask_parents")]
    if stage == "consent":
        return [FollowupAction("action_ask_consent")]
    if stage == "done":
        return [FollowupAction("utter_already_sent")]
    return [FollowupAction("utter_ask_restart")]


class ActionStart(Action):
    """`/start` or `/start{"invite_code": ...}`: a fresh start, or back where the youth was.

    A bad invite never blocks the youth: they hear it kindly and chat on; the nomination
    then goes to the default inbox.
    """

    def name(self) -> str:
        return "action_start"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        code = next(tracker.get_latest_entity_values("invite_code"), None)
        code = code.strip() if isinstance(code, str) and code.strip() else None
        if code is not None:
            status = invite_status(engine(), code, tracker.sender_id)
            if status != "ok":
                dispatcher.utter_message(response="utter_invite_problem")
            events += [
                SlotSet("invite_code", code if status == "ok" else None),
                SlotSet("invite_status", status),
            ]
        stage = tracker.get_slot("stage")
        if (stage in IN_PROGRESS or stage == "done") and restart_asked(tracker):
            # issue 22: starting over removes what the youth gave, so it is asked first
            return events + [FollowupAction("action_confirm_ask")]
        if stage in IN_PROGRESS or stage == "done":
            dispatcher.utter_message(response="utter_welcome_back")
            return events + resume(dispatcher, tracker)
        dispatcher.utter_message(response="utter_welcome")
        if review.learning_on():  # issue 19: what may be read, and without the name
            dispatcher.utter_message(text=texts.LEARNING_NOTE)
        fresh = events + reset_choice() + [SlotSet("stage", "form"), SlotSet("reference", None)]
        # issue 19: counted once per conversation; the invite (if valid) names the team
        insight.count(
            tracker, counters.STARTED, code if code is not None and status == "ok" else None
        )
        if code is not None and status == "ok":
            # issue 18: a coach's invite to choose again offers the people named before first
            from actions.after_choice import offer_after_invite

            if offer_after_invite(dispatcher, tracker, domain, code):
                return fresh + [FollowupAction("action_listen")]
        return fresh + [FollowupAction("jim_form")]


class ActionResume(Action):
    """After a side step (a question, a pause, the help lines): back to where the youth was."""

    def name(self) -> str:
        return "action_resume"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        # issue 19: "snap ik niet" or a message the NLU was unsure of, outside the form
        review.note(tracker, question=open_question)
        return resume(dispatcher, tracker)
