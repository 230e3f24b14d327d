"""In-memory rate limits of the web app: sliding windows, per process, no extra service.

What they stop: one browser flooding Rasa with chat messages, guessing invite codes through
the chat, and guessing coach tokens through the API or the portal's log-in. The defaults
(bot/settings.py, `RATE_*` in .env) are far above what a youth or a coach does. Each
process keeps its own counts: with several web processes the limit holds per process, which
is enough to make guessing hopeless (a token has 256 bits, an invite code 96).

The client address is what uvicorn reports: behind a reverse proxy on the same machine
(nginx, README "Growing") uvicorn takes it from X-Forwarded-For, which it trusts from
127.0.0.1 only, so a client cannot pick its own address.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request

from bot.settings import Settings

MINUTE = 60.0
HOUR = 3600.0
QUARTER = 900.0
# Forget keys that have been quiet for a whole window, at most this often.
SWEEP_EVERY = 30.0


class SlidingWindow:
    """At most `limit` events per key in any `window` seconds; limit 0 means no limit.

    Each key keeps the times of its last `limit` events, so memory per key is bounded,
    and keys whose newest event is older than the window are swept away.
    """

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()  # sync routes run in a thread pool
        self._swept = clock()

    def _wait(self, key: str, now: float) -> float:
        events = self._events.get(key)
        if not events:
            return 0.0
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) < self.limit:
            return 0.0
        return events[0] + self.window - now

    def _sweep(self, now: float) -> None:
        if now - self._swept < SWEEP_EVERY:
            return
        self._swept = now
        for key in [k for k, e in self._events.items() if not e or e[-1] <= now - self.window]:
            del self._events[key]

    def retry_after(self, key: str) -> float:
        """Seconds until `key` may have another event (0: now), without counting one."""
        if not self.limit:
            return 0.0
        with self._lock:
            return self._wait(key, self.clock())

    def record(self, key: str) -> None:
        """Count one event of `key` (a failed log-in, say), allowed or not."""
        if not self.limit:
            return
        with self._lock:
            now = self.clock()
            self._sweep(now)
            self._wait(key, now)
            self._events.setdefault(key, deque(maxlen=self.limit)).append(now)

    def hit(self, key: str) -> float:
        """Count one event if it is allowed and return 0; else the seconds to wait."""
        if not self.limit:
            return 0.0
        with self._lock:
            now = self.clock()
            self._sweep(now)
            wait = self._wait(key, now)
            if wait <= 0:
                self._events.setdefault(key, deque(maxlen=self.limit)).append(now)
            return wait


@dataclass
class Limits:
    """The limits of one app (one process): made by create_app from the settings."""

    chat_sender: SlidingWindow
    chat_ip: SlidingWindow
    new_conversation_ip: SlidingWindow
    invite_ip: SlidingWindow
    history_ip: SlidingWindow
    history_conversation: SlidingWindow
    api_failures: SlidingWindow
    login_failures: SlidingWindow

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            chat_sender=SlidingWindow(settings.rate_chat_per_sender, MINUTE),
            chat_ip=SlidingWindow(settings.rate_chat_per_ip, MINUTE),
            # Each new conversation is a database row: the same number, but an hour.
            new_conversation_ip=SlidingWindow(settings.rate_chat_per_ip, HOUR),
            invite_ip=SlidingWindow(settings.rate_invite_per_ip, HOUR),
            history_ip=SlidingWindow(settings.rate_history_per_ip, MINUTE),
            history_conversation=SlidingWindow(settings.rate_history_per_conversation, MINUTE),
            api_failures=SlidingWindow(settings.rate_api_failures, QUARTER),
            login_failures=SlidingWindow(settings.rate_login_failures, QUARTER),
        )


def limits(request: Request) -> Limits:
    return request.app.state.limits


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def retry_after_header(wait: float) -> dict[str, str]:
    """Retry-After in whole seconds, at least 1 (a 0 would invite an immediate retry)."""
    return {"Retry-After": str(max(1, math.ceil(wait)))}
