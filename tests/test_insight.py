"""Issue 19, insight: counters kept as events arrive, the aggregates of /api/insights and
the portal page, on a seeded database with known conversations (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from fastapi.testclient import TestClient
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.accounts import tokens
from bot.insight import counters, demo_seed, report
from bot.insight.counters import CONSENT_NO, CONSENT_YES, STARTED
from bot.storage import Coach, Nomination, StatusChange, repo
from bot.storage.models import InsightCount, InsightMark
from bot.web.app import create_app
from tests.coach_helpers import make_account, make_coach, make_nomination, portal_login

pytestmark = pytest.mark.both_databases

DAY = date(2026, 11, 2)
PERIOD = {"from": "2026-11-01", "to": "2026-11-30"}
FULL = ["youth_name", "youth_age", "relation", "mentor_name", "mentor_reason",
        "knows_already", "asked_by", "contact"]  # fmt: skip


def play(session, conversation: str, team_id: str, steps: list[str], day: date = DAY) -> None:
    """One conversation as the action server reports it: started, then its steps; every
    step twice (a question asked again, "terug", a retry) to show it counts once."""
    for step in [STARTED, *steps]:
        for _ in range(2):
            counters.record(session, conversation, team_id, step, day)


def seed_conversations(engine) -> dict[str, str]:
    """Team A: 15 conversations on DAY with known paths, 5 more 10 days before the period;
    team B: 6 on DAY. Returns the team ids."""
    with Session(engine) as session, session.begin():
        a = repo.ensure_team(session, "team-a", "Team A").id
        b = repo.ensure_team(session, "team-b", "Team B").id
        n = 0
        paths = (
            [FULL + [CONSENT_YES]] * 7  # sent
            + [FULL[:4]] * 5  # left at mentor_name
            + [FULL[:1]] * 2  # left at youth_name
            + [FULL + [CONSENT_NO]]  # said no: left at contact
        )
        for path in paths:
            n += 1
            play(session, f"gesprek-a{n}", a, path)
        for i in range(5):
            play(session, f"gesprek-old{i}", a, FULL, day=DAY - timedelta(days=10))
        for i in range(6):
            play(session, f"gesprek-b{i}", b, FULL + [CONSENT_YES])
    return {"a": a, "b": b}


def at(day: date, days_later: float = 0) -> datetime:
    return datetime.combine(day, time(12), report.LOCAL_TZ) + timedelta(days=days_later)


def seed_nominations(engine) -> None:
    """Team A: 5 that became a JIM (in contact after 2, 4, 6, 8, 10 days; started after 10,
    20, 30, 40, 50) and 2 that did not (in contact after 3 and 5 days); team B: 1 new."""
    plan = [(2, 10), (4, 20), (6, 30), (8, 40), (10, 50), (3, None), (5, None)]
    for contact, started in plan:
        nid = make_nomination(engine, "team-a")
        with Session(engine) as session, session.begin():
            nomination = session.get(Nomination, nid)
            nomination.created_at = at(DAY)
            nomination.status = "jim_gestart" if started else "niet_gelukt"
            session.add(StatusChange(nomination_id=nid, actor="t", from_status="nieuw",
                                     to_status="in_contact", at=at(DAY, contact)))  # fmt: skip
            last = ("jim_gestart", started) if started else ("niet_gelukt", contact + 1)
            session.add(StatusChange(nomination_id=nid, actor="t", from_status="in_contact",
                                     to_status=last[0], at=at(DAY, last[1])))  # fmt: skip
    nid = make_nomination(engine, "team-b")
    with Session(engine) as session, session.begin():
        session.get(Nomination, nid).created_at = at(DAY)


def real_counts(session) -> dict[str, int]:
    """Every count summed over the teams but the demo team (its made-up counts aside)."""
    demo = repo.get_team(session, repo.DEMO_TEAM_SLUG)
    return dict(
        session.execute(
            select(InsightCount.metric, func.sum(InsightCount.count))
            .where(InsightCount.team_id != (demo.id if demo else ""))
            .group_by(InsightCount.metric)
        ).all()
    )


def figures(engine, team_id: str) -> dict:
    with Session(engine) as session:
        period = report.Period.parse(PERIOD["from"], PERIOD["to"])
        return report.insights(session, [team_id], period)


def test_known_conversations_give_exact_counts_and_small_ones_are_masked(engine):
    ids = seed_conversations(engine)
    seed_nominations(engine)
    data = figures(engine, ids["a"])
    assert data["conversations_started"] == 15
    reached = {f["step"]: f["reached"] for f in data["funnel"]}
    left = {f["step"]: f["left_here"] for f in data["funnel"]}
    assert [f["step"] for f in data["funnel"]] == [STARTED, *counters.QUESTION_ORDER]
    assert reached == {
        "started": 15, "youth_name": 15, "youth_age": 13, "relation": 13, "mentor_name": 13,
        "keep_others": "<5", "mentor_adult": "<5", "mentor_reason": 8, "knows_already": 8,
        "asked_by": 8, "contact": 8,
    }  # fmt: skip
    # where they left: the last question of a conversation that never sent
    assert left["mentor_name"] == 5
    assert left["youth_name"] == "<5" and left["contact"] == "<5"  # 2 and 1
    assert left["started"] == "<5" and left["relation"] == "<5"  # 0
    assert data["consent"] == {"yes": 7, "no": "<5"}
    assert data["nominations"]["total"] == 7
    assert data["nominations"]["per_status"] == {
        "nieuw": "<5", "in_contact": "<5", "jim_gestart": 5, "niet_gelukt": "<5",
        "ingetrokken": "<5",
    }  # fmt: skip
    assert data["days_to_in_contact"] == {"count": 7, "median": 5.0}
    assert data["days_to_jim_gestart"] == {"count": 5, "median": 30.0, "mean": 30.0}
    assert data["closed"] == {"count": 7, "became_jim": 5, "share_became_jim": 0.71}
    assert data["research"]["share_became_jim"] == 0.83
    assert data["research"]["mean_days_to_jim"] == 33

    # the hidden counts behind "<5" are the true ones
    with Session(engine) as session:
        rows = dict(
            session.execute(
                select(InsightCount.metric, func.sum(InsightCount.count))
                .where(InsightCount.team_id == ids["a"], InsightCount.day == DAY)
                .group_by(InsightCount.metric)
            ).all()
        )
    assert rows["left:youth_name"] == 2 and rows["left:contact"] == 1
    assert rows[CONSENT_NO] == 1 and rows.get("left:relation", 0) == 0


def test_a_team_sees_only_its_own_conversations(engine):
    ids = seed_conversations(engine)
    data = figures(engine, ids["b"])
    assert data["conversations_started"] == 6
    assert data["consent"]["yes"] == 6
    assert data["nominations"]["total"] == "<5"  # none of team A's


def test_figures_from_fewer_than_five_nominations_are_not_shown(engine):
    ids = seed_conversations(engine)
    seed_nominations(engine)
    data = figures(engine, ids["b"])  # one new nomination
    assert data["days_to_in_contact"] == {"count": "<5", "median": None}
    assert data["closed"]["share_became_jim"] is None


def test_a_period_before_the_conversations_shows_nothing(engine):
    ids = seed_conversations(engine)
    with Session(engine) as session:
        period = report.Period.parse("2026-10-20", "2026-10-25")
        data = report.insights(session, [ids["a"]], period)
    assert data["conversations_started"] == 5  # only the 5 of ten days before
    assert {f["step"]: f["left_here"] for f in data["funnel"]}["contact"] == 5


def test_the_counters_are_idempotent_in_the_database_across_processes(engine, settings):
    """record_step twice, with this process's shortcut forgotten in between (as another
    action server would be): the step counts once and one marker is kept."""
    counters.forget_seen()
    assert counters.record_step(engine, settings, "chat-1", STARTED) is True
    counters.forget_seen()
    assert counters.record_step(engine, settings, "chat-1", STARTED) is False
    assert counters.record_step(engine, settings, "chat-1", "youth_name") is True
    assert counters.record_step(engine, settings, "chat-1", "youth_name") is False
    with Session(engine) as session:
        counts = real_counts(session)
        marks = session.execute(select(InsightMark.conversation, InsightMark.step)).all()
    assert counts[STARTED] == 1 and counts["youth_name"] == 1
    assert counts["left:started"] == 0 and counts["left:youth_name"] == 1
    # keyed by the pseudonym of issue 23, never the chat's own id
    ref = repo.conversation_ref(settings.secret_key, "chat-1")
    assert {c for c, _ in marks} == {ref}
    counters.forget_seen()


def test_a_conversation_counts_for_its_invites_team(engine, settings):
    _, _, team_id = make_coach(engine, "team-c", "Cas")
    with Session(engine) as session, session.begin():
        coach = session.execute(select(Coach).where(Coach.team_id == team_id)).scalar_one()
        code = repo.create_invite(session, coach, 7).code
    counters.forget_seen()
    counters.record_step(engine, settings, "chat-inv", STARTED, code)
    counters.record_step(engine, settings, "chat-inv", "youth_name")  # the slot may be gone
    with Session(engine) as session:
        demo = repo.get_team(session, repo.DEMO_TEAM_SLUG)  # its made-up counts aside
        rows = session.execute(
            select(InsightCount.team_id, InsightCount.metric).where(
                InsightCount.count > 0, InsightCount.team_id != (demo.id if demo else "")
            )
        ).all()
    assert {(t, m) for t, m in rows} == {
        (team_id, STARTED), (team_id, "youth_name"), (team_id, "left:youth_name")
    }  # fmt: skip
    counters.forget_seen()


# --- the actions count (glue) -----------------------------------------------------------


def _tracker(sender: str, slots: dict, intent: str, text: str = "") -> Tracker:
    return Tracker(
        sender_id=sender,
        slots=dict(slots),
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": [],
        },  # fmt: skip
        events=[ActionExecuted("action_listen"), {"event": "user", "text": text}],
        paused=False,
        followup_action=None,
        active_loop={"name": "jim_form"},
        latest_action_name="action_listen",
    )


async def test_the_start_and_the_form_count_each_question_once(action_settings, engine, domain):
    from actions.jim_form import ValidateJimForm
    from actions.start import ActionStart

    counters.forget_seen()
    start = _tracker("chat-9", {}, "start", "/start")
    start.active_loop = {}
    ActionStart().run(CollectingDispatcher(), start, domain)
    # the form opens: youth_name is the question asked
    await ValidateJimForm().run(CollectingDispatcher(), _tracker("chat-9", {}, "start"), domain)
    answer = _tracker("chat-9", {"requested_slot": "youth_name"}, "inform_name", "sam")
    answer.latest_message["entities"] = [{"entity": "youth_name", "value": "Sam"}]
    answer.slots["youth_name"] = "Sam"
    for _ in range(2):  # the same answer again (a retry) counts once
        counters.forget_seen()
        await ValidateJimForm().run(CollectingDispatcher(), answer, domain)
    with Session(engine) as session:
        counts = real_counts(session)
    assert counts[STARTED] == 1
    assert counts["youth_name"] == 1
    assert counts["youth_age"] == 1  # asked next
    assert counts.get("relation", 0) == 0
    assert counts["left:youth_age"] == 1 and counts["left:youth_name"] == 0
    counters.forget_seen()


# --- the API and the page ----------------------------------------------------------------


@pytest.fixture
def client(settings, engine):
    with TestClient(create_app(settings)) as client:
        yield client


def token_with_role(engine, team: str, role: str) -> str:
    coach_id, token, _ = make_coach(engine, team, role.title())
    with Session(engine) as session, session.begin():
        session.get(Coach, coach_id).role = role
    return token


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_api_teamleider_sees_own_team_only_and_a_coach_gets_403(client, engine):
    ids = seed_conversations(engine)
    leader = token_with_role(engine, "team-a", "teamleider")
    coach = token_with_role(engine, "team-a", "coach")
    response = client.get("/api/insights", params=PERIOD, headers=auth(leader))
    assert response.status_code == 200
    assert response.json()["team"] == "team-a"
    assert response.json()["conversations_started"] == 15
    other = client.get("/api/insights", params={**PERIOD, "team": "team-b"}, headers=auth(leader))
    assert other.status_code == 404
    assert "6" not in other.text
    assert client.get("/api/insights", params=PERIOD, headers=auth(coach)).status_code == 403
    assert client.get("/api/insights", params=PERIOD).status_code == 401
    bad = client.get("/api/insights", params={"from": "2026-13-01"}, headers=auth(leader))
    assert bad.status_code == 422
    assert ids


def test_api_beheerder_sees_every_team_or_one(client, engine):
    seed_conversations(engine)
    admin = token_with_role(engine, "beheer", "beheerder")
    every = client.get("/api/insights", params=PERIOD, headers=auth(admin)).json()
    assert every["team"] == "*" and every["conversations_started"] == 21
    one = client.get("/api/insights", params={**PERIOD, "team": "team-b"}, headers=auth(admin))
    assert one.json()["conversations_started"] == 6


def test_api_integration_token_has_its_makers_role(client, engine):
    seed_conversations(engine)
    lea = make_account(engine, "team-a", "Lea", role="teamleider")
    cor = make_account(engine, "team-a", "Cor", role="coach")
    with Session(engine) as session, session.begin():
        by_leader = tokens.create(
            session, lea["team_id"], "dashboard", session.get(Coach, lea["id"])
        )[1]
        by_coach = tokens.create(session, cor["team_id"], "eigen", session.get(Coach, cor["id"]))[1]
    assert client.get("/api/insights", params=PERIOD, headers=auth(by_leader)).status_code == 200
    assert client.get("/api/insights", params=PERIOD, headers=auth(by_coach)).status_code == 403
    with Session(engine) as session, session.begin():
        session.get(Coach, lea["id"]).role = "coach"  # Lea is a coach now: her token too
    assert client.get("/api/insights", params=PERIOD, headers=auth(by_leader)).status_code == 403


def test_portal_page_for_teamleider_with_charts_and_tables_coach_403(client, engine):
    seed_conversations(engine)
    lea = make_account(engine, "team-a", "Lea", role="teamleider")
    assert portal_login(client, engine, lea).status_code == 303
    page = client.get("/coach/inzicht", params=PERIOD)
    assert page.status_code == 200
    assert page.text.count('role="img"') == 4 and page.text.count("<title id=") == 4
    assert 'id="table-funnel"' in page.text and "&lt;5" in page.text
    assert 'href="/coach/inzicht"' in page.text
    assert "team-b" not in page.text
    as_json = client.get("/coach/inzicht.json", params=PERIOD).json()
    assert as_json["conversations_started"] == 15
    assert client.get("/coach/inzicht", params={**PERIOD, "team": "team-b"}).status_code == 404
    client.cookies.clear()
    cor = make_account(engine, "team-a", "Cor", role="coach")
    assert portal_login(client, engine, cor).status_code == 303
    assert client.get("/coach/inzicht").status_code == 403
    assert 'href="/coach/inzicht"' not in client.get("/coach").text


def test_demo_team_has_made_up_counts_and_the_demo_page_shows_them(client, engine, settings):
    """Demo mode: the demo team's insight on demo data; no other team's figures."""
    assert settings.demo
    seed_conversations(engine)
    page = client.get("/demo/inzicht")
    assert page.status_code == 200
    assert page.text.count('role="img"') == 4
    with Session(engine) as session:
        demo = repo.get_team(session, repo.DEMO_TEAM_SLUG)
        data = report.insights(session, [demo.id], report.Period.parse(None, None))
        again = demo_seed.seed(session, demo.id, counters.today())
    assert isinstance(data["conversations_started"], int) and data["conversations_started"] > 20
    assert again is False  # made once
    started = page.text.split('id="started">')[1].split("<")[0]
    assert started == str(data["conversations_started"])


def test_deleting_a_youths_data_removes_the_markers_and_keeps_the_counts(engine, settings):
    from bot.storage import privacy
    from bot.storage.models import InsightConversation

    counters.forget_seen()
    counters.record_step(engine, settings, "chat-del", STARTED)
    counters.record_step(engine, settings, "chat-del", "youth_name")
    privacy.delete_conversation(engine, "chat-del", settings.secret_key)
    with Session(engine) as session:
        assert session.execute(select(func.count()).select_from(InsightMark)).scalar() == 0
        kept = session.execute(select(func.count()).select_from(InsightConversation)).scalar()
        assert kept == 0
        assert real_counts(session)[STARTED] == 1
    counters.forget_seen()


def test_purge_removes_old_markers_and_keeps_the_counts(engine, settings):
    from bot.storage import privacy
    from bot.storage.models import InsightConversation

    counters.forget_seen()
    counters.record_step(engine, settings, "chat-old", STARTED)
    counters.record_step(engine, settings, "chat-new", STARTED)
    old_ref = repo.conversation_ref(settings.secret_key, "chat-old")
    with Session(engine) as session, session.begin():
        session.get(InsightConversation, old_ref).created_at = at(DAY, -200)
    privacy.purge(engine, 180, now=at(DAY))
    with Session(engine) as session:
        left = set(session.execute(select(InsightMark.conversation)).scalars())
        assert left == {repo.conversation_ref(settings.secret_key, "chat-new")}
        assert real_counts(session)[STARTED] == 2
    counters.forget_seen()
