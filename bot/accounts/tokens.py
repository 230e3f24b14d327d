"""Integration tokens: a team's keys for machines (the API), made by a teamleider.

Named, shown once, stored as a SHA-256 (they hold 256 random bits), with the time of the
last use, revocable. The coach tokens of before issue 17 (`coaches.token_hash`) keep
working: `authenticate` accepts both and says which it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage import repo
from bot.storage.models import Coach, IntegrationToken, utcnow

PREFIX = "jimt_"


@dataclass
class Caller:
    """Who calls the API: a team, a name for the access log, and the acting coach if any."""

    team_id: str
    actor_id: str
    name: str
    coach: Coach | None = None
    token: IntegrationToken | None = None

    @property
    def id(self) -> str:  # what status changes record as their actor
        return self.actor_id


def create(session: Session, team_id: str, name: str, made_by: Coach | None) -> tuple[str, str]:
    """A new token for the team; returns (id, token). The token is shown once."""
    name = (name or "").strip()[:100]
    if not name:
        raise ValueError("Geef het token een naam.")
    token = PREFIX + repo.new_token()
    row = IntegrationToken(
        team_id=team_id,
        name=name,
        token_hash=repo.hash_token(token),
        created_by=made_by.id if made_by else None,
    )
    session.add(row)
    session.flush()
    return row.id, token


def list_for_team(session: Session, team_id: str) -> list[IntegrationToken]:
    return list(
        session.execute(
            select(IntegrationToken)
            .where(IntegrationToken.team_id == team_id)
            .order_by(IntegrationToken.created_at.desc())
        )
        .scalars()
        .all()
    )


def revoke(session: Session, team_id: str, token_id: str) -> bool:
    row = session.get(IntegrationToken, token_id)
    if row is None or row.team_id != team_id:
        return False
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    return True


def authenticate(session: Session, token: str) -> Caller | None:
    """The caller of this bearer token: a team integration token, or an old coach token."""
    if not token:
        return None
    digest = repo.hash_token(token)
    row = session.execute(
        select(IntegrationToken).where(IntegrationToken.token_hash == digest)
    ).scalar_one_or_none()
    if row is not None:
        if row.revoked_at is not None:
            return None
        now = utcnow()
        if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=1):
            row.last_used_at = now
            session.commit()
        return Caller(row.team_id, row.id, f"token {row.name}", token=row)
    coach = repo.coach_for_token(session, token)
    if coach is None:
        return None
    return Caller(coach.team_id, coach.id, coach.name, coach=coach)
