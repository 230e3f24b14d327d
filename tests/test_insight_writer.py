"""Issue 19, must hold: the chat does not get slower. The action server counts insight
steps on a background thread (bot/insight/counters.py StepWriter): the reply never waits
for the database, the steps keep their order, and a count that cannot wait is dropped with
a log line instead of piling up."""

from __future__ import annotations

import threading

from rasa_sdk import Tracker

from actions import insight
from bot.insight.counters import StepWriter


def _tracker(sender: str = "youth-1") -> Tracker:
    return Tracker(sender, {"invite_code": None}, {}, [], False, None, {}, "action_listen")


def test_the_writer_runs_jobs_in_order_on_another_thread():
    writer = StepWriter()
    seen: list[tuple[int, str]] = []
    for i in range(50):
        writer.submit(lambda i=i: seen.append((i, threading.current_thread().name)))
    writer.wait()
    assert [i for i, _ in seen] == list(range(50))
    assert all(name.startswith("insight") for _, name in seen)
    assert threading.current_thread().name not in {name for _, name in seen}


def test_a_count_returns_before_the_database_is_written(monkeypatch):
    release = threading.Event()
    written: list[tuple] = []

    def slow_record(engine, settings, conversation_id, step, code):
        release.wait(5)
        written.append((conversation_id, step, code))

    monkeypatch.setattr(insight, "RECORD", True)
    monkeypatch.setattr(insight, "BACKGROUND", True)
    monkeypatch.setattr(insight, "engine", lambda: None)
    monkeypatch.setattr(insight, "settings", lambda: None)
    monkeypatch.setattr(insight.counters, "record_step", slow_record)
    insight.count(_tracker(), "youth_age")
    assert written == []  # the reply went on; the write waits for the database
    release.set()
    insight.WRITER.wait()
    assert written == [("youth-1", "youth_age", None)]


def test_the_database_away_costs_a_log_line_and_no_error(monkeypatch, caplog):
    from sqlalchemy.exc import OperationalError

    def down(*args):
        raise OperationalError("select 1", {}, Exception("database is away"))

    monkeypatch.setattr(insight, "RECORD", True)
    monkeypatch.setattr(insight, "BACKGROUND", True)
    monkeypatch.setattr(insight, "engine", lambda: None)
    monkeypatch.setattr(insight, "settings", lambda: None)
    monkeypatch.setattr(insight.counters, "record_step", down)
    insight.count(_tracker("youth-2"), "relation")
    insight.WRITER.wait()
    assert "insight step relation not counted" in caplog.text
    assert "youth-2" not in caplog.text


def test_a_full_queue_drops_a_count_instead_of_piling_up(caplog):
    writer = StepWriter(max_pending=2)
    release = threading.Event()
    first = writer.submit(lambda: release.wait(5))
    second = writer.submit(lambda: None)
    third = writer.submit(lambda: None)
    assert first is not None and second is not None and third is None
    assert "not counted" in caplog.text
    release.set()
    writer.wait()
    assert writer.submit(lambda: None) is not None  # room again
    writer.wait()
