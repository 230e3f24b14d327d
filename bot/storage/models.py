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
    Date,
    DateTime,
    ForeignKey,
    Index,
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
    # issue 18: months between reviews of a started JIM with youth and JIM (team setting)
    review_months = Column(Integer, nullable=False, default=2, server_default="2")

    coaches = relationship("Coach", back_populates="team")


ROLES = ("coach", "teamleider", "beheerder")


class Coach(Base):
    """A professional of one team: a personal account (issue 17) for the portal.

    Signs in with e-mail, password (argon2) and a second factor, or through the
    organisation's identity provider. `token_hash` is the coach token of before issue 17:
    kept so existing API clients keep working; accounts made in the portal have none.
    """

    __tablename__ = "coaches"

    id = Column(String(36), primary_key=True, default=new_id)
    team_id = Column(String(36), ForeignKey("teams.id"), nullable=False, index=True)
    name = Column(String(200), nullable=False)
    email = Column(String(300), nullable=True, index=True)
    token_hash = Column(String(64), unique=True, nullable=True)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    # issue 17: personal accounts
    role = Column(String(20), nullable=False, default="coach", server_default="coach")
    password_hash = Column(String(200), nullable=True)
    totp_secret = Column(String(64), nullable=True)
    totp_last_step = Column(Integer, nullable=True)  # the last accepted code: never again
    failed_logins = Column(Integer, nullable=False, default=0, server_default="0")
    locked_until = Column(UTCDateTime, nullable=True)
    sso_subject = Column(String(300), nullable=True, unique=True)

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
    # issue 18: an invite to choose again after a nomination that did not work out; the
    # chat then offers the people that nomination named as well. No foreign key: invites
    # and nominations would point at each other (the code checks team and status).
    previous_nomination_id = Column(String(36), nullable=True)


