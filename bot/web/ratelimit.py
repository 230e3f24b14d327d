"""In-memory rate limits of the web app: sliding windows, per process, no extra service.

What they stop: one browser flooding Rasa with chat messages, guessing invite codes through
the chat, and guessing coach tokens through the API or the portal's log-in. The defaults
(bot/settings.py, `RATE_*` in .env) are far above what a youth or a coach does. Each
process keeps its own counts: with several web processes the limit holds per process, which
is enough to make guessing hopeless (a token has 256 bits, an invite code 96).

Wrong coach tokens are counted per account first (:class:`Lockout`, keyed by the token's
first characters, which name one coach's token: a mistyped token mostly keeps its start),
with a wait that doubles at each further failure; the client address only has a much higher
ceiling. So one coach who keeps typing a wrong token locks out themselves, not every
colleague behind the same school or office NAT; someone guessing many tokens from one
address still meets the address ceiling.

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


# The part of a token that names its account (tokens are url-safe base64, 43 characters;
# 8 characters are 48 bits: two coaches never share them).
ACCOUNT_PREFIX = 8
# First wait once an account reached its limit; doubled at every further failure.
LOCKOUT_BASE = 60.0


def account_key(token: str) -> str:
    """The account a typed token points at: its first characters (never the whole token)."""
    return "acct:" + token.strip()[:ACCOUNT_PREFIX]


class Lockout:
    """Failures per account: after `limit` failures within `window` seconds the account
    waits LOCKOUT_BASE seconds, and each further failure doubles the wait (backoff), up to
    `window`. A key quiet for a whole window starts again; a success clears it. limit 0
    means no limit."""

    def __init__(
        self,
        limit: int,
        window: float,
        base: float = LOCKOUT_BASE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.base = base
        self.clock = clock
        self._state: dict[str, tuple[int, float, float]] = {}  # failures, last, locked until
        self._lock = threading.Lock()
        self._swept = clock()

    def _sweep(self, now: float) -> None:
        if now - self._swept < SWEEP_EVERY:
            return
        self._swept = now
        for key in [k for k, (_, last, until) in self._state.items()
                    if last <= now - self.window and until <= now]:  # fmt: skip
            del self._state[key]

    def retry_after(self, key: str) -> float:
        """Seconds until `key` may try again (0: now)."""
        if not self.limit:
            return 0.0
        with self._lock:
            state = self._state.get(key)
            return max(0.0, state[2] - self.clock()) if state else 0.0

    def record(self, key: str) -> None:
        """Count one failure of `key`; at the limit and beyond, lock it for a growing time."""
        if not self.limit:
            return
        with self._lock:
            now = self.clock()
            self._sweep(now)
            failures, last, until = self._state.get(key, (0, now, 0.0))
            if now - last >= self.window:
                failures = 0
            failures += 1
            if failures >= self.limit:
                wait = min(self.window, self.base * 2 ** (failures - self.limit))
                until = max(until, now + wait)
            self._state[key] = (failures, now, until)

    def clear(self, key: str) -> None:
        """A success: the account's count starts again."""
        with self._lock:
            self._state.pop(key, None)


@dataclass
class Limits:
    """The limits of one app (one process): made by create_app from the settings."""

    chat_sender: SlidingWindow
    chat_ip: SlidingWindow
    new_conversation_ip: SlidingWindow
    invite_ip: SlidingWindow
    status_code_ip: SlidingWindow  # issue 18: messages with a reference code
    api_failures: Lockout  # per account (token prefix)
    login_failures: Lockout  # per account (token prefix)
    api_failures_ip: SlidingWindow  # the much higher ceiling per client address
    login_failures_ip: SlidingWindow
    history_ip: SlidingWindow
    history_conversation: SlidingWindow

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            chat_sender=SlidingWindow(settings.rate_chat_per_sender, MINUTE),
            chat_ip=SlidingWindow(settings.rate_chat_per_ip, MINUTE),
            # Each new conversation is a database row: the same number, but an hour.
            new_conversation_ip=SlidingWindow(settings.rate_chat_per_ip, HOUR),
            invite_ip=SlidingWindow(settings.rate_invite_per_ip, HOUR),
            status_code_ip=SlidingWindow(settings.rate_status_code_per_ip, HOUR),
            api_failures=Lockout(settings.rate_api_failures, QUARTER),
            login_failures=Lockout(settings.rate_login_failures, QUARTER),
            api_failures_ip=SlidingWindow(settings.rate_api_failures_per_ip, QUARTER),
            login_failures_ip=SlidingWindow(settings.rate_login_failures_per_ip, QUARTER),
            history_ip=SlidingWindow(settings.rate_history_per_ip, MINUTE),
            history_conversation=SlidingWindow(settings.rate_history_per_conversation, MINUTE),
        )


def failure_wait(lockout: Lockout, ceiling: SlidingWindow, ip: str, token: str) -> float:
    """Seconds this address and this account must wait before a token is checked (0: now)."""
    wait = ceiling.retry_after(ip)
    if token:
        wait = max(wait, lockout.retry_after(account_key(token)))
    return wait


def record_failure(lockout: Lockout, ceiling: SlidingWindow, ip: str, token: str) -> None:
    """A wrong token: counted for its account and for the address."""
    lockout.record(account_key(token))
    ceiling.record(ip)


def limits(request: Request) -> Limits:
    return request.app.state.limits


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def retry_after_header(wait: float) -> dict[str, str]:
    """Retry-After in whole seconds, at least 1 (a 0 would invite an immediate retry)."""
    return {"Retry-After": str(max(1, math.ceil(wait)))}
