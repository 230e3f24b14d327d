"""Accounts: create, password (argon2), sign-in with lockout, roles, disable.

Sign-in answers the same for an unknown address, a wrong password and a locked account,
so the sign-in form tells nobody which addresses have an account.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.storage.models import ROLES, Coach, PortalSession, Team, utcnow

HASHER = PasswordHasher()  # argon2id with the library's current parameters
# Checked against when the address is unknown, so both paths take as long.
_DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))
MIN_PASSWORD = 12
MAX_LOCK = timedelta(hours=1)


class AccountError(ValueError):
    """A change that is not allowed; the message is safe to show to the person."""


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_by_email(session: Session, email: str) -> Coach | None:
    email = normalise_email(email)
    if not email:
        return None
    return (
        session.execute(
            select(Coach).where(func.lower(Coach.email) == email).order_by(Coach.created_at)
        )
        .scalars()
        .first()
    )


def create_account(
    session: Session, team: Team, name: str, email: str, role: str = "coach"
) -> Coach:
    """A new account without a password: it signs in first through an e-mail link."""
    if role not in ROLES:
        raise AccountError(f"Onbekende rol: {role}.")
    email = normalise_email(email)
    if "@" not in email or len(email) > 300:
        raise AccountError("Vul een geldig e-mailadres in.")
    if find_by_email(session, email) is not None:
        raise AccountError("Er is al een account met dit e-mailadres.")
    coach = Coach(team_id=team.id, name=name.strip() or email, email=email, role=role)
    session.add(coach)
    session.flush()
    return coach


def password_problem(password: str) -> str | None:
    """Why this password is not good enough, or None."""
    if len(password) < MIN_PASSWORD:
        return f"Kies een wachtwoord van minstens {MIN_PASSWORD} tekens."
    if len(password) > 200:
        return "Kies een korter wachtwoord (hoogstens 200 tekens)."
    return None


def set_password(session: Session, coach: Coach, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    coach.password_hash = HASHER.hash(password)
    coach.failed_logins = 0
    coach.locked_until = None


def lock_wait(coach: Coach, lock_after: int) -> timedelta:
    """How long the account waits after its `failed_logins`: 1 minute, doubling, max 1 h."""
    over = coach.failed_logins - lock_after
    if lock_after <= 0 or over < 0:
        return timedelta(0)
    return min(timedelta(minutes=2**over), MAX_LOCK)


@dataclass
class SignIn:
    """The outcome of a password check: the account, or why not (for tests and logs)."""

    coach: Coach | None
    reason: str  # "ok", "wrong", "locked"


def check_password(
    session: Session, email: str, password: str, lock_after: int, now: datetime | None = None
) -> SignIn:
    """Check e-mail and password; counts failures and locks with a growing wait."""
    now = now or utcnow()
    coach = find_by_email(session, email)
    if coach is None or not coach.active or not coach.password_hash:
        try:
            HASHER.verify(_DUMMY_HASH, password or "-")
        except VerificationError:
            pass
        return SignIn(None, "wrong")
    if coach.locked_until and coach.locked_until > now:
        return SignIn(None, "locked")
    try:
        HASHER.verify(coach.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        coach.failed_logins = (coach.failed_logins or 0) + 1
        wait = lock_wait(coach, lock_after)
        if wait:
            coach.locked_until = now + wait
        return SignIn(None, "wrong")
    if HASHER.check_needs_rehash(coach.password_hash):
        coach.password_hash = HASHER.hash(password)
    coach.failed_logins = 0
    coach.locked_until = None
    return SignIn(coach, "ok")


def end_all_sessions(session: Session, coach_id: str) -> int:
    """Sign the account out everywhere (every browser, at once)."""
    return session.execute(
        delete(PortalSession)
        .where(PortalSession.coach_id == coach_id)
        .execution_options(synchronize_session=False)
    ).rowcount


def change_role(session: Session, coach: Coach, role: str) -> None:
    """A new role; all the account's sessions end, so the new rights apply at once."""
    if role not in ROLES:
        raise AccountError(f"Onbekende rol: {role}.")
    if coach.role != role:
        coach.role = role
        end_all_sessions(session, coach.id)


def set_active(session: Session, coach: Coach, active: bool) -> None:
    """Switch an account off (its sessions end at once) or on again."""
    coach.active = active
    if not active:
        end_all_sessions(session, coach.id)


def can_manage_team(coach: Coach, team_id: str) -> bool:
    """A teamleider manages their own team; a beheerder every team."""
    if coach.role == "beheerder":
        return True
    return coach.role == "teamleider" and coach.team_id == team_id


def team_coaches(session: Session, team_id: str) -> list[Coach]:
    return list(
        session.execute(select(Coach).where(Coach.team_id == team_id).order_by(Coach.name))
        .scalars()
        .all()
    )
