"""rasa_addons.history: the same applied events as Rasa's, walking only what is new."""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    EntitiesAdded,
    Event,
    FollowupAction,
    LoopInterrupted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.importer import TrainingDataImporter

from bot.settings import PROJECT_DIR
from rasa_addons import history


@pytest.fixture
def installed(monkeypatch):
    monkeypatch.setattr(DialogueStateTracker, "applied_events", history.RASA_APPLIED_EVENTS)
    monkeypatch.setattr(DialogueStateTracker, "copy", history.RASA_COPY)
    monkeypatch.setattr(
        Domain, "states_for_tracker_history", history.RASA_STATES_FOR_TRACKER_HISTORY
    )
    history.install()
    assert DialogueStateTracker.applied_events is history.applied_events


def conversations() -> tuple[Domain, list[list[Event]]]:
    """The events of every story and rule of the project and of its conversation tests,
    as Rasa's training makes them (forms, rejected forms, interruptions)."""
    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(PROJECT_DIR / "domain.yml"),
        training_data_paths=[str(PROJECT_DIR / "data"), str(PROJECT_DIR / "tests")],
    )
    domain = importer.get_domain()
    trackers = TrainingDataGenerator(
        importer.get_stories(), domain, augmentation_factor=0, remove_duplicates=False
    ).generate()
    return domain, [list(t.events) for t in trackers]


def user(intent: str) -> UserUttered:
    return UserUttered(intent, {"name": intent, "confidence": 1.0})


LISTEN = ActionExecuted("action_listen")
FORM_TURN = [user("inform_age"), ActionExecuted("jim_form"), SlotSet("youth_age", "15"), LISTEN]
# The project's slots do not steer the conversation; this one does, so that the edge cases
# also check the slots in the states.
FEELING = {
    "slots": {
        "feeling": {
            "type": "categorical", "values": ["blij", "boos"], "influence_conversation": True,
            "mappings": [{"type": "custom"}],
        }
    }
}  # fmt: skip


def edge_domain() -> Domain:
    return Domain.load(str(PROJECT_DIR / "domain.yml")).merge(Domain.from_dict(FEELING))


EDGE_CASES = {
    "form happy path": [
        user("start"), ActionExecuted("jim_form"), ActiveLoop("jim_form"), LISTEN,
        *FORM_TURN, *FORM_TURN, *FORM_TURN,
    ],
    "form rejected, side question, form again": [
        user("start"), ActionExecuted("jim_form"), ActiveLoop("jim_form"), LISTEN,
        user("explain_jim"), ActionExecutionRejected("jim_form"),
        ActionExecuted("utter_explain_jim"), ActionExecuted("jim_form"), LISTEN, *FORM_TURN,
    ],
    "form ends and starts again": [
        user("start"), ActionExecuted("jim_form"), ActiveLoop("jim_form"), LISTEN, *FORM_TURN,
        ActionExecuted("jim_form"), ActiveLoop(None), ActionExecuted("action_summary"), LISTEN,
        user("change_choice"), ActionExecuted("jim_form"), ActiveLoop("jim_form"), LISTEN,
        *FORM_TURN,
    ],
    "a slot that steers, set and taken back": [
        user("start"), ActionExecuted("jim_form"), ActiveLoop("jim_form"), LISTEN,
        user("inform_age"), ActionExecuted("jim_form"), SlotSet("feeling", "blij"), LISTEN,
        user("inform_age"), ActionExecuted("jim_form"), SlotSet("feeling", "boos"), LISTEN,
        user("inform_age"), ActionExecuted("jim_form"), SlotSet("feeling", None), LISTEN,
        user("deny"), ActionExecutionRejected("jim_form"), ActionExecuted("utter_ok"),
        SlotSet("feeling", "blij"), ActionReverted(), ActionExecuted("jim_form"), LISTEN,
    ],
    "a paused form, and back after a few messages": [
        user("start"), ActionExecuted("jim_form"), ActiveLoop("jim_form"),
        SlotSet("requested_slot", "youth_age"), LISTEN, user("stop"),
        ActionExecuted("action_deactivate_loop"), ActiveLoop(None),
        SlotSet("requested_slot", None), ActionExecuted("utter_stop"), LISTEN,
        user("thanks"), ActionExecuted("utter_thanks"), LISTEN, user("greet"),
        ActionExecuted("action_start"), SlotSet("youth_name", "Sam"), LISTEN,
    ],
    "entities added to an earlier message": [
        user("inform_mentor"), ActionExecuted("utter_ok"),
        EntitiesAdded([{"entity": "relation", "value": "oma"}]), LISTEN,
        user("inform_mentor"), ActionExecuted("utter_ok"), LISTEN,
    ],
    "a form name seen only later": [
        user("start"), ActionExecuted("other_form"), LISTEN, user("start"),
        ActionExecuted("other_form"), LISTEN, user("x"), ActionExecuted("other_form"),
        ActiveLoop("other_form"), LISTEN, user("y"), ActionExecuted("other_form"), LISTEN,
    ],
    "reverted actions and messages": [
        user("greet"), ActionExecuted("utter_greet"), ActionReverted(), LISTEN, user("a"),
        UserUtteranceReverted(), user("b"), ActionExecuted("utter_b"), LISTEN,
    ],
    "rule turns hidden from the stories": [
        user("start"), ActionExecuted("jim_form"), ActiveLoop("jim_form"), LISTEN,
        user("explain_jim"), ActionExecutionRejected("jim_form"),
        ActionExecuted("utter_explain_jim", hide_rule_turn=True),
        ActionExecuted("jim_form", hide_rule_turn=True),
        ActionExecuted("action_listen", hide_rule_turn=True), *FORM_TURN,
        user("thanks"), ActionExecuted("utter_thanks", hide_rule_turn=True),
        FollowupAction("jim_form"), ActionExecuted("jim_form", hide_rule_turn=True),
        ActionExecuted("action_listen", hide_rule_turn=True), user("deny"),
        ActionExecuted("utter_ok"), LISTEN,
    ],
    "restart and new session": [
        user("greet"), ActionExecuted("utter_greet"), LISTEN, Restarted(), LISTEN,
        user("greet"), ActionExecuted("action_session_start"), SessionStarted(),
        SlotSet("stage", "form"), LISTEN, user("greet"),
    ],
}  # fmt: skip


