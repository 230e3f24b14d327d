"""Benchmark (issue 19): the time of GET /api/insights on a database with 10,000
conversations, on SQLite and on PostgreSQL (a throwaway server, as the tests start it).

Seeds the conversations through the same counters the action server uses
(bot.insight.counters.record, every step once; a quarter of the conversations also asks
steps again), spread over 5 teams and 180 days; about 40 % send a nomination, and those get
a status history (in_contact, then jim_gestart or niet_gelukt). Then times the API as a
teamleider (one team, 180 days) and as a beheerder (every team), through the real FastAPI
app in process (TestClient: routing, auth, access log, queries; no network).

A benchmark, not a test: it prints figures (median and spread over the repeats).

    .venv/bin/python bench/insights.py [--conversations 10000] [--repeat 30] [--only sqlite]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from bot.insight import counters  # noqa: E402
from bot.run import setup_steps  # noqa: E402
from bot.storage import Coach, Nomination, StatusChange, make_engine, repo  # noqa: E402
from bot.storage.models import InsightCount  # noqa: E402
from bot.web.app import create_app  # noqa: E402
from testkit import postgres  # noqa: E402
from testkit.env import make_settings, quiet  # noqa: E402

TEAMS = 5
DAYS = 180
LAST_DAY = date(2026, 11, 30)
# The share that goes on to the next step (mentor_adult and keep_others are asked of some).
GOES_ON = {
    "youth_name": 0.97, "youth_age": 0.94, "relation": 0.9, "mentor_name": 0.9,
    "keep_others": 0.0, "mentor_adult": 0.0, "mentor_reason": 0.88,
    "knows_already": 0.95, "asked_by": 0.96, "contact": 0.93,
}  # fmt: skip


def seed(engine, n: int, rng: random.Random) -> dict:
    """n conversations through the counters, their nominations with history; figures."""
    with Session(engine) as session, session.begin():
        teams = [repo.ensure_team(session, f"team-{i}", f"Team {i}").id for i in range(TEAMS)]
    steps_written = 0
    nominations, changes = [], []
    started = time.perf_counter()
    for first in range(0, n, 500):
        with Session(engine) as session, session.begin():
            for i in range(first, min(n, first + 500)):
                conv = repo.REF_PREFIX + uuid.uuid4().hex
                team = teams[i % TEAMS]
                day = LAST_DAY - timedelta(days=rng.randrange(DAYS))
                path = [counters.STARTED]
                for step in counters.QUESTION_ORDER:
                    share = GOES_ON[step]
                    if share == 0.0:
                        if rng.random() < 0.2:
                            path.append(step)
                        continue
                    if rng.random() > share:
                        break
                    path.append(step)
                sent = path[-1] == "contact" and rng.random() < 0.85
                if path[-1] == "contact":
                    path.append(counters.CONSENT_YES if sent else counters.CONSENT_NO)
                repeats = path + (path[1:3] if rng.random() < 0.25 else [])
                for step in repeats:
                    counters.record(session, conv, team, step, day)
                    steps_written += 1
                if sent:
                    nid = str(uuid.uuid4())
                    created = datetime.combine(day, datetime.min.time(), timezone.utc)
                    created += timedelta(hours=rng.randrange(8, 20))
                    nominations.append(
                        dict(id=nid, reference="B" + uuid.uuid4().hex[:12].upper(),
                             created_at=created, team_id=team, conversation_id="bench-" + conv,
                             conversation_ref=conv, consent_given=True, consent_at=created,
                             consent_text_version="v1", mentor_support=[],
                             status="nieuw", demo=False)  # fmt: skip
                    )
                    outcome = rng.random()
                    if outcome < 0.85:
                        contact = created + timedelta(days=rng.uniform(1, 14))
                        changes.append((nid, "nieuw", "in_contact", contact))
                        status = "in_contact"
                        later = contact + timedelta(days=rng.uniform(5, 60))
                        if outcome < 0.6:
                            changes.append((nid, "in_contact", "jim_gestart", later))
                            status = "jim_gestart"
                        elif outcome < 0.75:
                            changes.append((nid, "in_contact", "niet_gelukt", later))
                            status = "niet_gelukt"
                        nominations[-1]["status"] = status
    seeding = time.perf_counter() - started
    with Session(engine) as session, session.begin():
        for chunk in range(0, len(nominations), 1000):
            session.execute(insert(Nomination), nominations[chunk : chunk + 1000])
        rows = [
            dict(nomination_id=nid, actor="bench", from_status=a, to_status=b, at=at)
            for nid, a, b, at in changes
        ]
        for chunk in range(0, len(rows), 1000):
            session.execute(insert(StatusChange), rows[chunk : chunk + 1000])
    with Session(engine) as session:
        count_rows = session.execute(select(func.count()).select_from(InsightCount)).scalar()
    return {
        "steps": steps_written,
        "seconds": seeding,
        "nominations": len(nominations),
        "status_changes": len(changes),
        "count_rows": count_rows,
    }


def leader_token(engine, team: str, role: str) -> str:
    with Session(engine) as session, session.begin():
        found = repo.ensure_team(session, team, team)
        coach, token = repo.create_coach(session, found, role)
        session.get(Coach, coach.id).role = role
    return token


def time_api(client, token: str, params: dict, repeat: int) -> list[float]:
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/insights", params=params, headers=headers).status_code == 200
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get("/api/insights", params=params, headers=headers)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text
    return times


def show(label: str, times: list[float]) -> str:
    q = statistics.quantiles(times, n=20)
    return (
        f"  {label:<34} median {statistics.median(times):7.1f} ms   "
        f"p5 {q[0]:6.1f}  p95 {q[-1]:6.1f}  min {min(times):6.1f}  max {max(times):6.1f}"
    )


def run(name: str, url: str | None, tmp: Path, n: int, repeat: int) -> None:
    settings = make_settings(tmp, **({"database_url": url} if url else {}))
    setup_steps.migrate(settings)
    setup_steps.ensure_base_data(settings)
    engine = make_engine(settings.database_url)
    figures = seed(engine, n, random.Random(19))
    print(
        f"{name}: {n} conversations, {figures['steps']} steps recorded in "
        f"{figures['seconds']:.1f} s ({figures['seconds'] / figures['steps'] * 1000:.2f} ms a "
        f"step, one transaction per 500 conversations), {figures['count_rows']} count rows, "
        f"{figures['nominations']} nominations, {figures['status_changes']} status changes"
    )
    period = {"from": (LAST_DAY - timedelta(days=DAYS - 1)).isoformat(), "to": str(LAST_DAY)}
    month = {"from": "2026-11-01", "to": str(LAST_DAY)}
    with TestClient(create_app(settings)) as client:
        leader = leader_token(engine, "team-0", "teamleider")
        admin = leader_token(engine, "beheer", "beheerder")
        print(show("teamleider, one team, 180 days", time_api(client, leader, period, repeat)))
        print(show("teamleider, one team, 30 days", time_api(client, leader, month, repeat)))
        print(show("beheerder, every team, 180 days", time_api(client, admin, period, repeat)))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    quiet()
    print(
        f"bench/insights.py  {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC  repeat {args.repeat}"
    )
    with tempfile.TemporaryDirectory(prefix="jim-bench-insight-") as tmp:
        if args.only != "postgresql":
            run("SQLite", None, Path(tmp) / "sqlite", args.conversations, args.repeat)
        if args.only != "sqlite":
            with postgres.throwaway_postgres() as server:
                url = server.create_database("bench_insight")
                run("PostgreSQL", url, Path(tmp) / "pg", args.conversations, args.repeat)


if __name__ == "__main__":
    main()
