"""Funnel counts kept as events arrive, once per conversation per step.

The steps, in order: the conversation started, then each question of the form as
`bot.dialogue.form.QUESTION_ORDER` lists them (one source). Besides: consent yes (the
nomination was sent) and consent no (the youth confirmed not to share). "Where they left"
is kept as a count too: `left:<step>` holds the conversations whose furthest step is
<step> and that never sent; it moves along (-1 here, +1 there) as a conversation goes on.

Every count belongs to the team and the day (Europe/Amsterdam) the conversation started,
so a period's funnel is about the same conversations from top to bottom. A conversation is
known only by its keyed pseudonym (bot.storage.repo.conversation_ref, issue 23); a marker
per step (`insight_marks`) makes a repeated question, a retry or a second process count
once.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.dialogue.form import QUESTION_ORDER
from bot.settings import Settings
from bot.storage import repo
from bot.storage.models import InsightConversation, InsightCount, InsightMark

try:
    from zoneinfo import ZoneInfo

    LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
except Exception:  # pragma: no cover - systems without time zone data
    LOCAL_TZ = timezone.utc

STARTED = "started"
STEPS: tuple[str, ...] = (STARTED, *QUESTION_ORDER)
CONSENT_YES = "consent_yes"
CONSENT_NO = "consent_no"
CONSENT = (CONSENT_YES, CONSENT_NO)
LEFT = "left:"
METRICS: tuple[str, ...] = STEPS + CONSENT + tuple(LEFT + s for s in STEPS)

# (pseudonym, step) pairs this process already stored: a repeat costs no database call.
# Only a shortcut: the markers in the database decide (several action servers, restarts).
_seen: set[tuple[str, str]] = set()
_SEEN_MAX = 100_000


logger = logging.getLogger(__name__)


class StepWriter:
    """Writes the counts on one background thread, many steps in one transaction.

    Why: at 20 conversations at once, a transaction of its own for every step (each a
    commit, on SQLite a write to disk) made `bench/load.py` p50 about 40 % slower than with
    counting off, also when it ran beside the reply instead of on its path. Gathered, the
    steps of a moment (`linger` seconds, at most `batch`) cost one commit, and a reply never
    waits for the database. One thread keeps the order of a conversation's steps. At most
    `max_pending` wait: beyond that a step is dropped with a log line (a count, never a
    youth's answer). The thread is a daemon: steps still queued when the process stops
    are not counted.
    """

    def __init__(
        self,
        write: Callable[[list[tuple]], object],
        max_pending: int = 10_000,
        linger: float = 0.25,
        batch: int = 500,
    ) -> None:
        self.write = write
        self.max_pending = max_pending
        self.linger = linger
        self.batch = batch
        self._queue: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, item: tuple) -> bool:
        """Queue one step; False when too many wait already."""
        if self._queue.qsize() >= self.max_pending:
            logger.warning("insight step not counted: %d steps wait already", self.max_pending)
            return False
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="insight", daemon=True)
                self._thread.start()
        self._queue.put(item)
        return True

    def wait(self, timeout: float = 10.0) -> None:
        """Return once everything queued before this call is written (tests)."""
        if self._thread is None:
            return
        done = threading.Event()
        self._queue.put(done)
        if not done.wait(timeout):
            raise TimeoutError("insight steps not written in time")

    def _run(self) -> None:
        while True:
            items = [self._queue.get()]
            deadline = time.monotonic() + self.linger
            while len(items) < self.batch and not isinstance(items[-1], threading.Event):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                try:
                    items.append(self._queue.get(timeout=left))
                except queue.Empty:
                    break
            steps = [item for item in items if not isinstance(item, threading.Event)]
            try:
                if steps:
                    self.write(steps)
            except Exception:  # the thread must live on; the write logs its own failures
                logger.exception("insight steps not counted")
            for item in items:
                if isinstance(item, threading.Event):
                    item.set()


def forget_seen() -> None:
    """Empty this process's shortcut (tests, to prove the database alone is idempotent)."""
    _seen.clear()


def today() -> date:
    return datetime.now(LOCAL_TZ).date()


def _insert(session: Session, table):
    return (pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert)(table)


def bump(session: Session, team_id: str, day: date, metric: str, by: int = 1) -> None:
    """Add `by` to one count (an upsert: one statement, safe with other processes)."""
    table = InsightCount.__table__
    statement = _insert(session, table).values(team_id=team_id, day=day, metric=metric, count=by)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["team_id", "day", "metric"],
            set_={"count": table.c.count + by},
        )
    )


def _conversation(
    session: Session, conversation: str, team_id: str, day: date
) -> InsightConversation:
    table = InsightConversation.__table__
    session.execute(
        _insert(session, table)
        .values(
            conversation=conversation,
            team_id=team_id,
            day=day,
            sent=False,
            created_at=datetime.now(timezone.utc),
        )
        .on_conflict_do_nothing(index_elements=["conversation"])
    )
    return session.execute(
        select(InsightConversation)
        .where(InsightConversation.conversation == conversation)
        .with_for_update()
    ).scalar_one()


