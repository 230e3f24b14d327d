"""Demo data for "Inzicht" (issue 19): made-up counts for the demo team, so a trainer sees
the page filled in (`/demo/inzicht`). Only counts: no conversation, no nomination, nothing
that looks like a youth. Made once (when the demo team has no counts yet), the same on
every installation (a fixed seed)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.insight.counters import CONSENT_NO, CONSENT_YES, LEFT, STEPS, bump
from bot.storage.models import InsightCount

DAYS = 90
# The share of conversations that reach each step after the one before (made up).
GOES_ON = {
    "youth_name": 0.97,
    "youth_age": 0.95,
    "relation": 0.92,
    "mentor_name": 0.9,
    "keep_others": 0.3,
    "mentor_adult": 0.25,
    "mentor_reason": 0.88,
    "knows_already": 0.95,
    "asked_by": 0.96,
    "contact": 0.93,
}


def seed(session: Session, team_id: str, last_day: date) -> bool:
    """Counts for the `DAYS` days up to `last_day`; False (nothing done) if there are any."""
    if session.execute(select(InsightCount.metric).where(InsightCount.team_id == team_id)).first():
        return False
    rng = random.Random(19)
    for back in range(DAYS):
        day = last_day - timedelta(days=back)
        if day.weekday() >= 5:
            continue  # the demo's youths chat on school days
        alive = rng.randint(1, 4)
        bump(session, team_id, day, STEPS[0], alive)
        last = STEPS[0]
        for step in STEPS[1:]:
            share = GOES_ON[step]
            if step in ("keep_others", "mentor_adult"):  # asked of some only: not a drop
                bump(session, team_id, day, step, sum(rng.random() < share for _ in range(alive)))
                continue
            going = sum(rng.random() < share for _ in range(alive))
            if alive - going:
                bump(session, team_id, day, LEFT + last, alive - going)
            alive, last = going, step
            if alive:
                bump(session, team_id, day, step, alive)
        yes = sum(rng.random() < 0.85 for _ in range(alive))
        if yes:
            bump(session, team_id, day, CONSENT_YES, yes)
        if alive - yes:
            bump(session, team_id, day, CONSENT_NO, alive - yes)
            bump(session, team_id, day, LEFT + last, alive - yes)
    return True
