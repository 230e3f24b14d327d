"""Safety net for crisis messages, on top of the NLU's `crisis` intent.

Errs on the side of safety: a message with any of these words or phrases gets the help
lines, even when the classifier thought otherwise. Used by the NLU component
`nlu_components.crisis_guard.CrisisGuard`.
"""

from __future__ import annotations

import re
import unicodedata

_WORDS = {
    "dood", "doodgaan", "zelfmoord", "suicide", "suïcide", "zelfmoordpoging", "ophangen",
    "snijden", "snij", "snijd", "kras", "krassen", "slaat", "slaan", "sloeg", "geslagen",
    "schopt", "schoppen", "mishandelt", "mishandeld", "mishandeling", "misbruik",
    "misbruikt", "verkracht", "verkrachting", "aangerand", "onveilig", "gevaar",
    "bedreigd", "bedreigt", "pillen", "overdosis", "wurgt", "stikken",
}  # fmt: skip
_PHRASES = (
    "niet meer leven",
    "niet meer wil leven",
    "er niet meer zijn",
    "einde aan mijn leven",
    "pijn doen",
    "pijn gedaan",
    "doet me pijn",
    "doet mij pijn",
    "doen me pijn",
    "doen mij pijn",
    "deed me pijn",
    "deed mij pijn",
    "mezelf iets aan",
    "mijzelf iets aan",
    "bang thuis",
    "bang voor mijn vader",
    "bang voor mijn moeder",
    "bang voor hem",
    "niet veilig",
    "niet naar huis",
    "raakt me aan",
    "raakt mij aan",
    "wil dood",
    "kill myself",
    "want to die",
    "leven heeft geen zin",
    "heeft geen zin meer",
    "zie het niet meer zitten",
    "wil verdwijnen",
    "beter af zonder mij",
    "niet meer wakker worden",
    "eind aan maken",
    "einde aan maken",
    "op straat slapen",
    "slaap op straat",
    "geen plek om te slapen",
)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(re.findall(r"[^\W_]+", text))


# Small words a youth puts inside a phrase without changing it: "ik wil gewoon
# verdwijnen", "ik wil echt niet meer leven", "ik zie het echt niet meer zitten". The
# phrases are also looked for with these words left out (a held-out "ik wil gewoon
# verdwijnen" was missed: the phrase is "wil verdwijnen").
_FILLERS = {
    "gewoon", "gwn", "echt", "egt", "zo", "zoo", "heel", "erg", "eigenlijk", "eig", "soms",
    "liever", "nu", "nou", "even", "ff", "effe", "graag", "alleen", "maar", "gwoon", "wel",
}  # fmt: skip


def _without_fillers(normal: str) -> str:
    return " ".join(word for word in normal.split() if word not in _FILLERS)


# "ik wil niet meer" on its own, or with anything else after it, is a crisis; only these
# words after it make it about this chat ("ik wil niet meer meedoen", "... dat je het stuurt").
_ABOUT_THE_CHAT = {"meedoen", "chatten", "kiezen", "typen", "sturen", "doorsturen", "delen", "dat"}
_NOT_ANYMORE = re.compile(r"\bwil niet meer\b(?: (\w+))?")


def _wants_nothing_anymore(normal: str) -> bool:
    return any(match.group(1) not in _ABOUT_THE_CHAT for match in _NOT_ANYMORE.finditer(normal))


# Jumping from a height or in front of traffic: a form of "spring" with a place in the
# same message ("ik wil van de flat springen", "ik spring voor de trein"). Errs on the
# side of safety: "ik spring van het dak van het schuurtje" gets the help lines too.
_JUMP = re.compile(r"\b(?:spring|springen|springt|sprong|sprongen)\b")
_HEIGHT_OR_TRAFFIC = re.compile(
    r"\b(?:dak|brug|flat|raam|balkon|toren|klif|trein|metro|spoor|snelweg|auto|bus|tram)\b"
)
_IN_FRONT_OF_A_TRAIN = re.compile(r"\b(?:voor|onder) (?:de|een) (?:trein|metro|tram)\b")


def _jumps(normal: str) -> bool:
    return bool(
        (_JUMP.search(normal) and _HEIGHT_OR_TRAFFIC.search(normal))
        or _IN_FRONT_OF_A_TRAIN.search(normal)
    )


def looks_like_crisis(text: str | None) -> bool:
    """True when a message holds words of danger, abuse or self-harm."""
    normal = _normalise(text or "")
    if not normal:
        return False
    if set(normal.split()) & _WORDS:
        return True
    return any(
        _wants_nothing_anymore(form) or _jumps(form) or any(phrase in form for phrase in _PHRASES)
        for form in (normal, _without_fillers(normal))
    )
