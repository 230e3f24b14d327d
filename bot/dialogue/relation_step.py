"""The decisions at the relation question ("Wie vind jij fijn om mee te praten?").

The form's validation of the relation answer was a small state machine inside
`actions/jim_form.py`; it lives here as one pure function so that every case can be
table-tested without Rasa. The action only gathers a `RelationAnswer` from the tracker,
says what the `RelationDecision` says and sets its slots.

Imports nothing from Rasa.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.dialogue import conversation
from bot.vocabulary import NOT_ELIGIBLE, canonical_relation, clean_name

# After this many help questions ("ik weet het niet") the help ends; a yes then starts over.
LAST_HELP_STEP = 5


@dataclass(frozen=True)
class RelationAnswer:
    """What the youth's message said at the relation question (gathered by the action)."""

    value: Any  # what the form read into the `relation` slot
    help_step: int = 0
    intent: str | None = None
    relations: list[str] = field(default_factory=list)  # `relation` entities
    names: list[str] = field(default_factory=list)  # `mentor_name` entities
    professional: bool = False  # a care professional named (entity)
    asking_the_name: bool = False  # the open question is the person's name
    relation_before: str | None = None  # the relation before this message
    alternatives: list[dict] = field(default_factory=list)  # other people named before
    # issue 25: the people named together, waiting for the youth to pick who comes first,
    # and the others waiting for the "may the coach know them too?" question
    people_named: list[dict] = field(default_factory=list)
    others_named: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class RelationDecision:
    """The slots to set, and what to say first: a domain response or a text."""

    slots: dict[str, Any]
    response: str | None = None
    text: str | None = None


def decide_relation(answer: RelationAnswer) -> RelationDecision:
    """Follow the JIM approach: an adult from the youth's own life, not a parent, not a
    care professional; "ik weet het niet" leads to the help questions, never a dead end."""
    text = answer.value if isinstance(answer.value, str) else ""
    if answer.value == conversation.DONT_KNOW:
        step = min(answer.help_step + 1, LAST_HELP_STEP)
        return RelationDecision({"relation": None, "relation_group": None, "help_step": step})
    if answer.help_step >= LAST_HELP_STEP and answer.intent == "affirm":
        return RelationDecision({"relation": None, "help_step": 0})
    if answer.value in conversation.GROUPS:
        return RelationDecision({"relation": None, "relation_group": answer.value})
    if answer.people_named:
        picked = _picked(answer, text)
        if picked is not None:
            return picked
    if conversation.is_own_coach(text):
        # issue 25: "mijn coach" is the youth's professional coach, never the JIM
        return RelationDecision(
            {"relation": None, "relation_group": None}, response="utter_relation_own_coach"
        )
    if answer.professional or conversation.is_professional(text):
        return RelationDecision(
            {"relation": None, "relation_group": None}, response="utter_relation_professional"
        )
    if answer.asking_the_name and canonical_relation(text) is None and len(answer.relations) < 2:
        # A name the NLU took for a relation ("Fatma"): keep the person already chosen.
        return RelationDecision({"relation": answer.relation_before})
    first, others = conversation.split_people(answer.relations, answer.names)
    relation = first or canonical_relation(text)
    if relation is None and answer.names:
        relation = "anders"  # a name without a relation: someone else
    if relation is None:
        return RelationDecision({"relation": None}, response="utter_relation_unclear")
    if relation in NOT_ELIGIBLE:
        return RelationDecision(
            {"relation": None, "relation_group": None}, response="utter_relation_parent"
        )
    slots: dict[str, Any] = {"relation": relation, "relation_group": None, "help_step": 0}
    others = [o for o in others if o["relation"] not in NOT_ELIGIBLE]
    if answer.people_named:
        # someone new, not one of the people named: they all wait for the keep question
        return RelationDecision(
            {**slots, "people_named": None, "others_named": _waiting(answer, answer.people_named)}
        )
    if not others:
        return RelationDecision(slots)
    # issue 25: several people: the youth picks who comes first (action_ask_relation asks)
    first_name = clean_name(answer.names[0]) if answer.names else None
    people = [{"relation": relation, "name": first_name}, *others]
    return RelationDecision(
        {"relation": None, "relation_group": None, "help_step": 0, "people_named": people}
    )


def _waiting(answer: RelationAnswer, people: list[dict]) -> list[dict]:
    """The people waiting for the keep question: those waiting before, then these."""
    return list(answer.others_named) + [p for p in people if p not in answer.others_named]


def _picked(answer: RelationAnswer, text: str) -> RelationDecision | None:
    """The youth picked one of the people named (button or typed): the others wait."""
    person = conversation.pick_person(answer.people_named, answer.relations, answer.names, text)
    if person is None:
        return None
    others = [p for p in answer.people_named if p is not person]
    return RelationDecision(
        {
            "relation": person["relation"],
            "mentor_name": person.get("name"),
            "relation_group": None,
            "help_step": 0,
            "people_named": None,
            "others_named": _waiting(answer, others),
        }
    )
