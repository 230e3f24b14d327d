"""NLU component: DIET's intent ranking pooled with a word-pattern model's.

Why: DIET and a linear model over word pairs and letter groups make different mistakes;
pooled, they are right more often than either (5-fold figures in `bench/nlu_cv.py` and
the README). The model and the pooling live in `bot.nlu.word_intents`, without Rasa.

It runs right after DIET, so the rule steps (names, emoji, fallback, crisis) see the
pooled ranking. DIET's own crisis confidence is kept with the message for CrisisGuard.
Button payloads ("/affirm") and messages without text keep DIET's answer.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.word_intents import WordIntentModel, combine, diet_crisis

logger = logging.getLogger(__name__)
DIET_CRISIS = "diet_crisis"  # the message property CrisisGuard reads


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class WordIntents(GraphComponent):
    """Pools DIET's intent ranking with a logistic regression over words and letters."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "diet_weight": 0.2,  # DIET's share of the pooled ranking
            "c": 100.0,  # inverse regularisation of the logistic regression
            "ranking_length": 5,  # intents kept in the ranking, like DIET's
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: WordIntentModel | None = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self.weight = float(self.config["diet_weight"])
        if not 0.0 <= self.weight <= 1.0:
            raise ValueError(f"diet_weight must be between 0 and 1, not {self.weight}")
        self.model = model or WordIntentModel(c=float(self.config["c"]))
        self._storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> WordIntents:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> WordIntents:
        try:
            with model_storage.read_from(resource) as folder:
                model = WordIntentModel.from_files(folder)
        except (ValueError, FileNotFoundError) as error:
            logger.warning("WordIntents found no trained model (%s); DIET alone decides.", error)
            model = None
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        intents = {m.get(INTENT) for m in examples}
        if len(intents) >= 2:
            self.model.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples])
        with self._storage.write_to(self._resource) as folder:
            self.model.to_files(folder)
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        todo = [
            m
            for m in messages
            if (m.get(TEXT) or "").strip()
            and not (m.get(TEXT) or "").startswith("/")
            and m.get(INTENT_RANKING_KEY)
        ]
        if not todo or not self.model.trained:
            return messages
        probabilities = self.model.probabilities([m.get(TEXT) for m in todo])
        for message, probs in zip(todo, probabilities, strict=True):
            # DIET's own crisis confidence, for CrisisGuard (kept with the message, not output)
            message.set(DIET_CRISIS, diet_crisis(message.get(INTENT_RANKING_KEY)))
            ranking = combine(message.get(INTENT_RANKING_KEY), probs, self.weight)
            ranking = ranking[: int(self.config["ranking_length"]) or None]
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
