"""Second factor by authenticator app (TOTP, RFC 6238) and one-time recovery codes.

A code is accepted once: the time step of the last accepted code is stored, and a code of
that step or an earlier one is refused, so a code seen over someone's shoulder is useless.
Recovery codes are shown once and stored as argon2 hashes.
"""

from __future__ import annotations

import secrets
import time

import pyotp
from argon2.exceptions import VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.accounts.accounts import HASHER
from bot.storage.models import Coach, RecoveryCode, utcnow

ISSUER = "JIM-kiezer"
RECOVERY_COUNT = 10
STEP = 30


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def _matching_step(secret: str, code: str, now: float) -> int | None:
    """The time step (of now, one before or one after) whose code this is, or None."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = int(now // STEP)
    for step in (current, current - 1, current + 1):
        if secrets.compare_digest(totp.at(step * STEP), code):
            return step
    return None


def code_fits(secret: str, code: str, now: float | None = None) -> bool:
    """For setting up: does this code belong to this (not yet saved) secret?"""
    return _matching_step(secret, code, time.time() if now is None else now) is not None


def verify(coach: Coach, code: str, now: float | None = None) -> bool:
    """A valid, unused TOTP code of this account; marks it used."""
    if not coach.totp_secret:
        return False
    step = _matching_step(coach.totp_secret, code, time.time() if now is None else now)
    if step is None or (coach.totp_last_step is not None and step <= coach.totp_last_step):
        return False
    coach.totp_last_step = step
    return True


def enable(session: Session, coach: Coach, secret: str, code: str) -> list[str] | None:
    """Save the secret if the code fits it; returns the new recovery codes (shown once)."""
    step = _matching_step(secret, code, time.time())
    if step is None:
        return None
    coach.totp_secret = secret
    coach.totp_last_step = step
    return new_recovery_codes(session, coach)


def new_recovery_codes(session: Session, coach: Coach) -> list[str]:
    """Replace the account's recovery codes; returns them in plain, once."""
    for old in session.execute(select(RecoveryCode).where(RecoveryCode.coach_id == coach.id)):
        session.delete(old[0])
    codes = ["-".join(secrets.token_hex(3) for _ in range(3)) for _ in range(RECOVERY_COUNT)]
    session.add_all(RecoveryCode(coach_id=coach.id, code_hash=HASHER.hash(c)) for c in codes)
    session.flush()
    return codes


def use_recovery_code(session: Session, coach: Coach, code: str) -> bool:
    """A recovery code of this account that was not used yet; marks it used."""
    code = code.strip().lower()
    if not code:
        return False
    unused = session.execute(
        select(RecoveryCode).where(
            RecoveryCode.coach_id == coach.id, RecoveryCode.used_at.is_(None)
        )
    ).scalars()
    for row in unused:
        try:
            HASHER.verify(row.code_hash, code)
        except VerificationError:
            continue
        row.used_at = utcnow()
        return True
    return False


def recovery_codes_left(session: Session, coach: Coach) -> int:
    return len(
        session.execute(
            select(RecoveryCode.id).where(
                RecoveryCode.coach_id == coach.id, RecoveryCode.used_at.is_(None)
            )
        ).all()
    )
