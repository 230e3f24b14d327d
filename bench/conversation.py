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

from bot.run import training  # noqa: E402
from bot.settings import PROJECT_DIR  # noqa: E402
from testkit.chat import BY_BUTTONS, BY_TYPING, Chat  # noqa: E402
from testkit.live import start_live  # noqa: E402


def play(chat: Chat, steps: list[str]) -> list[float]:
    times = []
    for step in steps:
        started = time.perf_counter()
        chat.play([step])
        times.append(time.perf_counter() - started)
    assert "JIM-" in chat.text, chat.dump()
    return times


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        stack = start_live(Path(tmp), training.model_path(PROJECT_DIR), timeout=300)
        print(f"product answers after {time.monotonic() - started:.0f} s (with migrations)")
        try:
            rows = []
            for name, steps in (("by buttons", BY_BUTTONS), ("by typing", BY_TYPING)):
                chat = Chat(stack.settings.rasa_url)
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
