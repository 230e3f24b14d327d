"""Rasa's SQL tracker store, made cheap per message and safe across database restarts.

Why: measured with py-spy at 20 conversations at once (bench/load.py), Rasa's own
SQLTrackerStore took 43% of the Rasa server's CPU time: for every message it read the
whole conversation session back through the ORM and turned each row into an event again,
counted the stored rows once more before saving, and (SQLite) opened and closed a new
database connection for each of those steps. The work grows with the length of the
conversation, so replies got slower as a youth kept talking.

`CachingSQLTrackerStore` keeps what Rasa's store keeps, in the same `events` table, in the
same format, and answers every question the same way. It only avoids the repeated work:

- it remembers the stored events (as JSON text) of the latest session of recently active
  conversations, with the id of the newest row. Before it trusts that memory it asks the
  database for the newest id of the conversation (one indexed lookup): when another Rasa
  server wrote to the conversation in between (several servers, README "Growing") the ids
  differ and the session is read again, exactly as Rasa reads it;
- it saves only the events that are new since then, in one transaction;
- it keeps the tracker it saved last and hands it out again at the next message, instead
  of turning every stored event back into an event and replaying them all (a third of the
  growth of the reply time in a long conversation, measured in-process). It hands a kept
  tracker out once, only if it holds exactly the stored events (a tracker changed but not
  saved is never handed out again), and only one that it read itself: a caller that still
  holds a tracker after saving it (Rasa's `create_tracker`) cannot share it with the next;
- SQLite connections are pooled, in WAL mode, with a busy timeout (the web app writes to
  the same file); PostgreSQL connections are checked before use (`pool_pre_ping`), so after
  a database restart the first message does not meet a dead connection — Rasa would then
  carry on with an empty stand-in conversation and the youth's message would be lost.

The memory is bounded (`cache_conversations`, least recently used first out) and holds
nothing the database does not hold.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.pool import QueuePool

from bot.storage.db import make_engine as storage_engine
from rasa_addons import rasa_matches

logger = logging.getLogger(__name__)

DEFAULT_CACHE_CONVERSATIONS = 200


@dataclass
class _Session:
    """The stored events of a conversation's latest session, as Rasa's query returns them."""

    last_id: int
    data: list[str] = field(default_factory=list)
    # The tracker saved last, when it was one this store handed out; None once handed out.
    tracker: DialogueStateTracker | None = None


def make_engine(url: str) -> sa.engine.Engine:
    """The product's engine (WAL and a busy timeout on SQLite, checked connections), with
    pooled SQLite connections and Rasa's PostgreSQL settings (schema, pool size)."""
    if url.startswith("sqlite"):
        return storage_engine(url, poolclass=QueuePool, pool_size=5, max_overflow=10)
    return storage_engine(url, **create_engine_kwargs(url))


class CachingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that reads a conversation's session once, not at every message."""

    def __init__(self, *args: Any, cache_conversations: int = DEFAULT_CACHE_CONVERSATIONS,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        # On another Rasa version than the one this was made for, it is Rasa's own store.
        self.repaired = rasa_matches()
        if not self.repaired:
            return
        url = self.engine.url.render_as_string(hide_password=False)
        self.engine.dispose()
        self.engine = make_engine(url)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self.cache_conversations = max(0, int(cache_conversations))
        self._sessions: OrderedDict[str, _Session] = OrderedDict()
        # Trackers this store made in retrieve() and has not seen saved since (by id; a
        # tracker drops out when saved). Only these are kept for the next message.
        self._handed_out: dict[int, DialogueStateTracker] = {}
        table = self.SQLEvent.__table__
        self._table = table
        self._newest_statement = sa.select(sa.func.max(table.c.id)).where(
            table.c.sender_id == sa.bindparam("sender_id")
        )

    # -- reading -------------------------------------------------------------------------

    def _newest_id(self, session: sa.orm.Session, sender_id: str) -> int | None:
        return session.execute(self._newest_statement, {"sender_id": sender_id}).scalar()

    def _read_session(self, session: sa.orm.Session, sender_id: str) -> _Session:
        """The latest session's rows, read with Rasa's own query (same rows, same order)."""
        query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
        rows = query.with_entities(self.SQLEvent.id, self.SQLEvent.data).all()
        return _Session(last_id=rows[-1][0] if rows else 0, data=[row[1] for row in rows])

    def _remember(self, sender_id: str, stored: _Session | None) -> None:
        self._sessions.pop(sender_id, None)
        if stored is None or not self.cache_conversations:
            return
        self._sessions[sender_id] = stored
        while len(self._sessions) > self.cache_conversations:
            self._sessions.popitem(last=False)

    def _stored_session(self, session: sa.orm.Session, sender_id: str) -> _Session | None:
        newest = self._newest_id(session, sender_id)
        if newest is None:
            self._remember(sender_id, None)
            return None
        stored = self._sessions.get(sender_id)
        if stored is None or stored.last_id != newest:
            stored = self._read_session(session, sender_id)
        self._remember(sender_id, stored)
        return stored

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker of the latest session, as Rasa's SQLTrackerStore.retrieve()."""
        if not self.repaired:
            return await super().retrieve(sender_id)
        with self.session_scope() as session:
            stored = self._stored_session(session, sender_id)
        if stored is None or not stored.data or not self.domain:
            return None
        tracker, stored.tracker = stored.tracker, None
        if tracker is None or len(tracker.events) != len(stored.data):
            events = [json.loads(data) for data in stored.data]
            tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        self._handed_out[id(tracker)] = tracker
        while len(self._handed_out) > max(self.cache_conversations, 1) * 2:
            self._handed_out.pop(next(iter(self._handed_out)))  # never saved: let go
        return tracker

    # -- saving --------------------------------------------------------------------------

    def _new_events(self, session: sa.orm.Session, tracker: DialogueStateTracker) -> Iterator:
        # Remembered: this server read or wrote the session last (checked at the read; the
        # lock store keeps other servers out of a conversation while it is handled).
        stored = self._sessions.get(tracker.sender_id)
        if stored is None:
            stored = self._stored_session(session, tracker.sender_id)
        already = len(stored.data) if stored is not None else 0
        return itertools.islice(tracker.events, already, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the events that are new since the tracker was read (as Rasa's save())."""
        if not self.repaired:
            return await super().save(tracker)
        await self.stream_events(tracker)
        sender_id = tracker.sender_id
        read_here = self._handed_out.pop(id(tracker), None) is tracker
        with self.session_scope() as session:
            rows = []
            for event in self._new_events(session, tracker):
                data = event.as_dict()
                rows.append(
                    {
                        "sender_id": sender_id,
                        "type_name": event.type_name,
                        "timestamp": data.get("timestamp"),
                        "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
                        "action_name": data.get("name"),
                        "data": json.dumps(data),
                    }
                )
            if not rows:
                stored = self._sessions.get(sender_id)
                if read_here and stored is not None and len(tracker.events) == len(stored.data):
                    stored.tracker = tracker
                return
            session.execute(self._table.insert(), rows)
            newest = self._newest_id(session, sender_id)
            session.commit()
        stored = self._sessions.get(sender_id)
        if stored is None or any(r["type_name"] == SessionStarted.type_name for r in rows):
            # A new session starts: read it as Rasa would, at the next message.
            self._remember(sender_id, None)
            return
        stored.data.extend(row["data"] for row in rows)
        stored.last_id = newest
        stored.tracker = tracker if read_here and len(tracker.events) == len(stored.data) else None
        logger.debug("Saved %d new events of a conversation.", len(rows))
