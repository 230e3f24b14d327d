"""Hand a consented choice to the coach: store it once, and say where it went.

Imports nothing from Rasa; the actions in `actions/` call these functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.coach import notify
from bot.settings import Settings
from bot.storage import Coach, repo
from bot.storage.repo import NominationInput

# Conversations the trainer demo (/demo) starts; they never reach a real team. The prefix
# alone proves nothing: a demo conversation is one listed in demo_conversations.
DEMO_PREFIX = repo.DEMO_PREFIX


def is_demo_conversation(engine: Engine, conversation_id: str | None) -> bool:
    """Whether the demo page made this conversation (server side; never the id's say-so)."""
    with Session(engine) as session:
        return repo.is_demo_conversation(session, conversation_id)


@dataclass(frozen=True)
class HandoffResult:
    reference: str
    nomination_id: str
    created: bool
    with_invite: bool
    coach_name: str | None = None  # issue 25: who got it, as the youth hears it
    team_name: str = ""


def inbox_team(session: Session, settings: Settings):
    """Where a real nomination without (valid) invite goes: the default team, in every mode.

    Also in demo mode: real chats at / never land in the demo team, whose list the demo
    coach token and the demo page show (README "Security").
    """
    return repo.ensure_team(session, settings.default_team, "Standaard team")


@dataclass(frozen=True)
class Recipient:
    """Who gets the choice, as the youth hears it before the yes (issue 25): the coach by
    name when the youth came with an invite, else the team whose inbox it lands in."""

    coach: str | None
    team: str


def recipient(
    engine: Engine, settings: Settings, conversation_id: str, invite_code: str | None
) -> Recipient:
    """The coach and team a nomination of this conversation would go to (hand_off's rules)."""
    with Session(engine) as session:
        if repo.is_demo_conversation(session, conversation_id):
            team = repo.get_team(session, repo.DEMO_TEAM_SLUG)
            return Recipient(None, team.name if team else "Demo team")
        invite, _status = repo.check_invite(session, invite_code, conversation_id)
        if invite is not None:
            team = session.get(repo.Team, invite.team_id)
            coach = session.get(Coach, invite.coach_id) if invite.coach_id else None
            return Recipient(coach.name if coach else None, team.name)
        team = repo.get_team(session, settings.default_team)
        return Recipient(None, team.name if team else "Standaard team")


def invite_status(engine: Engine, code: str | None, conversation_id: str) -> str:
    """ "ok", "none", "unknown", "expired" or "used" for the code a conversation opened with."""
    with Session(engine) as session:
        return repo.check_invite(session, code, conversation_id)[1]


def hand_off(engine: Engine, settings: Settings, data: NominationInput) -> HandoffResult:
    """Store the nomination (idempotent per conversation) and its outbox rows in one transaction.

    A demo conversation (one the trainer demo made) always goes to the demo team, ignores any
    invite and never gets a notification, whatever the settings: demo data never reaches a
    real team, and real data never reaches the demo team.
    """
    with Session(engine) as session, session.begin():
        demo = repo.is_demo_conversation(session, data.conversation_id)
        invite = None
        if not demo:
            invite, _status = repo.check_invite(session, data.invite_code, data.conversation_id)
        if demo:
            team = repo.ensure_team(session, repo.DEMO_TEAM_SLUG, "Demo team", is_demo=True)
        elif invite:
            team = session.get(repo.Team, invite.team_id)
        else:
            team = inbox_team(session, settings)
        # issue 22: an earlier withdrawn choice of this chat is final now
        from bot.coach import withdrawal

        withdrawal.settle_before_new_choice(session, data.conversation_id)
        ref = repo.conversation_ref(settings.secret_key, data.conversation_id)
        nomination, created = repo.save_nomination(session, data, team, invite, ref)
        if demo:
            nomination.demo = True
        if created and not nomination.demo:
            notify.enqueue(session, settings, team, nomination)
        coach = session.get(Coach, nomination.coach_id) if nomination.coach_id else None
        return HandoffResult(
            reference=nomination.reference,
            nomination_id=nomination.id,
            created=created,
            with_invite=nomination.invite_id is not None,
            coach_name=coach.name if coach else None,
            team_name=team.name,
        )


def withdraw(engine: Engine, conversation_id: str) -> str | None:
    """Withdraw this conversation's nomination; returns its reference, or None if none."""
    with Session(engine) as session, session.begin():
        nomination = repo.withdraw_nomination(session, conversation_id)
        return nomination.reference if nomination else None
