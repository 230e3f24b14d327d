"""rasa_addons.server: Rasa with its repeated work removed, and nothing else changed."""

from __future__ import annotations

import json
import sys
from datetime import datetime

import jsonschema
import pytest
import tensorflow as tf
import ujson
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.tensorflow.models import RasaModel

from bot.run.launcher import build_services
from bot.settings import PROJECT_DIR
from rasa_addons import history, server
from testkit.env import make_settings

ANSWERS = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "relation", "value": "oma"}], "responses": []},
    {"events": [{"event": "followup", "name": "jim_form"}], "responses": [{"text": "Hoi"}]},
    {"events": [{"event": "active_loop", "name": None}]},
    {"events": "not a list"},
    {"events": [{"event": "slot"}]},  # a slot event without a name
    {"events": [{"event": "no_such_event"}]},
    {"responses": "not a list"},
    [],
    {"events": [{"event": "slot", "name": 5, "value": "x"}]},
    {"events": [{"event": "user", "text": "hoi", "parse_data": "not an object"}]},
    {"events": [{"event": "bot", "text": 5}]},
    {"events": [{"event": "followup"}]},
    {"events": [{"name": "relation", "value": "oma"}]},  # no kind
    {"events": ["slot"]},
    {"events": [{"event": "slot", "name": "relation", "value": "oma", "timestamp": "nu"}]},
    {"events": [{"event": "action", "name": "utter_x", "policy": 5}]},
    {"events": [{"event": "user", "text": "hoi", "parse_data": {"entities": [{"start": 0}]}}]},
]


def every_kind_of_event() -> list[dict]:
    """One event of every kind the action server can send, as rasa_sdk writes them."""
    from rasa_sdk import events as sdk

    return [
        sdk.SlotSet("relation", "oma"), sdk.SlotSet("alternatives", [{"name": "Ali"}]),
        sdk.AllSlotsReset(), sdk.ReminderScheduled("EXTERNAL_x", datetime(2026, 1, 1)),
        sdk.ReminderCancelled("r"), sdk.ActionReverted(), sdk.UserUtteranceReverted(),
        sdk.Restarted(), sdk.FollowupAction("jim_form"), sdk.ConversationPaused(),
        sdk.ConversationResumed(), sdk.ActiveLoop("jim_form"), sdk.ActiveLoop(None),
        sdk.LoopInterrupted(True), sdk.ActionExecutionRejected("jim_form"),
        sdk.SessionStarted(), sdk.BotUttered("Hoi", {"buttons": []}),
        sdk.UserUttered("hoi", {"intent": {"name": "greet", "confidence": 1.0}, "entities": []}),
        sdk.ActionExecuted("utter_greet"),
        {"event": "entities", "entities": [{"entity": "relation", "value": "oma"}]},
    ]  # fmt: skip


ANSWERS.append({"events": every_kind_of_event(), "responses": [{"text": "Hoi"}]})
ANSWERS += [{"events": [event]} for event in every_kind_of_event()]


def original_accepts(answer) -> bool:
    try:
        jsonschema.validate(answer, RemoteAction.action_response_format_spec())
        return True
    except jsonschema.ValidationError:
        return False


@pytest.mark.parametrize("answer", ANSWERS)
def test_the_repair_accepts_and_refuses_exactly_what_rasa_does(answer):
    action = RemoteAction("action_x", None)
    if original_accepts(answer):
        assert server.validate_action_result(action, answer) is True
    else:
        with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server"):
            server.validate_action_result(action, answer)


def test_both_kinds_of_answer_are_in_the_cases():
    assert {original_accepts(a) for a in ANSWERS} == {True, False}
    assert sum(original_accepts(a) for a in ANSWERS) > 20


def test_an_accepted_answer_is_checked_per_kind_of_event_not_against_all(monkeypatch):
    """The full check (every event against every kind) runs only for a refused answer."""
    full = server.action_response_validator()
    calls = []
    real = type(full).iter_errors
    monkeypatch.setattr(
        type(full),
        "iter_errors",
        lambda self, *a: (self is full and calls.append(1)) or real(self, *a),
    )
    action = RemoteAction("action_x", None)
    assert server.validate_action_result(action, {"events": every_kind_of_event()})
    assert calls == []
    with pytest.raises(jsonschema.ValidationError):
        server.validate_action_result(action, {"events": [{"event": "slot", "name": 5}]})
    assert calls == [1]


