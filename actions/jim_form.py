"""The form that walks the youth through the choice, one question at a time."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.choice import ChoiceValidation, ask_pick, required_with_choice
from bot.dialogue import conversation, texts
from bot.dialogue.relation_step import RelationAnswer, decide_relation
from bot.vocabulary import clean_name, relation_label

FORM = "jim_form"


def latest_entities(tracker: Tracker, entity: str) -> list[str]:
    return [
        str(e.get("value"))
        for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == entity and e.get("value") is not None
    ]


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def value_before_message(tracker: Tracker, slot: str) -> Any:
    """The slot's value before the youth's latest message was read into the slots."""
    events = tracker.events
    last_user = max(
        (i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events)
    )
    for event in reversed(events[:last_user]):
        if event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None


class ValidateJimForm(ChoiceValidation, FormValidationAction):
    """Keeps only answers the coach can use; explains kindly when one cannot be used.

    Eligibility follows the JIM approach: an adult from the youth's own life, not a parent
    and not a care professional. A "don't know" for the person leads to gentle help
    questions instead of a dead end.
    """

    def name(self) -> str:
        return "validate_jim_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Rasa SDK's validation, plus the `simpler` slot the questions are worded by.

        After "ik snap het niet" the slot turns true: the form then asks the same question
        again in simpler words (the condition in its `utter_ask_` response) instead of
        giving up on the answer. Once an answer came in, the next question is plain again.
        Rasa asks from the domain, so a form turn needs one call to the action server.
        """
        events = await super().run(dispatcher, tracker, domain)
        if wants_it_simpler(tracker):
            events.append(SlotSet("simpler", True))
        elif tracker.get_slot("simpler") and any(
            e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events
        ):
            events.append(SlotSet("simpler", False))
        return events

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        slots = required_with_choice(list(domain_slots), tracker)  # issue 25
        if tracker.get_slot("relation") in conversation.MAYBE_MINOR:
            return slots
        return [slot for slot in slots if slot != "mentor_adult"]

    def validate_youth_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == conversation.SKIPPED:
            return {"youth_name": conversation.SKIPPED}
        name = clean_name(value if isinstance(value, str) else None)
        if name is None:
            dispatcher.utter_message(response="utter_name_unclear")
        return {"youth_name": name}

    def validate_youth_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, str) and value.startswith("/inform_age") and "{" not in value:
            dispatcher.utter_message(response="utter_age_older")
            return {"youth_age": None}
        age = conversation.parse_age(value)
        if age is None:
            dispatcher.utter_message(response="utter_age_unclear")
            return {"youth_age": None}
        if age < 12:
            dispatcher.utter_message(text=texts.AGE_UNDER_12)
        return {"youth_age": str(age)}

    def validate_relation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        decision = decide_relation(
            RelationAnswer(
                value=value,
                help_step=int(tracker.get_slot("help_step") or 0),
                intent=latest_intent(tracker),
                relations=latest_entities(tracker, "relation"),
                names=latest_entities(tracker, "mentor_name"),
                professional=bool(latest_entities(tracker, "professional")),
                asking_the_name=tracker.get_slot("requested_slot") == "mentor_name",
                relation_before=value_before_message(tracker, "relation"),
                alternatives=list(tracker.get_slot("alternatives") or []),
                people_named=list(tracker.get_slot("people_named") or []),  # issue 25
                others_named=list(tracker.get_slot("others_named") or []),
            )
        )
        if decision.response:
            dispatcher.utter_message(response=decision.response)
        if decision.text:
            dispatcher.utter_message(text=decision.text)
        return decision.slots

    def validate_mentor_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        name = clean_name(value if isinstance(value, str) else None)
        if name is None:
            dispatcher.utter_message(response="utter_mentor_name_unclear")
        return {"mentor_name": name}

    def validate_mentor_adult(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == "nee":
            dispatcher.utter_message(response="utter_mentor_too_young")
            return {"mentor_adult": None, "relation": None, "mentor_name": None}
        return {"mentor_adult": value}

    def validate_mentor_reason(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = tracker.latest_message.get("text") or ""
        if value not in conversation.REASON_TEXT and value != conversation.DONT_KNOW and text:
            if not text.startswith("/"):
                value = text  # the whole sentence, not one fragment the NLU picked out
        reason, support = conversation.reason_and_support(value)
        for kind in latest_entities(tracker, "support"):
            if kind in conversation.REASON_TEXT and kind not in support:
                support.append(kind)
        return {
            "mentor_reason": reason or conversation.DONT_KNOW,
            "mentor_support": support,
        }

    def validate_knows_already(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"knows_already": value if value in ("ja", "nee", "weet_niet") else None}

    def validate_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == conversation.SKIPPED:
            return {"contact": conversation.SKIPPED}
        contact = conversation.clean_contact(value)
        if contact is None:
            dispatcher.utter_message(response="utter_contact_unclear")
        return {"contact": contact}


SIMPLER = ("not_understood", "dont_know")


def wants_it_simpler(tracker: Tracker) -> bool:
    """The youth said "ik snap het niet": ask again simpler, never with the same text."""
    return latest_intent(tracker) in SIMPLER


class ActionAskRelation(Action):
    """Asks who the youth trusts; after "ik weet het niet", the next gentle help question."""

    def name(self) -> str:
        return "action_ask_relation"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        group = tracker.get_slot("relation_group")
        help_step = int(tracker.get_slot("help_step") or 0)
        if ask_pick(dispatcher, tracker):  # issue 25: several people named, who first?
            pass
        elif group in conversation.GROUPS:
            dispatcher.utter_message(response=conversation.GROUPS[group])
        elif 1 <= help_step <= len(conversation.HELP_QUESTIONS):
            dispatcher.utter_message(response=conversation.HELP_QUESTIONS[help_step - 1])
        elif help_step > len(conversation.HELP_QUESTIONS):
            dispatcher.utter_message(response="utter_help_done")
        elif wants_it_simpler(tracker):
            dispatcher.utter_message(response="utter_simple_relation")
        else:
            dispatcher.utter_message(response="utter_ask_relation")
        return []


class ActionAskMentorName(Action):
    """Asks the name with the person's relation in it: "Hoe heet je oma?"."""

    def name(self) -> str:
        return "action_ask_mentor_name"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        label = relation_label(tracker.get_slot("relation"))
        text = texts.ASK_MENTOR_NAME_SIMPLE if wants_it_simpler(tracker) else texts.ASK_MENTOR_NAME
        dispatcher.utter_message(text=text.format(label=label))
        return []
