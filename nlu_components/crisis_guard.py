"""NLU component that decides the level of danger of a message: `crisis` or `crisis_check`.

The classifier learns `crisis` from examples, but a youth in danger may say it in words no
example has, and a harmless message may hold a word of danger ("mijn telefoon is dood").
This last step of the pipeline weighs the words (`bot.nlu.safety`) and the classifier's
confidences, and sets the intent:

- `crisis` for clear danger: the help lines at once;
- `crisis_check` for an unsure sign: one gentle check first;
- otherwise the classifier's own intent, or the next one when the classifier said crisis
  but the message itself takes the word back ("ze zou me nooit pijn doen").

The level and the kinds of danger go with the message as `danger`, so the help-lines
action can choose the lines that fit.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.at_the_question import question_of, read_as_the_answer
from bot.nlu.safety import CHECK, CLEAR, assess, only_people, plain_answer
from nlu_components.base import RuleStep
from nlu_components.button_words import TYPED_BUTTON
from nlu_components.word_intents import DIET_CRISIS

CRISIS = "crisis"
CRISIS_CHECK = "crisis_check"
DANGER = "danger"  # the output key with the level and the kinds
FALLBACK = "nlu_fallback"
# Every message of only people words in data/nlu ("mn moeder", "me neef") is this intent.
NAMING_A_PERSON = "inform_mentor"
NOT_KNOWING = "dont_know"
SAYING_NO = "deny"
_KNOWING = re.compile(r"\b(?:weet|wt|weetn|kweenie|kweeni|kweet|idk|idee)\b")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisGuard(RuleStep):
    """Sets `crisis` or `crisis_check` from the words and the confidences (bot/nlu/safety.py)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # an intent below this after a crisis was taken back is asked again
        return {"fallback_threshold": 0.4}

    def _process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        current: dict = message.get(INTENT) or {}
        if text.startswith("/") or message.get(TYPED_BUTTON):
            # a button payload, or a button's very title typed ("sla over", issue 20),
            # says exactly what was meant
            return
        ranking = message.get(INTENT_RANKING_KEY) or []
        confidence = {item.get("name"): float(item.get("confidence") or 0) for item in ranking}
        top = ranking[0].get("name") if ranking else current.get("name")
        result = assess(
            text,
            crisis=confidence.get(CRISIS, 0.0),
            crisis_on_top=top == CRISIS,
            check=confidence.get(CRISIS_CHECK, 0.0),
            diet_crisis=float(message.get(DIET_CRISIS) or confidence.get(CRISIS, 0.0)),
            answer=read_as_the_answer(question_of(message.get("metadata")), text),
        )
        if result.level in (CLEAR, CHECK):
            name = CRISIS if result.level == CLEAR else CRISIS_CHECK
            message.set(INTENT, {"name": name, "confidence": 1.0}, add_to_output=True)
            message.set(
                DANGER, {"level": result.level, "kinds": list(result.kinds)}, add_to_output=True
            )
            return
        if current.get("name") in (CRISIS, CRISIS_CHECK) or top in (CRISIS, CRISIS_CHECK):
            # the classifier said danger, the message says otherwise: the next intent
            others = [i for i in ranking if i.get("name") not in (CRISIS, CRISIS_CHECK)]
            best = others[0] if others else {"name": FALLBACK, "confidence": 0.0}
            if float(best.get("confidence") or 0) < float(self.config["fallback_threshold"]):
                confidence = float(best.get("confidence") or 0)
                if only_people(text):
                    # "mn moeder", "hij is mn oom": the answer to "Wie ...?", not unclear
                    best = {"name": NAMING_A_PERSON, "confidence": confidence}
                elif plain_answer(text):
                    # "wt nie", "wil ik niet geven": an answer the form knows
                    name = NOT_KNOWING if _KNOWING.search(text.lower()) else SAYING_NO
                    best = {"name": name, "confidence": confidence}
                else:
                    best = {"name": FALLBACK, "confidence": confidence}
            message.set(INTENT, dict(best), add_to_output=True)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._process_one(message)
        return messages