class Nomination(Base):
    """A youth's chosen JIM plus the youth's consent, as handed to the coach."""

    __tablename__ = "nominations"
    # issue 19: insight reads a team's (or every team's) nominations of a period
    __table_args__ = (
        Index("ix_nominations_team_created", "team_id", "created_at"),
        Index("ix_nominations_created_at", "created_at"),
    )

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
    # issue 20: for `anders`, how the youth described the person ("de imam van de moskee")
    mentor_relation_text = Column(String(120), nullable=True)
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
    # issue 17: a sign-in link for an account (event "account.link"), sent to its address
    link_id = Column(
        String(36), ForeignKey("login_links.id", ondelete="CASCADE"), nullable=True, index=True
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


# --- issue 18: after the choice ----------------------------------------------------------


class NominationNote(Base):
    """Something a coach did with a nomination besides its status: the nomination's history.

    `kind` is "letter" (the letter for the JIM was made) or "review" (the review with youth
    and JIM took place, with a short note). Shown in the portal's history beside the status
    changes; a review also sets when the next one is due.
    """

    __tablename__ = "nomination_notes"

    id = Column(Integer, primary_key=True, autoincrement=True)
    nomination_id = Column(
        String(36), ForeignKey("nominations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind = Column(String(20), nullable=False)
    at = Column(UTCDateTime, nullable=False, default=utcnow)
    actor = Column(String(200), nullable=False)  # the coach's id
    note = Column(Text, nullable=True)


# --- issue 17: accounts, sessions, links, access log, integration tokens ------------------


class RecoveryCode(Base):
    """A one-time code that stands in for the second factor; shown once, stored hashed."""

    __tablename__ = "recovery_codes"

    id = Column(Integer, primary_key=True, autoincrement=True)
    coach_id = Column(
        String(36), ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False, index=True
    )
    code_hash = Column(String(200), nullable=False)
    used_at = Column(UTCDateTime, nullable=True)


class PortalSession(Base):
    """A signed-in browser, kept on the server so it can be ended at once.

    The cookie holds only a random value; this row holds its SHA-256. `verified` is false
    between the password and the second factor.
    """

    __tablename__ = "portal_sessions"

    id = Column(String(64), primary_key=True)
    coach_id = Column(
        String(36), ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_seen_at = Column(UTCDateTime, nullable=False, default=utcnow)
    verified = Column(Boolean, nullable=False, default=False)
    method = Column(String(20), nullable=False, default="password")


class LoginLink(Base):
    """A one-time e-mail link for the first sign-in or a password reset.

    Only its hash is stored; the mail's token is derived from SECRET_KEY and the id when
    the outbox sends it, so the database alone never holds a working link.
    """

    __tablename__ = "login_links"

    id = Column(String(36), primary_key=True, default=new_id)
    coach_id = Column(
        String(36), ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False, index=True
    )
    token_hash = Column(String(64), unique=True, nullable=False)
    purpose = Column(String(10), nullable=False)  # "welkom" or "reset"
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    expires_at = Column(UTCDateTime, nullable=False)
    used_at = Column(UTCDateTime, nullable=True)


class AccessLogEntry(Base):
    """NEN 7513: who looked at or changed which nomination (or list), when, from where.

    No foreign keys: an entry outlives the nomination and the account it names. Holds ids,
    the reference and the filter, never a youth's details. Nothing in the product updates
    or deletes a row; only the retention purge (ACCESS_LOG_DAYS) removes old ones.
    """

    __tablename__ = "access_log"

    id = Column(Integer, primary_key=True, autoincrement=True)
    at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    team_id = Column(String(36), nullable=False, index=True)
    actor_id = Column(String(36), nullable=True)  # coach id, or integration token id
    actor_name = Column(String(300), nullable=False)
    channel = Column(String(10), nullable=False)  # "portal" or "api"
    action = Column(String(20), nullable=False)  # list, detail, export, status, history
    nomination_id = Column(String(36), nullable=True, index=True)
    reference = Column(String(16), nullable=True)
    detail = Column(String(300), nullable=True)  # the filter of a list, or the new status
    address = Column(String(64), nullable=True)


class IntegrationToken(Base):
    """A team's token for a machine (the API): named, shown once, stored as a hash."""

    __tablename__ = "integration_tokens"

    id = Column(String(36), primary_key=True, default=new_id)
    team_id = Column(String(36), ForeignKey("teams.id"), nullable=False, index=True)
    name = Column(String(100), nullable=False)
    token_hash = Column(String(64), unique=True, nullable=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    created_by = Column(String(36), ForeignKey("coaches.id", ondelete="SET NULL"), nullable=True)
    last_used_at = Column(UTCDateTime, nullable=True)
    revoked_at = Column(UTCDateTime, nullable=True)


class Passkey(Base):
    """A passkey (WebAuthn credential) of an account, its second factor without a code."""

    __tablename__ = "passkeys"

    id = Column(Integer, primary_key=True, autoincrement=True)
    coach_id = Column(
        String(36), ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False, index=True
    )
    credential_id = Column(String(400), unique=True, nullable=False)  # base64url
    public_key = Column(Text, nullable=False)  # base64url of the COSE key
    sign_count = Column(Integer, nullable=False, default=0)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_used_at = Column(UTCDateTime, nullable=True)


# --- issue 19: the review queue ("Leren") ---------------------------------------------


class ReviewItem(Base):
    """A message the bot did not understand, masked, for the beheerder to label or throw away.

    Only with LEARN_FROM_CHATS on. Holds the masked text (never the raw one), why it was kept,
    the intent the NLU guessed, the question it was asked at and when; the conversation
    only as the keyed pseudonym of issue 23 (so a deletion on request finds it, nobody can
    read the chat from it). Removed after REVIEW_KEEP_DAYS; thrown away = deleted.
    """

    __tablename__ = "review_items"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation = Column(String(64), nullable=False, index=True)  # HMAC, never the raw id
    message_key = Column(String(64), nullable=False, unique=True)  # one row per message
    text = Column(Text, nullable=False)  # masked
    reason = Column(String(20), nullable=False)  # fallback, not_understood, low_confidence, refused
    intent = Column(String(64), nullable=True)  # the NLU's guess
    confidence = Column(Integer, nullable=True)  # percent
    question = Column(String(64), nullable=True)  # the form question or the bot's last text
    created_at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    label_intent = Column(String(64), nullable=True)
    label_entities = Column(JSON, nullable=True)  # [{"entity": ..., "value": substring}]
    labelled_at = Column(UTCDateTime, nullable=True)
    labelled_by = Column(String(36), nullable=True)  # the beheerder's account id


# --- insight (issue 19): counts kept as events arrive, never a youth's name or words ----------


class InsightCount(Base):
    """One aggregate count of a team on a day (the day the conversation started): a funnel
    step reached, where conversations left, a consent answer. Read by bot/insight/."""

    __tablename__ = "insight_counts"

    team_id = Column(
        String(36), ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True, nullable=False
    )
    day = Column(Date, primary_key=True, nullable=False)
    metric = Column(String(40), primary_key=True, nullable=False)
    count = Column(Integer, nullable=False, default=0)

    __table_args__ = (Index("ix_insight_counts_day", "day"),)


class InsightConversation(Base):
    """Where one conversation is in the funnel, keyed by its pseudonym (never the chat's id):
    its team and start day, the furthest question reached and whether it was sent."""

    __tablename__ = "insight_conversations"

    conversation = Column(String(64), primary_key=True)
    team_id = Column(
        String(36), ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True
    )
    day = Column(Date, nullable=False)
    last_step = Column(String(40), nullable=True)
    sent = Column(Boolean, nullable=False, default=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)


class InsightMark(Base):
    """A step this conversation reached, once: the marker that keeps the counts idempotent."""

    __tablename__ = "insight_marks"

    conversation = Column(
        String(64),
        ForeignKey("insight_conversations.conversation", ondelete="CASCADE"),
        primary_key=True,
    )
    step = Column(String(40), primary_key=True)
