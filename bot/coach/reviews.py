"""Keeping it going (issue 18, item 6): reviews of a started JIM, and the letter's use.

In the JIM approach the coach reviews the course with youth and JIM about every two months
(`teams.review_months`). Once a nomination is `jim_gestart`, the next review is due that
many months after the start, or after the last review the coach recorded. Overdue ones
go at the top of the portal's list, and the team's e-mail names the due ones by reference
only (no names). Nothing here imports Rasa or the web framework.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import (
    Coach,
    Nomination,
    NominationNote,
    OutboxMessage,
    StatusChange,
    Team,
    utcnow,
)

LETTER = "letter"
REVIEW = "review"
STARTED = "jim_gestart"
DIGEST_EVENT = "reviews.due"
# The e-mail names reviews due within this many days (and all overdue ones) ...
DIGEST_AHEAD = timedelta(days=7)
# ... and is sent at most once in this time per team.
DIGEST_EVERY = timedelta(hours=24)
MAX_NOTE = 1000


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the month's last day when it has fewer days)."""
    month = moment.month - 1 + months
    year = moment.year + month // 12
    month = month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def record_letter(session: Session, nomination: Nomination, coach: Coach) -> NominationNote:
    """The letter for the JIM was made: into the nomination's history."""
    note = NominationNote(nomination_id=nomination.id, kind=LETTER, actor=coach.id)
    session.add(note)
    return note


def record_review(
    session: Session, nomination: Nomination, coach: Coach, note: str, at: datetime | None = None
) -> NominationNote:
    """The review with youth and JIM took place, with a short note; only for a started JIM."""
    if nomination.status != STARTED:
        raise ValueError("a review is only for a started JIM")
    row = NominationNote(
        nomination_id=nomination.id,
        kind=REVIEW,
        actor=coach.id,
        note=(note or "").strip()[:MAX_NOTE] or None,
        at=at or utcnow(),
    )
    session.add(row)
    return row


def notes(session: Session, nomination: Nomination) -> list[NominationNote]:
    return list(
        session.execute(
            select(NominationNote)
            .where(NominationNote.nomination_id == nomination.id)
            .order_by(NominationNote.at, NominationNote.id)
        )
        .scalars()
        .all()
    )


def _started_at(session: Session, nomination_id: str) -> datetime | None:
    return session.execute(
        select(StatusChange.at)
        .where(StatusChange.nomination_id == nomination_id, StatusChange.to_status == STARTED)
        .order_by(StatusChange.at.desc())
        .limit(1)
    ).scalar_one_or_none()


def _last_review(session: Session, nomination_id: str) -> datetime | None:
    return session.execute(
        select(NominationNote.at)
        .where(NominationNote.nomination_id == nomination_id, NominationNote.kind == REVIEW)
        .order_by(NominationNote.at.desc())
        .limit(1)
    ).scalar_one_or_none()


def next_review(session: Session, nomination: Nomination, months: int) -> datetime | None:
    """When the next review is due, or None when the JIM has not started (or stopped)."""
    if nomination.status != STARTED:
        return None
    since = _last_review(session, nomination.id) or _started_at(session, nomination.id)
    if since is None:
        since = nomination.created_at
    return add_months(since, months)


@dataclass(frozen=True)
class Due:
    """One started JIM's next review."""

    nomination_id: str
    reference: str
    due: datetime

    def overdue(self, now: datetime) -> bool:
        return self.due <= now


def due_reviews(session: Session, team: Team, now: datetime | None = None) -> list[Due]:
    """Every started JIM of the team with its next review, soonest first."""
    rows = session.execute(
        select(Nomination).where(Nomination.team_id == team.id, Nomination.status == STARTED)
    ).scalars()
    found = []
    for nomination in rows:
        due = next_review(session, nomination, team.review_months or 2)
        if due is not None:
            found.append(Due(nomination.id, nomination.reference, due))
    return sorted(found, key=lambda d: d.due)


def overdue_reviews(session: Session, team: Team, now: datetime | None = None) -> list[Due]:
    now = now or utcnow()
    return [d for d in due_reviews(session, team, now) if d.overdue(now)]


def for_digest(session: Session, team: Team, now: datetime | None = None) -> list[Due]:
    """The reviews the team's e-mail names: overdue or due within DIGEST_AHEAD."""
    now = now or utcnow()
    return [d for d in due_reviews(session, team, now) if d.due <= now + DIGEST_AHEAD]


def queue_digests(session: Session, has_email, now: datetime | None = None) -> int:
    """Add one `reviews.due` e-mail row for each team with reviews due and an address,
    at most once per DIGEST_EVERY; in the caller's transaction. Returns the rows added.

    `has_email(team)`: whether the team can get e-mail (SMTP set and an address).
    """
    now = now or utcnow()
    added = 0
    for team in session.execute(select(Team).where(Team.is_demo.is_(False))).scalars():
        if not has_email(team) or not for_digest(session, team, now):
            continue
        recent = session.execute(
            select(OutboxMessage.id).where(
                OutboxMessage.team_id == team.id,
                OutboxMessage.event == DIGEST_EVENT,
                OutboxMessage.created_at > now - DIGEST_EVERY,
            )
        ).first()
        if recent is not None:
            continue
        session.add(OutboxMessage(kind="email", event=DIGEST_EVENT, team_id=team.id))
        added += 1
    return added


def build_digest_email(
    session: Session, team: Team, sender: str, to: str, portal_url: str, now: datetime
) -> EmailMessage:
    """The e-mail: how many reviews are due, their references and dates. Never a name."""
    due = for_digest(session, team, now)
    lines = []
    for item in due:
        state = "te laat" if item.overdue(now) else "binnenkort"
        lines.append(f"- {item.reference}: {item.due.strftime('%d-%m-%Y')} ({state})")
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = f"JIM-kiezer: {len(due)} evaluatiegesprek(ken) gepland ({team.name})"
    message.set_content(
        f"Voor {team.name} zijn deze evaluatiegesprekken met jongere en JIM aan de beurt:\n\n"
        + "\n".join(lines or ["- geen"])
        + "\n\nLeg een gehouden gesprek vast in het coachportaal (inloggen nodig):\n"
        f"{portal_url}/coach\n\n"
        "In deze e-mail staan bewust geen namen.\n"
    )
    return message
