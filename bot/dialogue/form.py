"""The form's structure in one place: its questions in order and the slots they fill.

`domain.yml`'s `jim_form` lists the same questions (Rasa reads them there); the actions
take everything else from here: which slots a fresh start empties (`FORM_SLOTS`), the
order "terug" walks back through (`QUESTION_ORDER`) and what one change empties
(`CHANGEABLE`). tests/test_form_structure.py checks that the domain, the NLU data's
`change_field` values, the domain's buttons and this module agree. Adding a question means
adding it here and in the domain's form (and its `utter_ask_...`), nothing else.

Imports nothing from Rasa.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    """One question of the form.

    `slot` is the slot the form requests; `also_fills` the slots its answer sets besides
    (the kind of support read from the reason, the group chosen at the relation buttons);
    `changeable` says whether the youth can change this answer alone from the summary
    (the `change_field` entity value is the slot name); `about_person` whether it belongs
    to the chosen person, so that changing the person empties it too.
    """

    slot: str
    also_fills: tuple[str, ...] = ()
    changeable: bool = True
    about_person: bool = True

    @property
    def fills(self) -> tuple[str, ...]:
        return (self.slot, *self.also_fills)


QUESTIONS: tuple[Question, ...] = (
    Question("youth_name", about_person=False),
    # issue 25: the parents' answer depends on the age, so a new age asks it again
    Question("youth_age", also_fills=("parents_answer",), about_person=False),
    # relation_text: the youth's own description of "someone else"; relation_guess: a
    # relation the NLU was not sure of, asked about first (issue 20)
    Question(
        "relation",
        also_fills=("relation_group", "relation_text", "relation_guess"),
        changeable=False,
    ),
    Question("mentor_name"),
    # issue 25: only asked when the youth named others too (bot.dialogue.relation_step):
    # may the coach know them? A yes moves them into `alternatives`.
    Question("keep_others", changeable=False),
    # Only asked for a person who may be under 18 (bot.dialogue.conversation.MAYBE_MINOR).
    Question("mentor_adult", changeable=False),
    Question("mentor_reason", also_fills=("mentor_support",)),
    Question("knows_already"),
    # issue 25: who asks the chosen person ("jongere", "samen", "coach": mentor.asked_by)
    Question("asked_by", changeable=False),
    Question("contact"),
)

# The order of the questions, for "terug" (go back one question).
QUESTION_ORDER: tuple[str, ...] = tuple(q.slot for q in QUESTIONS)

# Slots filled along the way, not by one question: the other people the youth named.
# Also the count of answers in a row the form could not use, and the last one (issue 20),
# and (issue 25) the people named together before the youth picked one (`people_named`)
# and those waiting for the keep question (`others_named`).
ALONG_THE_WAY: tuple[str, ...] = (
    "alternatives",
    "unsure",
    "unusable_answer",
    "people_named",
    "others_named",
)

# Everything a fresh start (or a no to sharing) forgets about the choice.
FORM_SLOTS: tuple[str, ...] = tuple(s for q in QUESTIONS for s in q.fills) + ALONG_THE_WAY

# The `change_field` value that changes the whole person (from the relation onward).
PERSON = "person"

# The `change_field` value that removes the other people named (issue 25).
OTHERS = "alternatives"

# What one change empties, by `change_field` value: the person, one answer, or the others.
CHANGEABLE: dict[str, tuple[str, ...]] = {
    PERSON: tuple(s for q in QUESTIONS if q.about_person for s in q.fills),
    **{q.slot: q.fills for q in QUESTIONS if q.changeable},
    OTHERS: ("alternatives", "others_named", "keep_others"),
}


def previous_question(current: str | None, answered: set[str]) -> str | None:
    """The answered question just before `current` (or the last answered one), for "terug"."""
    asked = [s for s in QUESTION_ORDER if s in answered]
    if current in QUESTION_ORDER:
        asked = [s for s in asked if QUESTION_ORDER.index(s) < QUESTION_ORDER.index(current)]
    return asked[-1] if asked else None


def emptied_by_going_back(question: str) -> tuple[str, ...]:
    """The slots "terug" empties to ask `question` again."""
    return CHANGEABLE.get(question, (question,))