def test_the_schema_is_checked_once_not_per_answer(monkeypatch):
    server.action_response_validator.cache_clear()
    server.event_validators.cache_clear()
    checks = []
    real_check = jsonschema.validators.validator_for(
        RemoteAction.action_response_format_spec()
    ).check_schema
    monkeypatch.setattr(
        jsonschema.validators.validator_for(RemoteAction.action_response_format_spec()),
        "check_schema",
        classmethod(lambda cls, schema: checks.append(1) or real_check(schema)),
    )
    action = RemoteAction("action_x", None)
    for _ in range(5):
        server.validate_action_result(action, ANSWERS[1])
    assert len(checks) == 1
    server.action_response_validator.cache_clear()


@pytest.fixture
def undo_install(monkeypatch):
    """Whatever install() replaces is put back after the test (the class attributes as
    they are stored, so static and class methods stay what they were)."""
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    monkeypatch.setattr(RasaModel, "load", RasaModel.__dict__["load"])
    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.session)
    monkeypatch.setattr(
        MessageProcessor, "_parse_message_with_graph", MessageProcessor._parse_message_with_graph
    )
    monkeypatch.setattr(DialogueStateTracker, "applied_events", DialogueStateTracker.applied_events)
    monkeypatch.setattr(DialogueStateTracker, "copy", DialogueStateTracker.copy)
    monkeypatch.setattr(RemoteAction, "_action_call_format", RemoteAction._action_call_format)
    monkeypatch.setattr(Domain, "states_for_tracker_history", Domain.states_for_tracker_history)


def test_install_puts_the_repairs_on_rasa(undo_install):
    server.install()
    server.install()  # twice changes nothing
    assert RemoteAction._validate_action_result is server.validate_action_result
    assert Event.resolve_by_type is server.resolve_event_class
    assert RasaModel.load.__func__ is server.load_model_for_prediction
    assert EndpointConfig.session is server.action_server_session
    assert MessageProcessor._parse_message_with_graph is server.parse_message_with_graph
    assert RemoteAction._action_call_format is server.action_call_format
    assert DialogueStateTracker.copy is history.copy_tracker
    assert DialogueStateTracker.applied_events is history.applied_events
    assert Domain.states_for_tracker_history is history.states_for_tracker_history


def test_on_another_rasa_version_nothing_is_replaced(undo_install, monkeypatch, caplog):
    import rasa_addons

    monkeypatch.setattr(rasa_addons, "installed_rasa_version", lambda: "3.7.0")
    monkeypatch.setattr(rasa_addons, "_told", False)
    before = RemoteAction.__dict__["_action_call_format"], DialogueStateTracker.copy
    with caplog.at_level("WARNING", logger="rasa_addons"):
        assert server.install() is False
        assert server.install() is False
    assert (RemoteAction.__dict__["_action_call_format"], DialogueStateTracker.copy) == before
    assert RemoteAction._validate_action_result is not server.validate_action_result
    assert RasaModel.__dict__["load"] is not server.load_model_for_prediction
    lines = [r.getMessage() for r in caplog.records if r.name == "rasa_addons"]
    assert len(lines) == 1 and "3.6.21" in lines[0] and "3.7.0" in lines[0], lines


def test_the_pinned_rasa_is_the_one_the_repairs_are_for():
    import rasa_addons

    pins = (PROJECT_DIR / "constraints.txt").read_text()
    assert f"rasa=={rasa_addons.RASA_VERSION}" in pins
    assert rasa_addons.installed_rasa_version() == rasa_addons.RASA_VERSION


