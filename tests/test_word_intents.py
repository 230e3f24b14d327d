"""The word-pattern intent model and how its ranking is pooled with DIET's."""

from __future__ import annotations

import math

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.word_intents import FLOOR, WordIntentModel, combine
from bot.nlu.word_intents import diet_crisis as diet_crisis_of
from bot.settings import PROJECT_DIR
from nlu_components.word_intents import WordIntents

SMALL = {
    "affirm": ["ja", "jaa", "ja hoor", "ok", "oke", "prima", "is goed", "klopt", "yes", "jep"],
    "deny": ["nee", "neee", "nee hoor", "niet", "nope", "nee dat niet", "klopt niet", "nah"],
    "dont_know": [
        "weet niet",
        "weet nie",
        "geen idee",
        "ik weet het niet",
        "idk",
        "geen flauw idee",
    ],
    "crisis": ["ik wil dood", "hij slaat me", "ik ben bang thuis", "ik wil mezelf pijn doen"],
}


def small_data() -> tuple[list[str], list[str]]:
    texts = [text for examples in SMALL.values() for text in examples]
    intents = [intent for intent, examples in SMALL.items() for _ in examples]
    return texts, intents


@pytest.fixture(scope="module")
def project_examples() -> list[Message]:
    return list(load_data(str(PROJECT_DIR / "data" / "nlu")).intent_examples)


@pytest.fixture(scope="module")
def project_model(project_examples) -> WordIntentModel:
    texts = [m.get("text") for m in project_examples]
    return WordIntentModel().fit(texts, [m.get("intent") for m in project_examples])


def ranking(*pairs: tuple[str, float]) -> list[dict]:
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


# --- the model ------------------------------------------------------------------------


def test_probabilities_cover_every_intent_and_sum_to_one():
    model = WordIntentModel().fit(*small_data())
    [probs] = model.probabilities(["ja hoor"])
    assert set(probs) == set(SMALL)
    assert math.isclose(sum(probs.values()), 1.0, rel_tol=1e-9)
    assert max(probs, key=probs.get) == "affirm"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("jaaa", "affirm"),  # a letter more
        ("neeee hoor", "deny"),
        ("weet ik nie", "dont_know"),  # other order, typo
        ("GEEN IDEE", "dont_know"),  # capitals
    ],
)
def test_unseen_spellings_are_recognised_from_letter_groups(text, intent):
    model = WordIntentModel().fit(*small_data())
    [probs] = model.probabilities([text])
    assert max(probs, key=probs.get) == intent


def test_one_intent_is_not_enough_to_learn_from():
    with pytest.raises(ValueError, match="at least two intents"):
        WordIntentModel().fit(["ja", "jaa"], ["affirm", "affirm"])


def test_an_untrained_model_gives_no_opinion():
    assert WordIntentModel().probabilities(["ja", "nee"]) == [{}, {}]


def test_the_model_is_stored_without_pickle_and_loads_to_the_same_answers(tmp_path):
    model = WordIntentModel().fit(*small_data())
    model.to_files(tmp_path)
    assert {p.suffix for p in tmp_path.iterdir()} == {".json", ".npy"}
    for array in tmp_path.glob("*.npy"):
        np.load(array, allow_pickle=False)  # would raise for pickled objects
    loaded = WordIntentModel.from_files(tmp_path)
    texts = ["ja hoor", "weet nie", "nee", "ik ben bang", "🙂", ""]
    for before, after in zip(model.probabilities(texts), loaded.probabilities(texts), strict=True):
        assert before.keys() == after.keys()
        for intent in before:
            assert after[intent] == pytest.approx(before[intent], abs=1e-12)


def test_two_intents_are_enough_and_both_get_a_probability():
    model = WordIntentModel().fit(
        ["ja", "jaa", "ok", "nee", "neee", "nope"], ["affirm"] * 3 + ["deny"] * 3
    )
    [yes, no] = model.probabilities(["jaaa", "nee hoor"])
    assert max(yes, key=yes.get) == "affirm" and max(no, key=no.get) == "deny"
    assert math.isclose(sum(yes.values()), 1.0, rel_tol=1e-9)


def test_the_project_model_knows_every_intent_of_the_data(project_model, project_examples):
    assert set(project_model.classes) == {m.get("intent") for m in project_examples}


# --- pooling --------------------------------------------------------------------------


def test_agreement_wins_and_the_result_is_sorted():
    diet = ranking(("deny", 0.5), ("dont_know", 0.45), ("affirm", 0.05))
    words = {"deny": 0.1, "dont_know": 0.85, "affirm": 0.05}
    pooled = combine(diet, words, 0.3)
    assert pooled[0]["name"] == "dont_know"
    confidences = [item["confidence"] for item in pooled]
    assert confidences == sorted(confidences, reverse=True)
    assert math.isclose(sum(confidences), 1.0, rel_tol=1e-9)


@pytest.mark.parametrize("weight, first", [(1.0, "deny"), (0.0, "dont_know")])
def test_the_weight_is_diets_share(weight, first):
    diet = ranking(("deny", 0.7), ("dont_know", 0.3))
    words = {"deny": 0.2, "dont_know": 0.8}
    assert combine(diet, words, weight)[0]["name"] == first


