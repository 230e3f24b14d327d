"""NLU component that gives messages without words their meaning: emoji, "??", code, mashing.

A thumbs-up means yes and "asdfgh" means nothing; DIET, trained on words, guesses at
both. `bot.nlu.odd_input` knows them. This step runs after DIET and before the
FallbackClassifier; CrisisGuard still comes last, so danger always wins.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.odd_input import is_not_language, symbol_intent
from nlu_components.base import RuleStep

OUT_OF_SCOPE = "out_of_scope"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class OddInput(RuleStep):
    """Sets the intent of emoji-only, punctuation-only and non-language messages."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button payload says exactly what was meant
            intent = symbol_intent(text) or (OUT_OF_SCOPE if is_not_language(text) else None)
            if intent is None:
                continue
            ranking = [
                item for item in message.get(INTENT_RANKING_KEY) or [] if item.get("name") != intent
            ]
            message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                [{"name": intent, "confidence": 1.0}, *ranking],
                add_to_output=True,
            )
            # "${7*7}" holds no age and "{{1+1}}" no phone number
            message.set(ENTITIES, [], add_to_output=True)
        return messages
