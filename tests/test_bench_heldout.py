"""The held-out benches compare normalised text and score entities (bench/heldout.py).

A held-out message that is in the training data with other case, accents, spacing or
punctuation must be caught, or the held-out figures flatter; and two different
messages must stay different, or good messages are refused.
"""

from __future__ import annotations

import pytest

from bench.heldout import EntityScore, in_training, normalise, score_entities


@pytest.mark.parametrize(
    "typed, trained",
    [
        ("Ik wil DOOD!", "ik wil dood"),
        ("  ik   wil  dood ", "ik wil dood"),
        ("hé, hoe gáát het?", "he hoe gaat het"),
        ("m'n oma", "mn oma"),
        ("m’n oma!!", "mn oma"),
        ("zo-even", "zoeven"),
        ("ik ben 15...", "ik ben 15"),
        ("crisis_check", "crisis check"),
    ],
)
def test_the_same_words_typed_otherwise_count_as_in_the_training_data(typed, trained):
    assert in_training([typed], {normalise(trained)}) == [typed]


@pytest.mark.parametrize(
    "typed, trained",
    [
        ("ik wil dood", "ik wil niet dood"),
        ("mijn oma", "mijn opa"),
        ("👍", "🤷"),
        ("ik ben 15", "ik ben 16"),
    ],
)
def test_other_words_are_not_in_the_training_data(typed, trained):
    assert in_training([typed], {normalise(trained)}) == []


def test_a_message_of_only_signs_is_compared_as_typed():
    assert normalise(" 👍 ") == "👍"
    assert normalise("??") == "??"


def test_entities_are_scored_by_kind_and_value():
    pairs = [
        # relation right (canonical value), name right without case
        (
            [{"entity": "relation", "value": "oma"}, {"entity": "mentor_name", "value": "Riet"}],
            [{"entity": "relation", "value": "oma"}, {"entity": "mentor_name", "value": "riet"}],
        ),
        # the wrong relation: one wrong, one missed
        ([{"entity": "relation", "value": "oma"}], [{"entity": "relation", "value": "opa"}]),
        # a name taken as the youth's own: mentor missed, youth wrong
        ([{"entity": "mentor_name", "value": "Bo"}], [{"entity": "youth_name", "value": "Bo"}]),
        # found by two extractors: counts once
        (
            [{"entity": "youth_name", "value": "Sam"}],
            [{"entity": "youth_name", "value": "Sam"}, {"entity": "youth_name", "value": "sam"}],
        ),
        ([], [{"entity": "age", "value": "15"}]),
    ]
    scores = score_entities(pairs, kinds=["relation", "mentor_name", "youth_name"])
    assert scores["relation"] == EntityScore(right=1, missed=1, wrong=1)
    assert scores["mentor_name"] == EntityScore(right=1, missed=1, wrong=0)
    assert scores["youth_name"] == EntityScore(right=1, missed=0, wrong=1)
    assert "age" not in scores
    assert scores["relation"].f1 == pytest.approx(0.5)
    assert scores["mentor_name"].precision == 1.0
    assert scores["mentor_name"].recall == 0.5


def test_a_kind_never_expected_nor_found_scores_nothing():
    scores = score_entities([([], [])], kinds=["relation"])
    assert scores["relation"] == EntityScore()
    assert scores["relation"].f1 == 0.0


def test_a_folds_held_out_names_leave_its_names_lookup():
    """bench/nlu_cv.py: a name only the test half holds is not in the lookup the fold uses."""
    from bench.nlu_cv import example_names, without_names

    def example(text, name, kind="mentor_name"):
        start = text.index(name)
        entity = {"entity": kind, "start": start, "end": start + len(name), "value": name}
        return {"text": text, "entities": [entity]}

    train = [example("ze heet Riet", "Riet"), example("ik heet Sam", "Sam", "youth_name")]
    test = [example("mijn oma Truus", "Truus"), example("hij heet Sam", "Sam")]
    held_out = example_names(test) - example_names(train)
    assert held_out == {"truus"}
    tables = [
        {"name": "voornaam", "elements": ["Riet", "Sam", "Truus", "Bo"]},
        {"name": "relatie", "elements": ["oma", "Truus"]},
    ]
    assert without_names(tables, held_out) == [
        {"name": "voornaam", "elements": ["Riet", "Sam", "Bo"]},
        {"name": "relatie", "elements": ["oma", "Truus"]},
    ]


def test_the_examples_of_a_revision_are_read_as_plain_texts():
    """`nlu_cv --examples-of REV` scores the same run on the examples data/nlu held then:
    the texts must come without their entity marks, lowercase, from that revision."""
    from bench.nlu_cv import texts_at

    texts = texts_at("HEAD")
    assert "ik heb pillen" in texts  # data/nlu/safety.yml, crisis_check
    assert "mijn moeder drinkt elke avond en dan wordt ze boos" in texts  # annotated
    assert not any("]{" in text or "](" in text for text in texts)
