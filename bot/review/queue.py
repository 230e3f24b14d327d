"""The review queue: which messages are kept, and what a beheerder does with them.

Kept (only with LEARN_FROM_CHATS on), at most once per message, never a button tap:
- `fallback`: the NLU fell back (`nlu_fallback`, the bot says "Dat snap ik niet goed");
- `not_understood`: the NLU read "ik snap het niet" (often right, sometimes an answer it
  misread: the reviewer throws the right ones away);
- `low_confidence`: the NLU's top intent scored under `LOW_CONFIDENCE` (0.6; the fallback
  is at 0.4 in config.yml, so these are the guesses between the two);
- `refused`: the form could not use the answer (issue 20's `unsure` count went up).
Danger (`crisis`, `crisis_check`) is never kept: it has its own answer and its own bench.

The text is masked first (`bot.review.masking`); the conversation is stored only as the
keyed pseudonym of issue 23 (`repo.conversation_ref`), so `forget_conversation` finds a
youth's items on a deletion request while nobody can open the chat from the queue.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.review import masking
from bot.storage import repo
from bot.storage.models import ReviewItem, utcnow

LOW_CONFIDENCE = 0.6
REASONS = ("fallback", "not_understood", "low_confidence", "refused")
NEVER_KEPT = frozenset({"crisis", "crisis_check"})
NAME_QUESTIONS = frozenset({"youth_name", "mentor_name"})


@dataclass(frozen=True)
class Seen:
    """What the action server saw of one youth message (no Rasa types)."""

    conversation_id: str
    message_id: str | None
    text: str
    intent: str | None
    confidence: float
    question: str | None = None
    refused: bool = False
    known_names: tuple[str, ...] = ()


def reason_for(seen: Seen) -> str | None:
    """Why this message belongs in the queue, or None when the bot understood it."""
    text = (seen.text or "").strip()
    if not text or text.startswith("/") or seen.intent in NEVER_KEPT:
        return None
    if seen.refused:
        return "refused"
    if seen.intent == "nlu_fallback":
        return "fallback"
    if seen.intent == "not_understood":
        return "not_understood"
    if seen.confidence < LOW_CONFIDENCE:
        return "low_confidence"
    return None


def message_key(secret_key: str, conversation_id: str, message_id: str | None, text: str) -> str:
    """One row per message, also when several actions see it; keyed, so it names nothing."""
    raw = f"review:{conversation_id}\x00{message_id or text}".encode()
    return hmac.new(secret_key.encode(), raw, hashlib.sha256).hexdigest()


def keep(session: Session, secret_key: str, seen: Seen, now: datetime | None = None) -> bool:
    """Store the masked message if it belongs in the queue; True when a row was added."""
    reason = reason_for(seen)
    if reason is None:
        return False
    key = message_key(secret_key, seen.conversation_id, seen.message_id, seen.text)
    if session.execute(select(ReviewItem.id).where(ReviewItem.message_key == key)).first():
        return False
    item = ReviewItem(
        conversation=repo.conversation_ref(secret_key, seen.conversation_id),
        message_key=key,
        text=masking.mask(
            seen.text, seen.known_names, name_question=seen.question in NAME_QUESTIONS
        ),
        reason=reason,
        intent=seen.intent,
        confidence=round(seen.confidence * 100),
        question=(seen.question or None) and seen.question[:64],
        created_at=now or utcnow(),
    )
    try:
        with session.begin_nested():
            session.add(item)
    except IntegrityError:
        return False  # another action stored the same message just now
    return True


def open_items(session: Session, limit: int = 200) -> list[ReviewItem]:
    """Not yet labelled, oldest first (the one that expires first)."""
    return list(
        session.execute(
            select(ReviewItem)
            .where(ReviewItem.label_intent.is_(None))
            .order_by(ReviewItem.created_at, ReviewItem.id)
            .limit(limit)
        ).scalars()
    )


def labelled_items(session: Session) -> list[ReviewItem]:
    return list(
        session.execute(
            select(ReviewItem)
            .where(ReviewItem.label_intent.is_not(None))
            .order_by(ReviewItem.label_intent, ReviewItem.id)
        ).scalars()
    )


class LabelError(ValueError):
    """A label the export could not use; the message says what to fix."""


def label(
    session: Session,
    item_id: int,
    intent: str,
    entities: list[tuple[str, str]],
    intents: frozenset[str],
    entity_names: frozenset[str],
    by: str,
) -> ReviewItem:
    """Give an item the right intent and entities (entity name and the exact substring)."""
    item = session.get(ReviewItem, item_id)
    if item is None:
        raise LabelError("Dit bericht staat niet meer in de lijst.")
    if intent not in intents:
        raise LabelError("Kies een intent uit de lijst.")
    chosen = []
    for name, value in entities:
        if not name and not value:
            continue
        if name not in entity_names:
            raise LabelError("Kies een entity uit de lijst.")
        if not value or value not in item.text:
            raise LabelError("De tekst van de entity moet precies in het bericht staan.")
        chosen.append({"entity": name, "value": value})
    item.label_intent = intent
    item.label_entities = chosen
    item.labelled_at = utcnow()
    item.labelled_by = by
    return item


def throw_away(session: Session, item_id: int) -> bool:
    """Delete an item for good (thrown away is gone, not hidden)."""
    return bool(session.execute(delete(ReviewItem).where(ReviewItem.id == item_id)).rowcount)


def purge(session: Session, keep_days: int, now: datetime | None = None) -> int:
    """Delete every item older than REVIEW_KEEP_DAYS, labelled or not."""
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=keep_days)
    return session.execute(delete(ReviewItem).where(ReviewItem.created_at < cutoff)).rowcount


def forget_conversation(session: Session, secret_key: str, conversation_id: str) -> int:
    """A youth's deletion request: their items, found by the same keyed pseudonym."""
    ref = repo.conversation_ref(secret_key, conversation_id)
    return session.execute(delete(ReviewItem).where(ReviewItem.conversation == ref)).rowcount
