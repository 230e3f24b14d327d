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


@pytest.mark.integration
def test_every_crisis_example_of_the_data_gets_help_clear_or_checked(parse):
    """Crisis recall 1.00 on the data, the two levels together (issue 24)."""
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.settings import PROJECT_DIR

    data = load_data(str(PROJECT_DIR / "data" / "nlu"))
    crisis = [m.get("text") for m in data.intent_examples if m.get("intent") == "crisis"]
    assert len(crisis) > 100
    missed = [t for t in crisis if parse(t)["intent"]["name"] not in ("crisis", "crisis_check")]
    assert missed == []


@pytest.mark.integration
@pytest.mark.parametrize(
    "text, at_most",
    [
        # issue 24: each of these got all three help messages; now at most the check
        ("mijn telefoon is dood", None),
        ("ik ga dood van het lachen", None),
        ("hij slaat altijd de bal te hard", None),
        ("ik wil niet meer wachten", "crisis_check"),
        ("hoe lang duurt het", None),
        ("duurt het lang", None),
        ("is mijn keuze al aangekomen", "crisis_check"),
        ("ze zou me nooit pijn doen", None),
        ("hij slaat nooit", None),
        ("ze helpt me met mijn pillen", None),
        ("mijn opa is dood", None),
    ],
)
def test_the_false_alarms_of_issue_24(parse, text, at_most):
    got = parse(text)["intent"]["name"]
    assert got != "crisis"
    if at_most is None:
        assert got != "crisis_check"


@pytest.mark.integration
def test_danger_at_home_with_a_parent_named_is_clear_danger(parse):
    """It got "Je vader of moeder kan niet je JIM zijn." before issue 24."""
    parsed = parse("mama drinkt en dan gooit ze met dingen")
    assert parsed["intent"]["name"] == "crisis"
    assert "home" in parsed["danger"]["kinds"]
