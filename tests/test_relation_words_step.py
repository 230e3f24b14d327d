"""The RelationWords pipeline step (nlu_components/relation_words.py) on parsed messages.

A person the classifier did not mark is added only to a message that names a person
(`inform_mentor`, the one intent whose relation the form reads); the classifier's own
relation entities get their canonical value in every message.
"""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from nlu_components.relation_words import RelationWords


def parsed(text: str, intent: str, confidence: float = 0.9, entities=None) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": intent, "confidence": confidence}])
    message.set("entities", list(entities or []))
    return message


def relations(message: Message) -> list[tuple[str, str]]:
    text = message.get("text")
    return [
        (text[e["start"] : e["end"]], e["value"])
        for e in message.get("entities")
        if e["entity"] == "relation"
    ]


@pytest.mark.parametrize(
    "text, intent",
    [
        ("mijn vader slaat mijn moeder", "crisis"),
        ("belt mijn trainer haar ook", "ask_status"),
        ("wat doet een mentor", "explain_jim"),
        ("iemand doet me pijn", "crisis"),
    ],
)
def test_no_person_is_added_to_a_message_that_does_not_name_one(text, intent):
    message = RelationWords().process([parsed(text, intent)])[0]
    assert relations(message) == []
    assert message.get("intent")["name"] == intent


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("mijn buuvrouw", "inform_mentor", [("buuvrouw", "buurvrouw")]),
        ("een meneer bij de moskee", "inform_mentor", [("meneer", "anders")]),
        # a short message naming a person, read as something else: it names a person
        ("de buurvrouw", "greet", [("buurvrouw", "buurvrouw")]),
    ],
)
def test_a_message_that_names_a_person_gets_the_canonical_relation(text, intent, expected):
    message = RelationWords().process([parsed(text, intent, 0.45)])[0]
    assert relations(message) == expected
    assert message.get("intent")["name"] == "inform_mentor"


def test_the_classifiers_own_relation_gets_its_canonical_value_in_any_message():
    diet = {
        "entity": "relation",
        "start": 5,
        "end": 10,
        "value": "vader",
        "extractor": "DIETClassifier",
    }
    message = RelationWords().process([parsed("mijn vader drinkt", "crisis", entities=[diet])])[0]
    assert relations(message) == [("vader", "ouder")]
    assert message.get("intent")["name"] == "crisis"
    # the classifier found it (its extractor stays, so DIET's own score counts it);
    # this step gave the value, as Rasa's EntitySynonymMapper marks itself
    (entity,) = message.get("entities")
    assert entity["extractor"] == "DIETClassifier"
    assert entity["processors"] == ["RelationWords"]


def test_a_reading_wider_than_the_classifiers_words_replaces_them():
    diet = {
        "entity": "relation",
        "start": 12,
        "end": 16,
        "value": "zus",
        "extractor": "DIETClassifier",
    }
    message = RelationWords().process(
        [parsed("gewoon mijn grote zus", "inform_mentor", entities=[diet])]
    )[0]
    (entity,) = message.get("entities")
    assert (entity["value"], entity["extractor"]) == ("zus", "RelationWords")
    assert relations(message) == [("grote zus", "zus")]


@pytest.mark.parametrize(
    "text",
    [
        "mijn oom is vorige maand begraven",
        "mijn moeder werkt vaak in de nacht",
        "mijn broer en ik vechten soms om de playstation",
    ],
)
def test_a_confident_other_intent_keeps_a_story_that_holds_a_relation_word(text):
    message = RelationWords().process([parsed(text, "out_of_scope", 0.9)])[0]
    assert message.get("intent")["name"] == "out_of_scope"
    assert relations(message) == []


@pytest.mark.parametrize(
    "text",
    [
        "de buurvrouw",
        "een meneer bij de moskee",
        "de moeder van mijn moeder",
        "baas van de snackbar waar ik werk",
    ],
)
def test_a_short_answer_or_a_description_names_a_person_even_after_a_confident_intent(text):
    message = RelationWords().process([parsed(text, "out_of_scope", 0.9)])[0]
    assert message.get("intent")["name"] == "inform_mentor"


@pytest.mark.parametrize(
    "text, intent, confidence, expected",
    [
        # only people words, guessed as danger: the answer to "Wie ...?"
        ("mn nicht", "crisis_check", 0.3, "inform_mentor"),
        ("me buuvrouw", "crisis", 0.6, "inform_mentor"),
        ("beste vriendin", "crisis_check", 0.5, "inform_mentor"),
        # a person and what they do stays with the classifier (and CrisisGuard)
        ("mn oom slaat me", "crisis", 0.6, "crisis"),
        ("mijn vader drinkt", "crisis_check", 0.5, "crisis_check"),
    ],
)
def test_only_people_guessed_as_danger_names_a_person(text, intent, confidence, expected):
    message = RelationWords().process([parsed(text, intent, confidence)])[0]
    assert message.get("intent")["name"] == expected
    if expected == "inform_mentor":
        assert relations(message)


@pytest.mark.parametrize(
    "text, intent, confidence",
    [
        ("mn babaanne", "out_of_scope", 0.84),  # taken over from a confident other intent
        ("beste vriendin", "inform_mentor", 0.47),  # a short answer DIET was unsure of
    ],
)
def test_a_person_named_is_clearly_first_so_the_fallback_does_not_ask_again(
    text, intent, confidence
):
    message = parsed(text, intent, confidence)
    message.set(
        "intent_ranking",
        [{"name": intent, "confidence": confidence}, {"name": "out_of_scope", "confidence": 0.44}],
    )
    message = RelationWords().process([message])[0]
    ranking = message.get("intent_ranking")
    assert ranking[0]["name"] == "inform_mentor"
    assert ranking[0]["confidence"] - ranking[1]["confidence"] >= 0.1


@pytest.mark.parametrize(
    "text, intent, classifier_word, expected",
    [
        ("oom. nee wacht ik bedoel opa", "out_of_scope", "oom", [("opa", "opa")]),
        ("niet mijn zus maar mijn nicht", "change_choice", "zus", [("nicht", "nicht")]),
        ("nee, niet de buurman, mijn trainer", "deny", "buurman", [("trainer", "sportcoach")]),
    ],
)
def test_a_person_taken_back_loses_the_classifiers_entity_and_the_message_names_who(
    text, intent, classifier_word, expected
):
    """The form reads the first relation: the one taken back must not be it, and the "nee"
    or "niet" of a correction is no "no" to the question."""
    start = text.index(classifier_word)
    entity = {
        "entity": "relation",
        "start": start,
        "end": start + len(classifier_word),
        "value": classifier_word,
        "extractor": "DIETClassifier",
    }
    message = RelationWords().process([parsed(text, intent, 0.9, [entity])])[0]
    assert relations(message) == expected
    assert message.get("intent")["name"] == "inform_mentor"


@pytest.mark.parametrize("text", ["nee niet mijn oom", "nee mijn oom niet"])
def test_a_plain_no_about_one_person_stays_a_no(text):
    """Nothing is left once the person is taken back: no correction, the intent stays."""
    message = RelationWords().process([parsed(text, "deny", 0.9)])[0]
    assert message.get("intent")["name"] == "deny"
