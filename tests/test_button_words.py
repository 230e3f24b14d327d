"""Typing a button's words is tapping it, for every button of domain.yml (issue 20).

Walks every button of the domain: its title as shown, in lower and upper case, without
its emoji, and with one small typo, must give the button's own intent and entities, in
the NLU step and then in the form's slot mappings and validation (the same slots as the
tap). The live sample is in tests/test_conversation_e2e.py.
"""

from __future__ import annotations

import re

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from bot.nlu.button_words import (
    DOMAIN,
    buttons_of,
    match_button,
    normalise,
    table,
    with_more_words,
    yes_or_no_button,
)

DOMAIN_DATA = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
BUTTONS = buttons_of(DOMAIN_DATA)
UNIQUE = {(b.title, b.payload): b for b in BUTTONS}.values()


def without_emoji(title: str) -> str:
    return re.sub(r"^[^\w]+", "", title).strip()


def one_typo(title: str) -> str | None:
    """The title with one letter of its longest word left out (None for short titles)."""
    plain = without_emoji(title)
    if len(normalise(plain)) < 5:
        return None
    words = plain.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 4:
        return None
    words[longest] = word[:2] + word[3:]
    return " ".join(words)


def test_every_title_means_one_thing():
    """A title two buttons share with different payloads would be left to the classifier:
    there is none, so every button can be typed."""
    assert len(table()) == len({normalise(b.title) for b in BUTTONS})


@pytest.mark.parametrize("button", UNIQUE, ids=lambda b: b.title)
def test_typing_a_button_is_tapping_it(button):
    variants = [
        button.title,
        button.title.lower(),
        button.title.upper(),
        without_emoji(button.title),
    ]
    typo = one_typo(button.title)
    if typo:
        variants.append(typo)
    for typed in variants:
        found = match_button(typed)
        assert found is not None, typed
        assert (found.intent, found.entities) == (button.intent, button.entities), typed


@pytest.mark.parametrize(
    "typed", ["jas", "jaaa ik weet het", "wat is dat", "oma en opa en tante", "15 jaar", "sla"]
)
def test_other_words_are_left_to_the_classifier(typed):
    assert match_button(typed) is None


@pytest.mark.parametrize(
    "typed, title",
    [
        ("ik kan alles tegen haar zeggen", "💬 Ik kan alles zeggen"),
        ("ze geeft altijd goede tips", "💡 Geeft goede tips"),
        ("hij helpt mij vaak met dingen", "🛠️ Helpt mij met dingen"),
        ("we doen leuke dingen samen", "🎉 Leuke dingen samen"),
        ("ja ik heb al gepraat", "✅ Ja, al gepraat"),
        ("ja hij is al 18", "✅ Ja, al 18"),
        ("nee echt liever niet", "✋ Nee, liever niet"),
    ],
)
def test_a_title_with_a_small_word_or_two_more_is_the_button(typed, title):
    """Stop 42: "ik kan alles tegen hem zeggen" got the classifier's check, not the button."""
    found = match_button(typed)
    assert found is not None and found.title == title


@pytest.mark.parametrize(
    "typed",
    [
        "ja dat mag niet",  # a "niet" is never a small word
        "ik kan niet alles zeggen",
        "ik kan haar nooit alles zeggen",
        "helpt mij met dingen en ik kan alles zeggen",  # two buttons: the classifier
        "ik kan echt alles tegen haar zeggen vind ik",  # three words more
        "ik zelf wel",  # a title of two words takes no more
    ],
)
def test_a_title_with_other_words_is_left_to_the_classifier(typed):
    assert with_more_words(normalise(typed)) is None
    found = match_button(typed)
    assert found is None or normalise(found.title) == normalise(typed)


def test_the_nlu_step_sets_intent_entities_and_drops_the_guess_of_danger():
    from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from nlu_components.button_words import ButtonWords
    from nlu_components.word_intents import DIET_CRISIS

    message = Message({TEXT: "sla over"})
    message.set(INTENT, {"name": "crisis_check", "confidence": 0.6})
    message.set(
        INTENT_RANKING_KEY,
        [{"name": "crisis_check", "confidence": 0.6}, {"name": "deny", "confidence": 0.3}],
    )
    message.set(DIET_CRISIS, 0.4)
    ButtonWords().process([message])
    assert message.get(INTENT) == {"name": "deny", "confidence": 1.0}
    assert [i["name"] for i in message.get(INTENT_RANKING_KEY)] == ["deny"]
    assert message.get(DIET_CRISIS) == 0.0
    assert message.get(ENTITIES) == []


