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
    # issue 25: the bot never chooses for the youth: several people wait for the youth's pick
    pytest.param(
        RelationAnswer(
            "mijn oma riet en buurman ahmed",
            relations=["oma", "buurman"],
            names=["riet", "ahmed"],
        ),
        RelationDecision(
            {
                "relation": None,
                "relation_group": None,
                "help_step": 0,
                "people_named": [
                    {"relation": "oma", "name": "Riet"},
                    {"relation": "buurman", "name": "Ahmed"},
                ],
            }
        ),
        id="two people: the youth picks who comes first",
    ),
    pytest.param(
        RelationAnswer("oma en mama", relations=["oma", "ouder"]),
        RelationDecision({"relation": "oma", "relation_group": None, "help_step": 0}),
        id="a parent among two people is not kept as an alternative",
    ),
    pytest.param(
        RelationAnswer(
            "/inform_mentor",
            relations=["buurman"],
            names=["Ahmed"],
            people_named=[
                {"relation": "oma", "name": "Riet"},
                {"relation": "buurman", "name": "Ahmed"},
            ],
        ),
        RelationDecision(
            {
                "relation": "buurman",
                "mentor_name": "Ahmed",
                "relation_group": None,
                "help_step": 0,
                "people_named": None,
                "others_named": [{"relation": "oma", "name": "Riet"}],
            }
        ),
        id="the pick by button: the second person first, the other waits for the keep question",
    ),
    pytest.param(
        RelationAnswer(
            "riet",
            people_named=[
                {"relation": "oma", "name": "Riet"},
                {"relation": "buurman", "name": "Ahmed"},
            ],
        ),
        RelationDecision(
            {
                "relation": "oma",
                "mentor_name": "Riet",
                "relation_group": None,
                "help_step": 0,
                "people_named": None,
                "others_named": [{"relation": "buurman", "name": "Ahmed"}],
            }
        ),
        id="the pick typed as a name",
    ),
    pytest.param(
        RelationAnswer(
            "de buurman",
            people_named=[{"relation": "oma", "name": None}, {"relation": "buurman", "name": None}],
        ),
        RelationDecision(
            {
                "relation": "buurman",
                "mentor_name": None,
                "relation_group": None,
                "help_step": 0,
                "people_named": None,
                "others_named": [{"relation": "oma", "name": None}],
            }
        ),
        id="the pick typed as a relation",
    ),
    pytest.param(
        RelationAnswer(
            "mijn tante",
            relations=["tante"],
            people_named=[{"relation": "oma", "name": "Riet"}, {"relation": "opa", "name": None}],
        ),
        RelationDecision(
            {
                "relation": "tante",
                "relation_group": None,
                "help_step": 0,
                "people_named": None,
                "others_named": [
                    {"relation": "oma", "name": "Riet"},
                    {"relation": "opa", "name": None},
                ],
            }
        ),
        id="someone new instead: all named wait for the keep question",
    ),
    pytest.param(
        RelationAnswer(
            "opa en tante",
            relations=["opa", "tante"],
            alternatives=[{"relation": "buurman", "name": None}],
        ),
        RelationDecision(
            {
                "relation": None,
                "relation_group": None,
                "help_step": 0,
                "people_named": [
                    {"relation": "opa", "name": None},
                    {"relation": "tante", "name": None},
                ],
            }
        ),
        id="people kept earlier stay kept; the new ones wait for the pick",
    ),
    # issue 25: "coach" is only the professional
    pytest.param(
        RelationAnswer("mijn coach"),
        RelationDecision(
            {"relation": None, "relation_group": None}, response="utter_relation_own_coach"
        ),
        id="my coach is the professional: explained kindly",
    ),
    pytest.param(
        RelationAnswer("mijn coach van voetbal"),
        RelationDecision({"relation": None}, response="utter_relation_unclear"),
        id="a coach of a sport is no professional (the NLU gives the relation)",
    ),
    pytest.param(
        RelationAnswer("mijn voetbalcoach", relations=["sportcoach"]),
        RelationDecision({"relation": "sportcoach", "relation_group": None, "help_step": 0}),
        id="a sports coach by word is a trainer",
    ),
]


@pytest.mark.parametrize("answer, expected", CASES)
def test_the_relation_answer_is_decided_as_the_approach_says(answer, expected):
    assert decide_relation(answer) == expected
