"""Demo data stays demo data: routing, no notifications, the reset, the coach rows.

Real SQLite through SQLAlchemy; the web routes through FastAPI's TestClient where no Rasa
is needed. The same guarantees against the running product are in tests/test_demo_live.py.
"""

from __future__ import annotations

import dataclasses

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.coach import handoff
from bot.demo import demo_data
from bot.storage import Invite, Nomination, OutboxMessage, repo
from bot.storage.repo import NominationInput
from bot.web.app import create_app
from tests.coach_helpers import make_coach, make_nomination


def demo_conversation(engine) -> str:
    """A conversation the demo page made (server side, in a demo session)."""
    with Session(engine) as session, session.begin():
        demo_session, _cookie = repo.new_demo_session(session)
        return repo.new_demo_conversation(session, demo_session)


def data(conversation_id: str, invite_code: str | None = None) -> NominationInput:
    return NominationInput(
        conversation_id=conversation_id,
        mentor_name="Riet",
        mentor_relation="oma",
        consent_text_version="v1",
        youth_age=15,
        invite_code=invite_code,
    )


def production(settings):
    """Not demo mode, and every notification channel switched on for the default team."""
    return dataclasses.replace(
        settings, demo=False, smtp_host="127.0.0.1", notify_email="team@example.org"
    )


def test_a_demo_conversation_goes_to_the_demo_team_even_outside_demo_mode(engine, settings):
    real = production(settings)
    result = handoff.hand_off(engine, real, data(demo_conversation(engine)))
    with Session(engine) as session:
        nomination = session.get(Nomination, result.nomination_id)
        team = session.get(repo.Team, nomination.team_id)
        assert (team.slug, team.is_demo, nomination.demo) == ("demo", True, True)
        outbox = session.execute(select(func.count()).select_from(OutboxMessage)).scalar_one()
    assert outbox == 0, "a demo nomination never gets a notification"
    # the control: the same settings do notify a real conversation
    handoff.hand_off(engine, real, data("web-0123456789abcdef"))
    with Session(engine) as session:
        assert session.execute(select(func.count()).select_from(OutboxMessage)).scalar_one() == 1


def test_a_demo_conversation_ignores_a_real_invite(engine, settings):
    _, _, team_id = make_coach(engine, "team-noord", "Sanne")
    with Session(engine) as session, session.begin():
        team = session.get(repo.Team, team_id)
        team.webhook_url = "http://127.0.0.1:9/hook"
        coach = repo.list_coaches(session)[-1]
        code = repo.create_invite(session, coach, 14).code
    result = handoff.hand_off(engine, settings, data(demo_conversation(engine), invite_code=code))
    with Session(engine) as session:
        nomination = session.get(Nomination, result.nomination_id)
        assert nomination.team_id != team_id
        assert nomination.invite_id is None
        invite = session.execute(select(Invite).where(Invite.code == code)).scalar_one()
        assert invite.conversation_id is None, "the invite stays free for the real youth"
        assert session.execute(select(func.count()).select_from(OutboxMessage)).scalar_one() == 0


def test_reset_removes_the_sessions_demo_nominations_and_keeps_real_ones(engine, settings):
    first, second = demo_conversation(engine), demo_conversation(engine)
    handoff.hand_off(engine, settings, data(first))
    other_trainer = handoff.hand_off(engine, settings, data(second)).nomination_id
    in_default = handoff.hand_off(engine, settings, data("web-fedcba9876543210")).nomination_id
    real_id = make_nomination(engine, "team-noord")
    # the ids of real conversations passed along are ignored
    result = demo_data.reset(engine, [first, "web-fedcba9876543210", real_id])
    assert (result.conversations, result.nominations) == (1, 1)
    with Session(engine) as session:
        left = set(session.execute(select(Nomination.id)).scalars().all())
    assert left == {other_trainer, in_default, real_id}


def test_coach_rows_fill_in_as_the_youth_answers():
    rows = {r["key"]: r for r in demo_data.coach_rows({}, None)}
    assert all(r["value"] is None for r in rows.values())
    slots = {
        "youth_name": "Sam",
        "youth_age": "14",
        "relation": None,
        "relation_group": "oma_opa",
        "requested_slot": "relation",
        "stage": "form",
    }
    rows = {r["key"]: r for r in demo_data.coach_rows(slots, None, "jim_form")}
    assert rows["youth_name"]["value"] == "Sam"
    assert rows["relation"]["value"] == "oma of opa (welke?)"
    assert rows["relation"]["asked"] is True
    assert rows["parents"]["value"].startswith("ja")
    assert rows["consent"]["value"] is None
    slots.update(
        relation="oma",
        mentor_name="Riet",
        mentor_reason="Ik kan alles tegen hem of haar zeggen",
        mentor_support=["emotioneel"],
        knows_already="nee",
        contact="-",
        alternatives=[{"name": None, "relation": "buurman"}],
        youth_age="17",
        stage="consent",
        requested_slot=None,
    )
    rows = {r["key"]: r for r in demo_data.coach_rows(slots, None, None)}
    assert rows["support"]["value"] == "praten en steun"
    assert rows["knows_already"]["value"] == "nee, nog niet"
    assert rows["contact"]["value"] == "niet gegeven"
    assert rows["alternatives"]["value"] == "buurman"
    assert rows["consent"] == {**rows["consent"], "value": "wordt nu gevraagd", "asked": True}
    assert rows["parents"]["value"].startswith("nee")
    assert rows["relation"]["asked"] is False


def test_the_demo_is_off_outside_demo_mode(engine, settings):
    client = TestClient(create_app(dataclasses.replace(settings, demo=False)))
    assert client.get("/demo").status_code == 404
    assert client.get("/demo/api/scenarios").status_code == 404
    response = client.post("/demo/api/reset", json={})
    assert response.status_code == 404


def test_only_demo_conversations_can_be_read_or_written(engine, settings):
    client = TestClient(create_app(settings))
    for sender in ("web-0123456789abcdef", "demo-x", "demo-../../etc"):
        assert client.get("/demo/api/state", params={"sender": sender}).status_code == 422
        response = client.post("/demo/api/send", json={"sender": sender, "message": "hoi"})
        assert response.status_code == 422
    form = client.post("/demo/api/reset", data={"x": "1"})
    assert form.status_code == 415, "a plain form from another site cannot reset the demo"


def test_the_page_has_a_strict_content_security_policy(engine, settings):
    client = TestClient(create_app(settings))
    response = client.get("/demo")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert settings.rasa_auth_token not in response.text
    scenarios = client.get("/demo/api/scenarios").json()
    assert len(scenarios["scenarios"]) >= 7 and scenarios["errors"] == []
