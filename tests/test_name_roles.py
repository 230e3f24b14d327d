"""Whose name a message holds: the words around it decide, the classifier's guess does not."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.name_roles import (
    drop_chat_words,
    intent_for_names,
    role_from_context,
    settle_roles,
    spot_names,
)
from nlu_components.name_roles import NameRoles


def name_entity(text: str, name: str, entity: str) -> dict:
    start = text.index(name)
    return {"entity": entity, "start": start, "end": start + len(name), "value": name}


def role(text: str, name: str) -> str | None:
    start = text.index(name)
    return role_from_context(text[:start], text[start + len(name) :])


@pytest.mark.parametrize(
    "text, name",
    [
        ("ik heet Sam", "Sam"),
        ("ik heet gewoon Sam", "Sam"),
        ("Ik hiet Sam", "Sam"),
        ("ik ben Lisa", "Lisa"),
        ("hoi ik ben Lisa", "Lisa"),
        ("mijn naam is Fatima", "Fatima"),
        ("mn naam is Tim", "Tim"),
        ("m'n naam Kim", "Kim"),
        ("naam is Dean", "Dean"),
        ("mijn bijnaam is Blessing", "Blessing"),
        ("noem me maar Kenji", "Kenji"),
        ("noem mij maar Dex", "Dex"),
        ("zeg maar Bo", "Bo"),
        ("je mag Tess zeggen", "Tess"),
        ("iedereen noemt me Jip", "Jip"),
        ("ze noemen me Kay", "Kay"),
        ("Dex hier", "Dex"),
        ("hier is Ravi", "Ravi"),
        ("Milan is mijn naam", "Milan"),
        ("ik heet Sam, mijn oma heet Riet", "Sam"),
    ],
)
def test_the_youths_own_name(text, name):
    assert role(text, name) == "youth_name"


@pytest.mark.parametrize(
    "text, name",
    [
        ("ze heet Riet", "Riet"),
        ("hij heet gewoon Kofi", "Kofi"),
        ("die heet Aziz", "Aziz"),
        ("haar naam is Priya", "Priya"),
        ("zn naam is Rik", "Rik"),
        ("d'r naam is Carlos", "Carlos"),
        ("we noemen hem Rachid", "Rachid"),
        ("het is Bram", "Bram"),
        ("ik kies Ahmed", "Ahmed"),
        ("mijn oma Riet", "Riet"),
        ("mn voetbaltrainer Mo", "Mo"),
        ("mijn opa heet Ahmed", "Ahmed"),
        ("de buurvrouw heet Ingrid", "Ingrid"),
        ("Kofi mijn buurman", "Kofi"),
        ("Nadia is mijn tanta", "Nadia"),
        ("mn mentor op school Rosa", "Rosa"),
        ("ik heet Sam, mijn oma heet Riet", "Riet"),
        ("ik ben Sam en mijn oma heet Riet", "Riet"),
    ],
)
def test_someone_elses_name(text, name):
    assert role(text, name) == "mentor_name"


@pytest.mark.parametrize("text, name", [("Riet", "Riet"), ("Sam 👍", "Sam"), ("ok Bo", "Bo")])
def test_a_name_without_telling_words_is_left_to_the_classifier(text, name):
    assert role(text, name) is None
    entity = name_entity(text, name, "mentor_name")
    assert settle_roles(text, [entity]) == []
    assert entity["entity"] == "mentor_name"


def parsed(text: str, intent: str, entities: list[dict], ranking: list[tuple[str, float]]):
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": ranking[0][1]})
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    message.set("entities", entities)
    return NameRoles().process([message])[0]


def test_the_component_gives_the_name_and_the_intent_to_the_youth():
    text = "ik heet Sam"
    message = parsed(
        text,
        "inform_mentor",
        [name_entity(text, "Sam", "mentor_name")],
        [("inform_mentor", 0.6), ("inform_name", 0.3), ("greet", 0.1)],
    )
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("youth_name", "Sam")]
    assert message.get("entities")[0]["processors"] == ["NameRoles"]
    assert message.get("intent") == {"name": "inform_name", "confidence": 0.6}
    assert [i["name"] for i in message.get("intent_ranking")] == [
        "inform_name",
        "inform_mentor",
        "greet",
    ]


def test_a_greeting_with_an_introduction_is_telling_ones_name():
    text = "hoi ik ben Lisa"
    message = parsed(
        text, "greet", [name_entity(text, "Lisa", "youth_name")], [("greet", 0.8), ("thanks", 0.1)]
    )
    assert message.get("intent")["name"] == "inform_name"
    assert message.get("intent_ranking")[0] == {"name": "inform_name", "confidence": 0.8}


@pytest.mark.parametrize(
    "text, intent, entities, expected_intent",
    [
        # a greeting with a bare name: the words do not say it is an introduction
        ("hoi Sam", "greet", [("Sam", "mentor_name")], "greet"),
        # names of both sides: the classifier's intent stands
        ("ik heet Sam, mijn oma heet Riet", "inform_name",
         [("Sam", "mentor_name"), ("Riet", "mentor_name")], "inform_name"),
        # other intents are never changed by a name
        ("ik wil niet dat Riet het weet", "deny", [("Riet", "mentor_name")], "deny"),
        ("ik kies Ahmed", "inform_mentor", [("Ahmed", "youth_name")], "inform_mentor"),
    ],
)  # fmt: skip
def test_the_intent_changes_only_when_the_names_say_so(text, intent, entities, expected_intent):
    ents = [name_entity(text, name, kind) for name, kind in entities]
    message = parsed(text, intent, ents, [(intent, 0.7), ("inform_mentor", 0.2)])
    assert message.get("intent")["name"] == expected_intent


def test_button_payloads_are_left_alone():
    text = '/inform_mentor{"mentor_name": "ik heet"}'
    entity = {"entity": "mentor_name", "start": 0, "end": 0, "value": "ik heet"}
    message = parsed(text, "inform_mentor", [entity], [("inform_mentor", 1.0)])
    assert message.get("entities")[0]["entity"] == "mentor_name"
    assert message.get("intent")["name"] == "inform_mentor"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("zeg maar Bo", [("Bo", "youth_name")]),
        ("je mag Tess zeggen", [("Tess", "youth_name")]),
        ("je kan me Bo zeggen", [("Bo", "youth_name")]),
        ("jullie mogen gewoon Selam zeggen", [("Selam", "youth_name")]),
        ("hallo ik heet Nina", [("Nina", "youth_name")]),
        ("ik heet gewoon kofi", [("kofi", "youth_name")]),
        ("ik ben Thijs hoor", [("Thijs", "youth_name")]),
        ("Joep hier", [("Joep", "youth_name")]),
        ("hij heet Selam", [("Selam", "mentor_name")]),  # a greeting too, but after "hij heet"
        ("ze heet Xandrina", [("Xandrina", "mentor_name")]),  # unknown, but after "ze heet"
        ("het is Tineke", [("Tineke", "mentor_name")]),
        ("mijn broer Youssef", [("Youssef", "mentor_name")]),
        ("Gerrit", [("Gerrit", "mentor_name")]),  # only a name: asked "hoe heet ze?"
        ("latifa!", [("latifa", "mentor_name")]),
        # the last word after a person, neither Dutch nor a person (stop 39)
        ("buurvrouw xandrina", [("xandrina", "mentor_name")]),
        ("mijn oom tewelde", [("tewelde", "mentor_name")]),
        # after a dialect or foreign word for the person, from the relation lexicon (stop 40)
        ("mn nonkel dries", [("dries", "mentor_name")]),
        ("mien beppe sjoukje", [("sjoukje", "mentor_name")]),
        ("my auntie precious", [("precious", "mentor_name")]),
    ],
)
def test_a_name_the_classifier_missed_is_found_from_the_words_around_it(text, expected):
    entities: list[dict] = []
    spot_names(text, entities)
    assert [(e["value"], e["entity"]) for e in entities] == expected
    for e in entities:
        assert text[e["start"] : e["end"]] == e["value"]


@pytest.mark.parametrize(
    "text",
    [
        "ik ben moe",  # a weak cue needs a known first name
        "ik ben bang voor hem",
        "het is goed",
        "ik heet niet zo",
        "ik ben er",
        "selam",  # a greeting, not a name, on its own
        "hoi",
        "ok",
        "ik word 16 in mei",
        "ik ben Selam",
        "Riet en Sam",  # two words: not "only a name"
        # "zeggen" names a word only after "je mag / kan (me)"
        "kan je het simpel zeggen",
        "kan je het makkelijker zeggen",
        "wat moet ik zeggen",
        "moeilijk te zeggen",
        "naam is fout",
        "naam is verkeerd",
        # e-mail and web addresses are contact details, not names
        "tante_priya@live.nl",
        "mail naar priya@live.nl",
        "het is sanne.devries@gmail.com",
        "www.sanne.nl",
        # after a person, a Dutch word, a person or a chat word is no name (stop 39)
        "mijn oma lief",
        "mn oom hier",
        "mijn buurvrouw oke",
        "mijn tante nicht",
    ],
)
def test_ordinary_words_are_no_names(text):
    entities: list[dict] = []
    assert spot_names(text, entities) == []


def test_a_name_the_classifier_found_is_not_found_twice():
    text = "zeg maar Bo"
    entities = [name_entity(text, "Bo", "youth_name")]
    assert spot_names(text, entities) == []
    assert len(entities) == 1


@pytest.mark.parametrize(
    "text, value, kept",
    [("selam", "selam", False), ("false", "false", False), ("ze heet Selam", "Selam", True)],
)
def test_a_chat_word_is_no_name_unless_the_words_say_so(text, value, kept):
    entities = [name_entity(text, value, "mentor_name")]
    drop_chat_words(text, entities)
    assert bool(entities) is kept


@pytest.mark.parametrize(
    "text, intent, names, expected",
    [
        ("Joep hier", "greet", [("Joep", "youth_name")], "inform_name"),
        ("haar naam is Wendy", "inform_support", [("Wendy", "mentor_name")], "inform_mentor"),
        ("Hassan", "greet", [("Hassan", "mentor_name")], "inform_mentor"),
        ("Anke", "thanks", [("Anke", "mentor_name")], "inform_mentor"),
        # never taken away from crisis, consent or a yes or no
        ("mijn oom Kees slaat me", "crisis", [("Kees", "mentor_name")], None),
        ("nee ze heet Riet", "deny", [("Riet", "mentor_name")], None),
        ("ik wil niet dat Riet het weet", "withdraw_consent", [("Riet", "mentor_name")], None),
        # a long message is not about the name alone
        ("ze luistert altijd goed naar mij, haar naam is Wendy", "inform_support",
         [("Wendy", "mentor_name")], None),
        # a greeting with a bare name is still a greeting
        ("hoi Sam", "greet", [("Sam", "mentor_name")], None),
    ],
)  # fmt: skip
def test_which_intents_a_name_takes_a_message_from(text, intent, names, expected):
    entities = [name_entity(text, name, kind) for name, kind in names]
    assert intent_for_names(intent, text, entities) == expected


def test_the_component_adds_a_missed_name_as_its_own_and_takes_a_bare_name_as_the_jims():
    message = parsed("Gerrit", "greet", [], [("greet", 0.5), ("inform_mentor", 0.3)])
    assert message.get("entities") == [
        {
            "entity": "mentor_name",
            "start": 0,
            "end": 6,
            "value": "Gerrit",
            "extractor": "NameRoles",
            "confidence_entity": 1.0,
        }
    ]
    assert message.get("intent") == {"name": "inform_mentor", "confidence": 0.5}


@pytest.mark.parametrize(
    "text, start, end, expected_entity, expected_intent",
    [
        # a message that is only a known first name answers "hoe heet ze?"
        ("Priya", 0, 5, "mentor_name", "inform_mentor"),
        ("fatima!", 0, 6, "mentor_name", "inform_mentor"),
        # not a known first name: the classifier's choice stands
        ("Xandrina", 0, 8, "youth_name", None),
        # the words say whose it is
        ("ik heet Priya", 8, 13, "youth_name", None),
    ],
)
def test_a_bare_first_name_the_classifier_gave_to_the_youth_is_the_chosen_persons(
    text, start, end, expected_entity, expected_intent
):
    entities = [{"entity": "youth_name", "start": start, "end": end, "value": text[start:end]}]
    settle_roles(text, entities)
    assert entities[0]["entity"] == expected_entity
    assert intent_for_names("inform_name", text, entities) == expected_intent


def test_the_names_lookup_can_be_a_fold_safe_copy(tmp_path, monkeypatch):
    """bench/nlu_cv.py points NameRoles at names.yml without a fold's held-out names: a
    name that is not in the file in use is no known first name (and is again without it)."""
    from bot.nlu import name_roles

    assert name_roles.is_first_name("Riet")
    copy = tmp_path / "names.yml"
    copy.write_text('version: "3.1"\nnlu:\n  - lookup: voornaam\n    examples: |\n      - Sam\n')
    monkeypatch.setenv(name_roles.NAMES_FILE_ENV, str(copy))
    assert name_roles.is_first_name("Sam")
    assert not name_roles.is_first_name("Riet")
    assert spot_names("Riet", []) == []
    monkeypatch.delenv(name_roles.NAMES_FILE_ENV)
    assert name_roles.is_first_name("Riet")
