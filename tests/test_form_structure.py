"""The form is written once (bot/dialogue/form.py); the domain, data and actions agree."""

from __future__ import annotations

import re

import pytest

from bot.dialogue import form
from bot.settings import PROJECT_DIR

CHANGE_VALUE = re.compile(r'"entity":\s*"change_field",\s*"value":\s*"([a-z_]+)"')
CHANGE_PAYLOAD = re.compile(r'"change_field"\s*:\s*"([a-z_]+)"')


def nlu_change_values() -> set[str]:
    values = set()
    for path in (PROJECT_DIR / "data" / "nlu").glob("*.yml"):
        values |= set(CHANGE_VALUE.findall(path.read_text(encoding="utf-8")))
    return values


def test_the_domain_form_asks_the_questions_in_this_order(domain):
    assert tuple(domain["forms"]["jim_form"]["required_slots"]) == form.QUESTION_ORDER


def test_every_slot_the_form_fills_is_a_slot_of_the_domain(domain):
    missing = [slot for slot in form.FORM_SLOTS if slot not in domain["slots"]]
    assert not missing


def test_every_question_has_its_words_in_the_domain(domain):
    actions = set(domain.get("actions") or [])
    for slot in form.QUESTION_ORDER:
        assert f"utter_ask_{slot}" in domain["responses"] or f"action_ask_{slot}" in actions, slot


def test_every_change_the_youth_can_ask_for_is_known_and_every_known_one_can_be_asked():
    in_data = nlu_change_values()
    assert in_data, "the scan finds no change_field values: it is broken"
    assert in_data <= set(form.CHANGEABLE), in_data - set(form.CHANGEABLE)
    assert set(form.CHANGEABLE) - {"youth_name", "knows_already"} <= in_data


def test_every_change_button_of_the_domain_is_known():
    text = (PROJECT_DIR / "domain.yml").read_text(encoding="utf-8")
    payloads = set(CHANGE_PAYLOAD.findall(text))
    assert payloads and payloads <= set(form.CHANGEABLE), payloads


def test_changing_the_person_empties_every_answer_about_the_person_and_nothing_else():
    person = set(form.CHANGEABLE[form.PERSON])
    assert {"relation", "mentor_name", "mentor_reason", "contact"} <= person
    assert not person & {"youth_name", "youth_age"}


@pytest.mark.parametrize(
    "current, answered, expected",
    [
        ("mentor_name", {"youth_name", "youth_age", "relation"}, "relation"),
        ("youth_name", set(), None),
        ("youth_age", {"youth_name"}, "youth_name"),
        # mentor_adult is only asked for some people: "terug" skips it when unanswered
        ("mentor_reason", {"youth_name", "youth_age", "relation", "mentor_name"}, "mentor_name"),
        # at the summary (no open question) "terug" goes to the last answer
        (None, set(form.QUESTION_ORDER), "contact"),
        # an answer given later than the open question does not count
        ("relation", {"youth_name", "youth_age", "contact"}, "youth_age"),
    ],
)
def test_going_back_finds_the_answer_before_the_open_question(current, answered, expected):
    assert form.previous_question(current, answered) == expected


@pytest.mark.parametrize(
    "question, emptied",
    [
        ("mentor_reason", ("mentor_reason", "mentor_support")),
        ("relation", ("relation",)),
        ("contact", ("contact",)),
    ],
)
def test_going_back_empties_the_answer_with_what_came_with_it(question, emptied):
    assert form.emptied_by_going_back(question) == emptied


def test_the_actions_take_the_form_from_here():
    """No second copy of the question order in actions/ (it was written four times)."""
    for path in (PROJECT_DIR / "actions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^(FORM_SLOTS|QUESTION_ORDER|CHANGEABLE)\s*=", source, re.M), path
