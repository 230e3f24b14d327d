"""rasa_addons.server: Rasa's check of action-server answers, with the validator made once."""

from __future__ import annotations

import sys

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.launcher import build_services
from rasa_addons import server
from tests.conftest import make_settings

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
]


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


def test_the_schema_is_checked_once_not_per_answer(monkeypatch):
    server.action_response_validator.cache_clear()
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


def test_install_puts_the_repair_on_rasas_remote_action(monkeypatch):
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    server.install()
    assert RemoteAction._validate_action_result is server.validate_action_result


def test_the_product_starts_rasa_through_the_repair(tmp_path):
    rasa = build_services(make_settings(tmp_path), tmp_path / "model.tar.gz", tmp_path)[1]
    assert rasa.command[:4] == [sys.executable, "-m", "rasa_addons.server", "run"]