# --- through the form: the slots a typed button fills are the tap's -----------------------

FORM_QUESTIONS = {
    "utter_ask_youth_name": "youth_name",
    "utter_ask_youth_age": "youth_age",
    "utter_ask_relation": "relation",
    "utter_ask_oma_opa": "relation",
    "utter_ask_tante_oom": "relation",
    "utter_ask_buurman_buurvrouw": "relation",
    "utter_ask_mentor_adult": "mentor_adult",
    "utter_ask_mentor_reason": "mentor_reason",
    "utter_ask_knows_already": "knows_already",
    "utter_ask_contact": "contact",
    "utter_unsure_relation_1": "relation",
    "utter_unsure_relation_2": "relation",
}


def form_buttons():
    for response, slot in FORM_QUESTIONS.items():
        for variation in DOMAIN_DATA["responses"][response]:
            for button in variation.get("buttons") or []:
                yield pytest.param(slot, button, id=f"{response}:{button['title']}")


def slots_for(domain, slot: str, text: str, intent: str, entities: dict) -> dict:
    """The slots Rasa's mappings fill from this message at `slot`'s question, validated."""
    import asyncio

    from rasa.core.actions.action import ActionExtractSlots
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActiveLoop, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from actions.jim_form import ValidateJimForm
    from tests.test_actions import make_tracker

    rasa_domain = Domain.from_dict(domain)
    tracker = DialogueStateTracker("youth", rasa_domain.slots)
    tracker.update(ActiveLoop("jim_form"))
    tracker.update(SlotSet("requested_slot", slot))
    tracker.update(SlotSet("mentor_name", "Riet"))
    tracker.update(SlotSet("relation", "oma"))
    parse = {
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [
            {"entity": k, "value": v, "start": 0, "end": len(text)} for k, v in entities.items()
        ],
        "text": text,
    }
    tracker.update(UserUttered(text, parse["intent"], parse["entities"], parse))
    extract = ActionExtractSlots(None)
    events = asyncio.run(extract.run(None, None, tracker, rasa_domain))
    extracted = {e.key: e.value for e in events if isinstance(e, SlotSet)}
    if slot not in extracted:
        return {}
    validator = ValidateJimForm()
    method = getattr(validator, f"validate_{slot}")
    sdk_tracker = make_tracker(
        {"requested_slot": slot, "mentor_name": "Riet", "relation": "oma"},
        intent=intent,
        entities=parse["entities"],
        text=text,
        active_loop="jim_form",
    )
    return method(extracted[slot], CollectingDispatcher(), sdk_tracker, domain)


@pytest.mark.parametrize("slot, button", form_buttons())
def test_at_each_question_a_typed_button_fills_what_the_tap_fills(slot, button, domain):
    from bot.nlu.button_words import parse_payload

    intent, entities = parse_payload(button["payload"])
    tapped = slots_for(domain, slot, button["payload"], intent, entities)
    found = match_button(without_emoji(button["title"]).lower())
    assert found is not None
    typed = slots_for(
        domain, slot, without_emoji(button["title"]).lower(), found.intent, found.entities
    )
    assert typed == tapped


RESTART = [
    {"title": "🔄 Ja, opnieuw", "payload": "/start"},
    {"title": "👋 Nee, ik stop", "payload": "/goodbye"},
]


@pytest.mark.parametrize(
    "text, shown, intent",
    [
        ("ja", RESTART, "start"),
        ("Jaaa!", RESTART, "start"),
        ("ok graag", RESTART, "start"),
        ("nee", RESTART, "goodbye"),
        ("nee hoor", RESTART, "goodbye"),
        # more than a yes or a no, no buttons, or no button that starts with it
        ("ja ik wil dood", RESTART, None),
        ("ja help", RESTART, None),
        ("misschien", RESTART, None),
        ("ja", None, None),
        ("ja", [], None),
        ("ja", [{"title": "Het gaat goed", "payload": "/affirm"}], None),
        ("/goodbye", RESTART, None),
        # two buttons that start with a yes and send different things: no guess
        (
            "ja",
            [
                {"title": "Ja, al 18", "payload": "/affirm"},
                {"title": "Ja, bijna", "payload": "/deny"},
            ],
            None,
        ),
    ],
)
def test_a_bare_yes_or_no_is_the_button_shown_that_starts_with_it(text, shown, intent):
    """ "ja" to "Wil je een JIM kiezen?" got "Dat snap ik niet goed" (stop 39)."""
    button = yes_or_no_button(text, shown)
    assert (button.intent if button else None) == intent
