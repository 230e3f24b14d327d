"""Words the conversation understands and says, independent of Rasa: the one vocabulary.

The canonical values of DESIGN.md for `relation`, `support` and `knows_already`, the
words the bot says for them to the youth, the labels the coach reads (portal, demo
panel) and the synonyms for free text are written here once. The NLU data
(`data/nlu/mentor.yml`) and the buttons of `domain.yml` must use the same values:
`tests/test_vocabulary.py` checks both.
"""

from __future__ import annotations

import re
import unicodedata

# canonical value -> how the bot names that person ("Hoe heet je oma?")
RELATIONS: dict[str, str] = {
    "oma": "je oma",
    "opa": "je opa",
    "tante": "je tante",
    "oom": "je oom",
    "broer": "je broer",
    "zus": "je zus",
    "neef": "je neef",
    "nicht": "je nicht",
    "buurman": "je buurman",
    "buurvrouw": "je buurvrouw",
    "sportcoach": "je trainer",
    "leraar": "je leraar",
    "pleegouder": "je pleegouder",
    "vriend_van_de_familie": "die vriend van je familie",
    "vriend": "je vriend",
    "baas": "je baas",
    "ouder": "je vader of moeder",
    "anders": "die persoon",
}
NOT_ELIGIBLE = {"ouder"}

# canonical value -> the word the coach reads (portal, demo panel)
RELATION_NAMES: dict[str, str] = {
    **{value: value for value in RELATIONS},
    "sportcoach": "trainer of coach",
    "vriend_van_de_familie": "vriend van de familie",
    "anders": "iemand anders",
}
# Relation buttons that name two people; the next question asks which of the two.
RELATION_GROUPS: dict[str, tuple[str, str]] = {
    "oma_opa": ("oma", "opa"),
    "tante_oom": ("tante", "oom"),
    "buurman_buurvrouw": ("buurman", "buurvrouw"),
}
GROUP_NAMES: dict[str, str] = {
    group: " of ".join(RELATION_NAMES[r] for r in pair) for group, pair in RELATION_GROUPS.items()
}

# What the person does for the youth: canonical value -> the coach's label.
SUPPORT_LABELS: dict[str, str] = {
    "emotioneel": "praten en steun",
    "praktisch": "praktische hulp",
    "advies": "advies",
    "gezelschap": "leuke dingen samen",
}
SUPPORT_KINDS: tuple[str, ...] = tuple(SUPPORT_LABELS)
# A support button as the reason the coach reads (the youth's words when typed).
SUPPORT_REASONS: dict[str, str] = {
    "emotioneel": "Ik kan alles tegen hem of haar zeggen",
    "praktisch": "Helpt mij met dingen",
    "advies": "Geeft goede tips",
    "gezelschap": "We doen leuke dingen samen",
}

# Does the person know already? canonical value -> the coach's label.
DONT_KNOW = "weet_niet"
KNOWS_LABELS: dict[str, str] = {
    "ja": "ja",
    "nee": "nee, nog niet",
    DONT_KNOW: "weet de jongere niet",
}
KNOWS_ALREADY: tuple[str, ...] = tuple(KNOWS_LABELS)

