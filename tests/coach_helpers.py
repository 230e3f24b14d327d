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
