"""Storage layer on a real, migrated SQLite database and a real PostgreSQL one (no mocks)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from bot.coach import handoff
from bot.storage import Alternative, Coach, Nomination, StatusChange, repo
from bot.storage.models import utcnow
from bot.storage.repo import NominationInput

# Every storage and API test runs on SQLite (the default) and on a real PostgreSQL server.
pytestmark = pytest.mark.both_databases


def nomination_input(conversation_id: str = "conv-1", **extra) -> NominationInput:
    values = dict(
        conversation_id=conversation_id,
        mentor_name="Riet",
        mentor_relation="oma",
        consent_text_version="v1",
    )
    values.update(extra)
    return NominationInput(**values)


def test_migrations_create_every_table(engine, db_backend):
    assert engine.dialect.name == db_backend  # the PostgreSQL run really is on PostgreSQL
    tables = set(inspect(engine).get_table_names())
    assert {"teams", "coaches", "invites", "nominations", "alternatives", "status_changes"} <= (
        tables
    )
    assert "alembic_version" in tables


def test_coach_token_is_stored_only_as_hash(session: Session):
    team = repo.ensure_team(session, "team-noord", "Team Noord")
    coach, token = repo.create_coach(session, team, "Sanne")
    session.commit()
    stored = session.execute(select(Coach.token_hash)).scalars().all()
    assert token not in stored
    assert repo.hash_token(token) in stored
    assert repo.coach_for_token(session, token).id == coach.id
    assert repo.coach_for_token(session, token + "x") is None
    assert repo.coach_for_token(session, "") is None


def test_disabled_coach_token_no_longer_works(session: Session):
    team = repo.ensure_team(session, "team-zuid")
    coach, token = repo.create_coach(session, team, "Bas")
    coach.active = False
    session.commit()
    assert repo.coach_for_token(session, token) is None


def test_save_nomination_matches_the_design_json(session: Session):
    team = repo.ensure_team(session, "team-noord")
    data = nomination_input(
        youth_name="Sam",
        youth_age=15,
        mentor_reason="Ik kan alles tegen haar zeggen",
        mentor_support=["emotioneel"],
        mentor_knows_already="ja",
        alternatives=[{"name": "Ahmed", "relation": "buurman"}],
        mentor_asked_by="samen",
        parents_answer="nee",
    )
    nomination, created = repo.save_nomination(session, data, team)
    session.commit()
    assert created
    as_json = repo.nomination_to_dict(nomination)
    assert set(as_json) == {
        "id", "reference", "created_at", "status", "demo", "team", "coach", "youth",
        "mentor", "alternatives", "consent",
    }  # fmt: skip
    assert as_json["reference"].startswith("JIM-") and len(as_json["reference"]) == 8
    assert as_json["status"] == "nieuw"
    # the contract's field holds a pseudonym: the conversation id is a key to the chat
    pseudonym = as_json["youth"].pop("conversation_id")
    assert pseudonym.startswith(repo.REF_PREFIX) and "conv-1" not in pseudonym
    assert as_json["youth"] == {
        "name": "Sam",
        "age": 15,
        "parent_consent_needed": True,
        "parents_answer": "nee",  # issue 25
    }
    assert as_json["mentor"]["support"] == ["emotioneel"]
    assert as_json["mentor"]["asked_by"] == "samen"  # issue 25
    assert as_json["alternatives"] == [{"name": "Ahmed", "relation": "buurman"}]
    assert as_json["consent"]["given"] is True
    assert as_json["consent"]["text_version"] == "v1"
    assert as_json["created_at"].endswith("+00:00")


@pytest.mark.parametrize(
    "field, value",
    [("mentor_asked_by", "iemand"), ("parents_answer", "misschien")],
)
def test_asked_by_and_parents_answer_only_take_their_values(field, value):
    with pytest.raises(ValueError):
        nomination_input(**{field: value})


@pytest.mark.parametrize(
    "age, parents_needed", [(11, True), (12, True), (15, True), (16, False), (19, False)]
)
def test_parent_consent_flag_follows_dutch_age_rules(age, parents_needed):
    assert nomination_input(youth_age=age).parent_consent_needed is parents_needed


@pytest.mark.parametrize(
    "bad",
    [
        {"mentor_name": "  "},
        {"conversation_id": ""},
        {"mentor_support": ["geld"]},
        {"mentor_knows_already": "misschien"},
    ],
)
def test_nomination_input_refuses_bad_values(bad):
    with pytest.raises(ValueError):
        nomination_input(**bad)


def test_handoff_is_idempotent_per_conversation(engine, settings):
    first = handoff.hand_off(engine, settings, nomination_input("conv-twice"))
    second = handoff.hand_off(engine, settings, nomination_input("conv-twice"))
    assert first.created and not second.created
    assert first.reference == second.reference
    with Session(engine) as session:
        count = session.execute(
            select(Nomination).where(Nomination.conversation_id == "conv-twice")
        ).all()
    assert len(count) == 1


def test_handoff_without_invite_goes_to_the_default_team_also_in_demo_mode(engine, settings):
    """Issue 23: a real chat never lands in the demo team, whose list the demo token shows."""
    assert settings.demo
    result = handoff.hand_off(engine, settings, nomination_input("conv-real-in-demo-mode"))
    with Session(engine) as session:
        nomination = session.get(Nomination, result.nomination_id)
        team = session.get(repo.Team, nomination.team_id)
        assert nomination.demo is False
        assert team.slug == settings.default_team
        assert not result.with_invite
        # what coaches see is the keyed pseudonym, stable for this conversation
        assert nomination.conversation_ref == repo.conversation_ref(
            settings.secret_key, "conv-real-in-demo-mode"
        )


def test_handoff_outside_demo_goes_to_default_team(engine, settings):
    real = settings.__class__(**{**settings.__dict__, "demo": False})
    result = handoff.hand_off(engine, real, nomination_input("conv-real"))
    with Session(engine) as session:
        nomination = session.get(Nomination, result.nomination_id)
        assert nomination.demo is False
        assert session.get(repo.Team, nomination.team_id).slug == real.default_team
        assert repo.nomination_to_dict(nomination)["coach"] is None  # marked: without invite


def test_invite_binds_the_nomination_to_its_team_and_coach(engine, settings):
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, "team-west")
        coach, _ = repo.create_coach(session, team, "Iris")
        code = repo.create_invite(session, coach, days=14).code
        coach_id, team_id = coach.id, team.id
    assert handoff.invite_status(engine, code, "conv-inv") == "ok"
    result = handoff.hand_off(engine, settings, nomination_input("conv-inv", invite_code=code))
    assert result.with_invite
    with Session(engine) as session:
        nomination = session.get(Nomination, result.nomination_id)
        assert (nomination.team_id, nomination.coach_id) == (team_id, coach_id)
        assert repo.nomination_to_dict(nomination)["coach"] == coach_id
    # The code is now used by that conversation: another youth cannot use it.
    assert handoff.invite_status(engine, code, "conv-other") == "used"
    assert handoff.invite_status(engine, code, "conv-inv") == "ok"


def test_expired_and_unknown_invites(engine):
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, "team-oost")
        coach, _ = repo.create_coach(session, team, "Kim")
        invite = repo.create_invite(session, coach, days=1)
        invite.expires_at = utcnow() - timedelta(minutes=1)
        code = invite.code
    assert handoff.invite_status(engine, code, "c") == "expired"
    assert handoff.invite_status(engine, "nope", "c") == "unknown"
    assert handoff.invite_status(engine, None, "c") == "none"


def test_team_isolation_in_queries(session: Session):
    noord = repo.ensure_team(session, "noord")
    zuid = repo.ensure_team(session, "zuid")
    mine, _ = repo.save_nomination(session, nomination_input("a"), noord)
    theirs, _ = repo.save_nomination(session, nomination_input("b"), zuid)
    session.commit()
    assert [n.id for n in repo.list_nominations(session, noord.id)] == [mine.id]
    assert repo.get_nomination(session, noord.id, theirs.id) is None
    assert repo.get_nomination(session, zuid.id, theirs.id).id == theirs.id


def test_list_is_newest_first_and_filters_on_status(session: Session):
    team = repo.ensure_team(session, "noord")
    older, _ = repo.save_nomination(session, nomination_input("old"), team)
    older.created_at = utcnow() - timedelta(days=1)
    newer, _ = repo.save_nomination(session, nomination_input("new"), team)
    newer.status = "in_contact"
    session.commit()
    assert [n.id for n in repo.list_nominations(session, team.id)] == [newer.id, older.id]
    assert [n.id for n in repo.list_nominations(session, team.id, status="nieuw")] == [older.id]


def test_withdraw_erases_personal_details_and_keeps_the_fact(engine, settings):
    result = handoff.hand_off(
        engine,
        settings,
        nomination_input(
            "conv-w", youth_name="Sam", alternatives=[{"name": "Ahmed", "relation": "buurman"}]
        ),
    )
    assert handoff.withdraw(engine, "conv-w") == result.reference
    with Session(engine) as session:
        nomination = session.get(Nomination, result.nomination_id)
        assert nomination.status == "ingetrokken"
        assert nomination.mentor_name is None and nomination.youth_name is None
        assert nomination.consent_given is False
        assert session.execute(select(Alternative)).all() == []
        changes = session.execute(select(StatusChange.to_status)).scalars().all()
        assert changes == ["nieuw", "ingetrokken"]
    assert handoff.withdraw(engine, "conv-none") is None


def test_choosing_again_after_withdrawal_makes_a_new_nomination(engine, settings):
    first = handoff.hand_off(engine, settings, nomination_input("conv-again"))
    handoff.withdraw(engine, "conv-again")
    second = handoff.hand_off(engine, settings, nomination_input("conv-again"))
    assert second.created and second.reference != first.reference


def test_a_withdrawn_choice_leaves_no_trace_in_the_sqlite_file(engine, settings, db_backend):
    """secure_delete: the freed pages are overwritten, so the erased name is not in the file.

    Debian builds SQLite with secure_delete on by default; other builds (pyenv, macOS) do
    not. The test switches it off first on each connection, as such a build would have it,
    and make_engine must switch it on again.
    """
    if db_backend != "sqlite":
        pytest.skip("a PostgreSQL file layout is the server's (VACUUM); SQLite only")
    engine.dispose()
    from bot.storage import make_engine

    fresh = make_engine(settings.database_url)

    def _like_other_builds(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA secure_delete=OFF")

    event.listen(fresh, "connect", _like_other_builds, insert=True)
    marker = "Wilhelmina Zonnebloemveld"
    reason = "zij weet altijd raad als het thuis moeilijk is"
    handoff.hand_off(
        fresh,
        settings,
        nomination_input("conv-trace", mentor_name=marker, mentor_reason=reason),
    )
    path = fresh.url.database
    with fresh.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(path, "rb") as stored:
        assert marker.encode() in stored.read(), "stored first (the test can fail)"
    handoff.withdraw(fresh, "conv-trace")
    with fresh.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    fresh.dispose()
    with open(path, "rb") as stored:
        data = stored.read()
    assert marker.encode() not in data and reason.encode() not in data