def assert_same_at_every_step(events: list[Event], slots, max_event_history=None) -> int:
    """Adds the events one by one; after each, ours must equal Rasa's, object for object."""
    tracker = DialogueStateTracker("youth", slots, max_event_history=max_event_history)
    for event in events:
        tracker.update(event)
        ours = tracker.applied_events()
        assert ours == history.RASA_APPLIED_EVENTS(tracker)
        assert all(a is b for a, b in zip(ours, history.RASA_APPLIED_EVENTS(tracker), strict=True))
        ours.clear()  # what a caller does with the list does not touch the next answer
    return len(events)


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_the_same_as_rasa_after_every_event(installed, name):
    assert assert_same_at_every_step(EDGE_CASES[name], []) == len(EDGE_CASES[name])


def test_the_same_as_rasa_for_every_story_and_rule_of_the_project(installed):
    domain, all_events = conversations()
    with_a_form = [e for e in all_events if any(isinstance(x, ActiveLoop) for x in e)]
    assert len(all_events) > 50 and len(with_a_form) > 20
    for events in all_events:
        assert_same_at_every_step(events, domain.slots)


def test_a_tracker_that_forgets_its_oldest_events_is_walked_again(installed):
    events = EDGE_CASES["form happy path"] * 2
    assert_same_at_every_step(events, [], max_event_history=6)


def test_only_new_events_are_walked(installed, monkeypatch):
    walked: list[int] = []
    real_walk = history._walk
    monkeypatch.setattr(
        history, "_walk", lambda t, p, new: walked.append(len(new)) or real_walk(t, p, new)
    )
    tracker = DialogueStateTracker("youth", [])
    for event in EDGE_CASES["form happy path"]:
        tracker.update(event)
    tracker.applied_events()
    tracker.update(user("thanks"))
    tracker.update(ActionExecuted("utter_thanks"))
    tracker.applied_events()
    tracker.applied_events()
    assert walked == [len(EDGE_CASES["form happy path"]), 2, 0]


def test_a_copied_tracker_walks_its_own_events(installed):
    tracker = DialogueStateTracker("youth", [])
    for event in EDGE_CASES["form happy path"]:
        tracker.update(event)
    tracker.applied_events()
    copy = tracker.copy()
    copy.update(user("thanks"))
    assert copy.applied_events() == history.RASA_APPLIED_EVENTS(copy)
    assert tracker.applied_events() == history.RASA_APPLIED_EVENTS(tracker)


STATE_ARGUMENTS = [
    {},
    {"omit_unset_slots": True},
    {"ignore_rule_only_turns": True},
    {"ignore_rule_only_turns": True, "omit_unset_slots": True,
     "rule_only_data": {"slots": ["help_step", "stage"], "loops": ["jim_form"]}},
]  # fmt: skip


def assert_same_states_at_every_step(domain: Domain, events: list[Event]) -> None:
    tracker = DialogueStateTracker("youth", domain.slots)
    for event in events:
        tracker.update(event)
        for arguments in STATE_ARGUMENTS:
            ours = tracker.past_states(domain, **arguments)
            assert ours == history.RASA_STATES_FOR_TRACKER_HISTORY(domain, tracker, **arguments)
            for state in ours:  # a caller that changes the states changes nothing kept
                for sub_state in state.values():
                    sub_state.clear()


