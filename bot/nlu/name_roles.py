"""Whose name is it: the youth's own, or the person they choose? Decided from the words around it.

The classifier tags a first name well, but a name says nothing about whose it is: "Sam"
can be the youth or their JIM. Dutch says it in the words next to the name: "ik heet
Sam", "zeg maar Sam", "Sam hier" is the youth; "ze heet Riet", "haar naam is Riet",
"mijn oma Riet", "Riet is mijn buurvrouw" is someone else. This module reads those
words, so that "ik heet Sam" never fills in the JIM's name, and a youth who greets and
introduces themselves ("hoi ik ben Lisa") is heard as telling their name.

Without such words the classifier's choice stands (a bare name, asked for the JIM's
name, is the JIM's). Nothing here imports Rasa; `nlu_components.name_roles` is the glue.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import yaml

from bot.nlu.odd_input import CODE_WORDS
from bot.nlu.relation_words import EXACT_ONLY, LEXICON

YOUTH = "youth_name"
MENTOR = "mentor_name"
NAME_ENTITIES = (YOUTH, MENTOR)

# words that may sit between the cue and the name: "ik heet gewoon Sam", "zeg maar Bo"
_FILL = r"(?:\s+(?:maar|gewoon|eigenlijk|dus|toch|echt|wel))*"
_OWN = r"(?:mijn|mn|m'n|me|mij)"
_THEIR = r"(?:haar|zijn|zn|z'n|d'r|der|hun)"
# a relation word, with what teens put around it: "voetbaltrainer", "omaatje", "tanta"
# the relation lexicon's own words too ("mn nonkel luc", "opoe riet", "ayse teyze"'s
# "teyze"): one source with the relation step (stop 40)
_LEXICON_WORDS = "|".join(
    sorted(
        (w for w in {*LEXICON, *EXACT_ONLY} if re.fullmatch(r"[^\W\d_]{3,}", w)),
        key=len,
        reverse=True,
    )
)
_RELATIONS = (
    r"(?:omi|oema|opi|ome|bro|pa|ma|pap|mam"
    r"|\w*(?:oma|opa|oom|tant|broer|zus|neef|nicht|buur|coach|trainer|trener|leraar|lerares|juf"
    r"|meester|mentor|pleeg|vriend|baas|bazin|chef|moeder|vader|mama|papa)\w*"
    rf"|{_LEXICON_WORDS})"
)

# cues right before the name
_MENTOR_BEFORE = re.compile(
    r"(?:\b(?:hij|ze|zij|die|dat|diegene|hem|haar)\s+(?:heet|hiet|heeft|noemen\s+we)"
    rf"|\b{_THEIR}\s+(?:bij)?naam(?:\s+is)?"
    r"|\bwe\s+noemen\s+(?:haar|hem)"
    r"|\bhet\s+is"
    r"|\bik\s+(?:kies|neem|wil|denk\s+aan)"
    rf"|\b(?:{_RELATIONS})(?:\s+(?:van|op)\s+(?:de\s+|mijn\s+|mn\s+)?\w+)?(?:\s+(?:heet|hiet|is|noemen\s+we))?"
    rf"){_FILL}\s*$"
)
_YOUTH_BEFORE = re.compile(
    r"(?:\bik\s+(?:heet|hiet|heeet|hete|ben)"
    rf"|\b{_OWN}\s+(?:bij)?naam(?:\s+is)?"
    r"|^(?:\W*(?:hoi|hallo|hey|hee|hai|hi|yo|goedemorgen|goedemiddag|goedenavond)\W*)?naam(?:\s+is)?"
    r"|\bnoem\s+(?:me|mij)"
    r"|\b(?:iedereen|ze|zij|mensen|vrienden)\s+noem(?:t|en)\s+(?:me|mij)"
    r"|\bzeg\s+maar"
    r"|\bje\s+mag"
    r"|\bhier\s+is"
    rf"){_FILL}\s*$"
)
# cues right after the name
_YOUTH_AFTER = re.compile(
    rf"^\s*(?:(?:is|als)\s+{_OWN}\s+(?:bij)?naam\b|hier\b|ben\s+ik\b|noemen\s+ze\s+me\b)"
)
# "X zeggen" names X only after "(je) mag / kan / kunt (me)": "je kan me Bo zeggen",
# not "kan je het simpel zeggen" or "wat moet ik zeggen"
_SAY_BEFORE = re.compile(
    rf"\b(?:mag|mogen|kan|kun|kunt)(?:\s+(?:je|jij|jullie|u))?(?:\s+(?:me|mij))?{_FILL}\s*$"
)
_SAY_AFTER = re.compile(r"^\s*zeggen\b")
_MENTOR_AFTER = re.compile(rf"^\s*(?:,\s*)?(?:(?:is|als)\s+)?{_OWN}\s+(?:{_RELATIONS})\b")


NAMES_FILE = Path(__file__).resolve().parents[2] / "data" / "nlu" / "names.yml"
# Words that are names too, but in a chat mostly mean something else
CHAT_WORDS = frozenset(
    "hoi hallo hey hee hai hi yo selam salam salaam slm ja nee ok oke okee top yes no stop "
    "help merci thanks dank bedankt doei later jim coach bot".split()
)
# Words that follow "ik heet"-like cues without being a name: "ik heet niet zo"
NOT_A_NAME = frozenset(
    "niet nog geen ook zo wel echt gewoon maar dus toch eigenlijk dat die het de een er hier "
    "daar wat wie hoe zelf anders iets niks niemand iemand jij je hem haar hun zij ze ik mij me "
    "we wij u jou jullie te om op in aan met voor van naar bij fout verkeerd goed raar stom "
    "leuk mooi lang kort".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


# Cross-validation (bench/nlu_cv.py) points this at a copy of names.yml without the names
# of the fold it tests on: a name the held-out examples hold must be as new to the
# lookup as to DIET, or the entity figures flatter.
NAMES_FILE_ENV = "JIM_NAMES_FILE"


def names_file() -> Path:
    """The lookup file in use: `$JIM_NAMES_FILE` if set, else data/nlu/names.yml."""
    return Path(os.environ.get(NAMES_FILE_ENV) or NAMES_FILE)


def first_names() -> frozenset[str]:
    """The first names of the `voornaam` lookup table, lowercased."""
    return _read_first_names(names_file())


@functools.lru_cache(maxsize=8)
def _read_first_names(path: Path) -> frozenset[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for block in data.get("nlu", []):
        if block.get("lookup") == "voornaam":
            return frozenset(
                line.strip()[2:].strip().lower()
                for line in block["examples"].splitlines()
                if line.strip().startswith("- ")
            )
    return frozenset()


def is_first_name(word: str) -> bool:
    """Whether a word is a known first name that is not also a common chat word."""
    lowered = word.lower()
    return lowered in first_names() and lowered not in CHAT_WORDS


def spot_names(text: str, entities: list[dict]) -> list[dict]:
    """Name entities the classifier missed, found from the words around them; returns them.

    A word after a naming cue ("ik heet", "zeg maar", "ze heet", "haar naam is", "we
    noemen hem", "je mag ... zeggen") is a name unless it is a small word ("ik heet niet
    zo"). After a weaker cue ("ik ben", "het is", "mijn oma", "... hier") it must be a
    known first name. A message that is only a known first name is the chosen person's
    (asked "hoe heet ze?"). New entities are appended to `entities`.
    """
    taken = [(e.get("start", -1), e.get("end", -1)) for e in entities]
    found: list[dict] = []
    words = list(_WORD_RE.finditer(text))
    for match in words:
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        word = match.group()
        lowered = word.lower()
        if lowered in NOT_A_NAME or len(word) < 2 or _in_address(text, start, end):
            continue
        before, after = text[:start], text[end:]
        role = role_from_context(before, after)
        if role is None:
            if len(words) == 1 and is_first_name(word):
                role = MENTOR  # the whole message is a name
            else:
                continue
        elif not (_strong_cue(before, after) or is_first_name(word) or _last_new_word(word, after)):
            continue  # "Selam" after "ze heet" is a name, "ik ben selam" is not
        entity = {"entity": role, "start": start, "end": end, "value": word}
        found.append(entity)
        taken.append((start, end))
    entities.extend(found)
    return found


def _last_new_word(word: str, after: str) -> bool:
    """ "mijn oma lien", "buurman sjors": the last word after a person, a word that is
    neither Dutch nor a person nor a chat word, is the person's name (stop 39)."""
    from bot.nlu.relation_words import is_dutch, word_relation

    return (
        not after.strip(" .!?")
        and len(word) >= 3
        and word.lower() not in CHAT_WORDS
        and not is_dutch(word)
        and word_relation(word) is None
    )


_ADDRESS = re.compile(r"\S*(?:@|www\.|https?://|\.(?:nl|com|be|net|org)\b)\S*", re.IGNORECASE)


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of an e-mail or web address ("tante_priya@live.nl")."""
    return any(m.start() <= start and end <= m.end() for m in _ADDRESS.finditer(text))


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _clause(before: str) -> str:
    """The part of the text before a name that belongs to the name's own clause."""
    return re.split(r"[,.;!?]|\b(?:en|want|of)\b", _norm(before))[-1].rstrip()


_STRONG_BEFORE = re.compile(
    r"(?:\b(?:heet|hiet|heeet|hete|naam\s+is|noem\s+(?:me|mij)|noem(?:t|en)\s+(?:me|mij|haar|hem)"
    rf"|zeg\s+maar|je\s+mag|bijnaam\s+is)){_FILL}\s*$"
)
_STRONG_AFTER = re.compile(r"^\s*is\s+(?:mijn|mn|m'n|haar|zijn)\s+(?:bij)?naam\b")


def _said(before: str, after: str) -> bool:
    """ "je mag X zeggen": X is what the youth wants to be called."""
    return bool(_SAY_AFTER.match(after) and _SAY_BEFORE.search(before))


def _strong_cue(before: str, after: str) -> bool:
    """Whether the words around a word name it, whatever the word is ("ik heet X")."""
    before, after = _clause(before), _norm(after)
    return bool(_STRONG_BEFORE.search(before) or _STRONG_AFTER.match(after) or _said(before, after))


def role_from_context(before: str, after: str) -> str | None:
    """`youth_name` or `mentor_name` from the words around a name, or None if they do not say.

    `before` and `after` are the message's text up to and after the name. Only the
    clause the name is in counts: "ik heet Sam, en mijn oma heet Riet" gives Sam to the
    youth and Riet to the oma.
    """
    before = _clause(before)
    after = _norm(after)
    # the words before the name weigh more: "ik heet Sam, mijn oma ..." is about Sam
    if _MENTOR_BEFORE.search(before):
        return MENTOR
    if _YOUTH_BEFORE.search(before):
        return YOUTH
    if _MENTOR_AFTER.match(after):
        return MENTOR
    if _YOUTH_AFTER.match(after) or _said(before, after):
        return YOUTH
    return None


def settle_roles(text: str, entities: list[dict]) -> list[str]:
    """Set each name entity's type from the words around it; returns what was changed.

    Entities are dicts with `entity`, `start` and `end` (as the NLU gives them) and are
    changed in place. A name without telling words keeps the classifier's choice.
    """
    changed = []
    for entity in entities:
        if entity.get("entity") not in NAME_ENTITIES:
            continue
        start, end = entity.get("start"), entity.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        role = role_from_context(text[:start], text[end:])
        if role is None and _is_whole_message(text, start, end):
            role = MENTOR  # a bare first name answers "hoe heet ze?", as spot_names says
        if role and role != entity["entity"]:
            changed.append(f"{entity['entity']}->{role}")
            entity["entity"] = role
    return changed


# Intents a short message with a name in it is taken away from: "Joep hier" is no
# greeting, "haar naam is Wendy" no reason. Never crisis, consent, or an answer like "nee".
_TAKEN_BY_NAMES = frozenset(
    "greet goodbye thanks not_understood explain_jim bot_challenge out_of_scope start "
    "inform_support inform_name inform_mentor".split()
)


def intent_for_names(intent: str | None, text: str, entities: list[dict]) -> str | None:
    """The intent the names point to, if it differs from the classifier's; else None.

    `inform_name` (telling one's own name) or `inform_mentor` (naming a person) when
    every name in the message belongs to one side. Between those two the names decide;
    a short message (5 words at most) whose name the words around it explain, or that is
    only a first name, is taken from a greeting, thanks, off-topic and the like.
    """
    names = [e for e in entities if e.get("entity") in NAME_ENTITIES]
    kinds = {e["entity"] for e in names}
    if len(kinds) != 1 or intent not in _TAKEN_BY_NAMES:
        return None
    wanted = "inform_name" if kinds == {YOUTH} else "inform_mentor"
    if intent == wanted:
        return None
    if intent in ("inform_name", "inform_mentor"):
        return wanted
    words = _WORD_RE.findall(text)
    if len(words) <= 5 and (told_by_words(text, names) or _only_a_name(words, names)):
        return wanted
    return None


def _is_whole_message(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is the whole message and a known first name."""
    words = _WORD_RE.findall(text)
    return len(words) == 1 and words[0] == text[start:end].strip() and is_first_name(words[0])


def _only_a_name(words: list[str], names: list[dict]) -> bool:
    return len(names) == 1 and len(words) == 1 and is_first_name(words[0])


def drop_chat_words(text: str, entities: list[dict]) -> list[dict]:
    """Remove name entities that are chat words with no naming words around ("selam", "ok").

    Returns the removed entities; `entities` is changed in place.
    """
    dropped = [
        e
        for e in entities
        if e.get("entity") in NAME_ENTITIES
        and str(e.get("value", "")).lower() in CHAT_WORDS | CODE_WORDS
        and isinstance(e.get("start"), int)
        and not _strong_cue(text[: e["start"]], text[e["end"] :])
    ]
    for entity in dropped:
        entities.remove(entity)
    return dropped


def told_by_words(text: str, entities: list[dict]) -> bool:
    """Whether the words around some name in the message say whose name it is."""
    return any(
        role_from_context(text[: e["start"]], text[e["end"] :]) is not None
        for e in entities
        if e.get("entity") in NAME_ENTITIES and isinstance(e.get("start"), int)
    )
