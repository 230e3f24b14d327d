"""Scenario files of the trainer demo: the shipped ones load, broken ones say what is wrong.

A trainer edits these files by hand, so every mistake must name the file, the line and the
field, and say what to change. The live plays are in tests/test_demo_live.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.demo import demo_scenarios
from bot.demo.demo_scenarios import ScenarioError, check_end, find_button, parse_scenario

GOOD = """\
titel: Kiest meteen oma
jongere: Daan, 17 jaar
uitleg: Daan weet het meteen.
stappen:
  - typ: Daan
  - tik: 17
    notitie: vanaf 16 beslist de jongere zelf
verwacht:
  einde: nominatie
  relatie: oma
  steun: [emotioneel]
  weet_het_al: ja
  ouders_ook_akkoord: false
"""


def test_the_shipped_scenarios_all_load():
    scenarios, errors = demo_scenarios.load_all()
    assert errors == []
    assert len(scenarios) >= 7
    ends = {s.expected.end for s in scenarios}
    assert {"nominatie", "geen_nominatie"} <= ends
    assert any(s.expected.crisis_shown for s in scenarios), "one youth gets the help lines"
    assert any(s.expected.parent_consent_needed for s in scenarios), "one youth is under 16"
    assert any(s.expected.alternatives for s in scenarios), "one youth names two people"


def test_a_good_file_reads_into_steps_and_an_expected_end():
    scenario = parse_scenario(GOOD, "oma.yaml")
    assert scenario.id == "oma"
    assert [(s.kind, s.text) for s in scenario.steps] == [("typ", "Daan"), ("tik", "17")]
    assert scenario.steps[1].note == "vanaf 16 beslist de jongere zelf"
    assert scenario.expected.relation == "oma"
    assert scenario.expected.parent_consent_needed is False
    assert scenario.expected.support == ["emotioneel"]


@pytest.mark.parametrize(
    "text, line, field, problem",
    [
        pytest.param("titel: [niet goed\n", 2, "", "geen geldige YAML", id="yaml-syntax"),
        pytest.param("", None, "", "leeg", id="empty-file"),
        pytest.param("- een lijst\n", 1, "", "veld: waarde", id="not-a-mapping"),
        pytest.param(
            GOOD.replace("titel:", "title:"), 1, "title", "Bedoel je 'titel'", id="typo-in-key"
        ),
        pytest.param(
            GOOD.replace("titel: Kiest meteen oma\n", ""), 1, "titel", "ontbreekt", id="no-title"
        ),
        pytest.param(
            GOOD.replace("  - typ: Daan\n", "  - zeg: Daan\n"),
            5,
            "stappen[1].zeg",
            "onbekend veld 'zeg'",
            id="unknown-step-kind",
        ),
        pytest.param(
            GOOD.replace("  - typ: Daan\n", "  - typ: Daan\n    tik: Ja\n"),
            5,
            "stappen[1]",
            "precies 1 van",
            id="step-with-two-kinds",
        ),
        pytest.param(
            GOOD.replace("  - typ: Daan\n", "  - typ: no\n"),
            5,
            "stappen[1].typ",
            "aanhalingstekens",
            id="yes-no-word-needs-quotes",
        ),
        pytest.param(
            GOOD.replace("  - typ: Daan\n", "  - typ: /start\n"),
            5,
            "stappen[1].typ",
            "begint niet met /",
            id="command-as-step",
        ),
        pytest.param(
            GOOD.replace("  - typ: Daan\n", "  - typ:\n"),
            5,
            "stappen[1].typ",
            "leeg",
            id="empty-step",
        ),
        pytest.param(
            GOOD.replace(
                "stappen:\n  - typ: Daan\n  - tik: 17\n"
                "    notitie: vanaf 16 beslist de jongere zelf\n",
                "stappen: []\n",
            ),
            4,
            "stappen",
            "minstens 1 stap",
            id="no-steps",
        ),  # fmt: skip
        pytest.param(
            GOOD.replace("einde: nominatie", "einde: nominaite"),
            9,
            "verwacht.einde",
            "Bedoel je 'nominatie'",
            id="unknown-end",
        ),
        pytest.param(
            GOOD.replace("relatie: oma", "relatie: moeder"),
            10,
            "verwacht.relatie",
            "'moeder' kan niet",
            id="unknown-relation",
        ),
        pytest.param(
            GOOD.replace("steun: [emotioneel]", "steun: [emotioneel, geld]"),
            11,
            "verwacht.steun[2]",
            "'geld' kan niet",
            id="unknown-support-kind",
        ),
        pytest.param(
            GOOD.replace("ouders_ook_akkoord: false", "ouders_ook_akkoord: misschien"),
            13,
            "verwacht.ouders_ook_akkoord",
            "true of false",
            id="flag-not-boolean",
        ),
        pytest.param(
            GOOD.replace("einde: nominatie", "einde: geen_nominatie"),
            10,
            "verwacht.relatie",
            "past alleen bij 'einde: nominatie'",
            id="nomination-fields-without-nomination",
        ),
        pytest.param(
            GOOD.replace("verwacht:\n  einde: nominatie\n", "verwacht:\n"),
            9,
            "verwacht.einde",
            "ontbreekt",
            id="no-expected-end",
        ),
        pytest.param(
            GOOD + "titel: nog een\n",
            14,
            "titel",
            "twee keer",
            id="duplicate-key",
        ),
    ],
)
def test_a_broken_file_says_where_and_what(text, line, field, problem):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "mijn-scenario.yaml")
    error = caught.value
    message = str(error)
    assert message.startswith("mijn-scenario.yaml, "), message
    assert error.line == line, message
    assert error.where == field, message
    assert problem in message, message
    if line:
        assert f"regel {line}" in message


def test_a_file_name_a_trainer_cannot_use_as_an_id_is_refused():
    with pytest.raises(ScenarioError, match="bestandsnaam"):
        parse_scenario(GOOD, "Mijn Scenario!.yaml")


def test_one_broken_file_does_not_hide_the_others(tmp_path: Path):
    (tmp_path / "a-goed.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-kapot.yaml").write_text(GOOD.replace("einde:", "eind:"), encoding="utf-8")
    (tmp_path / "c-latin1.yaml").write_bytes("titel: caf\xe9\n".encode("latin-1"))
    scenarios, errors = demo_scenarios.load_all(tmp_path)
    assert [s.id for s in scenarios] == ["a-goed"]
    assert [e.file for e in errors] == ["b-kapot.yaml", "c-latin1.yaml"]
    assert "Bedoel je 'einde'" in str(errors[0])
    assert "UTF-8" in str(errors[1])


BUTTONS = [
    {"title": "👵 Oma of opa", "payload": "/a"},
    {"title": "👵 Oma", "payload": "/b"},
    {"title": "✅ Ja, dat mag", "payload": "/c"},
]


@pytest.mark.parametrize(
    "wanted, payload",
    [("Oma", "/b"), ("oma of opa", "/a"), ("dat mag", "/c"), ("Opa", "/a"), ("Tante", None)],
)
def test_a_tap_step_finds_the_button_by_its_words(wanted, payload):
    found = find_button(BUTTONS, wanted)
    assert (found["payload"] if found else None) == payload


def test_the_expected_end_is_checked_field_by_field():
    scenario = parse_scenario(GOOD, "oma.yaml")
    nomination = {
        "reference": "JIM-AAAA",
        "status": "nieuw",
        "demo": True,
        "youth": {"parent_consent_needed": False},
        "mentor": {"relation": "oma", "support": ["emotioneel"], "knows_already": "ja"},
        "alternatives": [],
    }
    assert check_end(scenario.expected, nomination, False, []) == []
    wrong = {**nomination, "mentor": {**nomination["mentor"], "relation": "opa"}}
    assert check_end(scenario.expected, wrong, False, []) == [
        "relatie: verwacht 'oma', maar het is 'opa'"
    ]
    assert check_end(scenario.expected, None, False, []) == ["er is geen nominatie opgeslagen"]
    real = {**nomination, "demo": False}
    assert "niet als demo gemarkeerd" in check_end(scenario.expected, real, False, [])[0]


def test_the_check_command_lists_good_files_and_mistakes(tmp_path: Path, capsys):
    (tmp_path / "a-goed.yaml").write_text(GOOD, encoding="utf-8")
    assert demo_scenarios.main([str(tmp_path)]) == 0
    (tmp_path / "b-kapot.yaml").write_text(GOOD.replace("  - tik: 17", "  - tikk: 17"), "utf-8")
    assert demo_scenarios.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "ok    a-goed.yaml: Kiest meteen oma (2 stappen)" in out
    assert "FOUT  b-kapot.yaml, regel 6, stappen[2].tikk: onbekend veld 'tikk'" in out
