"""Hand a consented choice to the coach: store it once, and say where it went.

Imports nothing from Rasa; the actions in `actions/` call these functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot import notify
from bot.settings import Settings
from bot.storage import repo
from bot.storage.repo import NominationInput


@dataclass(frozen=True)
class HandoffResult:
    reference: str
    nomination_id: str
    created: bool
    with_invite: bool


def inbox_team(session: Session, settings: Settings):
    """Where a nomination without (valid) invite goes: the demo team in demo mode."""
    slug = repo.DEMO_TEAM_SLUG if settings.demo else settings.default_team
    return repo.ensure_team(session, slug, is_demo=settings.demo)


def invite_status(engine: Engine, code: str | None, conversation_id: str) -> str:
    """ "ok", "none", "unknown", "expired" or "used" for the code a conversation opened with."""
    with Session(engine) as session:
        return repo.check_invite(session, code, conversation_id)[1]


def hand_off(engine: Engine, settings: Settings, data: NominationInput) -> HandoffResult:
    """Store the nomination (idempotent per conversation) and its outbox rows in one transaction."""
    with Session(engine) as session, session.begin():
        invite, _status = repo.check_invite(session, data.invite_code, data.conversation_id)
        team = session.get(repo.Team, invite.team_id) if invite else inbox_team(session, settings)
        nomination, created = repo.save_nomination(session, data, team, invite)
        if created:
            notify.enqueue(session, settings, team, nomination)
        return HandoffResult(
            reference=nomination.reference,
            nomination_id=nomination.id,
            created=created,
            with_invite=nomination.invite_id is not None,
        )


def withdraw(engine: Engine, conversation_id: str) -> str | None:
    """Withdraw this conversation's nomination; returns its reference, or None if none."""
    with Session(engine) as session, session.begin():
        nomination = repo.withdraw_nomination(session, conversation_id)
        return nomination.reference if nomination else None
