"""Portal sessions on the server: the cookie holds a random value, this table its hash.

A session ends after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after
signing in, at sign-out, at "sign out everywhere", and when the account's role changes or
it is switched off (bot/accounts/accounts.py). A signed cookie alone could not be ended.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.storage.models import Coach, PortalSession, utcnow


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def start(session: Session, coach: Coach, verified: bool, method: str = "password") -> str:
    """A new session; returns the cookie value (never stored)."""
    value = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        PortalSession(
            id=_hash(value),
            coach_id=coach.id,
            created_at=now,
            last_seen_at=now,
            verified=verified,
            method=method,
        )
    )
    session.flush()
    return value


def find(
    session: Session,
    value: str | None,
    idle: timedelta,
    absolute: timedelta,
    now: datetime | None = None,
    touch: bool = True,
) -> PortalSession | None:
    """The live session of this cookie (ended ones are removed), or None."""
    if not value:
        return None
    now = now or utcnow()
    row = session.get(PortalSession, _hash(value))
    if row is None:
        return None
    coach = session.get(Coach, row.coach_id)
    if (
        coach is None
        or not coach.active
        or now - row.last_seen_at > idle
        or now - row.created_at > absolute
    ):
        session.delete(row)
        session.commit()
        return None
    if touch and now - row.last_seen_at > timedelta(seconds=30):
        row.last_seen_at = now
        session.commit()
    return row


def end(session: Session, value: str | None) -> None:
    if value:
        session.execute(delete(PortalSession).where(PortalSession.id == _hash(value)))


def purge_stale(session: Session, absolute: timedelta, now: datetime | None = None) -> int:
    """Remove sessions past the absolute limit (the retention purge calls this)."""
    now = now or utcnow()
    return session.execute(
        delete(PortalSession).where(PortalSession.created_at < now - absolute)
    ).rowcount
