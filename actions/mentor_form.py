"""The form that asks who the JIM is: relation, then name."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.vocabulary import NOT_ELIGIBLE, canonical_relation, clean_name, relation_label


class ValidateMentorForm(FormValidationAction):
    """Keeps only values the coach can use, and explains kindly when one cannot be used."""

    def name(self) -> str:
        return "validate_mentor_form"

    def validate_relation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        relation = canonical_relation(value if isinstance(value, str) else None)
        if relation is None:
            dispatcher.utter_message(response="utter_relation_unclear")
            return {"relation": None}
        if relation in NOT_ELIGIBLE:
            dispatcher.utter_message(response="utter_relation_parent")
            return {"relation": None}
        return {"relation": relation}

    def validate_mentor_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        name = clean_name(value if isinstance(value, str) else None)
        if name is None:
            dispatcher.utter_message(response="utter_name_unclear")
        return {"mentor_name": name}


class ActionAskMentorName(Action):
    """Asks the name with the person's relation in it: "Hoe heet je oma?"."""

    def name(self) -> str:
        return "action_ask_mentor_name"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=f"Hoe heet {relation_label(tracker.get_slot('relation'))}?")
        return []
