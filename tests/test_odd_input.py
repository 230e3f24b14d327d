"""Messages without words get their known meaning: emoji, "??", code and keyboard mashing."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.odd_input import is_not_language, symbol_intent
from nlu_components.odd_input import OddInput


@pytest.mark.parametrize(
    "text, intent",
    [
        ("👍", "affirm"),
        ("👍👍 ", "affirm"),
        ("👍🏽", "affirm"),  # a skin tone changes nothing
        ("✅", "affirm"),
        ("👎", "deny"),
        ("❌❌", "deny"),
        ("🤷", "dont_know"),
        ("🤷‍♀️", "dont_know"),
        ("🤷🏾‍♂️", "dont_know"),
        ("🤔", "not_understood"),
        ("😕 😕", "not_understood"),
        ("?", "not_understood"),
        ("???", "not_understood"),
        ("?!", "not_understood"),
        ("🙏", "thanks"),
        ("👋", "greet"),
        ("🛑", "stop"),
        ("✋", "stop"),
        ("⬅️", "go_back"),
        ("🔙", "go_back"),
        ("...", "out_of_scope"),
        (";;;", "out_of_scope"),
        ("---", "out_of_scope"),
    ],
)
def test_a_message_of_only_emoji_or_punctuation_has_a_known_meaning(text, intent):
    assert symbol_intent(text) == intent


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😂", "👍👎", "👍😂", "ja 👍", "ok", "?? wat", "12", "❤️"],
)
def test_mixed_unknown_or_worded_messages_are_left_to_the_classifier(text):
    assert symbol_intent(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "null",
        "undefined",
        "NaN",
        "[object Object]",
        "${7*7}",
        "{{1+1}}",
        "<script>alert(1)</script>",
        "<b>hallo</b>",
        "select * from users",
        "drop table users",
        "admin' or '1'='1",
        "../../etc/passwd",
        "console.log",
        "javascript:alert(1)",
        "asdfgh",
        "qwerty",
        "jkjkjk",
        "aaaaa",
        "zzzzz",
        "sdfghjk",
    ],
)
def test_code_and_mashing_are_not_language(text):
    assert is_not_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "hmm",
        "hmmmm",
        "pfff",
        "grrr",
        "brrr",
        "haha",
        "hahahaha",
        "lol",
        "ja",
        "Riet",
        "ik weet het niet",
        "wat is 1+1",
        "mijn oma",
        "ik ben 15",
        "0612345678",
        "sam@mail.nl",
        "selecteer je",
        "ik wil deze niet (denk ik)",
    ],
)
def test_words_sounds_and_answers_are_language(text):
    assert not is_not_language(text)


def message(text: str, intent: str = "inform_mentor", entities: list | None = None) -> Message:
    msg = Message(data={"text": text})
    msg.set("intent", {"name": intent, "confidence": 0.7})
    msg.set(
        "intent_ranking",
        [{"name": intent, "confidence": 0.7}, {"name": "out_of_scope", "confidence": 0.2}],
    )
    msg.set("entities", entities or [])
    return msg


def test_the_component_sets_the_meaning_first_in_the_ranking_and_drops_entities():
    msg = message("${7*7}", "inform_age", [{"entity": "age", "start": 2, "end": 5, "value": "7*7"}])
    OddInput().process([msg])
    assert msg.get("intent") == {"name": "out_of_scope", "confidence": 1.0}
    ranking = [item["name"] for item in msg.get("intent_ranking")]
    assert ranking == ["out_of_scope", "inform_age"]
    assert msg.get("entities") == []


@pytest.mark.parametrize(
    "text, intent",
    [("🤷‍♂️", "dont_know"), ("👍", "affirm"), ("asdf", "out_of_scope"), ("??", "not_understood")],
)
def test_the_component_overrides_the_classifiers_guess(text, intent):
    msg = message(text, "greet")
    OddInput().process([msg])
    assert msg.get("intent")["name"] == intent


@pytest.mark.parametrize("text", ["mijn oma", "/affirm", '/inform_mentor{"mentor_name":"null"}'])
def test_words_and_button_payloads_keep_what_the_classifier_said(text):
    msg = message(text, "inform_mentor")
    OddInput().process([msg])
    assert msg.get("intent") == {"name": "inform_mentor", "confidence": 0.7}
