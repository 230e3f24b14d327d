"""Data protection: delete one youth's data on request, and purge old data.

Works on the product tables and on Rasa's SQL tracker store (`events`, same database).
Imports nothing from Rasa: the `events` table is reflected when it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import MetaData, Table, delete, func, inspect, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.storage.models import (
    ConversationKey,
    DemoConversation,
    DemoSession,
    InsightConversation,
    InsightMark,
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
            select(Nomination.conversation_id).where(Nomination.conversation_ref == given).limit(1)
        ).scalar_one_or_none()
    return found or given


def delete_conversation(
    engine: Engine, conversation_id: str, secret_key: str | None = None
) -> Removed:
    """Remove everything about one conversation: nomination, alternatives, audit, tracker.

    With `secret_key` (SECRET_KEY) also its coach signals and its review-queue items, which
    hold the conversation only as a keyed hash (issue 24, bot/coach/coach_signal.py;
    issue 19, bot/review/queue.py).
    """
    with Session(engine) as session, session.begin():
        if secret_key:
            from bot.coach.coach_signal import forget_conversation

            forget_conversation(session, secret_key, conversation_id)
            # issue 19: the review queue holds the same keyed pseudonym, never the id
            from bot.review import queue

            queue.forget_conversation(session, secret_key, conversation_id)
            # issue 19: its insight markers (keyed by the same pseudonym); the counts stay,
            # they hold no one
            from bot.storage.repo import conversation_ref

            session.execute(
                delete(InsightMark).where(
                    InsightMark.conversation == conversation_ref(secret_key, conversation_id)
                )
            )
            session.execute(
                delete(InsightConversation).where(
                    InsightConversation.conversation
                    == conversation_ref(secret_key, conversation_id)
                )
            )
        nominations = session.execute(
            select(Nomination).where(
                or_(
                    Nomination.conversation_id == conversation_id,
                    # a choice withdrawn before a new one in the same chat (issue 22)
                    Nomination.conversation_id.startswith(
                        conversation_id + OLD_SUFFIX, autoescape=True
                    ),
                    # a choice that did not work out before a new one (issue 18)
                    Nomination.conversation_id.startswith(
                        conversation_id + NOT_WORKED_SUFFIX, autoescape=True
                    ),
                )
            )
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


def purge(
    engine: Engine,
    days: int,
    now: datetime | None = None,
    access_log_days: int | None = None,
    review_keep_days: int | None = None,
) -> Removed:
    """Delete conversations idle for `days` and closed nominations older than `days`.

    Issue 17: access-log entries go after `access_log_days` (ACCESS_LOG_DAYS), their own,
    longer term, never with the nominations they name; used or expired sign-in links go.
    Issue 19: review-queue items go after `review_keep_days` (REVIEW_KEEP_DAYS).
    """
    now = now or datetime.now(timezone.utc)
    cutoff = now - timedelta(days=days)
    if review_keep_days is not None:
        from bot.review import queue

        with Session(engine) as session, session.begin():
            queue.purge(session, review_keep_days, now)
    if access_log_days is not None:
        from bot.accounts import access_log, sessions
        from bot.storage.models import LoginLink

        with Session(engine) as session, session.begin():
            access_log.purge(session, access_log_days, now)
            # portal sessions past any absolute limit (they are refused anyway)
            sessions.purge_stale(session, timedelta(days=1), now)
            session.execute(
                delete(LoginLink).where(
                    LoginLink.expires_at < now - timedelta(days=1),
                )
            )
    with Session(engine) as session, session.begin():
        old = session.execute(
            select(Nomination).where(Nomination.status.in_(CLOSED), Nomination.created_at < cutoff)
        ).scalars()
        removed_nominations = 0
        for nomination in old:
            session.delete(nomination)
            removed_nominations += 1
        # issue 19: insight markers of conversations that started before the cutoff (the
        # counts stay: they hold no one)
        old_markers = select(InsightConversation.conversation).where(
            InsightConversation.created_at < cutoff
        )
        session.execute(
            delete(InsightMark)
            .where(InsightMark.conversation.in_(old_markers))
            .execution_options(synchronize_session=False)
        )
        session.execute(
            delete(InsightConversation)
            .where(InsightConversation.created_at < cutoff)
            .execution_options(synchronize_session=False)
        )
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


# --- issue 22: a confirmed withdrawal reaches Rasa's tracker store ------------------------

# A withdrawn nomination kept (because receivers know its id) when the youth chooses
# again in the same conversation gets the conversation id plus this and its reference.
OLD_SUFFIX = "#ingetrokken-"
# issue 18: a nomination that did not work out lets go of its conversation when the youth
# chooses again in it (bot/storage/repo.py save_nomination)
NOT_WORKED_SUFFIX = "#niet-gelukt-"
# Slots that hold what the youth typed about themselves or the chosen person.
PERSONAL_SLOTS = (
    "youth_name", "mentor_name", "contact", "mentor_reason", "alternatives",
    "relation_text", "unusable_answer",  # issue 20: words the youth typed
    # issue 25: the people named together, before the pick and the keep question
    "people_named", "others_named",
    "held_answer",  # issue 24: an answer held through the gentle check
)  # fmt: skip
PERSONAL_ENTITIES = ("youth_name", "mentor_name", "contact")
MASK = "***"


def _typed_values(rows: list[dict]) -> set[str]:
    """Values the youth gave, as the conversation holds them (slots and entities)."""
    values: set[str] = set()
    for data in rows:
        if data.get("event") == "slot" and data.get("name") in PERSONAL_SLOTS:
            value = data.get("value")
            if isinstance(value, str):
                values.add(value)
            elif isinstance(value, list):
                values.update(
                    item.get("name")
                    for item in value
                    if isinstance(item, dict) and item.get("name")
                )
        if data.get("event") == "user":
            text = data.get("text") or ""
            for entity in (data.get("parse_data") or {}).get("entities") or []:
                if entity.get("entity") not in PERSONAL_ENTITIES:
                    continue
                if isinstance(entity.get("value"), str):
                    values.add(entity["value"])
                start, end = entity.get("start"), entity.get("end")
                if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
                    values.add(text[start:end])
    return {v.strip() for v in values if isinstance(v, str) and len(v.strip()) >= 2}


def _pattern(value: str):
    """The value, any case; a phone number also with other spaces or dashes in it."""
    import re

    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6 and re.fullmatch(r"[\d\s+().-]+", value):
        return re.compile(r"[\s().-]*".join(re.escape(d) for d in digits))
    # a whole word or words only: "Sam" is masked, "samen" is not
    return re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)", re.IGNORECASE)


def _mask_text(text, patterns):
    if not isinstance(text, str):
        return text
    for pattern in patterns:
        text = pattern.sub(MASK, text)
    return text


def _masked(data: dict, patterns) -> dict:
    """The event with the youth's details masked in what people typed and read only.

    Event names, intents, action names and other slots are left alone, so the
    conversation reads back and goes on as before.
    """
    import copy

    out = copy.deepcopy(data)
    kind = out.get("event")
    if kind == "slot" and out.get("name") in PERSONAL_SLOTS:
        out["value"] = None
    elif kind == "user":
        out["text"] = _mask_text(out.get("text"), patterns)
        parse = out.get("parse_data")
        if isinstance(parse, dict):
            parse["text"] = _mask_text(parse.get("text"), patterns)
            for entity in parse.get("entities") or []:
                if isinstance(entity, dict) and isinstance(entity.get("value"), str):
                    entity["value"] = _mask_text(entity["value"], patterns)
    elif kind == "bot":
        out["text"] = _mask_text(out.get("text"), patterns)
        data_part = out.get("data")
        if isinstance(data_part, dict):
            for button in data_part.get("buttons") or []:
                if isinstance(button, dict):
                    button["title"] = _mask_text(button.get("title"), patterns)
                    # issue 25: a button per person named carries the name in its payload
                    button["payload"] = _mask_text(button.get("payload"), patterns)
    return out


def scrub_conversation(
    engine: Engine,
    conversation_id: str,
    values: list[str] | tuple[str, ...] = (),
    until: datetime | None = None,
) -> int:
    """Remove the youth's typed details from Rasa's stored events of one conversation.

    Every name, number, e-mail address and reason the youth gave (the `values` given,
    plus what the conversation's own slots and entities hold) is replaced by "***" in
    every stored event up to `until` (the withdrawal; later events belong to a new
    choice), and the personal slots are set to nothing. The conversation itself may go
    on. The newest row is written again under a new id, so a Rasa server that keeps the
    conversation in memory (rasa_addons/tracker_store.py) reads it back. Returns the
    number of rows changed; doing it twice changes nothing more.
    """
    import json

    events = _events_table(engine)
    if events is None:
        return 0
    query = select(events).where(events.c.sender_id == conversation_id).order_by(events.c.id)
    if until is not None:
        query = query.where(events.c.timestamp <= until.timestamp())
    with engine.begin() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
        parsed = []
        for row in rows:
            try:
                parsed.append(json.loads(row["data"] or "{}"))
            except ValueError:
                parsed.append({})
        found = _typed_values(parsed) | {
            v.strip() for v in values if isinstance(v, str) and len(v.strip()) >= 2
        }
        patterns = [_pattern(v) for v in sorted(found, key=len, reverse=True)]
        changed = 0
        for row, data in zip(rows, parsed, strict=True):
            new = _masked(data, patterns)
            if new != data:
                connection.execute(
                    update(events)
                    .where(events.c.id == row["id"])
                    .values(data=json.dumps(new, ensure_ascii=False))
                )
                changed += 1
        if changed:
            newest = connection.execute(
                select(events)
                .where(events.c.sender_id == conversation_id)
                .order_by(events.c.id.desc())
                .limit(1)
            ).first()
            if newest is not None:
                copy = {k: v for k, v in dict(newest._mapping).items() if k != "id"}
                connection.execute(delete(events).where(events.c.id == newest.id))
                connection.execute(events.insert().values(**copy))
    return changed
