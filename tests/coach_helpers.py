"""Helpers for the coach tests: teams, coaches and stored nominations on a real database."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.orm import Session

from bot.storage import repo
from bot.storage.models import utcnow
from bot.storage.repo import NominationInput


def make_coach(engine, team_slug: str, name: str = "Coach") -> tuple[str, str, str]:
    """(coach id, token, team id) of a new coach in this team (made if needed)."""
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, team_slug, team_slug.title())
        coach, token = repo.create_coach(session, team, name)
        return coach.id, token, team.id


def make_nomination(engine, team_slug: str, minutes_ago: int = 0, **fields) -> str:
    """Store a consented nomination for this team; returns its id."""
    values = {
        "conversation_id": "conv-" + uuid.uuid4().hex,
        "mentor_name": "Riet",
        "mentor_relation": "oma",
        "consent_text_version": "v1",
        "youth_name": "Sam",
        "youth_age": 15,
        "mentor_reason": "Ik kan alles tegen haar zeggen",
        "mentor_support": ["emotioneel"],
        "mentor_knows_already": "ja",
        "alternatives": [{"name": "Ahmed", "relation": "buurman"}],
    }
    values.update(fields)
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, team_slug)
        nomination, _ = repo.save_nomination(session, NominationInput(**values), team)
        nomination.created_at = utcnow() - timedelta(minutes=minutes_ago)
        return nomination.id


# --- issue 17: personal accounts --------------------------------------------------------

PASSWORD = "een lang wachtwoord 42"


def make_account(
    engine, team_slug: str, name: str = "Coach", role: str = "coach", totp: bool = True
) -> dict:
    """A coach account with a password and (by default) an authenticator secret."""
    import pyotp

    from bot.accounts import accounts

    email = f"{name.lower().replace(' ', '.')}.{uuid.uuid4().hex[:6]}@zorg.example"
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, team_slug, team_slug.title())
        coach = accounts.create_account(session, team, name, email, role)
        accounts.set_password(session, coach, PASSWORD)
        secret = pyotp.random_base32() if totp else None
        coach.totp_secret = secret
        return dict(
            id=coach.id, email=email, password=PASSWORD, secret=secret, team_id=team.id, name=name
        )


def account_for_token(engine, token: str) -> dict:
    """Give the coach of this (old) coach token an e-mail, a password and a TOTP secret."""
    import pyotp

    from bot.accounts import accounts

    with Session(engine) as session, session.begin():
        coach = (
            repo.coach_for_token(session, token)
            or session.execute(
                repo.select(repo.Coach).where(repo.Coach.token_hash == repo.hash_token(token))
            ).scalar_one()
        )
        if not coach.email:
            coach.email = f"coach.{coach.id[:8]}@zorg.example"
        if not coach.password_hash:
            accounts.set_password(session, coach, PASSWORD)
        if not coach.totp_secret:
            coach.totp_secret = pyotp.random_base32()
        return dict(
            id=coach.id,
            email=coach.email,
            password=PASSWORD,
            secret=coach.totp_secret,
            team_id=coach.team_id,
            name=coach.name,
        )


def next_code(engine, account: dict) -> str:
    """An authenticator code the server has not seen yet (now, or the next time step)."""
    import time

    import pyotp

    from bot.storage.models import Coach

    with Session(engine) as session:
        last = session.get(Coach, account["id"]).totp_last_step
    step = int(time.time() // 30)
    if last is not None and last >= step:
        step = last + 1
    return pyotp.TOTP(account["secret"]).at(step * 30)


def csrf_in(html: str) -> str:
    import re

    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def portal_login(client, engine, account: dict, next_path: str = "/coach"):
    """Both steps through the real forms; returns the last response (303 when signed in)."""
    page = client.get("/coach")
    first = client.post(
        "/coach/login",
        data={
            "email": account["email"],
            "password": account["password"],
            "csrf": csrf_in(page.text),
            "next": next_path,
        },  # fmt: skip
        follow_redirects=False,
    )
    if first.status_code != 303:
        return first
    step = client.get(first.headers["location"])
    return client.post(
        "/coach/tweede-stap",
        data={
            "code": next_code(engine, account),
            "csrf": csrf_in(step.text),
            "next": next_path,
        },  # fmt: skip
        follow_redirects=False,
    )
