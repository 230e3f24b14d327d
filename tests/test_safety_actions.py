"""The help-lines action and the gentle check, with a fresh tracker and the real domain."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionHelpLines, ActionSafetyCheck
from actions.start import ActionResume
from bot.web.chat import conversation


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
    assert events == [SlotSet("danger_kinds", None), SlotSet("held_answer", None)] + at_home
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
    assert events == [SlotSet("danger_kinds", ["self_harm"]), SlotSet("held_answer", None)]
    buttons = domain["responses"]["utter_crisis_check"][0]["buttons"]
    assert [b["payload"] for b in buttons] == ["/doing_fine", "/crisis"]


# Issue 24: a form answer that got the gentle check is kept, and read as the answer after a
# clear "goed" (bot/dialogue/held_answer.py).
ANSWER = "bij haar mag ik slapen als er ruzie is thuis"
RANKING = [
    {"name": "crisis", "confidence": 0.58},
    {"name": "inform_support", "confidence": 0.31},
    {"name": "out_of_scope", "confidence": 0.04},
]
HELD = {
    "text": ANSWER,
    "intent": {"name": "inform_support", "confidence": 0.31},
    "entities": [],
}


def checked_message(ranking: list[dict] = RANKING) -> dict:
    return {
        "text": ANSWER,
        "intent": {"name": "crisis_check", "confidence": 1.0},
        "intent_ranking": ranking,
        "entities": [],
        "danger": {"level": "check", "kinds": ["home"]},
    }


def test_the_check_inside_the_form_keeps_the_answer(domain):
    state = Tracker(
        "youth-1", {"stage": "form"}, checked_message(), [], False, None, {}, "action_listen"
    )
    events = ActionSafetyCheck().run(CollectingDispatcher(), state, domain)
    assert SlotSet("held_answer", HELD) in events
    assert "held_answer" in domain["slots"]


@pytest.mark.parametrize("stage", [None, "summary", "consent", "done"])
def test_the_check_outside_the_form_keeps_no_answer(stage, domain):
    state = Tracker(
        "youth-1", {"stage": stage}, checked_message(), [], False, None, {}, "action_listen"
    )
    events = ActionSafetyCheck().run(CollectingDispatcher(), state, domain)
    assert SlotSet("held_answer", None) in events


def test_a_message_of_only_danger_keeps_no_answer(domain):
    only_danger = [
        {"name": "crisis", "confidence": 0.9},
        {"name": "crisis_check", "confidence": 0.1},
    ]
    state = Tracker(
        "youth-1", {"stage": "form"}, checked_message(only_danger), [], False, None, {},
        "action_listen",
    )  # fmt: skip
    events = ActionSafetyCheck().run(CollectingDispatcher(), state, domain)
    assert SlotSet("held_answer", None) in events


def after_the_check(intent: str, held, slots: dict | None = None) -> Tracker:
    """The youth's reply to "Gaat het goed met je?", at the question mentor_reason."""
    latest = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": "goed"}
    events = [{"event": "slot", "name": "requested_slot", "value": "mentor_reason"}]
    all_slots = {"stage": "form", "held_answer": held, "mentor_reason": None, **(slots or {})}
    return Tracker("youth-1", all_slots, latest, events, False, None, {}, "utter_glad_fine")


@pytest.mark.parametrize("fine", ["doing_fine", "affirm"])
def test_a_clear_goed_reads_the_held_answer_as_the_answer(fine, domain):
    events = ActionResume().run(CollectingDispatcher(), after_the_check(fine, HELD), domain)
    emptied, played, *rest = events
    assert emptied == SlotSet("held_answer", None)
    assert played["event"] == "user" and played["text"] == ANSWER
    assert played["parse_data"]["intent"]["name"] == "inform_support"
    assert played["metadata"] == {"held_answer": True}
    assert rest == [SlotSet("requested_slot", "mentor_reason"), FollowupAction("jim_form")]


@pytest.mark.parametrize(
    "intent, held, slots",
    [
        ("deny", HELD, {}),  # not a "goed": the help lines came, the answer is not read
        ("stop", HELD, {}),
        ("doing_fine", {**HELD, "intent": {"name": "out_of_scope", "confidence": 0.5}}, {}),
        ("doing_fine", HELD, {"mentor_reason": "ze luistert"}),  # answered meanwhile
    ],
)
def test_an_answer_held_is_never_read_otherwise_and_is_let_go(intent, held, slots, domain):
    events = ActionResume().run(
        CollectingDispatcher(), after_the_check(intent, held, slots), domain
    )
    assert not any(e.get("event") == "user" for e in events)
    assert SlotSet("held_answer", None) in events
    assert events[-1] == FollowupAction("jim_form")


def test_the_help_lines_let_the_held_answer_go(domain):
    state = tracker({"youth_age": "15", "held_answer": HELD}, None, intent="deny")
    events = ActionHelpLines().run(CollectingDispatcher(), state, domain)
    assert SlotSet("held_answer", None) in events


def test_the_history_shows_an_answer_read_again_once():
    user = {"event": "user", "text": ANSWER, "parse_data": {}}
    again = {**user, "metadata": {"held_answer": True}}
    shown = conversation([user, {"event": "bot", "text": "Gaat het goed met je?"}, again])
    assert [m["text"] for m in shown if m["from"] == "user"] == [ANSWER]
