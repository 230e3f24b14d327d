"""Insight counters (issue 19): glue that tells bot/insight/ which step a conversation
reached. Never stops the chat: if the database is away the step is not counted, and the
log line says which step only (no name, no text, no conversation id)."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError

from actions.common import engine, settings
from bot.insight import counters

logger = logging.getLogger(__name__)

# Tests without a database of their own switch this off (tests/conftest.py); the
# `action_settings` fixture, which points the actions at a test database, switches it on.
RECORD = True
# The count is written on a background thread, many steps in one transaction
# (bot.insight.counters.StepWriter): the reply does not wait for it. Unit tests that read
# the count right after the action switch this off (the `action_settings` fixture).
BACKGROUND = True


def _write(steps: list[tuple]) -> None:
    try:
        counters.record_steps(engine(), settings(), steps)
    except (SQLAlchemyError, OSError):
        names = ", ".join(sorted({step for _, step, _ in steps}))
        logger.warning("insight steps %s not counted: the database did not answer", names)


WRITER = counters.StepWriter(_write)


def count(tracker: Tracker, step: str, invite_code: str | None = None) -> None:
    """Count `step` once for this conversation (its team: the invite's, else the default;
    `invite_code` for the start, when the slot is not set yet)."""
    if not RECORD:
        return
    code = invite_code or tracker.get_slot("invite_code")
    item = (tracker.sender_id, step, code)
    if BACKGROUND:
        WRITER.submit(item)
    else:
        _write([item])


def after(tracker: Tracker, events: list[dict[str, Any]]) -> Tracker:
    """A copy of the tracker with the slots of `events` applied (the tracker is unchanged)."""
    copied = tracker.copy()
    copied.slots = dict(tracker.slots)
    for event in events:
        if event.get("event") == "slot":
            copied.slots[event.get("name")] = event.get("value")
    return copied


def next_question(
    tracker: Tracker, events: list[dict[str, Any]], required: list[str]
) -> str | None:
    """The question the form asks after this validation: the one `events` request, else the
    first required slot still empty once they are applied (the one Rasa's form asks)."""
    requested = [
        e.get("value")
        for e in events
        if e.get("event") == "slot" and e.get("name") == "requested_slot"
    ]
    if requested:
        return str(requested[-1]) if requested[-1] else None
    slots = after(tracker, events).slots
    return next((slot for slot in required if slots.get(slot) is None), None)
