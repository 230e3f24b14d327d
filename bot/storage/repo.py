"""Plain storage functions. Each takes a Session; the caller owns the transaction."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.storage.models import (
    ASKED_BY,
    PARENTS_ANSWERS,
    Alternative,
    Coach,
    ConversationKey,
    DemoConversation,
    DemoSession,
    Invite,
    Nomination,
    StatusChange,
    Team,
    utcnow,
)
from bot.vocabulary import KNOWS_ALREADY, SUPPORT_KINDS

# What secrets.token_urlsafe(12) in create_invite makes (16 characters), with room to spare.
INVITE_CODE_RE = re.compile(r"[A-Za-z0-9_-]{8,64}")
# Letters and digits a youth cannot mix up when reading aloud (no 0/O, 1/I/L).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
DEMO_TEAM_SLUG = "demo"
# Conversation ids the web app makes: the youth's chat (bot/web/chat.py) and the trainer
# demo (bot/web/demo.py). Clients never choose them.
CHAT_PREFIX = "web-"
DEMO_PREFIX = "demo-"
# What coaches, receivers and exports see instead of the conversation id.
REF_PREFIX = "gesprek-"


def hash_token(token: str) -> str:
    """Tokens are long random strings, so one SHA-256 is a safe one-way store."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_reference() -> str:
    return "JIM-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4))


# --- teams and coaches -------------------------------------------------------------------


def get_team(session: Session, slug: str) -> Team | None:
    return session.execute(select(Team).where(Team.slug == slug)).scalar_one_or_none()


def ensure_team(session: Session, slug: str, name: str | None = None, is_demo: bool = False):
    team = get_team(session, slug)
    if team is None:
        team = Team(slug=slug, name=name or slug, is_demo=is_demo)
        session.add(team)
        session.flush()
    return team


def create_coach(
    session: Session, team: Team, name: str, email: str | None = None, token: str | None = None
) -> tuple[Coach, str]:
    """Make a coach; returns the coach and its token, which is never stored in plain."""
    token = token or new_token()
    coach = Coach(team_id=team.id, name=name, email=email, token_hash=hash_token(token))
    session.add(coach)
    session.flush()
    return coach, token


def coach_for_token(session: Session, token: str) -> Coach | None:
    if not token:
        return None
    coach = session.execute(
        select(Coach).where(Coach.token_hash == hash_token(token))
    ).scalar_one_or_none()
    if coach is None or not coach.active:
        return None
    return coach


def list_coaches(session: Session) -> list[Coach]:
    return list(
        session.execute(select(Coach).options(selectinload(Coach.team)).order_by(Coach.created_at))
        .scalars()
        .all()
    )


def list_teams(session: Session) -> list[Team]:
    return list(session.execute(select(Team).order_by(Team.slug)).scalars())


def disable_coach(session: Session, coach_id: str) -> Coach | None:
    """Switch a coach off: the token stops working. None if there is no such coach."""
    coach = session.get(Coach, coach_id)
    if coach is not None:
        coach.active = False
    return coach


def rotate_coach_token(session: Session, coach_id: str) -> tuple[Coach, str] | None:
    """A new token for the coach (the old one stops working; the coach is active again).
    Returns the coach and the token, which is never stored in plain; None if no such coach."""
    coach = session.get(Coach, coach_id)
    if coach is None:
        return None
    token = new_token()
    coach.token_hash = hash_token(token)
    coach.active = True
    return coach, token


def set_team_email(session: Session, slug: str, email: str | None) -> Team | None:
    """Where new-nomination mails of the team go (empty: nowhere). None if no such team."""
    team = get_team(session, slug)
    if team is not None:
        team.notify_email = email or None
    return team


def set_team_review_months(session: Session, slug: str, months: int) -> Team | None:
    """How often (1 to 12 months) the team reviews a started JIM with youth and JIM (issue
    18). None if no such team; ValueError outside 1 to 12."""
    if not 1 <= months <= 12:
        raise ValueError("Give a number of months from 1 to 12.")
    team = get_team(session, slug)
    if team is not None:
        team.review_months = months
    return team


def set_team_webhook(
    session: Session, slug: str, url: str | None, secret: str | None = None
) -> Team | None:
    """The URL that receives the team's signed nominations (empty: none), with its signing
    secret (default: a new random one). None if no such team; ValueError for a URL that
    is not http(s)."""
    team = get_team(session, slug)
    if team is None:
        return None
    if not url:
        team.webhook_url = team.webhook_secret = None
        return team
    if not url.startswith(("http://", "https://")):
        raise ValueError("The webhook URL must start with http:// or https://.")
    team.webhook_url = url
    team.webhook_secret = secret or secrets.token_urlsafe(32)
    return team


