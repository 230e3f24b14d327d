"""One-time e-mail links for the first sign-in ("welkom") and a password reset ("reset").

The token is HMAC(SECRET_KEY, link id): the outbox recomputes it when it sends the mail,
and the table holds only its SHA-256, so neither the outbox nor a copy of the database
holds a working link. A link works once, until ACCOUNT_LINK_HOURS have passed; a new link
for the same account ends the older ones.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.storage.models import Coach, LoginLink, OutboxMessage, new_id, utcnow

EVENT = "account.link"


def token_for(secret_key: str, link_id: str) -> str:
    return hmac.new(secret_key.encode(), f"login-link:{link_id}".encode(), "sha256").hexdigest()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def url_for(public_url: str, token: str) -> str:
    return f"{public_url}/coach/link/{token}"


def issue(
    session: Session, secret_key: str, coach: Coach, purpose: str, hours: int
) -> tuple[LoginLink, str]:
    """A new link for this account, queued in the outbox; returns (link, token)."""
    now = utcnow()
    session.execute(
        update(LoginLink)
        .where(LoginLink.coach_id == coach.id, LoginLink.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    link = LoginLink(coach_id=coach.id, purpose=purpose, expires_at=now + timedelta(hours=hours))
    link.id = new_id()
    token = token_for(secret_key, link.id)
    link.token_hash = _hash(token)
    session.add(link)
    session.flush()
    session.add(OutboxMessage(kind="email", event=EVENT, team_id=coach.team_id, link_id=link.id))
    return link, token


def find(session: Session, token: str, now: datetime | None = None) -> LoginLink | None:
    """The unused, unexpired link of this token, or None (same for every wrong case)."""
    now = now or utcnow()
    if not token or len(token) > 200:
        return None
    link = session.execute(
        select(LoginLink).where(LoginLink.token_hash == _hash(token))
    ).scalar_one_or_none()
    if link is None or link.used_at is not None or link.expires_at <= now:
        return None
    coach = session.get(Coach, link.coach_id)
    if coach is None or not coach.active:
        return None
    return link


def use(session: Session, link: LoginLink) -> bool:
    """Mark the link used; False if another request used it first."""
    return (
        session.execute(
            update(LoginLink)
            .where(LoginLink.id == link.id, LoginLink.used_at.is_(None))
            .values(used_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount
        == 1
    )
