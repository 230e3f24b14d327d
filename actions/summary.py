"""Summary, consent question, changing one detail, saying it simpler, going back."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import consent_recipient, parents_question_open
from actions.jim_form import FORM, latest_entities
from actions.start import resume
from bot.dialogue import conversation, texts
from bot.dialogue.form import (
    CHANGEABLE,
    OTHERS,
    PERSON,
    emptied_by_going_back,
    previous_question,
)


class ActionSummary(Action):
    """One short message with the choice, before anything is sent."""

    def name(self) -> str:
        return "action_summary"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        *facts, question = conversation.summary_messages(tracker.current_slot_values())
        for text in facts:
            dispatcher.utter_message(text=text)
        dispatcher.utter_message(
            text=question,
            buttons=[
                {"title": texts.SUMMARY_BUTTON_OK, "payload": "/affirm"},
                {"title": texts.SUMMARY_BUTTON_CHANGE, "payload": "/change_choice"},
            ],
        )
        return [SlotSet("stage", "summary")]


class ActionAskConsent(Action):
    """Asks the explicit yes or no to sharing, saying before the yes what is shared (the
    person, the reason, the number, the others named) and with whom (the coach by name
    with an invite, else the team). Under 16 the parents question comes first (issue 25).
    """

    def name(self) -> str:
        return "action_ask_consent"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if parents_question_open(tracker):
            return [FollowupAction("action_ask_parents")]
        recipient, who = consent_recipient(tracker)
        # The text is filled here, not by Rasa: what Rasa fills from keyword arguments is
        # kept beside the message, where the privacy scrub (bot/storage/privacy.py) never looks.
        question = domain["responses"]["utter_ask_consent"][0]
        items = conversation.consent_items(tracker.current_slot_values())
        dispatcher.utter_message(
            text=question["text"].format(recipient=recipient, who=who, items=items),
            buttons=question["buttons"],
        )
        return [SlotSet("stage", "consent")]


class ActionChangeField(Action):
    """Changes one detail without starting over; without a detail named, asks which."""

    def name(self) -> str:
        return "action_change_field"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("stage") == "done":
            # issue 22: a change after the handoff replaces the choice: asked first
            return [FollowupAction("action_confirm_ask")]
        field = next(iter(latest_entities(tracker, "change_field")), None)
        if field not in CHANGEABLE:
            if tracker.active_loop.get("name") == FORM or tracker.get_slot("stage") == "form":
                field = PERSON
            else:
                return [FollowupAction("utter_ask_what_to_change")]
        events: list[dict[str, Any]] = [SlotSet(slot, None) for slot in CHANGEABLE[field]]
        name = tracker.get_slot("mentor_name")
        if field == OTHERS:
            # issue 25: the change menu removes the other people named
            dispatcher.utter_message(text=texts.OTHERS_REMOVED.format(mentor_name=name or ""))
            return events + [FollowupAction("action_summary")]
        if field == PERSON and name and tracker.get_slot("relation"):
            # issue 25: the person swapped out and the others named wait for the youth's
            # own answer to "may the coach know them too?" (never kept without asking)
            waiting = list(tracker.get_slot("alternatives") or [])
            waiting += list(tracker.get_slot("others_named") or [])
            waiting.append({"name": name, "relation": tracker.get_slot("relation")})
            events += [SlotSet("alternatives", None), SlotSet("others_named", waiting)]
            dispatcher.utter_message(text=texts.CHOICE_SWAPPED)
        else:
            dispatcher.utter_message(text=texts.CHANGE_FIELD_OK)
        return events + [SlotSet("stage", "form"), FollowupAction(FORM)]


class ActionGoBack(Action):
    """ "Terug": empties the answer before the open question and asks it again."""

    def name(self) -> str:
        return "action_go_back"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answered = {s for s, v in tracker.current_slot_values().items() if v is not None}
        previous = previous_question(tracker.get_slot("requested_slot"), answered)
        if previous is None:
            dispatcher.utter_message(response="utter_cannot_go_back")
            return resume(dispatcher, tracker)
        return [SlotSet(slot, None) for slot in emptied_by_going_back(previous)] + [
            SlotSet("stage", "form"),
            FollowupAction(FORM),
        ]