# --- invites -------------------------------------------------------------------------------


def create_invite(session: Session, coach: Coach, days: int) -> Invite:
    invite = Invite(
        code=secrets.token_urlsafe(12),
        team_id=coach.team_id,
        coach_id=coach.id,
        expires_at=utcnow() + timedelta(days=days),
    )
    session.add(invite)
    session.flush()
    return invite


def check_invite(
    session: Session, code: str | None, conversation_id: str, now: datetime | None = None
) -> tuple[Invite | None, str]:
    """Look up an invite for a conversation: (invite, "ok") or (None, why not).

    The reasons are "none", "unknown", "expired" and "used" (used by another conversation).
    A conversation that already holds the invite may come back to it.
    """
    if not code:
        return None, "none"
    # The code comes from the youth's message (the JSON of /start{"invite_code": ...}), so it
    # may be anything: a number, a list, a NUL byte (PostgreSQL refuses that), a megabyte.
    # Nothing that create_invite could have made is looked up at all.
    if not isinstance(code, str) or not INVITE_CODE_RE.fullmatch(code):
        return None, "unknown"
    now = now or utcnow()
    invite = session.execute(select(Invite).where(Invite.code == code)).scalar_one_or_none()
    if invite is None:
        return None, "unknown"
    if invite.conversation_id and invite.conversation_id != conversation_id:
        return None, "used"
    if invite.expires_at <= now:
        return None, "expired"
    return invite, "ok"


def claim_invite(session: Session, invite: Invite, conversation_id: str) -> None:
    if invite.conversation_id is None:
        invite.conversation_id = conversation_id
        invite.used_at = utcnow()


# --- nominations ---------------------------------------------------------------------------


@dataclass
class NominationInput:
    """What the conversation hands over; validated here, independent of Rasa."""

    conversation_id: str
    mentor_name: str
    mentor_relation: str
    consent_text_version: str
    consent_at: datetime = field(default_factory=utcnow)
    youth_name: str | None = None
    youth_age: int | None = None
    mentor_reason: str | None = None
    mentor_support: list[str] = field(default_factory=list)
    mentor_knows_already: str | None = None
    mentor_contact: str | None = None
    alternatives: list[dict] = field(default_factory=list)
    invite_code: str | None = None
    mentor_relation_text: str | None = None  # issue 20: the youth's words for "anders"
    mentor_asked_by: str | None = None  # issue 25
    parents_answer: str | None = None

    def __post_init__(self) -> None:
        if not self.conversation_id:
            raise ValueError("conversation_id is required")
        if not (self.mentor_name or "").strip():
            raise ValueError("mentor_name is required")
        unknown = set(self.mentor_support) - set(SUPPORT_KINDS)
        if unknown:
            raise ValueError(f"unknown support kinds: {sorted(unknown)}")
        if self.mentor_knows_already not in (None, *KNOWS_ALREADY):
            raise ValueError("mentor_knows_already must be ja, nee or weet_niet")
        if self.mentor_asked_by not in (None, *ASKED_BY):
            raise ValueError("mentor_asked_by must be jongere, samen or coach")
        if self.parents_answer not in (None, *PARENTS_ANSWERS):
            raise ValueError("parents_answer must be ja, nee or coach")

    @property
    def parent_consent_needed(self) -> bool:
        """Under 16 the parents must also agree (Dutch law); unknown age: ask them to be sure."""
        return self.youth_age is None or self.youth_age < 16


def get_nomination_by_conversation(session: Session, conversation_id: str) -> Nomination | None:
    return session.execute(
        select(Nomination).where(Nomination.conversation_id == conversation_id)
    ).scalar_one_or_none()


def _unique_reference(session: Session) -> str:
    for _ in range(50):
        reference = new_reference()
        taken = session.execute(
            select(func.count()).select_from(Nomination).where(Nomination.reference == reference)
        ).scalar_one()
        if not taken:
            return reference
    raise RuntimeError("could not find a free reference code")


