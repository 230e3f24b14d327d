"""NLU component that decides whose name a message holds: the youth's or their JIM's.

DIET finds names well but often mixes up `youth_name` and `mentor_name`, and with them
`inform_name` and `inform_mentor`: a first name alone does not say whose it is. The
words around it do ("ik heet Sam" against "ze heet Riet"); `bot.nlu.name_roles` reads them.
It also adds a name DIET missed when the words say it is one ("zeg maar Bo", or a
message that is only a known first name), and drops a "name" that is a chat word
("selam", "false"). This step runs after DIET and the synonym mapper, before the
FallbackClassifier.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.name_roles import drop_chat_words, intent_for_names, settle_roles, spot_names
from nlu_components.base import RuleStep

PROCESSOR = "NameRoles"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NameRoles(RuleStep):
    """Sets `youth_name` / `mentor_name` (and the matching intent) from the words around a name."""

    @staticmethod
    def _choose_intent(message: Message, wanted: str) -> None:
        """Make `wanted` the intent, with the confidence the classifier gave its first choice.

        The words settled it, so the message is as sure as the classifier was about its
        own first choice; the ranking keeps every other intent's confidence.
        """
        current = message.get(INTENT) or {}
        ranking = [dict(item) for item in message.get(INTENT_RANKING_KEY) or []]
        confidence = current.get("confidence", 1.0)
        own = next((item for item in ranking if item.get("name") == wanted), None)
        old = next((item for item in ranking if item.get("name") == current.get("name")), None)
        if own is not None and old is not None:
            own["confidence"], old["confidence"] = old["confidence"], own["confidence"]
        elif own is None:
            ranking.insert(0, {"name": wanted, "confidence": confidence})
        ranking.sort(key=lambda item: -item.get("confidence", 0.0))
        message.set(INTENT, {"name": wanted, "confidence": confidence}, add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button payload says exactly what was meant
            entities = list(message.get(ENTITIES) or [])
            drop_chat_words(text, entities)
            for entity in entities:
                if settle_roles(text, [entity]):
                    entity["processors"] = [*entity.get("processors", []), PROCESSOR]
            for entity in spot_names(text, entities):
                entity.update(extractor=PROCESSOR, confidence_entity=1.0)
            wanted = intent_for_names((message.get(INTENT) or {}).get("name"), text, entities)
            if wanted:
                self._choose_intent(message, wanted)
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
