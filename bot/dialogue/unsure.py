"""One clear answer when the bot is unsure, and a little more help each time in a row.

Before issue 20 an answer the form could not use got two messages: "Dat snap ik niet
goed. Tik op een knop, of typ wie het is." and then the same question again, with the
same buttons, as often as it happened. A youth who is told twice that they are not
understood leaves. Now the validation says nothing and counts (`unsure` slot), and the
question itself comes back in the form that helps at that count:

1. the question in other words, with an example, and the unusable answer shown back as
   "Bedoel je ...?" where that can be (at the relation question: "Bedoel je: de man van
   de snackbar? Dan is het iemand anders.", so the answer is not lost);
2. fewer and bigger buttons;
3. the offer to stop for now, or to ask the coach.

The count goes back to 0 as soon as an answer is used, or when the youth asks for the
question in simpler words. A guess of the relation the NLU is not sure of ("buurvruw")
is asked once: "Bedoel je je buurvrouw?" with "Ja" and "Nee, iemand anders".

Imports nothing from Rasa; the actions in `actions/jim_form.py` and
`actions/unsure.py` are the glue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LAST_LEVEL = 3
# slot names (domain.yml)
UNSURE = "unsure"
UNUSABLE = "unusable_answer"
GUESS = "relation_guess"
RELATION_TEXT = "relation_text"
# the unusable answer is shown back only when it is short enough to read back
SHOW_BACK_MAX = 40


def next_level(current: Any) -> int:
    """The help level after one more answer in a row that could not be used."""
    try:
        level = int(float(current or 0))
    except (TypeError, ValueError):
        level = 0
    return min(level + 1, LAST_LEVEL)


def rejected(current: Any, text: str | None) -> dict[str, Any]:
    """The slots to set besides the emptied one when an answer cannot be used."""
    shown = " ".join((text or "").split())
    keep = shown if shown and not shown.startswith("/") and len(shown) <= SHOW_BACK_MAX else None
    return {UNSURE: float(next_level(current)), UNUSABLE: keep}


def level_of(value: Any) -> int:
    try:
        return max(0, min(int(float(value or 0)), LAST_LEVEL))
    except (TypeError, ValueError):
        return 0


def ask_response(slot: str, level: int) -> str | None:
    """The domain response that asks `slot` at this level of help, or None for the plain one."""
    if level <= 0:
        return None
    if level >= LAST_LEVEL:
        return "utter_unsure_stop"
    return f"utter_unsure_{slot}_{level}"


@dataclass(frozen=True)
class GuessDecision:
    """What a relation guess means for the slots: set these (and ask nothing else)."""

    slots: dict[str, Any]


def relation_guess(
    entities: list[dict], intent: str | None, pending: str | None
) -> GuessDecision | None:
    """Decide at the relation question when a guess is involved; None: the usual way.

    `entities` are the latest message's `relation` entities (as the NLU gives them),
    `pending` the guess asked about ("Bedoel je je buurvrouw?"), if any.
    - a pending guess and a yes: the guess is the relation;
    - a pending guess and a no ("Nee, iemand anders" typed): someone else (`anders`);
    - a message whose only relations are uncertain guesses: ask about the first one.
    """
    if pending and intent == "affirm" and not entities:
        return GuessDecision({"relation": pending, GUESS: None, UNSURE: 0.0})
    if pending and intent == "deny" and not entities:
        return GuessDecision({"relation": "anders", GUESS: None, UNSURE: 0.0})
    if entities and all(e.get("certain") is False for e in entities):
        return GuessDecision({"relation": None, GUESS: entities[0].get("value")})
    return None


def yes_to_shown_back(intent: str | None, entities: list[dict], level: Any, shown: Any) -> bool:
    """A typed "ja" to "Bedoel je: de man van de snackbar? Tik dan op Ja." (level 1, the
    answer shown back): the same as tapping "Ja, die bedoel ik"."""
    return intent == "affirm" and not entities and level_of(level) == 1 and bool(shown)


def description_of(entities: list[dict]) -> str | None:
    """The youth's own description of someone else, for the coach ("de imam")."""
    for entity in entities:
        if entity.get("value") == "anders" and entity.get("relation_text"):
            return str(entity["relation_text"])[:120]
    return None