def save_nomination(
    session: Session,
    data: NominationInput,
    team: Team,
    invite: Invite | None = None,
    conversation_ref: str | None = None,
) -> tuple[Nomination, bool]:
    """Store a consented nomination once per conversation; returns (nomination, created).

    `conversation_ref` is the pseudonym coaches see (bot/coach/handoff.py passes the keyed one of
    `conversation_ref()`); without it a random one, never the conversation id itself.
    """
    existing = get_nomination_by_conversation(session, data.conversation_id)
    if existing is not None and existing.status == "niet_gelukt":
        # issue 18: choosing again after a choice that did not work out. The old nomination
        # stays as it is for the coach (its reference still answers "hoe staat het?"), but
        # lets go of the conversation, which holds one current nomination.
        from bot.storage.privacy import NOT_WORKED_SUFFIX

        existing.conversation_id = f"{data.conversation_id}{NOT_WORKED_SUFFIX}{existing.reference}"
        session.flush()
        existing = None
    if existing is not None and existing.status != "ingetrokken":
        return existing, False
    if existing is not None:
        # A youth who withdrew and now chooses again: the old, erased record makes room.
        session.delete(existing)
        session.flush()
    nomination = Nomination(
        reference=_unique_reference(session),
        status="nieuw",
        demo=team.is_demo,
        team_id=team.id,
        coach_id=invite.coach_id if invite else None,
        invite_id=invite.id if invite else None,
        conversation_id=data.conversation_id,
        conversation_ref=conversation_ref or REF_PREFIX + secrets.token_hex(16),
        youth_name=data.youth_name,
        youth_age=data.youth_age,
        parent_consent_needed=data.parent_consent_needed,
        mentor_name=data.mentor_name.strip(),
        mentor_relation=data.mentor_relation,
        mentor_relation_text=(data.mentor_relation_text or None)
        and data.mentor_relation_text[:120],
        mentor_reason=data.mentor_reason,
        mentor_support=list(data.mentor_support),
        mentor_knows_already=data.mentor_knows_already,
        mentor_contact=data.mentor_contact,
        mentor_asked_by=data.mentor_asked_by,
        parents_answer=data.parents_answer,
        consent_given=True,
        consent_at=data.consent_at,
        consent_text_version=data.consent_text_version,
        alternatives=[
            Alternative(position=i, name=alt.get("name"), relation=alt.get("relation"))
            for i, alt in enumerate(data.alternatives)
        ],
    )
    session.add(nomination)
    session.flush()
    session.add(StatusChange(nomination_id=nomination.id, actor="jongere", to_status="nieuw"))
    if invite is not None:
        claim_invite(session, invite, data.conversation_id)
    return nomination, True


def list_nominations(
    session: Session,
    team_id: str,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Nomination]:
    query = (
        select(Nomination)
        .options(selectinload(Nomination.alternatives))
        .where(Nomination.team_id == team_id)
        .order_by(Nomination.created_at.desc(), Nomination.id)
    )
    if status:
        query = query.where(Nomination.status == status)
    return list(session.execute(query.limit(limit).offset(offset)).scalars().all())


def get_nomination(session: Session, team_id: str, nomination_id: str) -> Nomination | None:
    """A nomination of this team, or None: other teams' nominations do not exist for you."""
    return session.execute(
        select(Nomination)
        .options(selectinload(Nomination.alternatives))
        .where(Nomination.id == nomination_id, Nomination.team_id == team_id)
    ).scalar_one_or_none()


def withdraw_nomination(
    session: Session, conversation_id: str, undo_until: datetime | None = None
) -> Nomination | None:
    """The youth takes back consent: mark it withdrawn and erase every personal detail.

    With `undo_until` (issue 22) the details are not erased yet but hidden: moved to
    `hidden_details`, which nothing shows (not the portal, the API or a webhook), until
    then. `restore_nomination` puts them back before that time; `finish_withdrawal`
    drops them for good after it.
    """
    nomination = get_nomination_by_conversation(session, conversation_id)
    if nomination is None or nomination.status == "ingetrokken":
        return nomination
    previous = nomination.status
    if undo_until is not None:
        nomination.hidden_details = {
            "from_status": previous,
            **{name: getattr(nomination, name) for name in PERSONAL_FIELDS},
            "mentor_support": list(nomination.mentor_support or []),
            "alternatives": [
                {"name": alt.name, "relation": alt.relation} for alt in nomination.alternatives
            ],
        }
        nomination.undo_until = undo_until
    nomination.status = "ingetrokken"
    nomination.withdrawn_at = utcnow()
    nomination.consent_given = False
    nomination.youth_name = None
    nomination.youth_age = None
    nomination.mentor_name = None
    nomination.mentor_relation = None
    nomination.mentor_relation_text = None
    nomination.mentor_reason = None
    nomination.mentor_support = []
    nomination.mentor_knows_already = None
    nomination.mentor_contact = None
    nomination.mentor_asked_by = None
    nomination.parents_answer = None
    nomination.alternatives = []
    session.add(
        StatusChange(
            nomination_id=nomination.id,
            actor="jongere",
            from_status=previous,
            to_status="ingetrokken",
        )
    )
    return nomination