def test_an_intent_diet_left_out_of_its_ranking_counts_as_nearly_impossible_there():
    diet = ranking(("affirm", 0.9), ("deny", 0.1))  # DIET keeps only its top few
    words = {"affirm": 0.5, "thanks": 0.5}
    pooled = {item["name"]: item["confidence"] for item in combine(diet, words, 0.3)}
    assert set(pooled) == {"affirm", "deny", "thanks"}
    expected_thanks = FLOOR**0.3 * 0.5**0.7
    expected_affirm = 0.9**0.3 * 0.5**0.7
    assert pooled["thanks"] / pooled["affirm"] == pytest.approx(expected_thanks / expected_affirm)


@pytest.mark.parametrize(
    "diet_crisis, words_crisis",
    [(0.9, 0.001), (0.25, 0.0), (0.5, 0.5), (0.05, 0.9)],
)
def test_crisis_is_pooled_like_any_intent(diet_crisis, words_crisis):
    """No floor at DIET's crisis any more: that floor turned "hoe lang duurt het" into an
    alarm (issue 24). DIET's own crisis goes to CrisisGuard beside the pooled one."""
    diet = ranking(("out_of_scope", 1 - diet_crisis), ("crisis", diet_crisis))
    words = {"out_of_scope": 1 - words_crisis, "crisis": words_crisis}
    pooled = {item["name"]: item["confidence"] for item in combine(diet, words, 0.3)}
    geometric = {
        "crisis": diet_crisis**0.3 * max(words_crisis, FLOOR) ** 0.7,
        "out_of_scope": (1 - diet_crisis) ** 0.3 * (1 - words_crisis) ** 0.7,
    }
    assert pooled["crisis"] == pytest.approx(geometric["crisis"] / sum(geometric.values()))
    assert diet_crisis_of(diet) == diet_crisis


def test_on_the_project_data_every_crisis_example_is_at_least_checked(
    project_model, project_examples
):
    """Whatever the word model says, a crisis DIET saw at DIET_CHECK_AT gets the check."""
    from bot.nlu.safety import DIET_CHECK_AT, assess

    crisis = [m.get("text") for m in project_examples if m.get("intent") == "crisis"]
    for text, words in zip(crisis, project_model.probabilities(crisis), strict=True):
        diet = ranking(("crisis", DIET_CHECK_AT), ("stop", 1 - DIET_CHECK_AT))
        pooled = {i["name"]: i["confidence"] for i in combine(diet, words, 0.2)}
        level = assess(text, crisis=pooled["crisis"], diet_crisis=diet_crisis_of(diet)).level
        assert level in ("check", "clear"), text


# --- the Rasa component -----------------------------------------------------------------


def parsed(text: str, pairs: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": pairs[0][0], "confidence": pairs[0][1]}, add_to_output=True)
    message.set("intent_ranking", ranking(*pairs), add_to_output=True)
    return message


@pytest.fixture()
def trained(tmp_path) -> tuple[LocalModelStorage, Resource, WordIntents]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("word_intents")
    context = ExecutionContext(graph_schema=None, model_id="test")
    component = WordIntents.create({}, storage, resource, context)
    texts, intents = small_data()
    examples = [Message(data={"text": t, "intent": i}) for t, i in zip(texts, intents, strict=True)]
    component.train(TrainingData(training_examples=examples))
    return storage, resource, component


def test_the_trained_component_is_stored_and_loaded_with_rasas_model_storage(trained):
    storage, resource, component = trained
    context = ExecutionContext(graph_schema=None, model_id="test")
    loaded = WordIntents.load({}, storage, resource, context)
    assert loaded.model.trained
    before = component.process([parsed("weet nie", [("deny", 0.6), ("dont_know", 0.4)])])
    after = loaded.process([parsed("weet nie", [("deny", 0.6), ("dont_know", 0.4)])])
    assert before[0].get("intent_ranking") == after[0].get("intent_ranking")


def test_the_component_corrects_diet_when_the_words_are_clear(trained):
    _, _, component = trained
    [message] = component.process([parsed("weet ik nie", [("deny", 0.55), ("dont_know", 0.45)])])
    assert message.get("intent")["name"] == "dont_know"
    assert message.get("intent") == message.get("intent_ranking")[0]


@pytest.mark.parametrize("text", ["/deny", "", "   "])
def test_button_payloads_and_empty_messages_keep_diets_answer(trained, text):
    _, _, component = trained
    [message] = component.process([parsed(text, [("deny", 0.55), ("dont_know", 0.45)])])
    assert message.get("intent") == {"name": "deny", "confidence": 0.55}
    assert message.get("intent_ranking") == ranking(("deny", 0.55), ("dont_know", 0.45))


def test_the_ranking_keeps_as_many_intents_as_configured(trained):
    storage, resource, component = trained
    short = WordIntents({"ranking_length": 2}, storage, resource, component.model)
    [message] = short.process([parsed("ja", [("affirm", 0.9), ("deny", 0.1)])])
    assert len(message.get("intent_ranking")) == 2


def test_a_model_without_training_data_leaves_diet_alone(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("word_intents")
    context = ExecutionContext(graph_schema=None, model_id="test")
    component = WordIntents.create({}, storage, resource, context)
    component.train(TrainingData(training_examples=[]))
    loaded = WordIntents.load({}, storage, resource, context)
    [message] = loaded.process([parsed("ja", [("affirm", 0.9), ("deny", 0.1)])])
    assert message.get("intent") == {"name": "affirm", "confidence": 0.9}


@pytest.mark.parametrize("weight", [-0.1, 1.5])
def test_a_weight_outside_0_to_1_is_refused(tmp_path, weight):
    with pytest.raises(ValueError, match="diet_weight"):
        WordIntents({"diet_weight": weight}, LocalModelStorage(tmp_path), Resource("w"))