# Extra spellings for free text; the NLU data holds the same synonyms.
SYNONYMS: dict[str, str] = {
    "oma": "oma", "omaa": "oma", "omi": "oma", "oema": "oma", "grootmoeder": "oma",
    "opa": "opa", "oppa": "opa", "opi": "opa", "grootvader": "opa",
    "tante": "tante", "tant": "tante", "tantie": "tante",
    "oom": "oom", "ome": "oom", "oompje": "oom",
    "broer": "broer", "broertje": "broer", "zus": "zus", "zusje": "zus", "zuster": "zus",
    "neef": "neef", "nicht": "nicht",
    "buurman": "buurman", "buurmam": "buurman", "buurvrouw": "buurvrouw", "buurvrouwe": "buurvrouw",
    "sportcoach": "sportcoach", "trainer": "sportcoach", "coach": "sportcoach",
    "trener": "sportcoach", "voetbaltrainer": "sportcoach",
    "leraar": "leraar", "lerares": "leraar", "juf": "leraar", "meester": "leraar",
    "mentor": "leraar",
    "pleegouder": "pleegouder", "pleegmoeder": "pleegouder", "pleegvader": "pleegouder",
    "pleegmama": "pleegouder", "pleegpapa": "pleegouder",
    "vriend": "vriend", "vriendin": "vriend",
    "baas": "baas", "bazin": "baas",
    "moeder": "ouder", "vader": "ouder", "mama": "ouder", "papa": "ouder", "mam": "ouder",
    "pap": "ouder", "ma": "ouder", "pa": "ouder", "ouder": "ouder", "stiefvader": "ouder",
    "stiefmoeder": "ouder",
    "anders": "anders", "iemand": "anders",
    "omaatje": "oma", "opaatje": "opa", "tanta": "tante", "nonkel": "oom", "bro": "broer",
    "neefje": "neef", "nichtje": "nicht", "buurvrouwtje": "buurvrouw", "boksleraar": "sportcoach",
    "docent": "leraar", "chef": "baas", "werkgever": "baas", "mams": "ouder", "stiefpa": "ouder",
    "stiefma": "ouder",
    # phrases: matched before single words ("vriend van mijn ouders" is no "vriend")
    "vriend van de familie": "vriend_van_de_familie", "familievriend": "vriend_van_de_familie",
    "vriend van familie": "vriend_van_de_familie",
    "vriend van mijn ouders": "vriend_van_de_familie",
    "vriend van mn vader": "vriend_van_de_familie",
    "vriendin van mijn moeder": "vriend_van_de_familie", "mentor op school": "leraar",
}  # fmt: skip
_PHRASES = sorted((k for k in SYNONYMS if " " in k), key=len, reverse=True)

_NAME_PREFIX_RE = re.compile(
    r"^(ik heet|mijn naam is|mn naam is|m'n naam is|ik ben|noem me maar|noem mij maar|noem me|"
    r"noem mij|zeg maar|je mag|ze heet|zij heet|hij heet|die heet|dat is|het is|heet|is)\s+",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+){0,2}$")


def canonical_relation(value: str | None) -> str | None:
    """Map a relation entity or a word of free text to a canonical value, or None."""
    if not value:
        return None
    text = value.strip().lower().replace(" ", "_")
    if text in RELATIONS:
        return text
    words = re.findall(r"[^\W\d_]+", value.lower())
    joined = f" {' '.join(words)} "
    for phrase in _PHRASES:
        if f" {phrase} " in joined:
            return SYNONYMS[phrase]
    for word in words:
        if word in SYNONYMS:
            return SYNONYMS[word]
    return None


def relation_label(relation: str | None) -> str:
    """How the bot names the person to the youth: "je oma", "die persoon"."""
    return RELATIONS.get(relation or "", "die persoon")


def relation_name(relation: str | None) -> str | None:
    """The word the coach reads for a relation: "trainer of coach"; unknown values as they are."""
    if not relation:
        return None
    return RELATION_NAMES.get(relation, relation)


def clean_name(text: str | None) -> str | None:
    """A first name or nickname as the youth typed it, tidied; None if it is no name.

    Letters of any script, up to 4 words, 40 characters: "riet" -> "Riet",
    "ahmed el amrani" -> "Ahmed El Amrani". Numbers, links and HTML are no name.
    """
    if not text:
        return None
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    text = _NAME_PREFIX_RE.sub("", text)
    text = text.strip(" .!?,")
    if not text or len(text) > 40 or not _NAME_RE.match(text):
        return None
    return " ".join(part[:1].upper() + part[1:] for part in text.split(" "))
