"""issue 19: hand a message the bot did not understand to the review queue (LEARN_FROM_CHATS).

Thin glue: which messages count and how they are masked is decided in `bot/review/`. Called
by the three places that see such a message: the form's validation (an answer it could not
use, and every message while the form runs), the fallback outside the form
(`action_confirm_ask`) and the way back after a side step (`action_resume`).
Never lets a storage problem reach the youth.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.common import engine, settings
from bot.review import queue
from bot.settings import SettingsError

logger = logging.getLogger(__name__)

NAME_SLOTS = ("youth_name", "mentor_name", "people_named", "others_named", "alternatives")
NAME_ENTITIES = ("youth_name", "mentor_name")


def _names(tracker: Tracker) -> tuple[str, ...]:
    names: list[str] = []
    for slot in NAME_SLOTS:
        value = tracker.get_slot(slot)
        values = value if isinstance(value, list) else [value]
        for one in values:
            if isinstance(one, dict):
                names.extend(str(v) for v in one.values() if isinstance(v, str))
            elif isinstance(one, str):
                names.append(one)
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") in NAME_ENTITIES and entity.get("value"):
            names.append(str(entity["value"]))
    return tuple(names)


def learning_on() -> bool:
    """LEARN_FROM_CHATS of this process; off when the settings cannot be read (unit tests of
    actions that need no database run without a .env)."""
    try:
        return settings().learn_from_chats
    except SettingsError:
        return False


def note(
    tracker: Tracker,
    refused: bool = False,
    question: Callable[[Tracker], str | None] | None = None,
) -> None:
    """Keep the latest message, masked, if LEARN_FROM_CHATS is on and it was not understood.

    `question`: how to find the question the youth was at, when it is not the form's
    `requested_slot` (only called with learning on).
    """
    if not learning_on():
        return
    config = settings()
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    seen = queue.Seen(
        conversation_id=tracker.sender_id,
        message_id=message.get("message_id"),
        text=str(message.get("text") or ""),
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        question=tracker.get_slot("requested_slot")
        or (question(tracker) if question else None)
        or tracker.get_slot("stage"),
        refused=refused,
    )
    if queue.reason_for(seen) is None:
        return
    seen = queue.Seen(**{**seen.__dict__, "known_names": _names(tracker)})
    try:
        with Session(engine()) as session, session.begin():
            queue.keep(session, config.secret_key, seen)
    except SQLAlchemyError:
        logger.exception("review queue: could not store a message")  # no text, no name
