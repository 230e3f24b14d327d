"""Data protection: delete one youth's data on request, and purge old data.

Works on the product tables and on Rasa's SQL tracker store (`events`, same database).
Imports nothing from Rasa: the `events` table is reflected when it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import MetaData, Table, delete, func, inspect, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.storage.models import (
    ConversationKey,
    DemoConversation,
    DemoSession,
    Invite,
    Nomination,
    SafetySignal,
)

CLOSED = ("ingetrokken", "niet_gelukt", "jim_gestart")


@dataclass(frozen=True)
class Removed:
    nominations: int = 0
    events: int = 0
    conversations: int = 0


def _events_table(engine: Engine) -> Table | None:
    if not inspect(engine).has_table("events"):
        return None
    return Table("events", MetaData(), autoload_with=engine)


def resolve_conversation(engine: Engine, given: str) -> str:
    """The conversation id for what a coach has: the pseudonym of a nomination
    (`youth.conversation_id` in the API), or the id itself (the server's own logs)."""
    with Session(engine) as session:
        found = session.execute(
            select(Nomination.conversation_id).where(Nomination.conversation_ref == given)
        ).scalar_one_or_none()
    return found or given


def delete_conversation(
    engine: Engine, conversation_id: str, secret_key: str | None = None
) -> Removed:
    """Remove everything about one conversation: nomination, alternatives, audit, tracker.

    With `secret_key` (SECRET_KEY) also its coach signals, which hold the conversation only
    as a keyed hash (issue 24, bot/coach_signal.py).
    """
    with Session(engine) as session, session.begin():
        if secret_key:
            from bot.coach_signal import forget_conversation

            forget_conversation(session, secret_key, conversation_id)
        nominations = session.execute(
            select(Nomination).where(Nomination.conversation_id == conversation_id)
        ).scalars()
        count = 0
        for nomination in nominations:
            session.delete(nomination)  # alternatives and status changes cascade
            count += 1
        session.execute(
            update(Invite)
            .where(Invite.conversation_id == conversation_id)
            .values(conversation_id=None)
        )
        session.execute(
            delete(ConversationKey).where(ConversationKey.conversation_id == conversation_id)
        )
        session.execute(
            delete(DemoConversation).where(DemoConversation.conversation_id == conversation_id)
        )
    events = _events_table(engine)
    removed_events = 0
    if events is not None:
        with engine.begin() as connection:
            removed_events = connection.execute(
                delete(events).where(events.c.sender_id == conversation_id)
            ).rowcount
    return Removed(nominations=count, events=removed_events, conversations=1)


def _forget_keys(connection, conversation_ids: list[str]) -> None:
    connection.execute(
        delete(ConversationKey).where(ConversationKey.conversation_id.in_(conversation_ids))
    )
    connection.execute(
        delete(DemoConversation).where(DemoConversation.conversation_id.in_(conversation_ids))
    )


def purge(engine: Engine, days: int, now: datetime | None = None) -> Removed:
    """Delete conversations idle for `days` and closed nominations older than `days`."""
    now = now or datetime.now(timezone.utc)
    cutoff = now - timedelta(days=days)
    with Session(engine) as session, session.begin():
        old = session.execute(
            select(Nomination).where(Nomination.status.in_(CLOSED), Nomination.created_at < cutoff)
        ).scalars()
        removed_nominations = 0
        for nomination in old:
            session.delete(nomination)
            removed_nominations += 1
        # Coach signals a coach handled before the cutoff (issue 24); open ones stay.
        session.execute(
            delete(SafetySignal).where(
                SafetySignal.handled_at.is_not(None), SafetySignal.handled_at < cutoff
            )
        )
    events = _events_table(engine)
    removed_events = conversations = 0
    if events is not None:
        with engine.begin() as connection:
            latest = (
                select(events.c.sender_id).group_by(events.c.sender_id)
                # Rasa stores event times as Unix seconds
                .having(func.max(events.c.timestamp) < cutoff.timestamp())
            )
            idle = [row[0] for row in connection.execute(latest)]
            conversations = len(idle)
            for start in range(0, len(idle), 500):
                chunk = idle[start : start + 500]
                removed_events += connection.execute(
                    delete(events).where(events.c.sender_id.in_(chunk))
                ).rowcount
                _forget_keys(connection, chunk)
    with engine.begin() as connection:
        # Keys, demo conversations and demo sessions older than the cutoff with no recent
        # events (a conversation that never got a message, a trainer who left).
        recent = (
            select(events.c.sender_id).where(events.c.timestamp >= cutoff.timestamp())
            if events is not None
            else None
        )
        for table, column in (
            (ConversationKey, ConversationKey.conversation_id),
            (DemoConversation, DemoConversation.conversation_id),
        ):
            old = delete(table).where(table.created_at < cutoff)
            if recent is not None:
                old = old.where(column.not_in(recent))
            connection.execute(old)
        connection.execute(
            delete(DemoSession).where(
                DemoSession.created_at < cutoff,
                DemoSession.id.not_in(select(DemoConversation.session_id)),
            )
        )
    return Removed(
        nominations=removed_nominations, events=removed_events, conversations=conversations
    )