async def test_the_action_server_gets_the_same_json_values(undo_install, domain):
    """A real call body (a tracker with a user message, slots, a form) written by the
    session's encoder reads back to exactly what Rasa meant to send."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActiveLoop, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    rasa_domain = Domain.from_dict(domain)
    tracker = DialogueStateTracker("youth-é", rasa_domain.slots)
    parse = {
        "intent": {"name": "inform_mentor", "confidence": 0.9731445074081421},
        "entities": [{"entity": "relation", "value": "oma", "start": 5, "end": 8}],
        "intent_ranking": [{"name": "inform_mentor", "confidence": 0.9731445074081421}],
    }
    for event in [
        UserUttered('mijn oma 👵 "Riet" </script> 1/2', parse),
        ActiveLoop("jim_form"),
        SlotSet("relation", "oma"),
        SlotSet("alternatives", [{"relation": "buurman"}]),
    ]:
        tracker.update(event)
    body = RemoteAction("validate_jim_form", None)._action_call_format(tracker, rasa_domain)
    server.install()
    session = EndpointConfig("http://127.0.0.1:1").session()
    try:
        assert session._json_serialize is ujson.dumps
        assert json.loads(session._json_serialize(body)) == json.loads(json.dumps(body))
    finally:
        await session.close()


def test_the_action_server_gets_rasas_call_with_the_events_the_actions_read(undo_install, domain):
    """Everything of Rasa's call as it was (slots, latest message, form, domain), except the
    events: those of the latest turn and the latest value of each slot before it."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered

    rasa_domain = Domain.from_dict(domain)
    tracker = DialogueStateTracker("youth", rasa_domain.slots)
    for turn, (intent, slot, value) in enumerate(
        [("start", "requested_slot", "youth_name"), ("inform_name", "youth_name", "Sam"),
         ("inform_age", "youth_age", "15"), ("inform_age", "youth_age", "16")]  # fmt: skip
    ):
        tracker.update(UserUttered(f"zin {turn}", {"name": intent, "confidence": 1.0}))
        tracker.update(ActionExecuted("jim_form"))
        if turn == 0:
            tracker.update(ActiveLoop("jim_form"))
        tracker.update(SlotSet(slot, value))
        tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("zin", {"name": "inform_mentor", "confidence": 1.0}))
    theirs = RemoteAction("validate_jim_form", None)._action_call_format(tracker, rasa_domain)
    server.install()
    ours = RemoteAction("validate_jim_form", None)._action_call_format(tracker, rasa_domain)
    assert {k: v for k, v in ours.items() if k != "tracker"} == {
        k: v for k, v in theirs.items() if k != "tracker"
    }
    assert {k: v for k, v in ours["tracker"].items() if k != "events"} == {
        k: v for k, v in theirs["tracker"].items() if k != "events"
    }
    sent = [(e["event"], e.get("name"), e.get("value")) for e in ours["tracker"]["events"]]
    assert sent == [
        ("slot", "requested_slot", "youth_name"),
        ("slot", "youth_name", "Sam"),
        ("slot", "youth_age", "16"),
        ("user", None, None),
    ]
    assert len(theirs["tracker"]["events"]) == 18


def nlu_texts() -> list[str]:
    from rasa.shared.nlu.training_data.loading import load_data

    return [m.get("text") for m in load_data(str(PROJECT_DIR / "data" / "nlu")).intent_examples]


def what_it_understood(parsed: dict) -> tuple:
    return (
        parsed["intent"]["name"],
        [r["name"] for r in parsed.get("intent_ranking", [])],
        [(e["entity"], e["value"], e["start"], e["end"]) for e in parsed["entities"]],
    )


