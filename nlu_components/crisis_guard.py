"""NLU component that turns any message with signs of danger into the `crisis` intent.

The classifier learns `crisis` from examples, but a youth in danger may say it in words
no example has. This last step of the pipeline errs on the side of safety: a keyword or
phrase from `bot.safety`, or `crisis` anywhere near the top of the ranking, makes the
intent `crisis` so the help lines come at once.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety import looks_like_crisis
from nlu_components.base import RuleStep

CRISIS = "crisis"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisGuard(RuleStep):
    """Overrides the intent with `crisis` for messages that may signal danger."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # crisis ranked with at least this confidence counts as crisis
        return {"ranking_threshold": 0.2}

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        super().__init__(config)
        self.threshold = float(self.config["ranking_threshold"])

    def _is_crisis(self, message: Message) -> bool:
        text = message.get(TEXT) or ""
        if text.startswith("/"):
            return False  # a button payload says exactly what was meant
        if looks_like_crisis(text):
            return True
        ranking = message.get(INTENT_RANKING_KEY) or []
        return any(
            item.get("name") == CRISIS and item.get("confidence", 0) >= self.threshold
            for item in ranking
        )

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            current: dict | None = message.get(INTENT)
            if current and current.get("name") == CRISIS:
                continue
            if self._is_crisis(message):
                message.set(INTENT, {"name": CRISIS, "confidence": 1.0}, add_to_output=True)
        return messages