def _mark(session: Session, conversation: str, step: str) -> bool:
    """True if this is the first time the conversation reached `step`."""
    result = session.execute(
        _insert(session, InsightMark.__table__)
        .values(conversation=conversation, step=step)
        .on_conflict_do_nothing(index_elements=["conversation", "step"])
    )
    return result.rowcount == 1


Add = Callable[[str, date, str, int], None]


def _count(row: InsightConversation, step: str, add: Add) -> None:
    """The counts one new step changes (`add(team_id, day, metric, by)`)."""
    add(row.team_id, row.day, step, 1)
    if step in STEPS:
        before = STEPS.index(row.last_step) if row.last_step in STEPS else -1
        if STEPS.index(step) > before:
            if not row.sent:
                if row.last_step:
                    add(row.team_id, row.day, LEFT + row.last_step, -1)
                add(row.team_id, row.day, LEFT + step, 1)
            row.last_step = step
    elif step == CONSENT_YES and not row.sent:
        if row.last_step:
            add(row.team_id, row.day, LEFT + row.last_step, -1)
        row.sent = True


def _check(step: str) -> None:
    if step not in STEPS and step not in CONSENT:
        raise ValueError(f"unknown insight step {step!r}")


def record(session: Session, conversation: str, team_id: str, step: str, day: date) -> bool:
    """Count `step` for this conversation once; True if it counted now.

    `team_id` and `day` are used only when the conversation is new to insight: later steps
    stay with the team and day the conversation started with.
    """
    _check(step)
    row = _conversation(session, conversation, team_id, day)
    if not _mark(session, conversation, step):
        return False
    _count(row, step, lambda team, day_, metric, by: bump(session, team, day_, metric, by))
    return True


def conversation_team_id(
    session: Session, settings: Settings, conversation_id: str, invite_code: str | None
) -> str:
    """The team this conversation's nomination would go to (bot/coach/handoff.py's rules):
    the demo team for a demo conversation, the invite's team, else the default team."""
    if repo.is_demo_conversation(session, conversation_id):
        return repo.ensure_team(session, repo.DEMO_TEAM_SLUG, "Demo team", is_demo=True).id
    invite, _status = repo.check_invite(session, invite_code, conversation_id)
    if invite is not None:
        return invite.team_id
    return repo.ensure_team(session, settings.default_team, "Standaard team").id


def record_step(
    engine: Engine,
    settings: Settings,
    conversation_id: str,
    step: str,
    invite_code: str | None = None,
) -> bool:
    """Count `step` for this conversation, in its own transaction."""
    return record_steps(engine, settings, [(conversation_id, step, invite_code)]) == 1


def record_steps(
    engine: Engine, settings: Settings, steps: Iterable[tuple[str, str, str | None]]
) -> int:
    """What the action server calls (through StepWriter): count each (conversation id,
    step, invite code) in one transaction; returns how many counted now. Nothing of the
    conversation is stored but its keyed pseudonym."""
    todo = []
    wanted: set[tuple[str, str]] = set()
    for conversation_id, step, invite_code in steps:
        if not conversation_id:
            continue
        _check(step)
        conversation = repo.conversation_ref(settings.secret_key, conversation_id)
        if (conversation, step) not in _seen and (conversation, step) not in wanted:
            wanted.add((conversation, step))
            todo.append((conversation, conversation_id, step, invite_code))
    if not todo:
        return 0
    counted = 0
    with Session(engine) as session, session.begin():
        # one row per conversation and one upsert per count, however many steps came
        rows: dict[str, InsightConversation] = {}
        sums: dict[tuple[str, date, str], int] = {}

        def add(team_id: str, day: date, metric: str, by: int) -> None:
            sums[(team_id, day, metric)] = sums.get((team_id, day, metric), 0) + by

        for conversation, conversation_id, step, invite_code in todo:
            row = rows.get(conversation)
            if row is None:
                # a conversation insight knows already: its row, locked for this batch (one
                # statement; the insert is for a new one, or one another process just added)
                row = session.execute(
                    select(InsightConversation)
                    .where(InsightConversation.conversation == conversation)
                    .with_for_update()
                ).scalar_one_or_none()
                if row is None:
                    team_id = conversation_team_id(session, settings, conversation_id, invite_code)
                    row = _conversation(session, conversation, team_id, today())
                rows[conversation] = row
            if _mark(session, conversation, step):
                counted += 1
                _count(row, step, add)
        for (team_id, day, metric), by in sums.items():
            if by:
                bump(session, team_id, day, metric, by)
    if len(_seen) >= _SEEN_MAX:
        _seen.clear()
    _seen.update((conversation, step) for conversation, _, step, _ in todo)
    return counted
