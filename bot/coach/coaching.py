"""What a coach may do with their team's nominations: status rules, audit, invites, export.

Imports nothing from Rasa or the web framework, so the API, the portal and the command
line share one set of rules.
"""

from __future__ import annotations

import csv
import io
import re

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.storage import repo
from bot.storage.models import Coach, Nomination, StatusChange

# Allowed status changes by a coach. `ingetrokken` is only ever set by the youth.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "nieuw": ("in_contact",),
    "in_contact": ("jim_gestart", "niet_gelukt"),
    "jim_gestart": (),
    "niet_gelukt": (),
    "ingetrokken": (),
}
STATUS_LABELS = {
    "nieuw": "Nieuw",
    "in_contact": "In contact",
    "jim_gestart": "JIM gestart",
    "niet_gelukt": "Niet gelukt",
    "ingetrokken": "Ingetrokken",
}


class TransitionError(ValueError):
    """A status change that the JIM process does not allow; the message says why."""


def allowed_next(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def change_status(session: Session, nomination: Nomination, coach: Coach, new_status: str) -> None:
    """Move a nomination on one step and record who did it in the audit table."""
    if new_status == "ingetrokken":
        raise TransitionError("Only the youth can withdraw a nomination.")
    if new_status not in allowed_next(nomination.status):
        allowed = ", ".join(allowed_next(nomination.status)) or "none"
        raise TransitionError(
            f"Cannot change status from {nomination.status} to {new_status}; "
            f"allowed next: {allowed}."
        )
    previous = nomination.status
    # Conditional update: of two coaches clicking at once, only one moves the status.
    moved = session.execute(
        update(Nomination)
        .where(Nomination.id == nomination.id, Nomination.status == previous)
        .values(status=new_status)
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        raise TransitionError("The status was changed by someone else just now; reload.")
    session.add(
        StatusChange(
            nomination_id=nomination.id,
            actor=coach.id,
            from_status=previous,
            to_status=new_status,
        )
    )
    nomination.status = new_status


def count_nominations(session: Session, team_id: str, status: str | None = None) -> int:
    query = select(func.count()).select_from(Nomination).where(Nomination.team_id == team_id)
    if status:
        query = query.where(Nomination.status == status)
    return session.execute(query).scalar_one()


def history(session: Session, nomination: Nomination) -> list[StatusChange]:
    return list(
        session.execute(
            select(StatusChange)
            .where(StatusChange.nomination_id == nomination.id)
            .order_by(StatusChange.at, StatusChange.id)
        )
        .scalars()
        .all()
    )


def history_to_dict(change: StatusChange) -> dict:
    return {
        "at": change.at.isoformat(),
        "actor": change.actor,
        "from": change.from_status,
        "to": change.to_status,
    }


CSV_COLUMNS = [
    "reference",
    "created_at",
    "with_invite",
    "status",
    "youth_name",
    "youth_age",
    "parent_consent_needed",
    "parents_answer",
    "mentor_name",
    "mentor_relation",
    "mentor_reason",
    "mentor_support",
    "mentor_knows_already",
    "mentor_contact",
    "mentor_asked_by",
    "alternatives",
    "consent_at",
    "id",
]


# A spreadsheet may run a cell as a formula when it starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Where a spreadsheet may start a new cell inside our text: Dutch settings split on ";",
# English ones on ",", and a line break starts a new row when quotes are not honoured.
CELL_BREAKS = re.compile(r"([;,\n\r\t])")
# What a spreadsheet skips before it looks at a cell's first character.
_SKIPPED = ' "'


def _neutralise(part: str) -> str:
    """`'` before a piece that would start a formula (OWASP's advice for CSV injection)."""
    if part.lstrip(_SKIPPED).startswith(FORMULA_STARTS):
        return "'" + part
    return part


def safe_cell(value) -> str:
    """A cell no spreadsheet will run as a formula, whatever it splits on (CSV injection).

    The cell itself, and every piece that follows a `;`, a `,`, a tab or a line break in it,
    gets a `'` in front when it would start with `= + - @`, a tab or a carriage return
    (spaces and quotes before it do not count): "ze is lief;=HYPERLINK(...)" becomes
    "ze is lief;'=HYPERLINK(...)", so a Dutch spreadsheet that splits it at the `;` shows
    text, not a formula. The csv module quotes every cell as well (`export_csv`).
    """
    if value is None:
        return ""
    pieces = CELL_BREAKS.split(str(value))
    # pieces alternate: text, break, text, break, ...; each text after a break is a cell
    text = "".join(p if i % 2 else _neutralise(p) for i, p in enumerate(pieces))
    return _neutralise(text)  # a cell that starts with a break (a tab, a line break)


def export_csv(session: Session, team_id: str) -> str:
    """All nominations of one team, newest first, as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    offset = 0
    while True:
        rows = repo.list_nominations(session, team_id, None, 500, offset)
        if not rows:
            break
        for n in rows:
            alternatives = "; ".join(f"{a.name or ''} ({a.relation or ''})" for a in n.alternatives)
            writer.writerow(
                safe_cell(v)
                for v in (
                    n.reference,
                    n.created_at.isoformat(),
                    "ja" if n.invite_id else "nee",
                    n.status,
                    n.youth_name,
                    n.youth_age,
                    "ja" if n.parent_consent_needed else "nee",
                    n.parents_answer,
                    n.mentor_name,
                    n.mentor_relation,
                    n.mentor_reason,
                    ", ".join(n.mentor_support or []),
                    n.mentor_knows_already,
                    n.mentor_contact,
                    n.mentor_asked_by,
                    alternatives,
                    n.consent_at.isoformat(),
                    n.id,
                )
            )
        offset += len(rows)
    return out.getvalue()


def invite_url(public_url: str, code: str) -> str:
    return f"{public_url}/?invite={code}"
