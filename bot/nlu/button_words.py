"""Typing a button's own words is tapping it: "sla over", "ja dat mag", "OMA OF OPA", "weet ik nit".

A youth who reads the button and types its words (because typing is what they do, or
the button scrolled away) must get what the button gives. The classifier does not know
the buttons and once read "sla over" at the phone-number question as no answer at all.
This module reads every button of `domain.yml` (title and payload) and matches a typed
message to a title: case, emoji, accents, punctuation and spaces aside, and with a small
typo (a letter more, less, swapped or a key next to it: the weighted edit distance of
`bot.nlu.relation_words`). A title that two buttons share with different payloads is
left to the classifier. Nothing here imports Rasa; `nlu_components.button_words` is the glue.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.nlu.at_the_question import NO_WORDS, YES_WORDS
from bot.nlu.relation_words import distance

DOMAIN = Path(__file__).resolve().parents[2] / "domain.yml"
_PAYLOAD = re.compile(r"^/(?P<intent>\w+)(?P<entities>\{.*\})?$", re.DOTALL)


@dataclass(frozen=True)
class Button:
    """One button: its title, the intent and entities its payload sends."""

    title: str
    payload: str
    intent: str
    entities: dict = field(default_factory=dict)


def normalise(text: str) -> str:
    """Lowercase letters and digits only, accents off, one space between words."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", text))


def parse_payload(payload: str) -> tuple[str, dict] | None:
    """'/inform_mentor{{"relation":"oma"}}' -> ("inform_mentor", {"relation": "oma"})."""
    match = _PAYLOAD.match(payload.strip().replace("{{", "{").replace("}}", "}"))
    if not match:
        return None
    entities = json.loads(match.group("entities")) if match.group("entities") else {}
    return match.group("intent"), entities


def buttons_of(domain: dict) -> list[Button]:
    """Every button of the domain's responses, in order."""
    found = []
    for variations in (domain.get("responses") or {}).values():
        for variation in variations or []:
            for button in variation.get("buttons") or []:
                parsed = parse_payload(str(button.get("payload", "")))
                if parsed:
                    found.append(Button(str(button["title"]), str(button["payload"]), *parsed))
    return found


@functools.lru_cache(maxsize=1)
def table(domain_path: Path = DOMAIN) -> dict[str, Button]:
    """Normalised title -> button, for titles whose buttons all send the same."""
    domain = yaml.safe_load(domain_path.read_text(encoding="utf-8"))
    by_title: dict[str, list[Button]] = {}
    for button in buttons_of(domain):
        key = normalise(button.title)
        if key:
            by_title.setdefault(key, []).append(button)
    return {
        key: buttons[0]
        for key, buttons in by_title.items()
        if len({(b.intent, json.dumps(b.entities, sort_keys=True)) for b in buttons}) == 1
    }


def allowed_typos(title: str) -> float:
    """How far typed words may be from a title: none for short ones ("ja" is not "jas")."""
    if len(title) < 5:
        return 0.0
    if len(title) < 12:
        return 1.0
    return 2.0


def exact_button(text: str, buttons: dict[str, Button] | None = None) -> Button | None:
    """The button whose very title the youth typed (case, emoji and punctuation aside)."""
    buttons = table() if buttons is None else buttons
    return None if text.strip().startswith("/") else buttons.get(normalise(text))


def match_button(text: str, buttons: dict[str, Button] | None = None) -> Button | None:
    """The button whose title the youth typed, or None."""
    buttons = table() if buttons is None else buttons
    typed = normalise(text)
    if not typed or text.strip().startswith("/"):
        return None
    if typed in buttons:
        return buttons[typed]
    if len(typed) < 4:
        return None
    more = with_more_words(typed, buttons)
    if more is not None:
        return more
    scored = sorted(
        (distance(typed, title), title) for title in buttons if abs(len(title) - len(typed)) <= 2
    )
    if not scored:
        return None
    cost, title = scored[0]
    if cost > allowed_typos(title):
        return None
    if len(scored) > 1 and scored[1][0] == cost and buttons[scored[1][1]] != buttons[title]:
        return None  # as close to two buttons: no guess
    return buttons[title]


# A title with a word or two more (stop 42, read from the thirteenth form set): "ik kan
# alles tegen hem zeggen" for "💬 Ik kan alles zeggen", "hij geeft echt goede tips", "ja ik
# heb al gepraat". Only small words that change nothing ("hem", "echt", "met", "altijd"),
# never a "niet" or a "nee": "ja dat mag niet" is no "Ja, dat mag". Titles of three words
# or more only ("Ik zelf" with two words more is a sentence of its own).
MORE_WORDS = frozenset(
    "hem haar hij ze zij die ik je jij me mij mn mijn m we wij echt wel gewoon ook altijd "
    "met tegen veel heel erg samen hoor graag al zo even is heb hebben kan doen dingen super "
    "best vaak soms".split()
)
MAX_MORE = 2
_MIN_TITLE_WORDS = 3


def with_more_words(typed: str, buttons: dict[str, Button] | None = None) -> Button | None:
    """The one button whose title's words are all in `typed` (normalised), in order, with
    at most two small words more; None when none or two different buttons fit."""
    buttons = table() if buttons is None else buttons
    words = typed.split()
    found: dict[str, Button] = {}
    for title, button in buttons.items():
        title_words = title.split()
        if len(title_words) < _MIN_TITLE_WORDS:
            continue
        if not len(title_words) < len(words) <= len(title_words) + MAX_MORE:
            continue
        at, more = 0, []
        for word in words:
            if at < len(title_words) and word == title_words[at]:
                at += 1
            else:
                more.append(word)
        if at == len(title_words) and all(word in MORE_WORDS for word in more):
            found[button.intent + json.dumps(button.entities, sort_keys=True)] = button
    return next(iter(found.values())) if len(found) == 1 else None


# A bare yes or no to buttons that start with one (stop 39): at "Wil je een JIM kiezen?"
# (buttons "🔄 Ja, opnieuw" and "👋 Nee, ik stop") a youth who typed "ja" heard "Dat snap
# ik niet goed": "ja" is no title, and the classifier's yes has no rule after that question.
BUTTONS = "buttons"  # the metadata key: the buttons of the bot's last message
# the yes and no words of the form's yes-or-no questions, and an "ok"
_YES = YES_WORDS | frozenset("oke ok okee okay prima".split())
_NO = NO_WORDS
_POLITE = frozenset("graag hoor please pls plz".split())


def _side(word: str) -> str | None:
    return "yes" if word in _YES else "no" if word in _NO else None


def yes_or_no_button(text: str, shown: object) -> Button | None:
    """The one button shown last whose title starts with the yes or the no the youth
    typed ("ja", "nee hoor", "ok graag"); None when the message is more than that, or no
    button or two different ones start so."""
    words = normalise(text).split()
    if not words or len(words) > 2 or text.strip().startswith("/") or not isinstance(shown, list):
        return None
    side = _side(words[0])
    if side is None or any(word not in _POLITE for word in words[1:]):
        return None
    found: dict[str, Button] = {}
    for item in shown:
        if not isinstance(item, dict):
            continue
        title = normalise(str(item.get("title", ""))).split()
        parsed = parse_payload(str(item.get("payload", "")))
        if title and parsed and _side(title[0]) == side:
            found[str(item["payload"])] = Button(str(item["title"]), str(item["payload"]), *parsed)
    return next(iter(found.values())) if len(found) == 1 else None
