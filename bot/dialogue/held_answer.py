"""An answer that held an unsure sign is kept through the gentle check (issue 24).

A youth answers a question of the form ("bij haar mag ik slapen als er ruzie is thuis") and
the words sound like danger, so the bot first asks once, gently, "Gaat het goed met je?".
When the youth says it goes well, the bot goes back to the form. Before, it then asked the
same question again: the answer the youth had typed was lost, and a youth who had just
answered heard the question once more. Now the form reads that answer as if it came now,
with the meaning the classifier gave it apart from the danger.

The check keeps the message in the slot `held_answer` (the action server sees only the
latest turn of a conversation, so it cannot look back for it later); after a clear "goed"
the glue in `actions/start.py` plays it back to the form and empties the slot. Any other
way on (a "nee" and the help lines, a new start) empties it unused. The slot is personal
data: `bot.storage.privacy` masks it with the others. Nothing here imports Rasa.
"""

from __future__ import annotations

from typing import Any

SLOT = "held_answer"
DANGER_INTENTS = ("crisis", "crisis_check")
# "goed" and "ja" to "Gaat het goed met je?" (data/rules/safety.yml)
FINE = ("doing_fine", "affirm")
# The metadata key of a message played back: the history shows it once, not twice.
PLAYED_BACK = "held_answer"


def hold(message: dict[str, Any] | None) -> dict[str, Any] | None:
    """What to keep of the message that got the check: its text, its entities and the
    intent the classifier ranked highest apart from danger (None when there is none)."""
    if not isinstance(message, dict) or not isinstance(message.get("text"), str):
        return None
    ranking = message.get("intent_ranking") or []
    meaning = next(
        (
            item
            for item in ranking
            if isinstance(item, dict) and item.get("name") and item["name"] not in DANGER_INTENTS
        ),
        None,
    )
    if meaning is None:
        return None
    return {
        "text": message["text"],
        "intent": {"name": meaning["name"], "confidence": meaning.get("confidence")},
        "entities": list(message.get("entities") or []),
    }


def intent_of(held: Any) -> str | None:
    if not isinstance(held, dict) or not isinstance(held.get("intent"), dict):
        return None
    return held["intent"].get("name")


def parse_data(held: dict[str, Any]) -> dict[str, Any]:
    """The message as Rasa's parse data, to be read again by the form."""
    return {
        "text": held["text"],
        "intent": dict(held["intent"]),
        "entities": list(held.get("entities") or []),
        "intent_ranking": [dict(held["intent"])],
    }


def played_back(event: dict[str, Any]) -> bool:
    """A user event that is an earlier message played back, not a new one."""
    metadata = event.get("metadata") if isinstance(event.get("metadata"), dict) else {}
    return bool(metadata.get(PLAYED_BACK))
