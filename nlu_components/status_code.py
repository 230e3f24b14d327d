"""NLU component: a message with a reference code ("JIM-7K3Q riet") is intent `give_code`.

Issue 18: the code has a fixed form, so it is found by a rule (`bot.nlu.status_code`), not
guessed. Runs after OddInput and before the FallbackClassifier; CrisisGuard still comes
last, so danger in the same message always wins.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.status_code import find_reference
from nlu_components.base import RuleStep

GIVE_CODE = "give_code"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class StatusCode(RuleStep):
    """Sets intent `give_code` and entity `reference` on a message that holds a code."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button payload says exactly what was meant
            found = find_reference(text)
            if found is None:
                continue
            code, start, end = found
            ranking = [
                item
                for item in message.get(INTENT_RANKING_KEY) or []
                if item.get("name") != GIVE_CODE
            ]
            message.set(INTENT, {"name": GIVE_CODE, "confidence": 1.0}, add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                [{"name": GIVE_CODE, "confidence": 1.0}, *ranking],
                add_to_output=True,
            )
            entity = {
                "entity": "reference",
                "value": code,
                "start": start,
                "end": end,
                "extractor": "StatusCode",
            }
            # the name beside the code is read by the action from the text, not as an entity
            message.set(ENTITIES, [entity], add_to_output=True)
        return messages
