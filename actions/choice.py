"""Issue 25: the youth's own choice between several people, and who asks the person.

A mixin for the form's validation (kept apart from actions/jim_form.py so the relation
question's understanding can change there without touching this), and the questions the
form asks with texts an action builds.
"""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.dialogue import conversation, texts, unsure
from bot.dialogue.conversation import asked_by_from_text

ASKED_BY = ("jongere", "samen", "coach")


def required_with_choice(slots: list[str], tracker: Tracker) -> list[str]:
    """The keep question only when the youth named others who wait for it."""
    if tracker.get_slot("others_named") or tracker.get_slot("keep_others") is not None:
        return slots
    return [slot for slot in slots if slot != "keep_others"]


class ChoiceValidation:
    """Validation of the form's questions of issue 25 (mixed into ValidateJimForm)."""

    def validate_keep_others(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value not in ("ja", "nee"):
            return {"keep_others": None}
        others = list(tracker.get_slot("others_named") or [])
        if value == "ja":
            kept = list(tracker.get_slot("alternatives") or [])
            kept += [o for o in others if o not in kept]
            return {"keep_others": "ja", "alternatives": kept, "others_named": None}
        return {"keep_others": "nee", "others_named": None}

    def validate_asked_by(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value not in ASKED_BY:
            value = asked_by_from_text(value if isinstance(value, str) else None)
        if value is None:
            # issue 20's way: no "not understood" message; the question comes back with help
            text = tracker.latest_message.get("text")
            return {"asked_by": None, **unsure.rejected(tracker.get_slot(unsure.UNSURE), text)}
        return {"asked_by": value}


def pick_buttons(people: list[dict]) -> list[dict[str, str]]:
    """One button per person named: the relation and the name as entities."""
    buttons = []
    for person in people[:8]:
        entities = {"relation": person.get("relation")}
        if person.get("name"):
            entities["mentor_name"] = person["name"]
        label = conversation.person_label(person)
        buttons.append(
            {
                "title": "👤 " + label[:1].upper() + label[1:],
                "payload": "/inform_mentor" + json.dumps(entities, ensure_ascii=False),
            }
        )
    return buttons


def ask_pick(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Asks who comes first when several people were named; False when there is no choice."""
    people = tracker.get_slot("people_named") or []
    if len(people) < 2:
        return False
    names = conversation.join_words([conversation.person_label(p) for p in people])
    text = texts.PICK_FIRST.format(names=names)
    dispatcher.utter_message(text=text, buttons=pick_buttons(people))
    return True


class ActionAskKeepOthers(Action):
    """Asks whether the coach may know the other people named too (the youth decides)."""

    def name(self) -> str:
        return "action_ask_keep_others"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        level = unsure.level_of(tracker.get_slot(unsure.UNSURE))
        if level >= unsure.LAST_LEVEL:  # issue 20: the third answer in a row not understood
            dispatcher.utter_message(response="utter_unsure_stop")
            return []
        others = tracker.get_slot("others_named") or []
        names = conversation.join_words([conversation.person_label(o) for o in others])
        name = tracker.get_slot("mentor_name") or ""
        text = (texts.KEEP_OTHERS, texts.KEEP_OTHERS_AGAIN, texts.TAP_WHAT_FITS)[level]
        dispatcher.utter_message(
            text=text.format(names=names),
            buttons=[
                {"title": texts.KEEP_OTHERS_YES, "payload": "/affirm"},
                {"title": texts.KEEP_OTHERS_NO.format(mentor_name=name), "payload": "/deny"},
            ],
        )
        return []
