"""Rules of the conversation that do not depend on Rasa: parsing, checks, summary."""

from __future__ import annotations

import re
from typing import Any

from bot.dialogue import texts
from bot.vocabulary import (
    DONT_KNOW,
    RELATION_GROUPS,
    RELATIONS,
    SPORT_WORDS,
    SUPPORT_KINDS,
    SUPPORT_REASONS,
    canonical_relation,
    clean_name,
    lone_name,
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
    # issue 20: in English, as some youths answer (the seventh form set: "sixteen")
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_PHONE_RE = re.compile(r"^(\+|00)?[\d][\d \-]{8,16}\d$")
_EMAIL_RE = re.compile(r"^[^@\s<>]{1,64}@[^@\s<>]{1,200}\.[a-z]{2,}$", re.IGNORECASE)
# one phone number inside other words ("ja 0624681357")
_PHONE_INSIDE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-]{8,16}\d(?!\w)")


def _number_word(word: str) -> int | None:
    """ "vijftien", and with one letter off: "zesien", "vijftin" (the fourth form set)."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if len(word) < 6:
        return None
    near = [n for w, n in _NUMBER_WORDS.items() if len(w) >= 6 and _one_edit(word, w)]
    return near[0] if len(set(near)) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one letter added, left out or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


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
            words = [_number_word(w) for w in re.findall(r"[a-zë]+", text)]
            words = [w for w in words if w is not None]
            if len(words) != 1:
                return None
            number = words[0]
    return number if 8 <= number <= 30 else None


def clean_contact(value: object) -> str | None:
    """A phone number or e-mail address, tidied; None if it is neither.

    Words around one number or address are left off ("ja 0624681357", "haar nummer is
    06 23456781", issue 20); two numbers, or a number in a longer sum, give None."""
    text = " ".join(str(value or "").split())
    found = _one_contact(text)
    if found is not None:
        return found
    inside = [m.group() for m in _PHONE_INSIDE.finditer(text)]
    addresses = [w.strip(".,;:!?()") for w in text.split() if "@" in w]
    if len(inside) + len(addresses) == 1 and not re.search(r"\d", _PHONE_INSIDE.sub("", text)):
        return _one_contact((inside or addresses)[0])
    return None


def _one_contact(text: str) -> str | None:
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


# Words that show an answer is about someone: a pronoun for them, or a reason's own words
# ("hij is chill", "ken haar al sinds ik klein ben", "omdat ze niet snel boos wordt").
_ABOUT_SOMEONE = frozenset(
    "hij ie ze zij haar hem die diegene zn z'n zijn d'r der omdat want sinds altijd nooit".split()
)
REASON_MAX_WORDS = 40
_QUESTION_WORDS = frozenset("wat hoe waarom wie wanneer waar welke welk hoezo wtf".split())


def answer_out_of_scope(
    question: str | None, text: str | None, mentor_name: str | None
) -> str | None:
    """The answer an out-of-scope message gives to the open question of the form, if any:
    a rare name at a name question ("Xandrietje"), a reason in own words at the reason
    question ("hij is chill"). The form then takes it, and the bot does not first say
    "Daar kan ik je niet mee helpen"."""
    if question in ("youth_name", "mentor_name"):
        return lone_name(text)
    if question == "mentor_reason" and reads_as_reason(text, mentor_name):
        return " ".join((text or "").split())
    return None


def reads_as_reason(text: str | None, mentor_name: str | None = None) -> bool:
    """True when an answer at "Waarom vind je Riet fijn?" is a reason in the youth's own
    words, although the NLU read it as something else (out of scope): it speaks of
    someone ("hij is chill", "ken haar al heel lang") or names what they do ("luistert
    goed"). A question, a number, a code or a long story is never taken."""
    text = " ".join((text or "").split())
    if not text or text.startswith("/") or text.endswith("?"):
        return False
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    if not words or len(words) > REASON_MAX_WORDS or re.search(r"\d{3,}", text):
        return False
    if words[0] in _QUESTION_WORDS:
        return False
    name = (mentor_name or "").lower().split()
    if set(words) & _ABOUT_SOMEONE or (name and name[0] in words):
        return True
    return bool(support_from_text(text))


def is_professional(text: str | None) -> bool:
    lower = re.sub(r"\b(stage|huiswerk)\s+begeleid", r"\1begeleid", (text or "").lower())
    words = set(re.findall(r"[^\W\d_]+", lower))  # "mn stage begeleider" is from work
    return bool(words & PROFESSIONAL_WORDS) or "mentor op school" in lower


# issue 25: "coach" alone is the youth's professional coach; with a sport it is a trainer.
def is_own_coach(text: str | None) -> bool:
    """ "mijn coach", "de coach": the professional coach (never the JIM), not a sports
    coach ("mijn coach van voetbal", "sportcoach", "voetbalcoach")."""
    lower = (text or "").lower()
    words = re.findall(r"[^\W\d_]+", lower)
    if "coach" not in words and "coah" not in words and "couch" not in words:
        return False
    if re.search(r"\bcoach\s+van\s+(?:mijn|mn|m'n|ons|onze)\s+(?:team|elftal)\b", lower):
        return False  # "coach van mn team": a sports team (stop 39)
    return not any(w in lower for w in SPORT_WORDS)


def mentor_label(relation: str | None) -> str:
    """ "je oma" -> "oma", for "Je kiest oma Riet"."""
    label = relation_label(relation)
    return label.removeprefix("je ").removeprefix("die ")


# issue 25: the youth's own reason in the summary, shortened kindly after this many words.
REASON_WORDS = 8


def short_reason(reason: str) -> str:
    """The youth's own words for the summary, as typed: whole, or the first words and "...".

    No end mark: the sentence around it has one."""
    words = " ".join(str(reason).split()).rstrip(".!? ").split(" ")
    return " ".join(words[:REASON_WORDS]) + ("..." if len(words) > REASON_WORDS else "")


def person_label(person: dict) -> str:
    """ "oma Riet", "Riet" (relation anders), "je buurman" (no name): how the bot names one."""
    name = person.get("name")
    relation = person.get("relation")
    if name and relation not in (None, "anders"):
        return f"{mentor_label(relation)} {name}"
    return name or relation_label(relation)


def join_words(items: list[str]) -> str:
    """ "a", "a en b", "a, b en c"."""
    items = [i for i in items if i]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {texts.CONSENT_AND} " + items[-1]


def summary_messages(slots: dict) -> list[str]:
    """The summary before anything is sent: the choice, the youth's own reason (for every
    relation), the other people named, and "Klopt dat?".

    One message when it fits in 3 sentences; with a reason and alternatives the question
    comes as a second message (LANGUAGE.md: at most 3 sentences a message)."""
    name = slots.get("mentor_name") or ""
    relation = slots.get("relation")
    if relation in (None, "anders"):
        lines = [texts.SUMMARY_CHOICE_NAME.format(mentor_name=name)]
    else:
        lines = [texts.SUMMARY_CHOICE.format(label=mentor_label(relation), mentor_name=name)]
    reason = slots.get("mentor_reason")
    kinds = slots.get("mentor_support") or []
    button_reasons = set(REASON_TEXT.values())
    if reason and reason != DONT_KNOW and reason not in button_reasons:
        line = texts.SUMMARY_OWN_REASON.format(reason=short_reason(reason))
        lines.append(line.replace("....", "..."))
    elif kinds:
        lines.append(texts.SUMMARY_REASON[kinds[0]].format(mentor_name=name))
    alternatives = [person_label(a) for a in slots.get("alternatives") or []]
    if alternatives:
        lines.append(texts.SUMMARY_ALTERNATIVES.format(names=join_words(alternatives)))
    if len(lines) < 3:
        return [" ".join(lines + [texts.SUMMARY_QUESTION])]
    return [" ".join(lines), texts.SUMMARY_QUESTION]


def summary(slots: dict) -> str:
    """The summary as one text (tests and the demo's coach view read it so)."""
    return " ".join(summary_messages(slots))


def consent_items(slots: dict) -> str:
    """What the consent question lists as shared: the person, the reason, the number or
    e-mail if given, the other people named."""
    items = [slots.get("mentor_name") or "", texts.CONSENT_THE_REASON]
    contact = slots.get("contact")
    if contact and contact != SKIPPED:
        items.append(texts.CONSENT_EMAIL if "@" in str(contact) else texts.CONSENT_PHONE)
    alternatives = [person_label(a) for a in slots.get("alternatives") or []]
    if len(alternatives) > 2:
        items.append(texts.CONSENT_MANY_OTHERS.format(count=len(alternatives)))
    else:
        items.extend(alternatives)
    return join_words(items)


def team_label(name: str) -> str:
    """ "Standaard team" -> "het standaard team"; "Jeugdhulp Noord" -> "het team van ..."."""
    if "team" in name.lower():
        return "het " + name[:1].lower() + name[1:]
    return texts.CONSENT_TO_TEAM.format(team=name)


def pick_person(people: list[dict], relations: list[str], names: list[str], text: str):
    """Which of the people named the youth picked: by name, else by relation; None if unclear."""
    lower = (text or "").lower()
    for person in people:
        name = (person.get("name") or "").lower()
        if name and (name in [n.lower() for n in names] or name in lower.split()):
            return person
    wanted = {canonical_relation(r) or r for r in relations} | {canonical_relation(lower)}
    matches = [p for p in people if p.get("relation") in wanted]
    return matches[0] if len(matches) == 1 else None


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


# issue 25: who asks the chosen person (mentor.asked_by), read from what the youth typed
def asked_by_from_text(text: str | None) -> str | None:
    """ "ik zelf" -> jongere, "samen" -> samen, "mijn coach" -> coach; None if unclear."""
    lower = " " + " ".join(str(text or "").lower().split()) + " "
    if "samen" in lower:
        return "samen"
    if "coach" in lower or " jij " in lower or " jullie " in lower:
        return "coach"
    if " zelf " in lower or lower.strip() in ("ik", "ikke", "ik wel", "ik doe het"):
        return "jongere"
    return None


# Who does it, said with the no to "Weet Riet al dat je aan haar denkt?": "nee, wil dat de
# coach doet", "nee, dat vraag ik zelf" (stop 45).
_WHO_DOES_IT = re.compile(
    r"\b(?:doet|doen|vraagt|vragen|vraag|vertelt|vertellen|vertel|zegt|zeggen|zeg|belt|bellen|"
    r"regelt|regelen)\b"
)


def asked_by_with_the_no(text: str | None) -> str | None:
    """Who asks the person, when the youth says it with "nee" at the question whether the
    person knows; None when the answer says no such thing or asks ("nee moet ik dat zelf
    doen?" is a question, not a choice)."""
    lower = str(text or "").lower()
    if "?" in lower or not _WHO_DOES_IT.search(lower):
        return None
    return asked_by_from_text(lower)
