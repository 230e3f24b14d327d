"""The trained model understands names and wordless messages as the NLU steps after DIET say.

`NameRoles` and `OddInput` are tested on their own elsewhere; this proves `config.yml`
runs them, in the right place, in the model the product serves.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def parse(model_file):
    import asyncio

    from rasa.core.agent import Agent

    agent = Agent.load(str(model_file))
    loop = asyncio.new_event_loop()
    yield lambda text: loop.run_until_complete(agent.parse_message(text))
    loop.close()


@pytest.mark.integration
@pytest.mark.parametrize(
    "text, intent, entities",
    [
        ("ik heet Sam", "inform_name", [("youth_name", "Sam")]),
        ("zeg maar Bo", "inform_name", [("youth_name", "Bo")]),
        ("ze heet Riet", "inform_mentor", [("mentor_name", "Riet")]),
        ("mijn oma Riet", "inform_mentor", [("relation", "oma"), ("mentor_name", "Riet")]),
        ("Gerrit", "inform_mentor", [("mentor_name", "Gerrit")]),
        ("👍", "affirm", []),
        ("🤷‍♀️", "dont_know", []),
        ("??", "not_understood", []),
        ("${7*7}", "out_of_scope", []),
        ("asdfgh", "out_of_scope", []),
    ],
)
def test_the_served_model_reads_names_and_wordless_messages(parse, text, intent, entities):
    parsed = parse(text)
    assert parsed["intent"]["name"] == intent
    assert parsed["intent_ranking"][0]["name"] == intent
    assert sorted((e["entity"], e["value"]) for e in parsed["entities"]) == sorted(entities)


@pytest.mark.integration
def test_danger_still_wins_over_a_name(parse):
    assert parse("mijn oom Kees slaat me")["intent"]["name"] == "crisis"