def with_hidden_rule_turns(events: list[Event]) -> list[Event]:
    """The same events with every second bot turn hidden, as the RulePolicy marks the
    turns it predicts from rules only (the stories' policies do not see them)."""
    hidden, users = [], 0
    for event in events:
        if isinstance(event, UserUttered):
            users += 1
        if isinstance(event, ActionExecuted) and users % 2:
            event = ActionExecuted(
                event.action_name, event.policy, event.confidence, event.timestamp,
                action_text=event.action_text, hide_rule_turn=True,
            )  # fmt: skip
        hidden.append(event)
    return hidden


@pytest.fixture(params=[1, 3, 16], ids=lambda n: f"kept-every-{n}")
def states_installed(installed, monkeypatch, request):
    """Ours in place, with a kept copy of the replay every 1, 3 or 16 events: a copy kept
    right before a taken-back event must never be used again."""
    monkeypatch.setattr(
        Domain, "states_for_tracker_history", history.RASA_STATES_FOR_TRACKER_HISTORY
    )
    monkeypatch.setattr(history, "_CHECKPOINT_EVERY", request.param)
    history.install()


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_the_same_past_states_as_rasa_after_every_event(states_installed, name):
    domain = edge_domain()
    assert_same_states_at_every_step(domain, EDGE_CASES[name])


def test_the_same_past_states_for_every_story_and_rule_of_the_project(states_installed):
    domain, all_events = conversations()
    for events in all_events:
        assert_same_states_at_every_step(domain, events)
        assert_same_states_at_every_step(domain, with_hidden_rule_turns(events))


def test_a_long_conversation_replays_only_its_last_part(states_installed, monkeypatch):
    domain = Domain.load(str(PROJECT_DIR / "domain.yml"))
    replayed = []
    real_update = DialogueStateTracker.update
    tracker = DialogueStateTracker("youth", domain.slots)
    for _ in range(10):
        for event in EDGE_CASES["form ends and starts again"]:
            tracker.update(event)
    tracker.past_states(domain)
    monkeypatch.setattr(
        DialogueStateTracker,
        "update",
        lambda self, event, *a: (self is not tracker and replayed.append(event))
        or real_update(self, event, *a),
    )
    for event in FORM_TURN:
        tracker.update(event)
    assert tracker.past_states(domain) == history.RASA_STATES_FOR_TRACKER_HISTORY(domain, tracker)
    everything = len(replayed)
    replayed.clear()
    for event in FORM_TURN:
        tracker.update(event)
    tracker.past_states(domain)
    assert len(replayed) < 2 * max(history._CHECKPOINT_EVERY, 4) < len(tracker.events) / 4
    assert everything >= len(tracker.applied_events())  # Rasa replays it all


def state_of(tracker: DialogueStateTracker) -> dict:
    """Everything a tracker holds, slots by value."""
    attributes = {k: v for k, v in vars(tracker).items() if not k.startswith("_jim")}
    attributes["events"] = list(tracker.events)
    attributes["slots"] = {name: slot.value for name, slot in tracker.slots.items()}
    return attributes


def assert_same_copy_at_every_step(domain: Domain, events: list[Event]) -> None:
    tracker = DialogueStateTracker("youth", domain.slots, sender_source="widget")
    tracker.model_id, tracker.assistant_id = "model-1", "jim-kiezer"
    for event in events:
        tracker.update(event)
        tracker.applied_events()  # what was worked out for the tracker stays its own
        before = copy.deepcopy(state_of(tracker))
        ours, theirs = tracker.copy(), history.RASA_COPY(tracker)
        assert state_of(ours) == state_of(theirs)
        assert all(a is b for a, b in zip(ours.events, theirs.events, strict=True))
        assert ours.events.maxlen == theirs.events.maxlen
        for later in [ActionExecutionRejected("jim_form"), LoopInterrupted(True),
                      SlotSet("feeling", "boos"), ActiveLoop("jim_form"), user("deny"),
                      LISTEN]:  # fmt: skip
            ours.update(later)
            theirs.update(later)
        assert state_of(ours) == state_of(theirs)
        assert ours.applied_events() == theirs.applied_events()
        assert state_of(tracker) == before  # changing the copy leaves the tracker alone


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_a_copy_is_what_rasas_replayed_copy_is(states_installed, name):
    assert_same_copy_at_every_step(edge_domain(), EDGE_CASES[name])


def test_a_copy_is_what_rasas_replayed_copy_is_for_every_story_and_rule(states_installed):
    _, all_events = conversations()
    domain = edge_domain()
    for events in all_events:
        assert_same_copy_at_every_step(domain, events)