# --- issue 22: undo within UNDO_MINUTES, then gone for good ------------------------------

# The columns a withdrawal hides (and an undo puts back).
PERSONAL_FIELDS = (
    "youth_name", "youth_age", "mentor_name", "mentor_relation", "mentor_reason",
    "mentor_support", "mentor_knows_already", "mentor_contact", "mentor_relation_text",
    "mentor_asked_by", "parents_answer",
)  # fmt: skip


def restore_nomination(
    session: Session, conversation_id: str, now: datetime | None = None
) -> tuple[Nomination | None, str]:
    """ "toch wel": (nomination, "restored"), or (None|nomination, "too_late"|"nothing").

    Restores the nomination exactly as it was (details, alternatives, status) and adds
    the step back to the status history; no notification is sent again.
    """
    now = now or utcnow()
    nomination = get_nomination_by_conversation(session, conversation_id)
    if nomination is None or nomination.status != "ingetrokken":
        return nomination, "nothing"
    hidden = nomination.hidden_details
    if not hidden or nomination.undo_until is None or nomination.undo_until <= now:
        return nomination, "too_late"
    for name in PERSONAL_FIELDS:
        setattr(nomination, name, hidden.get(name))
    nomination.mentor_support = list(hidden.get("mentor_support") or [])
    nomination.alternatives = [
        Alternative(position=i, name=alt.get("name"), relation=alt.get("relation"))
        for i, alt in enumerate(hidden.get("alternatives") or [])
    ]
    restored_status = hidden.get("from_status") or "nieuw"
    nomination.status = restored_status
    nomination.consent_given = True
    nomination.withdrawn_at = None
    nomination.hidden_details = None
    nomination.undo_until = None
    session.add(
        StatusChange(
            nomination_id=nomination.id,
            actor="jongere",
            from_status="ingetrokken",
            to_status=restored_status,
        )
    )
    return nomination, "restored"


def withdrawals_due(session: Session, now: datetime | None = None) -> list[Nomination]:
    """Withdrawn nominations whose undo time is over and whose details still wait."""
    now = now or utcnow()
    return list(
        session.execute(
            select(Nomination).where(
                Nomination.status == "ingetrokken",
                Nomination.undo_until.is_not(None),
                Nomination.undo_until <= now,
            )
        )
        .scalars()
        .all()
    )


def hidden_values(hidden: dict | None) -> list[str]:
    """The typed details inside `hidden_details` (names, contact, reason), as strings."""
    hidden = hidden or {}
    values = [hidden.get(k) for k in ("youth_name", "mentor_name", "mentor_contact")]
    values.append(hidden.get("mentor_reason"))
    values += [alt.get("name") for alt in hidden.get("alternatives") or []]
    return [v for v in values if isinstance(v, str) and v.strip()]


def nomination_to_dict(nomination: Nomination) -> dict:
    """The nomination JSON of DESIGN.md."""
    return {
        "id": nomination.id,
        "reference": nomination.reference,
        "created_at": nomination.created_at.isoformat(),
        "status": nomination.status,
        "demo": nomination.demo,
        "team": nomination.team_id,
        "coach": nomination.coach_id,  # null: no (valid) invite, so the team's inbox
        "youth": {
            "name": nomination.youth_name,
            "age": nomination.youth_age,
            # A pseudonym (README "Security"): the conversation id is a key to the chat.
            "conversation_id": nomination.conversation_ref,
            "parent_consent_needed": nomination.parent_consent_needed,
            # issue 25: the youth's answer to "your coach asks your parents too", before
            # the yes: ja, nee (not wanted), coach (danger at home: the coach first) or null
            "parents_answer": nomination.parents_answer,
        },
        "mentor": {
            "name": nomination.mentor_name,
            "relation": nomination.mentor_relation,
            # issue 20: the youth's own words for someone else (`anders`), else null
            "relation_text": nomination.mentor_relation_text,
            "reason": nomination.mentor_reason,
            "support": list(nomination.mentor_support or []),
            "knows_already": nomination.mentor_knows_already,
            "contact": nomination.mentor_contact,
            # issue 25: who asks the person: jongere, samen (with the coach), coach, or null
            "asked_by": nomination.mentor_asked_by,
        },
        "alternatives": [
            {"name": alt.name, "relation": alt.relation} for alt in nomination.alternatives
        ],
        "consent": {
            "given": nomination.consent_given,
            "at": nomination.consent_at.isoformat(),
            "text_version": nomination.consent_text_version,
        },
    }


