"""The access log (NEN 7513): who looked at or changed which nomination, when, from where.

`record` is called by every list view, detail view, export, API read and status change,
in the portal and in the API. Entries hold ids, the nomination's reference, the list's
filter and the client's address, never a youth's name or anything the youth typed. The
product has no way to change or delete an entry; `purge` removes entries older than
ACCESS_LOG_DAYS and is called by the retention purge (bot/storage/privacy.py).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.storage.models import AccessLogEntry, utcnow

ACTIONS = {
    "list": "lijst bekeken",
    "detail": "nominatie bekeken",
    "export": "export gemaakt",
    "status": "status veranderd",
    "letter": "brief voor de JIM gemaakt",
    "review": "gesprek met de JIM vastgelegd",
    "invite": "nieuwe uitnodiging gemaakt",
    "history": "geschiedenis bekeken",
    "accesslog": "toegangslog bekeken",
    "insight": "inzicht bekeken",
}
CHANNELS = ("portal", "api")
PAGE = 100


def record(
    session: Session,
    *,
    team_id: str,
    actor_id: str | None,
    actor_name: str,
    channel: str,
    action: str,
    address: str | None,
    nomination=None,
    detail: str | None = None,
) -> None:
    """Add one entry to the caller's transaction (the caller commits)."""
    session.add(
        AccessLogEntry(
            team_id=team_id,
            actor_id=actor_id,
            actor_name=actor_name[:300],
            channel=channel,
            action=action,
            nomination_id=nomination.id if nomination is not None else None,
            reference=nomination.reference if nomination is not None else None,
            detail=(detail or None) and detail[:300],
            address=(address or "")[:64] or None,
        )
    )


def _filtered(query, team_ids, actor, reference, action, since, until):
    if team_ids is not None:
        query = query.where(AccessLogEntry.team_id.in_(team_ids))
    if actor:
        query = query.where(func.lower(AccessLogEntry.actor_name).contains(actor.lower()))
    if reference:
        ref = reference.strip().upper()
        query = query.where(
            (AccessLogEntry.reference == ref) | (AccessLogEntry.nomination_id == reference.strip())
        )
    if action:
        query = query.where(AccessLogEntry.action == action)
    if since:
        query = query.where(AccessLogEntry.at >= since)
    if until:
        query = query.where(AccessLogEntry.at < until)
    return query


def search(
    session: Session,
    team_ids: list[str] | None,
    actor: str | None = None,
    reference: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = PAGE,
    offset: int = 0,
) -> list[AccessLogEntry]:
    """Entries of these teams (None: all teams), newest first, with the filters given."""
    query = _filtered(select(AccessLogEntry), team_ids, actor, reference, action, since, until)
    query = query.order_by(AccessLogEntry.at.desc(), AccessLogEntry.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.execute(query).scalars().all())


def count(session: Session, team_ids: list[str] | None, **filters) -> int:
    query = _filtered(
        select(func.count()).select_from(AccessLogEntry),
        team_ids,
        filters.get("actor"),
        filters.get("reference"),
        filters.get("action"),
        filters.get("since"),
        filters.get("until"),
    )
    return session.execute(query).scalar_one()


CSV_COLUMNS = ["at", "team_id", "actor_id", "actor", "channel", "action", "reference",
               "nomination_id", "detail", "address"]  # fmt: skip


def export_csv(entries: list[AccessLogEntry]) -> str:
    from bot.coach.coaching import safe_cell

    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow(
            safe_cell(v)
            for v in (
                e.at.isoformat(),
                e.team_id,
                e.actor_id,
                e.actor_name,
                e.channel,
                e.action,
                e.reference,
                e.nomination_id,
                e.detail,
                e.address,
            )
        )
    return out.getvalue()


def purge(session: Session, days: int, now: datetime | None = None) -> int:
    """Remove entries older than `days` (ACCESS_LOG_DAYS); the only deletion there is."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    return session.execute(delete(AccessLogEntry).where(AccessLogEntry.at < cutoff)).rowcount
