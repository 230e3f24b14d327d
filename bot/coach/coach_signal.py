"""The coach signal (issue 24, item 6): a youth asks, with a yes, to be called soon.

The bot is a computer and cannot call. When a youth who got the help lines says yes to
"Mag je coach je snel bellen?", `request_contact` stores a signal for the youth's team and,
in the same transaction, the outbox rows that tell the team (`safety.contact_requested`,
bot/coach/notify.py). The coach portal shows open signals at the top of the list until a coach
marks one handled.

What is kept is the least a coach needs to act: the team, a keyed hash of the
conversation id (never the id itself), the nomination's reference and the invite if the
conversation has them, and when it was asked and handled. Never a name, never a message.
Without the youth's yes this module is not called, so nothing about it is stored.

Imports nothing from Rasa; `actions/safety.py` calls it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.coach import handoff, notify
from bot.settings import Settings
from bot.storage import Coach, Invite, Nomination, SafetySignal, Team, repo
from bot.storage.models import utcnow

EVENT = "safety.contact_requested"


def pseudonym(secret_key: str, conversation_id: str) -> str:
    """The conversation as coaches see it: the same keyed pseudonym as a nomination's
    `youth.conversation_id` (bot.storage.repo.conversation_ref), never the chat's own id."""
    return repo.conversation_ref(secret_key, conversation_id)


@dataclass(frozen=True)
class SignalResult:
    """What `request_contact` did: `created` is False when an open signal already existed."""

    signal_id: str
    created: bool
    demo: bool
    notifications: int


def _team_and_invite(
    session: Session, settings: Settings, conversation_id: str, invite_code: str | None
) -> tuple[Team, Invite | None]:
    """The team a nomination of this conversation would go to (bot/coach/handoff.py's rules)."""
    if repo.is_demo_conversation(session, conversation_id):
        return repo.ensure_team(session, repo.DEMO_TEAM_SLUG, "Demo team", is_demo=True), None
    invite, _status = repo.check_invite(session, invite_code, conversation_id)
    if invite is not None:
        return session.get(Team, invite.team_id), invite
    return handoff.inbox_team(session, settings), None


def open_signal(session: Session, conversation: str) -> SafetySignal | None:
    """The signal of this (hashed) conversation that no coach has handled yet, if any."""
    return (
        session.execute(
            select(SafetySignal)
            .where(SafetySignal.conversation == conversation, SafetySignal.handled_at.is_(None))
            .order_by(SafetySignal.created_at.desc())
        )
        .scalars()
        .first()
    )


def request_contact(
    engine: Engine, settings: Settings, conversation_id: str, invite_code: str | None = None
) -> SignalResult:
    """Store the youth's request to be called and its notifications, in one transaction.

    Once per conversation while a signal is open: a second yes (or a retry) returns the
    open one and sends nothing new. Once a coach has marked it handled, a new yes is a new
    signal. A demo conversation (or any conversation in the demo team) lands in the demo
    team and sends nothing: it shows in the demo's coach view only.
    """
    if not conversation_id:
        raise ValueError("conversation_id is required")
    conversation = pseudonym(settings.secret_key, conversation_id)
    with Session(engine) as session, session.begin():
        team, invite = _team_and_invite(session, settings, conversation_id, invite_code)
        existing = open_signal(session, conversation)
        if existing is not None:
            return SignalResult(existing.id, False, team.is_demo, 0)
        nomination = repo.get_nomination_by_conversation(session, conversation_id)
        reference = (
            nomination.reference
            if nomination is not None and nomination.status != "ingetrokken"
            else None
        )
        signal = SafetySignal(
            team_id=team.id,
            conversation=conversation,
            reference=reference,
            invite_id=invite.id if invite is not None else None,
        )
        session.add(signal)
        session.flush()
        sent = 0 if team.is_demo else notify.enqueue_signal(session, settings, team, signal)
        return SignalResult(signal.id, True, team.is_demo, sent)


def list_signals(
    session: Session, team_id: str, include_handled: bool = False, limit: int = 100
) -> list[SafetySignal]:
    """The team's signals, newest first; open ones only unless `include_handled`."""
    query = select(SafetySignal).where(SafetySignal.team_id == team_id)
    if not include_handled:
        query = query.where(SafetySignal.handled_at.is_(None))
    query = query.order_by(SafetySignal.created_at.desc(), SafetySignal.id).limit(limit)
    return list(session.execute(query).scalars().all())


def get_signal(session: Session, team_id: str, signal_id: str) -> SafetySignal | None:
    """A signal of this team, or None: other teams' signals do not exist for you."""
    return session.execute(
        select(SafetySignal).where(SafetySignal.id == signal_id, SafetySignal.team_id == team_id)
    ).scalar_one_or_none()


def mark_handled(session: Session, signal: SafetySignal, coach: Coach) -> bool:
    """Record who handled it and when; False (and nothing changed) if it already was."""
    if signal.handled_at is not None:
        return False
    signal.handled_at = utcnow()
    signal.handled_by = coach.id
    return True


def nomination_id_for(session: Session, team_id: str, reference: str | None) -> str | None:
    """The id of the team's nomination with this reference (for a link in the portal)."""
    if not reference:
        return None
    return session.execute(
        select(Nomination.id).where(
            Nomination.team_id == team_id, Nomination.reference == reference
        )
    ).scalar_one_or_none()


def signal_to_dict(signal: SafetySignal, invite_coach: str | None = None) -> dict:
    """The signal as the API returns it: no name, no message."""
    return {
        "id": signal.id,
        "event": EVENT,
        "created_at": signal.created_at.isoformat(),
        "team": signal.team_id,
        "reference": signal.reference,
        "conversation": signal.conversation,
        "coach": invite_coach,  # the coach who made the invite, or null
        "handled_at": signal.handled_at.isoformat() if signal.handled_at else None,
        "handled_by": signal.handled_by,
    }


def invite_coaches(session: Session, signals: list[SafetySignal]) -> dict[str, str | None]:
    """Per signal id: the id of the coach whose invite opened the conversation, if any."""
    invite_ids = {s.invite_id for s in signals if s.invite_id}
    if not invite_ids:
        return {}
    coach_of = dict(
        session.execute(select(Invite.id, Invite.coach_id).where(Invite.id.in_(invite_ids))).all()
    )
    return {s.id: coach_of.get(s.invite_id) for s in signals if s.invite_id}


def forget_conversation(session: Session, secret_key: str, conversation_id: str) -> int:
    """Delete this conversation's signals (a deletion request, or "Demo wissen")."""
    return session.execute(
        delete(SafetySignal).where(
            SafetySignal.conversation == pseudonym(secret_key, conversation_id)
        )
    ).rowcount


def demo_view(
    engine: Engine, secret_key: str, conversation_ids: list[str], current: str, limit: int = 8
) -> list[dict]:
    """The open signals of one trainer's demo conversations (their demo session), newest
    first, as the demo's coach side shows them; `current` marks the one on screen. Another
    trainer's demo, and any real signal, stays out."""
    if not conversation_ids:
        return []
    mine = {pseudonym(secret_key, c) for c in conversation_ids}
    shown = pseudonym(secret_key, current) if current else None
    with Session(engine) as session:
        team = repo.get_team(session, repo.DEMO_TEAM_SLUG)
        if team is None:
            return []
        return [
            {
                "created_at": s.created_at.isoformat(),
                "reference": s.reference,
                "current": s.conversation == shown,
            }
            for s in list_signals(session, team.id, limit=None)
            if s.conversation in mine
        ][:limit]
