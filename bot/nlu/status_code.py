"""A reference code typed in the chat ("JIM-7K3Q", "jim 7k3q riet"), and the words beside it.

Issue 18: a youth in a new conversation may ask how their choice is doing with the code
they got. The code has a fixed form, so it is found by a rule, not guessed by DIET.
Pure functions, nothing from Rasa; `nlu_components/status_code.py` is the glue.
"""

from __future__ import annotations

import re
import unicodedata

# JIM-7K3Q, jim-7k3q, jim7k3q, "jim 7k3q" (with a space only when a digit is in it: "jim mama"
# is no code). The stored alphabet has no 0, 1, I, L or O; any letter or digit is read
# here, so a mistyped code is a wrong code (counted as a try), not a message about Jim.
_CODE = re.compile(r"(?<![\w-])jim(?:[-_–]\s*|)([a-z0-9]{4})(?![\w-])", re.IGNORECASE)
_SPACED = re.compile(r"(?<![\w-])jim\s+([a-z0-9]{4})(?![\w-])", re.IGNORECASE)
# Words around a code that are no name ("mijn code is JIM-7K3Q, ik koos riet").
FILLER = frozenset(
    """mijn code is de het een en ik koos heb gekozen kies naam jim hoe staat met keuze
    hier deze dit was heet hij zij ze die wie toen mn m n voor van aan op zijn haar""".split()
)
# Words for who someone is, not their name: "oma" must not pass the check for "Oma Riet".
RELATION_WORDS = frozenset(
    """oma opa tante oom buurman buurvrouw juf meester trainer coach neef nicht mama papa
    moeder vader broer zus zusje broertje vriend vriendin mevrouw meneer""".split()
)


def find_reference(text: str) -> tuple[str, int, int] | None:
    """(code as stored, start, end) of the first code in the text, or None."""
    match = _CODE.search(text or "")
    if match is None:
        match = _SPACED.search(text or "")
        if match is None or not any(c.isdigit() for c in match.group(1)):
            return None
    return "JIM-" + match.group(1).upper(), match.start(), match.end()


def normalise(word: str) -> str:
    """Lower case, no accents, letters only: "Riët" and "riet" are the same name."""
    plain = unicodedata.normalize("NFKD", word or "")
    return "".join(c for c in plain if c.isalpha()).lower()


def words_beside_code(text: str) -> list[str]:
    """The words of the message apart from the code and filler words, normalised."""
    found = find_reference(text)
    if found is not None:
        text = text[: found[1]] + " " + text[found[2] :]
    words = [normalise(w) for w in re.split(r"[\s,.;:!?]+", text or "")]
    return [w for w in words if w and w not in FILLER]


def first_name_matches(mentor_name: str | None, words: list[str]) -> bool:
    """True when one of the words is the chosen person's first name (compared normalised).

    "Oma Riet" was stored as the name of the person: any of its words counts, except a
    word of fewer than 2 letters.
    """
    wanted = {normalise(w) for w in (mentor_name or "").split()}
    wanted = {w for w in wanted if len(w) >= 2 and w not in RELATION_WORDS}
    return bool(wanted) and any(w in wanted for w in words)
