"""The decisions at the relation question, as a table (bot/dialogue/relation_step.py, no Rasa)."""

from __future__ import annotations

import pytest

from bot.dialogue.relation_step import (
    LAST_HELP_STEP,
    RelationAnswer,
    RelationDecision,
    decide_relation,
)

CASES = [
    # (what the youth said, the decision)
    pytest.param(
        RelationAnswer("oma", relations=["oma"]),
        RelationDecision({"relation": "oma", "relation_group": None, "help_step": 0}),
        id="a button or a word",
    ),
    pytest.param(
        RelationAnswer("mijn buurvrouw"),
        RelationDecision({"relation": "buurvrouw", "relation_group": None, "help_step": 0}),
        id="a word in free text without an entity",
    ),
    pytest.param(
        RelationAnswer("weet_niet", help_step=2),
        RelationDecision({"relation": None, "relation_group": None, "help_step": 3}),
        id="dont know: the next help question",
    ),
    pytest.param(
        RelationAnswer("weet_niet", help_step=LAST_HELP_STEP),
        RelationDecision({"relation": None, "relation_group": None, "help_step": LAST_HELP_STEP}),
        id="dont know after the last help: stays at the last step",
    ),
    pytest.param(
        RelationAnswer("ja", help_step=LAST_HELP_STEP, intent="affirm"),
        RelationDecision({"relation": None, "help_step": 0}),
        id="yes after the help: the relation question again",
    ),
    pytest.param(
        RelationAnswer("oma_opa"),
        RelationDecision({"relation": None, "relation_group": "oma_opa"}),
        id="a group button: which of the two",
    ),
    pytest.param(
        RelationAnswer("mijn begeleider"),
        RelationDecision(
            {"relation": None, "relation_group": None}, response="utter_relation_professional"
        ),
        id="a care professional by word",
    ),
    pytest.param(
        RelationAnswer("sanne", professional=True, relations=["tante"]),
        RelationDecision(
            {"relation": None, "relation_group": None}, response="utter_relation_professional"
        ),
        id="a care professional by entity wins over a relation",
    ),
    pytest.param(
        RelationAnswer("mama", relations=["ouder"]),
        RelationDecision(
            {"relation": None, "relation_group": None}, response="utter_relation_parent"
        ),
        id="a parent: explained, asked again",
    ),
    pytest.param(
        RelationAnswer("blabla"),
        RelationDecision({"relation": None}, response="utter_relation_unclear"),
        id="nothing understood",
    ),
    pytest.param(
        RelationAnswer("Fatma", names=["Fatma"]),
        RelationDecision({"relation": "anders", "relation_group": None, "help_step": 0}),
        id="only a name: someone else",
    ),
    pytest.param(
        RelationAnswer("Fatma", relations=["Fatma"], asking_the_name=True, relation_before="oma"),
        RelationDecision({"relation": "oma"}),
        id="a name the NLU took for a relation at the name question keeps the person",
    ),
    pytest.param(
        RelationAnswer(
            "mijn oma riet en buurman ahmed",
            relations=["oma", "buurman"],
            names=["riet", "ahmed"],
        ),
        RelationDecision(
            {
                "relation": "oma",
                "relation_group": None,
                "help_step": 0,
                "alternatives": [{"relation": "buurman", "name": "Ahmed"}],
                "mentor_name": "Riet",
            },
            text="Je noemt 2 mensen. Ik kies eerst je oma. De rest onthoud ik ook.",
        ),
        id="two people: the first is the choice, the other kept",
    ),
    pytest.param(
        RelationAnswer("oma en mama", relations=["oma", "ouder"]),
        RelationDecision({"relation": "oma", "relation_group": None, "help_step": 0}),
        id="a parent among two people is not kept as an alternative",
    ),
    pytest.param(
        RelationAnswer(
            "opa en tante",
            relations=["opa", "tante"],
            alternatives=[{"relation": "buurman", "name": None}],
        ),
        RelationDecision(
            {
                "relation": "opa",
                "relation_group": None,
                "help_step": 0,
                "alternatives": [
                    {"relation": "buurman", "name": None},
                    {"relation": "tante", "name": None},
                ],
                "mentor_name": None,
            },
            text="Je noemt 2 mensen. Ik kies eerst je opa. De rest onthoud ik ook.",
        ),
        id="people named earlier stay",
    ),
]


@pytest.mark.parametrize("answer, expected", CASES)
def test_the_relation_answer_is_decided_as_the_approach_says(answer, expected):
    assert decide_relation(answer) == expected
