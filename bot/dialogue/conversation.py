"""Rules of the conversation that do not depend on Rasa: parsing, checks, summary."""

from __future__ import annotations

import re
from typing import Any

from bot.dialogue import texts
from bot.vocabulary import (
    DONT_KNOW,
    RELATION_GROUPS,
    RELATIONS,
    SUPPORT_KINDS,
    SUPPORT_REASONS,
    canonical_relation,
    clean_name,
    relation_label,
)

# Relation buttons that name two people: the next question asks which of the two.
GROUPS = {group: f"utter_ask_{group}" for group in RELATION_GROUPS}
# Relations that may be under 18: the form then asks whether the person is an adult.
MAYBE_MINOR = {"broer", "zus", "neef", "nicht", "vriend", "anders"}
# Words for care professionals: they cannot be the JIM (it is someone from the youth's life).
PROFESSIONAL_WORDS = {
    "begeleider", "begeleidster", "hulpverlener", "jeugdzorg", "jeugdwerker", "voogd",
    "gezinsvoogd", "therapeut", "psycholoog", "maatschappelijk", "casemanager", "groepsleider",
    "groepsleiding", "mentor_op_school", "jeugdbescherming", "wijkteam", "ambulant",
}  # fmt: skip
HELP_QUESTIONS = ["utter_help_1", "utter_help_2", "utter_help_3", "utter_help_4"]
SKIPPED = "-"
REASON_TEXT = SUPPORT_REASONS  # a support button as the reason the coach reads
_SUPPORT_WORDS = {
    "emotioneel": ("zeggen", "vertellen", "praten", "luistert", "luisteren", "begrijpt",
                   "vertrouw", "lief", "troost", "geheim", "eerlijk", "snapt", "verhaal",
                   "er voor me", "er altijd", "gerust", "veilig", "fijn", "aardig", "steunt"),
    "praktisch": ("helpt", "helpen", "hulp", "brengt", "repareert", "huiswerk", "eten",
                  "geld", "regelt", "rijdt", "klussen", "kookt", "brieven", "fiets"),
    "advies": ("tips", "tip", "advies", "raad", "uitleg", "legt", "slim", "weet veel",
               "weet wat", "ideeën", "ideeen", "zegt wat", "wijs"),
    "gezelschap": ("samen", "leuk", "leuke", "lachen", "gamen", "voetbal", "voetballen",
                   "sporten", "film", "films", "uitgaan", "gezellig", "chillen", "grappig",
                   "vissen", "hangen"),
}  # fmt: skip

_NUMBER_WORDS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
    "eenentwintig": 21, "tweeëntwintig": 22, "tweeentwintig": 22, "drieëntwintig": 23,
    "drieentwintig": 23, "vierentwintig": 24, "vijfentwintig": 25,
}  # fmt: skip
_PHONE_RE = re.compile(r"^(\+|00)?[\d][\d \-]{8,16}\d$")
_EMAIL_RE = re.compile(r"^[^@\s<>]{1,64}@[^@\s<>]{1,200}\.[a-z]{2,}$", re.IGNORECASE)


def parse_age(value: object) -> int | None:
    """An age from "15", "ik ben 15 jaar", "vijftien"; None if there is none."""
    if isinstance(value, (int, float)):
        number = int(value)
    else:
        text = str(value or "").lower()
        digits = re.findall(r"\d{1,3}", text)
        if len(digits) == 1:
            number = int(digits[0])
        else:
            words = [_NUMBER_WORDS[w] for w in re.findall(r"[a-zë]+", text) if w in _NUMBER_WORDS]
            if len(words) != 1:
                return None
            number = words[0]
    return number if 8 <= number <= 30 else None


def clean_contact(value: object) -> str | None:
    """A phone number or e-mail address, tidied; None if it is neither."""
    text = " ".join(str(value or "").split())
    if _EMAIL_RE.match(text):
        return text.lower()
    if _PHONE_RE.match(text):
        digits = re.sub(r"[ \-]", "", text)
        if 10 <= len(digits.lstrip("+")) <= 15:
            return digits
    return None


def support_from_text(text: str) -> list[str]:
    """Support kinds named in the youth's own words (whole words, so "uit" is not "uitleg")."""
    lower = " " + " ".join(re.findall(r"[^\W_]+", text.lower())) + " "
    return [kind for kind, words in _SUPPORT_WORDS.items() if any(f" {w} " in lower for w in words)]


def reason_and_support(value: object) -> tuple[str | None, list[str]]:
    """The reason slot as (reason text for the coach, support kinds)."""
    if value in SUPPORT_KINDS:
        return REASON_TEXT[value], [value]
    if value == DONT_KNOW or not value:
        return None, []
    text = " ".join(str(value).split())[:300]
    return text, support_from_text(text)


def is_professional(text: str | None) -> bool:
    words = set(re.findall(r"[^\W\d_]+", (text or "").lower()))
    return bool(words & PROFESSIONAL_WORDS) or "mentor op school" in (text or "").lower()


def mentor_label(relation: str | None) -> str:
    """ "je oma" -> "oma", for "Je kiest oma Riet"."""
    label = relation_label(relation)
    return label.removeprefix("je ").removeprefix("die ")


def summary(slots: dict) -> str:
    """The one-message summary before anything is sent."""
    name = slots.get("mentor_name") or ""
    lines = [
        texts.SUMMARY_CHOICE.format(label=mentor_label(slots.get("relation")), mentor_name=name)
    ]
    kinds = slots.get("mentor_support") or []
    if kinds:
        lines.append(texts.SUMMARY_REASON[kinds[0]].format(mentor_name=name))
    alternatives = [
        a.get("name") or mentor_label(a.get("relation")) for a in slots.get("alternatives") or []
    ]
    if alternatives:
        lines.append(texts.SUMMARY_ALTERNATIVES.format(names=" en ".join(alternatives)))
    lines.append(texts.SUMMARY_QUESTION)
    # At most 3 sentences: the alternatives line wins over the reason line.
    if len(lines) > 3:
        lines.pop(1)
    return " ".join(lines)


def split_people(relations: list[str], names: list[str]) -> tuple[str | None, list[dict]]:
    """Several people named at once: the first is the choice, the others alternatives."""
    canonical = [r for r in (canonical_relation(v) or v for v in relations) if r in RELATIONS]
    if len(canonical) < 2:
        return None, []
    others = []
    for index, relation in enumerate(canonical[1:], start=1):
        name = clean_name(names[index]) if index < len(names) else None
        others.append({"relation": relation, "name": name})
    return canonical[0], others


def clean_alternatives(alternatives: Any) -> list[dict]:
    """The alternatives as stored: names cleaned as the chosen person's name is (anything
    that is no name becomes None), relations only the known ones."""
    cleaned = []
    for alternative in alternatives or []:
        if not isinstance(alternative, dict):
            continue
        relation = alternative.get("relation")
        cleaned.append(
            {
                "name": clean_name(alternative.get("name")),
                "relation": relation if relation in RELATIONS else None,
            }
        )
    return cleaned