@pytest.mark.integration
async def test_the_quick_load_understands_every_example_exactly_as_rasas_load(
    model_file, undo_install, monkeypatch
):
    """The model loaded without Rasa's one training step gives the same intents, rankings,
    entities and confidences for all of data/nlu; and it really skips that training step."""
    from rasa.core.agent import Agent

    fits: list[str] = []
    real_fit = tf.keras.Model.fit
    monkeypatch.setattr(
        tf.keras.Model, "fit", lambda self, *a, **k: fits.append(type(self).__name__) or
        real_fit(self, *a, **k),
    )  # fmt: skip
    texts = nlu_texts()
    assert len(texts) > 1000
    rasa_agent = Agent.load(str(model_file))
    assert fits == ["DIET"], "Rasa's own load trains DIET one step"
    expected = [await rasa_agent.parse_message(text) for text in texts]
    del rasa_agent

    server.install()
    fits.clear()
    quick_agent = Agent.load(str(model_file))
    assert fits == []
    got = [await quick_agent.parse_message(text) for text in texts]
    for text, ours, theirs in zip(texts, got, expected, strict=True):
        assert what_it_understood(ours) == what_it_understood(theirs), text
        assert ours["intent"]["confidence"] == pytest.approx(
            theirs["intent"]["confidence"], abs=1e-6
        ), text


def button_payloads() -> list[str]:
    """Every button answer of the domain as the widget sends it ({{ }} reaches it as { })."""
    import yaml

    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text())
    return sorted(
        {
            button["payload"].replace("{{", "{").replace("}}", "}")
            for variations in domain["responses"].values()
            for variation in variations
            for button in variation.get("buttons", [])
        }
    )


ODD_PAYLOADS = [
    "/start", '/start{"invite_code":"Ab3-x"}', "  /affirm  ", "/affirm@0.4", "/deny@1",
    '/inform_age{"age": "15"} en nog wat', '/inform_mentor{"relation":"oma","mentor_name":"Riet"}',
    '/inform_age{"age": "15"', "/inform_age{", "/no_such_intent", '/no_such_intent{"a":"b"}',
    "/", "//", "/ affirm", '/inform_mentor{"no_such_entity":"x"}', "/AFFIRM", "/affirm👍",
    "ja", "/start is wat ik typ", "",
]  # fmt: skip


@pytest.mark.integration
async def test_a_button_answer_is_read_as_rasa_reads_it_without_running_the_nlu(
    model_file, undo_install, monkeypatch
):
    """For every button of the domain and odd texts that start with "/": the same parse as
    Rasa's whole pipeline gives; the pipeline runs only for what is not a button answer."""
    from rasa.core.agent import Agent

    server.install()
    processor = Agent.load(str(model_file)).processor
    runs: list[str] = []
    real_run = processor.graph_runner.run
    monkeypatch.setattr(
        processor.graph_runner, "run", lambda *a, **k: runs.append(1) or real_run(*a, **k)
    )
    tracker = DialogueStateTracker("youth", processor.domain.slots)
    payloads = button_payloads()
    assert len(payloads) > 20
    read_at_once = 0
    for text in payloads + ODD_PAYLOADS:
        expected = server._rasa_parse_message_with_graph(processor, UserMessage(text), tracker)
        runs.clear()
        got = processor._parse_message_with_graph(UserMessage(text), tracker)
        assert got == expected, text
        read_at_once += not runs
        if text in payloads:
            assert not runs, f"{text}: the whole pipeline ran for a button"
    assert read_at_once < len(payloads) + len(ODD_PAYLOADS) - 8  # odd texts: the pipeline


def test_a_model_that_does_not_match_falls_back_to_rasas_load(undo_install, monkeypatch):
    """If the file does not fill every weight the prediction made, Rasa's load is used."""
    calls = []
    monkeypatch.setattr(
        server, "_rasa_model_load", lambda cls, *a, **k: calls.append(cls) or "rasa"
    )

    class Broken(RasaModel):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__()

        def load_weights(self, *args, **kwargs):
            raise ValueError("weights of another shape")

    assert server.load_model_for_prediction(Broken, "model", None, object()) == "rasa"
    assert server.load_model_for_prediction(Broken, "model", None, None) == "rasa"
    assert server.load_model_for_prediction(Broken, "model", None, object(), True) == "rasa"
    assert calls == [Broken, Broken, Broken]


def test_the_product_starts_rasa_through_the_repair(tmp_path):
    rasa = build_services(make_settings(tmp_path), tmp_path / "model.tar.gz", tmp_path)[1]
    assert rasa.command[:4] == [sys.executable, "-m", "rasa_addons.server", "run"]
