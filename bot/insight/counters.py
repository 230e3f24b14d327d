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
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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
    """Writes the counts on one background thread, so that a youth's reply never waits
    for the database (at 20 conversations at once, counting on the reply path made
    `bench/load.py` p50 about 15 % slower). One thread: the steps of a conversation are
    written in the order they came. The thread starts with the first count; at exit Python
    finishes what is queued. At most `max_pending` wait: beyond that a count is dropped with
    a log line (a count, never a youth's answer)."""

    def __init__(self, max_pending: int = 10_000) -> None:
        self.max_pending = max_pending
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._pending = 0

    def _done(self, _future: Future) -> None:
        with self._lock:
            self._pending -= 1

    def submit(self, job: Callable[[], object]) -> Future | None:
        """Queue `job`; None when too many wait already."""
        with self._lock:
            if self._pending >= self.max_pending:
                logger.warning("insight step not counted: %d counts wait already", self._pending)
                return None
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="insight")
            self._pending += 1
        future = self._executor.submit(job)
        future.add_done_callback(self._done)
        return future

    def wait(self, timeout: float = 10.0) -> None:
        """Return once everything queued before this call is written (tests, shutdown)."""
        if self._executor is not None:
            self._executor.submit(lambda: None).result(timeout)


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


def record(session: Session, conversation: str, team_id: str, step: str, day: date) -> bool:
    """Count `step` for this conversation once; True if it counted now.

    `team_id` and `day` are used only when the conversation is new to insight: later steps
    stay with the team and day the conversation started with.
    """
    if step not in STEPS and step not in CONSENT:
        raise ValueError(f"unknown insight step {step!r}")
    row = _conversation(session, conversation, team_id, day)
    if not _mark(session, conversation, step):
        return False
    bump(session, row.team_id, row.day, step)
    if step in STEPS:
        before = STEPS.index(row.last_step) if row.last_step in STEPS else -1
        if STEPS.index(step) > before:
            if not row.sent:
                if row.last_step:
                    bump(session, row.team_id, row.day, LEFT + row.last_step, -1)
                bump(session, row.team_id, row.day, LEFT + step)
            row.last_step = step
    elif step == CONSENT_YES and not row.sent:
        if row.last_step:
            bump(session, row.team_id, row.day, LEFT + row.last_step, -1)
        row.sent = True
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
    """What the action server calls: count `step` for this conversation, in its own
    transaction. Nothing of the conversation is stored but its keyed pseudonym."""
    if not conversation_id:
        return False
    conversation = repo.conversation_ref(settings.secret_key, conversation_id)
    if (conversation, step) in _seen:
        return False
    with Session(engine) as session, session.begin():
        known = session.get(InsightConversation, conversation)
        team_id = (
            known.team_id
            if known is not None
            else conversation_team_id(session, settings, conversation_id, invite_code)
        )
        counted = record(session, conversation, team_id, step, today())
    if len(_seen) >= _SEEN_MAX:
        _seen.clear()
    _seen.add((conversation, step))
    return counted
