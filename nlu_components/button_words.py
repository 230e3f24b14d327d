"""NLU component: a message that is a button's own words means what the button means.

Logic and the reasons in `bot/nlu/button_words.py`. Runs after the classifier, the name,
odd-input and relation steps and before the FallbackClassifier: the typed words of a
button ("sla over", "ja dat mag", "oma of opa") get the button's intent and entities
with full confidence, exactly as a tap would.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.button_words import BUTTONS, exact_button, match_button, yes_or_no_button
from nlu_components.base import RuleStep
from nlu_components.word_intents import DIET_CRISIS

EXTRACTOR = "ButtonWords"
BELOW = 0.85  # the highest confidence another intent keeps below a button's
# Set on a message that is a button's very title: CrisisGuard treats it as the tap it is.
TYPED_BUTTON = "typed_button"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ButtonWords(RuleStep):
    """Sets a typed button title's intent and entities (see bot/nlu/button_words.py)."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            # a bare yes or no answers the buttons just shown first: "ja" under "🔄 Ja,
            # opnieuw" is that button, not the "✅ Ja" of another question
            button = yes_or_no_button(
                text, (message.get("metadata") or {}).get(BUTTONS)
            ) or match_button(text)
            if button is None:
                continue
            # The classifier's guess of danger goes with its guess of the intent: the words
            # are a button's, as a tap is (CrisisGuard still reads the words themselves).
            # The classifier's own guesses stay below the button's intent, far enough for the
            # FallbackClassifier not to call it a tie ("ja" under "🔄 Ja, opnieuw" is
            # `start`, with the classifier's `affirm` 0.97 below it)
            ranking = [
                {**item, "confidence": min(float(item.get("confidence") or 0), BELOW)}
                if item.get("name") not in ("crisis", "crisis_check")
                else item
                for item in message.get(INTENT_RANKING_KEY) or []
                if item.get("name") != button.intent
                and (
                    button.intent == "crisis" or item.get("name") not in ("crisis", "crisis_check")
                )
            ]
            if button.intent != "crisis":
                message.set(DIET_CRISIS, 0.0)
                # "sla over" is a button's words, not "slaan": the words of a button are
                # read as its tap, which never gets the check (only for the very title)
                message.set(TYPED_BUTTON, exact_button(text) is not None)
            message.set(INTENT, {"name": button.intent, "confidence": 1.0}, add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                [{"name": button.intent, "confidence": 1.0}, *ranking],
                add_to_output=True,
            )
            message.set(
                ENTITIES,
                [
                    {
                        "entity": name,
                        "start": 0,
                        "end": len(text),
                        "value": value,
                        "extractor": EXTRACTOR,
                        "confidence_entity": 1.0,
                    }
                    for name, value in button.entities.items()
                ],
                add_to_output=True,
            )
        return messages
