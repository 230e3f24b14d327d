"""Held-out sets: is a message already in the training data, and are its entities found?

Three benches play messages written apart from data/nlu (`bench/nlu_heldout.py`,
`bench/safety.py`, `bench/after_handoff.py`) and stop when one is in data/nlu: a
message the model was trained on says nothing about messages it never saw. Compared
as typed, "Ik wil dood!" and "ik wil dood" or "hé" and "he" slip through, so the texts are
compared normalised: case, accents, spacing and punctuation do not count ("m'n" is
"mn", "zo-even" is "zoeven"). A message of only emoji or signs keeps its signs ("👍" is
not "🤷").

`score_entities` counts the entities a model found against the ones written in the
held-out set (kind and value: a relation by its canonical value, as the synonym mapper
gives it, a name as typed, without case), per kind: right, missed, wrong, and F1.
Nothing here imports Rasa.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# signs that join parts of one word: "m'n", "zo-even", "tante’s"
_JOINERS = re.compile(r"[\'\u2019\u2018`\u00b4-]")
_NOT_A_LETTER = re.compile(r"[\W_]+")


def normalise(text: str | None) -> str:
    """The text as compared: lower case, no accents, no punctuation, single spaces."""
    raw = (text or "").strip()
    text = unicodedata.normalize("NFKD", raw).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _JOINERS.sub("", text)
    text = " ".join(_NOT_A_LETTER.sub(" ", text).split())
    return text or " ".join(raw.split())  # only emoji or signs: keep them


def nlu_texts(folder: Path | str) -> set[str]:
    """The normalised texts of every intent example in an NLU file or folder."""
    from rasa.shared.nlu.training_data.loading import load_data

    return {normalise(m.get("text")) for m in load_data(str(folder)).intent_examples}


def in_training(texts: Iterable[str], trained: set[str]) -> list[str]:
    """The texts that are (normalised) among the normalised training texts `trained`."""
    return [text for text in texts if normalise(text) in trained]


def entity_values(entities: Iterable[dict]) -> set[tuple[str, str]]:
    """(kind, normalised value) of each entity; the same entity found twice counts once."""
    return {
        (entity["entity"], normalise(str(entity.get("value", ""))))
        for entity in entities
        if entity.get("entity")
    }


@dataclass
class EntityScore:
    """Per kind of entity: found right, missed, found where none (or another value) was."""

    right: int = 0
    missed: int = 0
    wrong: int = 0

    @property
    def precision(self) -> float:
        found = self.right + self.wrong
        return self.right / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.right + self.missed
        return self.right / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_entities(
    pairs: Iterable[tuple[Iterable[dict], Iterable[dict]]], kinds: Iterable[str] | None = None
) -> dict[str, EntityScore]:
    """Scores (expected, found) entity lists of each message, per kind of entity.

    A found entity is right when the message expects that kind with that value; a
    relation "omaatje" found as "oma" is right when "oma" was written, "opa" is wrong
    (and "oma" missed). Only `kinds` are scored when given (others found are left out).
    """
    wanted = set(kinds) if kinds is not None else None
    scores: dict[str, EntityScore] = {}
    for expected, found in pairs:
        want, got = entity_values(expected), entity_values(found)
        if wanted is not None:
            want = {e for e in want if e[0] in wanted}
            got = {e for e in got if e[0] in wanted}
        for kind, _ in want | got:
            scores.setdefault(kind, EntityScore())
        for kind, _ in want & got:
            scores[kind].right += 1
        for kind, _ in want - got:
            scores[kind].missed += 1
        for kind, _ in got - want:
            scores[kind].wrong += 1
    if wanted is not None:
        for kind in wanted:
            scores.setdefault(kind, EntityScore())
    return dict(sorted(scores.items()))
