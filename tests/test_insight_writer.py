"""Issue 19, must hold: the chat does not get slower. The action server counts insight
steps on a background thread, many in one transaction (bot/insight/counters.py
StepWriter): the reply never waits for the database, the steps keep their order, and a
step that cannot wait is dropped with a log line instead of piling up."""

from __future__ import annotations

import threading

from rasa_sdk import Tracker
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from actions import insight
from bot.insight import counters
from bot.insight.counters import StepWriter
from bot.storage.models import InsightCount, InsightMark


def _tracker(sender: str = "youth-1") -> Tracker:
    return Tracker(sender, {"invite_code": None}, {}, [], False, None, {}, "action_listen")


def test_the_writer_writes_steps_in_order_and_gathers_them():
    batches: list[tuple[list[tuple], str]] = []
    writer = StepWriter(lambda steps: batches.append((steps, threading.current_thread().name)))
    for i in range(50):
        writer.submit(("youth", str(i), None))
    writer.wait()
    written = [int(step) for steps, _ in batches for _, step, _ in steps]
    assert written == list(range(50))
    assert len(batches) < 50  # gathered, not one transaction per step
    assert {name for _, name in batches} == {"insight"}


def test_a_count_returns_before_the_database_is_written(monkeypatch):
    release = threading.Event()
    written: list[tuple] = []

    def slow_write(steps):
        release.wait(5)
        written.extend(steps)

    writer = StepWriter(slow_write)
    monkeypatch.setattr(insight, "RECORD", True)
    monkeypatch.setattr(insight, "BACKGROUND", True)
    monkeypatch.setattr(insight, "WRITER", writer)
    insight.count(_tracker(), "youth_age")
    assert written == []  # the reply went on; the write waits for the database
    release.set()
    writer.wait()
    assert written == [("youth-1", "youth_age", None)]


def test_the_database_away_costs_a_log_line_and_no_error(monkeypatch, caplog):
    from sqlalchemy.exc import OperationalError

    def down(*args):
        raise OperationalError("select 1", {}, Exception("database is away"))

    writer = StepWriter(insight._write)
    monkeypatch.setattr(insight, "RECORD", True)
    monkeypatch.setattr(insight, "BACKGROUND", True)
    monkeypatch.setattr(insight, "WRITER", writer)
    monkeypatch.setattr(insight, "engine", lambda: None)
    monkeypatch.setattr(insight, "settings", lambda: None)
    monkeypatch.setattr(insight.counters, "record_steps", down)
    insight.count(_tracker("youth-2"), "relation")
    writer.wait()
    assert "insight steps relation not counted" in caplog.text
    assert "youth-2" not in caplog.text
    writer.submit(("youth-3", "relation", None))  # the thread lives on
    writer.wait()


def test_a_full_queue_drops_a_step_instead_of_piling_up(caplog):
    release = threading.Event()
    writer = StepWriter(lambda steps: release.wait(5), max_pending=2, linger=0)
    assert writer.submit(("a", "started", None))  # taken by the thread, which then waits
    writer._queue.put(("b", "started", None))
    writer._queue.put(("c", "started", None))
    assert not writer.submit(("d", "started", None))
    assert "not counted" in caplog.text
    release.set()
    writer.wait()
    assert writer.submit(("e", "started", None))


def _counts(engine) -> dict:
    with Session(engine) as session:
        return dict(
            session.execute(
                select(InsightCount.metric, func.sum(InsightCount.count)).group_by(
                    InsightCount.metric
                )
            ).all()
        )


def test_steps_gathered_in_one_transaction_count_once_each(engine, settings):
    counters.forget_seen()
    before = _counts(engine)  # the demo team's made-up counts
    steps = [
        ("chat-a", "started", None),
        ("chat-a", "youth_name", None),
        ("chat-a", "youth_name", None),  # a repeat in the same batch
        ("chat-b", "started", None),
        ("chat-a", "youth_age", None),
    ]
    assert counters.record_steps(engine, settings, steps) == 4
    counters.forget_seen()
    assert counters.record_steps(engine, settings, steps) == 0  # the markers decide
    with Session(engine) as session:
        marks = session.execute(select(func.count()).select_from(InsightMark)).scalar_one()
    after = _counts(engine)
    counts = {metric: after[metric] - before.get(metric, 0) for metric in after}
    assert marks == 4
    assert counts["started"] == 2 and counts["youth_name"] == 1 and counts["youth_age"] == 1
    assert counts["left:youth_age"] == 1 and counts["left:started"] == 1
    assert counts.get("left:youth_name", 0) == 0