# --- conversation keys (the youth's browser) -------------------------------------------------


def conversation_ref(secret_key: str, conversation_id: str) -> str:
    """The pseudonym of a conversation for coaches and receivers: stable, keyed, one-way.

    Whoever has it cannot reach the chat (that takes the id and the browser's secret), nor
    compute it without SECRET_KEY; the server maps it back through the nominations table.
    """
    digest = hmac.new(
        secret_key.encode("utf-8"),
        b"conversation-ref:" + conversation_id.encode("utf-8"),
        hashlib.sha256,
    ).hexdigest()
    return REF_PREFIX + digest[:32]


def new_conversation(session: Session) -> tuple[str, str]:
    """A new chat conversation: (id, secret). Only the secret's hash is stored."""
    conversation_id = CHAT_PREFIX + secrets.token_urlsafe(24)
    secret = new_token()
    session.add(ConversationKey(conversation_id=conversation_id, secret_hash=hash_token(secret)))
    session.flush()
    return conversation_id, secret


def conversation_secret_ok(session: Session, conversation_id: str, secret: str) -> bool | None:
    """True: the secret belongs to this conversation; False: it does not; None: no such key."""
    key = session.get(ConversationKey, conversation_id)
    if key is None:
        return None
    return bool(secret) and hmac.compare_digest(key.secret_hash, hash_token(secret))


# --- demo sessions (the trainer's browser) ---------------------------------------------------


def get_demo_session(session: Session, cookie: str | None) -> DemoSession | None:
    if not cookie or len(cookie) > 200:
        return None
    return session.get(DemoSession, hash_token(cookie))


def new_demo_session(session: Session) -> tuple[DemoSession, str]:
    """A new demo session and the cookie value for the trainer's browser."""
    cookie = new_token()
    demo_session = DemoSession(id=hash_token(cookie))
    session.add(demo_session)
    session.flush()
    return demo_session, cookie


def new_demo_conversation(session: Session, demo_session: DemoSession) -> str:
    conversation_id = DEMO_PREFIX + secrets.token_urlsafe(24)
    session.add(DemoConversation(conversation_id=conversation_id, session_id=demo_session.id))
    session.flush()
    return conversation_id


def demo_conversation_ids(session: Session, demo_session_id: str) -> list[str]:
    return list(
        session.execute(
            select(DemoConversation.conversation_id)
            .where(DemoConversation.session_id == demo_session_id)
            .order_by(DemoConversation.created_at)
        ).scalars()
    )


def is_demo_conversation(session: Session, conversation_id: str | None) -> bool:
    """Only a conversation the demo page made is a demo conversation, whatever its id says."""
    if not conversation_id:
        return False
    return session.get(DemoConversation, conversation_id) is not None


def move_real_nominations_out_of_demo(session: Session, default_team: Team) -> int:
    """Real nominations that earlier versions put in the demo team go to the default team.

    Before issue 23 a real chat without invite landed in the demo team in demo mode (marked
    demo), where the demo coach token and the demo page showed it. Real is what the demo
    page did not make: not listed in demo_conversations, and (for nominations from before
    that table) no `demo-` id of the old demo page. Returns how many moved.
    """
    demo = get_team(session, DEMO_TEAM_SLUG)
    if demo is None or demo.id == default_team.id:
        return 0
    rows = session.execute(
        select(Nomination).where(
            Nomination.team_id == demo.id,
            ~Nomination.conversation_id.startswith(DEMO_PREFIX),
            Nomination.conversation_id.not_in(select(DemoConversation.conversation_id)),
        )
    ).scalars()
    moved = 0
    for nomination in rows:
        nomination.team_id = default_team.id
        nomination.demo = False
        moved += 1
    return moved
