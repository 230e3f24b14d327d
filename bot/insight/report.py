"""The insight of a team (or every team) over a period, in aggregates only.

Funnel, where conversations left and the consent answers come from the counters
(`insight_counts`, one row per team, day and step: a period of a year is a few thousand
rows at most, whatever the number of conversations). Nominations per status and the days
to `in_contact` and `jim_gestart` come from the nominations of the period and their status
history through indexed queries (`ix_nominations_team_created`, `status_changes`'s index
on `nomination_id`).

Every count under `MASK_BELOW` is shown as "<5", and a figure worked out of fewer
nominations than that (a median, a share) is not shown at all: small numbers in a small
team point at one youth.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.coach import coaching
from bot.insight.counters import CONSENT_NO, CONSENT_YES, LEFT, LOCAL_TZ, STARTED, STEPS
from bot.storage.models import STATUSES, InsightCount, Nomination, StatusChange, Team

MASK_BELOW = 5
MASKED = "<5"
MAX_DAYS = 366 * 3  # the longest period one request may ask for

# Van Dam et al. (2017), abstract: "A total of 83 per cent of the juveniles in the YIM group
# were able to nominate a mentor after an average of thirty-three days" (96 youths, case files).
RESEARCH = {
    "share_became_jim": 0.83,
    "mean_days_to_jim": 33,
    "measured": "share of youths in the JIM approach who named a mentor, and the mean days"
    " until they did (from the start of the approach, not from a nomination)",
    "source": "Van Dam, L., Neels, S., De Winter, M., Branje, S., Wijsbroek, S., Hutschemaekers,"
    " G., Dekker, A., Sekreve, A., Zwaanswijk, M., Wissink, I., & Stams, G. J. (2017). Youth"
    " Initiated Mentors: Do They Offer an Alternative for Out-of-Home Placement in Youth"
    " Care? British Journal of Social Work, 47(6), 1764-1780. doi:10.1093/bjsw/bcx092",
}

STEP_LABELS = {
    STARTED: "Gesprek gestart",
    "youth_name": "Naam van de jongere",
    "youth_age": "Leeftijd",
    "relation": "Wie het is (relatie)",
    "mentor_name": "Naam van de JIM",
    "keep_others": "Anderen bewaren",
    "mentor_adult": "18 jaar of ouder",
    "mentor_reason": "Waarom deze persoon",
    "knows_already": "Weet het al",
    "asked_by": "Wie vraagt het",
    "contact": "Contactgegevens",
}
STATUS_LABELS = coaching.STATUS_LABELS  # the portal's words for each status, one source
CLOSED = ("jim_gestart", "niet_gelukt")


class PeriodError(ValueError):
    """A period that cannot be read or is too long."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def parse(cls, start: str | None, end: str | None, default_days: int = 90) -> Period:
        """`from`/`to` as YYYY-MM-DD; missing: the last `default_days` days up to today."""
        try:
            last = date.fromisoformat(end) if end else datetime.now(LOCAL_TZ).date()
            first = date.fromisoformat(start) if start else last - timedelta(days=default_days - 1)
        except ValueError as error:
            raise PeriodError("Datums als JJJJ-MM-DD.") from error
        if first > last:
            raise PeriodError("'from' ligt na 'to'.")
        if (last - first).days >= MAX_DAYS:
            raise PeriodError(f"Een periode van hoogstens {MAX_DAYS} dagen.")
        return cls(first, last)

    def bounds(self) -> tuple[datetime, datetime]:
        """The period as aware datetimes: the first day's midnight to the day after the last."""
        return (
            datetime.combine(self.start, time(), LOCAL_TZ),
            datetime.combine(self.end + timedelta(days=1), time(), LOCAL_TZ),
        )


def shown(count: int) -> int | str:
    """A count as it may be shown: under 5 (0 too) it says only "<5"."""
    return count if count >= MASK_BELOW else MASKED


def _counts(session: Session, team_ids: list[str], period: Period) -> dict[str, int]:
    rows = session.execute(
        select(InsightCount.metric, func.sum(InsightCount.count))
        .where(
            InsightCount.team_id.in_(team_ids),
            InsightCount.day >= period.start,
            InsightCount.day <= period.end,
        )
        .group_by(InsightCount.metric)
    ).all()
    return {metric: int(total or 0) for metric, total in rows}


def _nominations(session: Session, team_ids: list[str], period: Period):
    since, until = period.bounds()
    where = (
        Nomination.team_id.in_(team_ids),
        Nomination.created_at >= since,
        Nomination.created_at < until,
    )
    per_status = dict(
        session.execute(
            select(Nomination.status, func.count()).where(*where).group_by(Nomination.status)
        ).all()
    )
    reached = session.execute(
        select(Nomination.created_at, StatusChange.to_status, func.min(StatusChange.at))
        .join(StatusChange, StatusChange.nomination_id == Nomination.id)
        .where(*where, StatusChange.to_status.in_(("in_contact", "jim_gestart")))
        .group_by(Nomination.id, Nomination.created_at, StatusChange.to_status)
    ).all()
    days: dict[str, list[float]] = {"in_contact": [], "jim_gestart": []}
    for created, status, at in reached:
        days[status].append(max(0.0, (at - created).total_seconds() / 86400))
    return per_status, days


def _days(values: list[float], with_mean: bool = False) -> dict:
    enough = len(values) >= MASK_BELOW
    out = {
        "count": shown(len(values)),
        "median": round(statistics.median(values), 1) if enough else None,
    }
    if with_mean:
        out["mean"] = round(statistics.fmean(values), 1) if enough else None
    return out


def team_ids_for(session: Session, team: Team | None) -> list[str]:
    """One team, or (None) every team that is not the demo team."""
    if team is not None:
        return [team.id]
    return list(session.execute(select(Team.id).where(Team.is_demo.is_(False))).scalars())


def insights(session: Session, team_ids: list[str], period: Period) -> dict:
    """The JSON of `/api/insights` (without the team's name, which the caller adds)."""
    counts = _counts(session, team_ids, period)
    per_status, days = _nominations(session, team_ids, period)
    closed = sum(per_status.get(s, 0) for s in CLOSED)
    became = per_status.get("jim_gestart", 0)
    return {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "masked_below": MASK_BELOW,
        "conversations_started": shown(counts.get(STARTED, 0)),
        "funnel": [
            {
                "step": step,
                "label": STEP_LABELS.get(step, step),
                "reached": shown(counts.get(step, 0)),
                "left_here": shown(counts.get(LEFT + step, 0)),
            }
            for step in STEPS
        ],
        "consent": {
            "yes": shown(counts.get(CONSENT_YES, 0)),
            "no": shown(counts.get(CONSENT_NO, 0)),
        },
        "nominations": {
            "total": shown(sum(per_status.values())),
            "per_status": {s: shown(per_status.get(s, 0)) for s in STATUSES},
        },
        "days_to_in_contact": _days(days["in_contact"]),
        "days_to_jim_gestart": _days(days["jim_gestart"], with_mean=True),
        "closed": {
            "count": shown(closed),
            "became_jim": shown(became),
            "share_became_jim": round(became / closed, 2) if closed >= MASK_BELOW else None,
        },
        "research": RESEARCH,
    }
