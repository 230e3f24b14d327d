"""What the chosen person reads: the /jim page and the letter in the portal (issue 18).

One text for both. The page says "de jongere"; the letter fills in the youth's first name,
the coach's name and how to reach the coach. Plain strings in one structure, measured by
tools/language_check.py like every text the youth sees (../shared/LANGUAGE.md): the person a
youth trusts is often no reader either.
"""

from __future__ import annotations

import re

TITLE = "Jij bent gekozen als JIM"
# The page's opening; the letter's opening names the youth and the person.
INTRO_PAGE = "Hoi! Een jongere koos jou als JIM. Die jongere vertrouwt jou."
INTRO_LETTER = "Hoi {mentor}! {youth} koos jou als JIM. {youth} vertrouwt jou."

# (heading, paragraphs): every paragraph at most 3 sentences of at most 10 words.
SECTIONS = [
    (
        "Wat is een JIM?",
        [
            "Een jongere kiest zelf een JIM. Dat is iemand van 18 of ouder.",
            "Vaak is dat familie, een buur of een trainer.",
        ],
    ),
    (
        "Wat doe je als JIM?",
        [
            "Je luistert naar {youth}. Je denkt mee en geeft tips.",
            "Soms doen jullie samen leuke dingen. Je bent er als het moeilijk is.",
            "Je praat af en toe met de coach. Om de {months} maanden kijken jullie samen terug.",
        ],
    ),
    (
        "Wat hoef je niet te doen?",
        [
            "Je bent geen dokter en geen coach.",
            "Je hoeft niet dag en nacht klaar te staan.",
            "De coach helpt jou. Samen zoeken jullie uit wat past.",
        ],
    ),
    (
        "Wat heeft {youth} verteld?",
        [
            "{youth} vertelde waarom jij gekozen bent.",
            "Dat blijft tussen jou, {youth} en de coach. Niemand anders leest het.",
        ],
    ),
    (
        "Ja of nee zeggen",
        [
            "Je mag zelf kiezen. Ja zeggen mag, nee zeggen mag ook.",
            "Zeg je nee? Dan kiest {youth} samen met de coach opnieuw.",
        ],
    ),
]
CONTACT_HEADING = "Zo bereik je de coach"
CONTACT_PAGE = "De coach neemt zelf contact met je op. Dan kun je alles vragen."
CONTACT_LETTER = "De coach heet {coach}. Je bereikt {coach} zo: {contact}."
CONTACT_LETTER_NO_WAY = "De coach heet {coach}. {coach} neemt zelf contact met je op."
PRINT_BUTTON = "Print deze pagina"

# What the page calls the youth when it is not a letter to one person.
PAGE_YOUTH = "de jongere"


def _capitalise(text: str) -> str:
    """A sentence that starts with a filled-in "de jongere" starts with a capital."""
    start = re.compile(r"(^|[.!?]\s+)([a-z])")  # not a module constant: not a text
    return start.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def render(
    youth: str | None = None,
    mentor: str | None = None,
    coach: str | None = None,
    contact: str | None = None,
    letter: bool = False,
    months: int = 2,
) -> dict:
    """The text filled in: {"title", "intro", "sections": [(heading, [paragraphs])], ...}.

    `letter`: the letter of one nomination (the youth's first name, the coach's name and
    way of contact); otherwise the general /jim page.
    """
    values = {
        "youth": youth or PAGE_YOUTH,
        "mentor": mentor or "",
        "coach": coach or "",
        "contact": contact or "",
        "months": months,
    }

    def fill(text: str) -> str:
        return _capitalise(text.format(**values))

    if letter:
        intro = INTRO_LETTER if mentor else INTRO_LETTER.replace("Hoi {mentor}!", "Hoi!")
        contact_text = CONTACT_LETTER if contact else CONTACT_LETTER_NO_WAY
    else:
        intro, contact_text = INTRO_PAGE, CONTACT_PAGE
    return {
        "title": TITLE,
        "intro": fill(intro),
        "sections": [(fill(h), [fill(p) for p in ps]) for h, ps in SECTIONS],
        "contact_heading": CONTACT_HEADING,
        "contact": fill(contact_text),
        "print": PRINT_BUTTON,
    }


def first_name(name: str | None) -> str | None:
    """The first word of a name ("Sam de Vries" -> "Sam"); None when there is none."""
    parts = (name or "").split()
    return parts[0] if parts and parts[0] != "-" else None
