"""The help-lines action and the gentle check, with a fresh tracker and the real domain."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionHelpLines, ActionSafetyCheck


def tracker(slots: dict, danger: dict | None = None, intent: str = "crisis") -> Tracker:
    latest = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": "x"}
    if danger is not None:
        latest["danger"] = danger
    return Tracker("youth-1", slots, latest, [], False, None, {}, "action_listen")


def sent(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "kinds, age, expected",
    [
        (
            ["home"],
            "14",
            ["utter_help_112", "utter_help_veilig_thuis", "utter_help_kindertelefoon"],
        ),
        (["self_harm"], "20", ["utter_help_112", "utter_help_113"]),
        (
            ["online"],
            "16",
            ["utter_help_112", "utter_help_helpwanted", "utter_help_kindertelefoon"],
        ),
    ],
)
def test_the_help_lines_fit_what_the_youth_said_and_their_age(kinds, age, expected, domain):
    dispatcher = CollectingDispatcher()
    events = ActionHelpLines().run(
        dispatcher, tracker({"youth_age": age}, {"level": "clear", "kinds": kinds}), domain
    )
    assert sent(dispatcher) == expected
    # issue 25: danger at home is remembered, so the coach (not the parents) comes first
    at_home = [SlotSet("home_unsafe", True)] if {"home", "honour"} & set(kinds) else []
    assert events == [SlotSet("danger_kinds", None)] + at_home
    responses = domain["responses"]
    assert all(name in responses for name in expected)


def test_after_the_check_the_lines_fit_the_message_before_it(domain):
    """The youth said "nee" to the check: the kinds come from the unsure message."""
    dispatcher = CollectingDispatcher()
    state = tracker({"youth_age": "15", "danger_kinds": ["sexual"]}, None, intent="deny")
    ActionHelpLines().run(dispatcher, state, domain)
    assert "utter_help_csg" in sent(dispatcher)
    assert "utter_help_113" not in sent(dispatcher)


def test_the_check_asks_once_and_keeps_the_kinds(domain):
    dispatcher = CollectingDispatcher()
    state = tracker({}, {"level": "check", "kinds": ["self_harm"]}, intent="crisis_check")
    events = ActionSafetyCheck().run(dispatcher, state, domain)
    assert sent(dispatcher) == ["utter_crisis_check"]
    assert events == [SlotSet("danger_kinds", ["self_harm"])]
    buttons = domain["responses"]["utter_crisis_check"][0]["buttons"]
    assert [b["payload"] for b in buttons] == ["/doing_fine", "/crisis"]
