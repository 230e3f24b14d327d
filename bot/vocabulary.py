"""Words the conversation understands and says, independent of Rasa.

`relation` values are the canonical ones of DESIGN.md; NLU maps synonyms to them, and
these helpers check free text the NLU could not place.
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

# Extra spellings for free text; the NLU data holds the same synonyms.
SYNONYMS: dict[str, str] = {
    "oma": "oma", "omaa": "oma", "omi": "oma", "oema": "oma", "grootmoeder": "oma",
    "opa": "opa", "oppa": "opa", "opi": "opa", "grootvader": "opa",
    "tante": "tante", "tant": "tante", "tantie": "tante",
    "oom": "oom", "ome": "oom", "oompje": "oom",
    "broer": "broer", "broertje": "broer", "zus": "zus", "zusje": "zus", "zuster": "zus",
    "neef": "neef", "nicht": "nicht",
    "buurman": "buurman", "buurmam": "buurman", "buurvrouw": "buurvrouw", "buurvrouwe": "buurvrouw",
    # issue 25: "coach" alone is the professional coach (never the JIM), not a synonym
    "sportcoach": "sportcoach", "trainer": "sportcoach", "voetbalcoach": "sportcoach",
    "trener": "sportcoach", "voetbaltrainer": "sportcoach", "bokscoach": "sportcoach",
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
}  # fmt: skip

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
    if text in ("vriend_van_de_familie", "familievriend", "vriend_van_familie"):
        return "vriend_van_de_familie"
    for word in re.findall(r"[^\W\d_]+", value.lower()):
        if word in SYNONYMS:
            return SYNONYMS[word]
    return None


def relation_label(relation: str | None) -> str:
    return RELATIONS.get(relation or "", "die persoon")


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
