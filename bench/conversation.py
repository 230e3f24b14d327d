"""Figures of the conversation (a benchmark, not a test): youth turns of the happy paths
and the reply time per turn, against the real Rasa and action servers.

    .venv/bin/python bench/conversation.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.run import setup_steps, training  # noqa: E402
from bot.run.launcher import Stack  # noqa: E402
from bot.settings import PROJECT_DIR  # noqa: E402
from tests.chat import Chat  # noqa: E402
from tests.conftest import make_settings  # noqa: E402

BY_BUTTONS = [
    "/start",
    "Sam",
    "tap:15",
    "tap:Oma of opa",
    "tap:Oma",
    "Riet",
    "tap:alles zeggen",
    "tap:Ja",
    "tap:Samen met mijn coach",  # issue 25: who asks Riet
    "tap:sla over",
    "tap:klopt",
    "tap:Ja, dat is goed",  # issue 25: under 16, the parents question before the yes
    "tap:Ja, dat mag",
]
BY_TYPING = [
    "/start",
    "ik heet noor",
    "17",
    "mn oppa",
    "hij heet ahmed",
    "hij helpt me met huiswerk",
    "nee",
    "ik vraag het zelf",  # issue 25: who asks Ahmed
    "0612345678",
    "ja",
    "ja dat mag",
]


def play(chat: Chat, steps: list[str]) -> list[float]:
    times = []
    for step in steps:
        started = time.perf_counter()
        chat.tap(step[4:]) if step.startswith("tap:") else chat.send(step)
        times.append(time.perf_counter() - started)
    assert "JIM-" in chat.text, chat.dump()
    return times


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(Path(tmp))
        setup_steps.migrate(settings)
        setup_steps.ensure_base_data(settings)
        stack = Stack(settings, training.model_path(PROJECT_DIR), Path(tmp) / "logs")
        started = time.monotonic()
        stack.start(progress=lambda line: None)
        print(f"product answers after {time.monotonic() - started:.0f} s")
        try:
            rows = []
            for name, steps in (("by buttons", BY_BUTTONS), ("by typing", BY_TYPING)):
                chat = Chat(settings.rasa_url)
                times = play(chat, steps)
                rows.append((name, chat.turns - 1, statistics.median(times), max(times)))
        finally:
            stack.stop()
    print(f"{'happy path':<12} {'youth turns':>11} {'median reply':>13} {'max reply':>10}")
    for name, turns, median, worst in rows:
        print(f"{name:<12} {turns:>11} {median * 1000:>10.0f} ms {worst * 1000:>7.0f} ms")
    print("target: at most 10 youth turns by buttons (/start is sent by the widget)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
