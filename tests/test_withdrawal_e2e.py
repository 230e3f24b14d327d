"""issue 22 against the real Rasa server, action server and database: the youth's choice
is only removed after a clear yes, can be undone in time, and then is gone everywhere."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.coach import notify, withdrawal
from bot.storage import make_engine, privacy, repo
from bot.storage.models import utcnow
from tests.chat import Chat
from tests.test_conversation_e2e import buttons_happy_path
from tests.test_notify import Receiver

pytestmark = pytest.mark.integration


@pytest.fixture
def db(live):
    engine = make_engine(live.settings.database_url)
    yield engine
    engine.dispose()


def handed_off(live) -> Chat:
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    assert "JIM-" in chat.text, chat.dump()
    return chat


def stored(db, chat: Chat) -> dict | None:
    with Session(db) as session:
        nomination = repo.get_nomination_by_conversation(session, chat.sender)
        return None if nomination is None else repo.nomination_to_dict(nomination)


def steps(live, nomination_id: str) -> list[tuple[str | None, str]]:
    response = httpx.get(
        f"{live.settings.web_url}/api/nominations/{nomination_id}/history",
        headers={"Authorization": f"Bearer {live.team_token}"},
        timeout=10,
    )
    response.raise_for_status()
    return [(step["from"], step["to"]) for step in response.json()]


def test_withdraw_asks_first_and_a_yes_withdraws(live, db):
    chat = handed_off(live)
    before = stored(db, chat)
    chat.send("haal mijn keuze weg")
    assert "Weet je het zeker?" in chat.text, chat.dump()
    assert stored(db, chat) == before, "one message removes nothing"
    chat.tap("Ja, haal weg")
    assert "weggehaald" in chat.text
    after = stored(db, chat)
    assert after["status"] == "ingetrokken"
    assert after["mentor"]["name"] is None and after["youth"]["name"] is None
    assert steps(live, after["id"]) == [(None, "nieuw"), ("nieuw", "ingetrokken")]


@pytest.mark.parametrize("answer", ["nee", "/deny", "dankjewel", "hoe lang duurt dat nog"])
def test_withdraw_anything_but_yes_keeps_the_choice(live, db, answer):
    chat = handed_off(live)
    before = stored(db, chat)
    chat.send("ik wil het intrekken")
    assert "Weet je het zeker?" in chat.text, chat.dump()
    chat.send(answer)
    assert "blijft staan" in chat.text, chat.dump()
    assert stored(db, chat) == before
    assert steps(live, before["id"]) == [(None, "nieuw")]
    chat.send("ja")
    assert stored(db, chat) == before, "a yes later, not to the question, does nothing"


def test_withdraw_then_danger_gets_the_help_lines_and_keeps_the_choice(live, db):
    chat = handed_off(live)
    before = stored(db, chat)
    chat.send("haal het weg")
    chat.send("ik wil niet meer leven")
    for line in ("112", "0800 0113"):
        assert line in chat.text, chat.dump()
    assert stored(db, chat) == before
    chat.send("ja")
    assert stored(db, chat) == before, chat.dump()


@pytest.mark.parametrize(
    "question",
    ["hoe staat het met mijn keuze", "heeft mijn coach het al", "wanneer belt mijn coach mij"],
)
def test_a_question_after_the_handoff_is_answered_and_changes_nothing(live, db, question):
    chat = handed_off(live)
    before = stored(db, chat)
    chat.send(question)
    assert "Je keuze is bij je coach" in chat.text, chat.dump()
    assert before["reference"] in chat.text
    assert "112" not in chat.text
    assert stored(db, chat) == before


def test_undo_within_the_time_restores_the_nomination_as_it_was(live, db):
    chat = handed_off(live)
    before = stored(db, chat)
    chat.send("ik trek mijn keuze in")
    chat.tap("Ja, haal weg")
    assert stored(db, chat)["status"] == "ingetrokken"
    chat.send("toch wel")
    assert "staat er weer" in chat.text, chat.dump()
    assert stored(db, chat) == before
    assert steps(live, before["id"]) == [
        (None, "nieuw"),
        ("nieuw", "ingetrokken"),
        ("ingetrokken", "nieuw"),
    ]


def test_undo_too_late_and_the_tracker_store_keeps_none_of_the_typed_details(live, db):
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)  # Sam, oma Riet
    chat.tap("Ja, dat mag")
    chat.send("verwijder mijn keuze")
    chat.tap("Ja, haal weg")
    later = utcnow() + timedelta(minutes=live.settings.undo_minutes, seconds=1)
    assert withdrawal.finish_due(db, live.settings, now=later) >= 1
    chat.send("toch wel")
    assert "kan niet meer" in chat.text, chat.dump()
    assert stored(db, chat)["status"] == "ingetrokken"
    events = privacy._events_table(db)
    with db.connect() as connection:
        rows = [
            json.loads(row[0])
            for row in connection.execute(
                select(events.c.data).where(events.c.sender_id == chat.sender)
            )
        ]
    assert len(rows) > 20
    raw = json.dumps(rows)
    assert "Riet" not in raw and '"Sam"' not in raw and "Sam " not in raw
    tracker = httpx.get(
        f"{live.settings.rasa_url}/conversations/{chat.sender}/tracker",
        params={"token": live.settings.rasa_auth_token},
        timeout=10,
    ).json()
    assert "Riet" not in json.dumps(tracker), "the Rasa server reads the scrubbed rows"
    chat.send("hoi")
    assert chat.last, "the conversation goes on"


def test_the_receiver_gets_withdrawn_exactly_once(live, db):
    receiver = Receiver()
    try:
        with Session(db) as session, session.begin():
            team = repo.ensure_team(session, "team-i22-" + Chat("x").sender[-6:], "Team")
            team.webhook_url = receiver.url
            team.webhook_secret = "hook-secret"
            coach, _ = repo.create_coach(session, team, "Coach")
            code = repo.create_invite(session, coach, 14).code
        chat = Chat(live.settings.rasa_url)
        chat.send(f'/start{{"invite_code":"{code}"}}')
        buttons_happy_path_after_start(chat)
        chat.tap("Ja, dat mag")
        chat.send("haal mijn keuze weg")
        chat.tap("Ja, haal weg")
        nomination = stored(db, chat)
        later = utcnow() + timedelta(minutes=live.settings.undo_minutes, seconds=1)
        withdrawal.finish_due(db, live.settings, now=later)
        withdrawal.finish_due(db, live.settings, now=later)
        for step in range(4):  # the web app's own sender may have sent some already
            notify.dispatch_pending(db, live.settings, now=later + timedelta(minutes=step))
        mine = [
            (headers["X-JIM-Event"], json.loads(body)["id"])
            for headers, body in receiver.deliveries
            if json.loads(body)["id"] == nomination["id"]
        ]
        assert sorted(mine) == [
            ("nomination.created", nomination["id"]),
            ("nomination.withdrawn", nomination["id"]),
        ]
    finally:
        receiver.close()


def buttons_happy_path_after_start(chat: Chat) -> None:
    chat.send("Sam")
    chat.tap("15")
    chat.tap("Oma of opa")
    chat.tap("Oma")
    chat.send("Riet")
    chat.tap("alles zeggen")
    chat.tap("Ja")
    chat.tap("Samen met mijn coach")  # issue 25: who asks Riet
    chat.tap("sla over")
    chat.tap("klopt")
    chat.tap("Ja, dat is goed")  # issue 25: under 16, the parents question before the yes
    assert "Mag dat?" in chat.text, chat.dump()
