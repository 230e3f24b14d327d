"""NLU component: an answer read with the form's question it answers (issue 20).

Logic and the reasons in `bot/nlu/at_the_question.py`. The Rasa server puts the question
in the message's metadata (`rasa_addons/server.py`). Runs after the relation and button
steps and before the FallbackClassifier and CrisisGuard: an age, a phone number, a yes or
a no and a reason that the classifier guessed to be something else get the intent of the
answer. The intents of danger keep their place and confidence in the ranking, so
CrisisGuard decides the level of danger exactly as it would without this step.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.at_the_question import answer_intent, question_of
from nlu_components.base import RuleStep

DANGER_INTENTS = frozenset({"crisis", "crisis_check"})
CONFIDENCE = 0.8  # as sure as a person the relation step reads: above any fallback


def give_intent(message: Message, name: str) -> None:
    """Make `name` the message's intent (at least 0.8), the classifier's guess below it in
    the ranking. Also the relation step's. The intents of danger keep their confidence:
    CrisisGuard reads them."""
    current = message.get(INTENT) or {}
    confidence = max(float(current.get("confidence") or 0), CONFIDENCE)
    ranking = [
        item
        if item.get("name") in DANGER_INTENTS
        else {**item, "confidence": min(float(item.get("confidence") or 0), confidence - 0.15)}
        for item in message.get(INTENT_RANKING_KEY) or []
        if item.get("name") != name
    ]
    ranking.insert(0, {"name": name, "confidence": confidence})
    message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AnswerAtTheQuestion(RuleStep):
    """Gives a guessed answer the intent its question shows (see bot/nlu/at_the_question.py)."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get("name")
            name = answer_intent(question_of(message.get("metadata")), intent, text)
            if name is not None:
                give_intent(message, name)
        return messages
