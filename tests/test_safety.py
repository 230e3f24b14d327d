"""The crisis safety net: words of danger always lead to the help lines."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.safety import looks_like_crisis
from nlu_components.crisis_guard import CrisisGuard


@pytest.mark.parametrize(
    "text",
    [
        "ik wil dood",
        "Ik wil niet meer leven!!",
        "mn stiefvader slaat me",
        "ze slaan me thuis",
        "ik snij mezelf soms",
        "ik ben bang thuis",
        "hij raakt me aan en dat wil ik niet",
        "ik heb pillen genomen",
        "ik voel me niet veilig",
        "IK WIL ER NIET MEER ZIJN",
        "i want to die",
        "het leven heeft geen zin meer",
        "ik slaap op straat",
        "ik wil verdwijnen voor altijd",
        "iedereen is beter af zonder mij",
        "ik zie het niet meer zitten",
        "ik wil niet meer",
        "ik wil niet meer leven",
        "ik wil niet meer verder",
        "ik wil niet meer naar huis",
        # jumping from a height or in front of a train, in words no example has
        "ik wil van de flat springen",
        "ik spring van het balkon",
        "ik denk erover om van een brug te springen",
        "ik ga voor de trein liggen",
        "ik wil onder een metro",
        "mijn vader doet me pijn",
        "ze deed mij pijn",
        # small words inside a phrase
        "ik wil gewoon verdwijnen",
        "ik wil echt niet meer leven",
        "ik zie het gwn niet meer zitten",
        "ik wil nu gewoon niet meer",
        "het heeft echt geen zin meer",
        "ik wil eigenlijk dood",
    ],
)
def test_words_of_danger_are_a_crisis(text):
    assert looks_like_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "mijn oma",
        "Riet",
        "ja dat mag",
        "we doen leuke dingen samen",
        "",
        "😀",
        "0612345678",
        "ik voel me veilig bij haar",
        "hij maakt me rustig",
        "ik word 18",
        "ik ga slapen",
        "ik spring op de trampoline",  # jumping, but not from a height or in traffic
        "we gaan met de trein naar oma",  # a train, but no jumping
        "hij woont bij de brug",
        # small words do not make an ordinary answer a crisis
        "ik wil gewoon chillen",
        "ik wil echt niet meer chatten",
        "nu even niet",
    ],
)
def test_ordinary_answers_are_not(text):
    assert not looks_like_crisis(text)


def message(text: str, intent: str, ranking: list[tuple[str, float]]) -> Message:
    msg = Message(data={"text": text})
    msg.set("intent", {"name": intent, "confidence": ranking[0][1] if ranking else 1.0})
    msg.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    return msg


@pytest.mark.parametrize(
    "text, intent, ranking, expected",
    [
        ("hij sloeg me gisteren", "inform_mentor", [("inform_mentor", 0.9)], "crisis"),
        ("ik weet het niet meer", "nlu_fallback", [("dont_know", 0.5), ("crisis", 0.3)], "crisis"),
        ("mijn oma", "inform_mentor", [("inform_mentor", 0.99), ("crisis", 0.01)], "inform_mentor"),
        ("/affirm", "affirm", [("affirm", 1.0)], "affirm"),
    ],
)
def test_crisis_guard_overrides_the_classifier_toward_safety(text, intent, ranking, expected):
    guard = CrisisGuard(CrisisGuard.get_default_config())
    (processed,) = guard.process([message(text, intent, ranking)])
    assert processed.get("intent")["name"] == expected
