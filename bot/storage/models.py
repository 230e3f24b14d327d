"""Database tables of JIM-kiezer (SQLAlchemy 1.4 in 2.0 style).

The schema itself is created and changed by Alembic (`migrations/`); these classes are
the single description both Alembic and the code use.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

STATUSES = ("nieuw", "in_contact", "jim_gestart", "niet_gelukt", "ingetrokken")
ASKED_BY = ("jongere", "samen", "coach")
# "ja": fine; "nee": the youth does not want it (the coach talks with them first);
# "coach": the youth told about danger at home, so the coach talks with them, not the parents.
PARENTS_ANSWERS = ("ja", "nee", "coach")
SUPPORT_KINDS = ("emotioneel", "praktisch", "advies", "gezelschap")
KNOWS_ALREADY = ("ja", "nee", "weet_niet")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as UTC and always gives them back aware (SQLite drops tz)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given; use an aware UTC datetime")
            value = value.astimezone(timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class Team(Base):
    """A team of coaches; nominations belong to one team and only it sees them."""

    __tablename__ = "teams"

    id = Column(String(36), primary_key=True, default=new_id)
    slug = Column(String(64), unique=True, nullable=False)
    name = Column(String(200), nullable=False)
    is_demo = Column(Boolean, nullable=False, default=False)
    webhook_url = Column(String(500), nullable=True)
    webhook_secret = Column(String(200), nullable=True)
    notify_email = Column(String(300), nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)

    coaches = relationship("Coach", back_populates="team")


class Coach(Base):
    """A professional who receives nominations; authenticated by a hashed bearer token."""

    __tablename__ = "coaches"

    id = Column(String(36), primary_key=True, default=new_id)
    team_id = Column(String(36), ForeignKey("teams.id"), nullable=False, index=True)
    name = Column(String(200), nullable=False)
    email = Column(String(300), nullable=True)
    token_hash = Column(String(64), unique=True, nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)

    team = relationship("Team", back_populates="coaches")


class Invite(Base):
    """An unguessable code a coach gives one youth; binds the conversation to the team."""

    __tablename__ = "invites"

    id = Column(String(36), primary_key=True, default=new_id)
    code = Column(String(64), unique=True, nullable=False)
    team_id = Column(String(36), ForeignKey("teams.id"), nullable=False, index=True)
    coach_id = Column(String(36), ForeignKey("coaches.id"), nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    expires_at = Column(UTCDateTime, nullable=False)
    used_at = Column(UTCDateTime, nullable=True)
    conversation_id = Column(String(200), nullable=True)


class Nomination(Base):
    """A youth's chosen JIM plus the youth's consent, as handed to the coach."""

    __tablename__ = "nominations"

    id = Column(String(36), primary_key=True, default=new_id)
    reference = Column(String(16), unique=True, nullable=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    status = Column(String(20), nullable=False, default="nieuw")
    demo = Column(Boolean, nullable=False, default=False)
    team_id = Column(String(36), ForeignKey("teams.id"), nullable=False, index=True)
    coach_id = Column(String(36), ForeignKey("coaches.id"), nullable=True)
    invite_id = Column(String(36), ForeignKey("invites.id"), nullable=True)
    # One nomination per conversation: the handoff is idempotent on this key.
    conversation_id = Column(String(200), unique=True, nullable=False)
    # What coaches, receivers and exports see as `youth.conversation_id`: a pseudonym
    # (bot/storage/privacy.py conversation_ref) that is no key to the conversation itself.
    conversation_ref = Column(String(64), index=True, nullable=True)

    youth_name = Column(String(100), nullable=True)
    youth_age = Column(Integer, nullable=True)
    parent_consent_needed = Column(Boolean, nullable=False, default=False)

    mentor_name = Column(String(100), nullable=True)
    mentor_relation = Column(String(40), nullable=True)
    mentor_reason = Column(Text, nullable=True)
    mentor_support = Column(JSON, nullable=False, default=list)
    mentor_knows_already = Column(String(10), nullable=True)
    mentor_contact = Column(String(200), nullable=True)
    # issue 25: who asks the chosen person (ASKED_BY), and the youth's answer under 16 to
    # "your coach asks your parents too" (PARENTS_ANSWERS); null when not asked.
    mentor_asked_by = Column(String(10), nullable=True)
    parents_answer = Column(String(10), nullable=True)

    consent_given = Column(Boolean, nullable=False)
    consent_at = Column(UTCDateTime, nullable=False)
    consent_text_version = Column(String(20), nullable=False)
    withdrawn_at = Column(UTCDateTime, nullable=True)
    # issue 22: after a withdrawal the details wait here, hidden, until `undo_until`;
    # "toch wel" before then restores them, later the purge step removes them for good.
    hidden_details = Column(JSON, nullable=True)
    undo_until = Column(UTCDateTime, nullable=True)

    alternatives = relationship(
        "Alternative",
        order_by="Alternative.position",
        cascade="all, delete-orphan",
        back_populates="nomination",
    )


class Alternative(Base):
    """Another person the youth named; kept beside the choice."""

    __tablename__ = "alternatives"

    id = Column(Integer, primary_key=True, autoincrement=True)
    nomination_id = Column(
        String(36), ForeignKey("nominations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position = Column(Integer, nullable=False, default=0)
    name = Column(String(100), nullable=True)
    relation = Column(String(40), nullable=True)

    nomination = relationship("Nomination", back_populates="alternatives")


class StatusChange(Base):
    """Audit trail of every status change of a nomination: who, when, from, to."""

    __tablename__ = "status_changes"

    id = Column(Integer, primary_key=True, autoincrement=True)
    nomination_id = Column(
        String(36), ForeignKey("nominations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    at = Column(UTCDateTime, nullable=False, default=utcnow)
    actor = Column(String(200), nullable=False)
    from_status = Column(String(20), nullable=True)
    to_status = Column(String(20), nullable=False)


class OutboxMessage(Base):
    """A notification to send after a nomination is stored (e-mail or webhook).

    Written in the same transaction as the nomination, so nothing is lost when the mail
    server or the receiver is down; a dispatcher sends it later, with retries.
    The id doubles as the delivery id receivers use to drop duplicates.
    """

    __tablename__ = "outbox"

    id = Column(String(36), primary_key=True, default=new_id)
    kind = Column(String(10), nullable=False)  # "email" or "webhook"
    # issue 22: "nomination.created" or "nomination.withdrawn"
    event = Column(String(40), nullable=False, default="nomination.created")
    team_id = Column(String(36), ForeignKey("teams.id"), nullable=False)
    # A row is about a nomination or (issue 24) about a coach signal: exactly one is set.
    nomination_id = Column(
        String(36), ForeignKey("nominations.id", ondelete="CASCADE"), nullable=True, index=True
    )
    signal_id = Column(
        String(36), ForeignKey("safety_signals.id", ondelete="CASCADE"), nullable=True, index=True
    )
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    sent_at = Column(UTCDateTime, nullable=True)
    last_error = Column(Text, nullable=True)


class ConversationKey(Base):
    """The hash of the secret that the youth's browser holds for one conversation.

    The web app makes the conversation id and the secret (bot/web/chat.py); only the browser
    that got them can read the history or send in that conversation. The secret itself is
    never stored: it has 256 random bits, so one SHA-256 is a safe one-way store.
    """

    __tablename__ = "conversation_keys"

    conversation_id = Column(String(200), primary_key=True)
    secret_hash = Column(String(64), nullable=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)


class DemoSession(Base):
    """One trainer's browser on /demo: the hash of its random cookie.

    Kept in the database (not in memory, not in a signed cookie) so that it holds for every
    web process and after a restart, and so that its conversations are known server side:
    the demo API answers only about conversations listed under the caller's session.
    """

    __tablename__ = "demo_sessions"

    id = Column(String(64), primary_key=True)  # SHA-256 of the cookie value
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)


class DemoConversation(Base):
    """A conversation the demo page made (server-side id), and the demo session it belongs to.

    Only a conversation listed here is a demo conversation: its nomination goes to the demo
    team, marked demo, without notifications (bot/coach/handoff.py).
    """

    __tablename__ = "demo_conversations"

    conversation_id = Column(String(200), primary_key=True)
    session_id = Column(
        String(64), ForeignKey("demo_sessions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)


# --- issue 24, item 6: the coach signal -------------------------------------------------


class SafetySignal(Base):
    """A youth's yes to "Mag je coach je snel bellen?": the team should call them soon.

    Holds nothing the youth typed and no name: the conversation only as a keyed hash
    (bot/coach/coach_signal.py), the nomination's reference and the invite if the conversation
    has them, so the coach can find out who it is. Open until a coach marks it handled.
    """

    __tablename__ = "safety_signals"

    id = Column(String(36), primary_key=True, default=new_id)
    team_id = Column(String(36), ForeignKey("teams.id"), nullable=False, index=True)
    conversation = Column(String(64), nullable=False, index=True)  # HMAC, never the raw id
    reference = Column(String(16), nullable=True)
    invite_id = Column(String(36), ForeignKey("invites.id", ondelete="SET NULL"), nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    handled_at = Column(UTCDateTime, nullable=True)
    handled_by = Column(String(36), ForeignKey("coaches.id", ondelete="SET NULL"), nullable=True)