def event_readers() -> dict[str, Callable]:
    """The helpers in actions/ that read `tracker.events` (actions.EVENT_READERS)."""
    from actions import EVENT_READERS

    readers = {}
    for dotted in EVENT_READERS:
        module, _, name = dotted.rpartition(".")
        readers[dotted] = getattr(importlib.import_module(module), name)
    return readers


def what_the_actions_read(state: dict, domain: Domain) -> dict:
    """Everything the project's actions (and rasa_sdk for them) read of the events."""
    from rasa_sdk import Tracker

    from actions.jim_form import latest_intent

    tracker = Tracker.from_dict(state)
    slot_names = [slot.name for slot in domain.slots]
    read: dict[str, Any] = {}
    for dotted, reader in event_readers().items():
        params = list(inspect.signature(reader).parameters)
        if params == ["tracker"]:
            read[dotted] = reader(tracker)
        elif params == ["tracker", "slot"]:
            read[dotted] = {s: reader(tracker, s) for s in slot_names}
        else:
            raise AssertionError(f"{dotted}{params}: this test does not know how to call it")
    return {
        **read,
        "slots_to_validate": tracker.slots_to_validate(),
        "latest_intent": latest_intent(tracker),
        "latest_message": tracker.latest_message,
        "slots": tracker.slots,
        "active_loop": tracker.active_loop,
        "latest_action_name": tracker.latest_action_name,
        "input_channel": tracker.get_latest_input_channel(),
    }


def test_the_actions_read_the_same_from_the_events_they_are_sent(installed):
    """rasa_addons.server sends the action server the events of the current turn and the
    latest value of each slot before it; the actions must read the same as from all."""
    from rasa.shared.core.trackers import EventVerbosity

    from rasa_addons.server import events_for_actions

    domain, all_events = conversations()
    checked = shortened = 0
    for events in all_events + list(EDGE_CASES.values()):
        tracker = DialogueStateTracker("youth", domain.slots)
        for event in events:
            tracker.update(event)
            full = tracker.current_state(EventVerbosity.ALL)
            sent = dict(full, events=[e.as_dict() for e in events_for_actions(tracker.events)])
            assert what_the_actions_read(sent, domain) == what_the_actions_read(full, domain)
            checked += 1
            shortened += len(sent["events"]) < len(full["events"])
    assert checked > 500 and shortened > checked / 4, (checked, shortened)


# rasa_sdk Tracker members that read the event list (besides `events` itself).
EVENT_MEMBERS = {
    "events",
    "applied_events",
    "events_after_latest_restart",
    "get_last_event_for",
    "idx_after_latest_restart",
    "current_state",
}


def event_reads(folder: Path = PROJECT_DIR / "actions") -> list[tuple[str, int, str]]:
    """(file, line, enclosing module.function) of every read of the event list in a folder."""
    reads = []
    for path in sorted(folder.glob("*.py")):
        module = f"{folder.name}.{path.stem}"
        tree = ast.parse(path.read_text(encoding="utf-8"))

        todo: list[tuple[ast.AST, str]] = [(tree, module)]
        while todo:
            node, scope = todo.pop()
            for child in ast.iter_child_nodes(node):
                inner = scope
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    inner = f"{scope}.{child.name}"
                if isinstance(child, ast.Attribute) and child.attr in EVENT_MEMBERS:
                    reads.append((path.name, child.lineno, inner))
                todo.append((child, inner))
    return sorted(reads)


def test_actions_read_events_only_through_the_checked_helpers():
    """An action written later that walks back through `tracker.events` would see the
    shortened history in production; it must go through a helper this file checks."""
    from actions import EVENT_READERS

    reads = event_reads()
    assert reads, "the scan finds no read at all: it is broken"
    outside = [r for r in reads if r[2] not in EVENT_READERS]
    assert not outside, (
        "code in actions/ reads the event list outside actions.EVENT_READERS "
        f"(see actions/__init__.py): {outside}"
    )
    assert {r[2] for r in reads} == set(EVENT_READERS), "a listed reader reads no events"


def test_the_scan_finds_a_new_reader(tmp_path):
    """The scan itself: reads hidden in a method of an action class are found."""
    folder = tmp_path / "actions"
    folder.mkdir()
    (folder / "later.py").write_text(
        "class ActionLater:\n"
        "    def run(self, dispatcher, tracker, domain):\n"
        "        older = tracker.events[-5:]\n"
        "        return [e for e in tracker.applied_events() if e]\n"
    )
    assert event_reads(folder) == [
        ("later.py", 3, "actions.later.ActionLater.run"),
        ("later.py", 4, "actions.later.ActionLater.run"),
    ]
