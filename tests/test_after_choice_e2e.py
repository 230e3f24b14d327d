"""issue 18 against the real Rasa server, action server, web app and database: the coach
changes the status through the API, then the youth asks in the chat, in the same
conversation and with the code in a new one; the coach's choose-again invite."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.orm import Session

from bot.coach import followup
from bot.dialogue import texts
from bot.storage import Coach, Nomination, make_engine, repo
from testkit.chat import Chat
from tests.coach_helpers import make_nomination
from tests.test_conversation_e2e import buttons_happy_path

pytestmark = pytest.mark.integration

PATHS = {  # the coach's steps through the API to reach each status
    "nieuw": [],
    "in_contact": ["in_contact"],
    "jim_gestart": ["in_contact", "jim_gestart"],
    "niet_gelukt": ["in_contact", "niet_gelukt"],
}


def handed_off(live) -> tuple[Chat, str, str]:
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    engine = make_engine(live.settings.database_url)
    with Session(engine) as session:
        nomination = repo.get_nomination_by_conversation(session, chat.sender)
        reference, nomination_id = nomination.reference, nomination.id
    engine.dispose()
    assert reference in chat.text, chat.dump()
    return chat, reference, nomination_id


def patch(live, nomination_id: str, status: str) -> None:
    response = httpx.patch(
        f"{live.settings.web_url}/api/nominations/{nomination_id}",
        json={"status": status},
        headers={"Authorization": f"Bearer {live.team_token}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("status", list(PATHS))
def test_the_status_set_by_the_coach_is_told_in_the_chat_and_by_code(live, status):
    chat, reference, nomination_id = handed_off(live)
    for step in PATHS[status]:
        patch(live, nomination_id, step)
    chat.send("hoe staat het met mijn keuze")
    assert texts.STATUS[status] in chat.text, chat.dump()
    if status == "niet_gelukt":
        assert texts.CHOOSE_AGAIN_ASK in chat.text, chat.dump()
    # a new conversation: the code alone tells nothing, the first name opens the status
    other = Chat(live.settings.rasa_url)
    other.send("/start")
    other.send("hoe staat het met mijn keuze")
    assert "Typ dan je code" in other.text, other.dump()
    other.send(reference.lower())
    assert texts.CODE_ASK_NAME in other.text, other.dump()
    assert texts.STATUS[status] not in other.text
    other.send("riet")
    assert texts.STATUS[status] in other.text, other.dump()
    if status != "niet_gelukt":  # back to the open question; "riet" is not the youth's name
        assert "Hoe wil je dat ik je noem?" in other.text, other.dump()
    for secret in ("Riet", "Sam", reference):
        assert secret not in other.text, other.dump()


def test_withdrawn_is_told_in_the_same_conversation(live):
    chat, _reference, _id = handed_off(live)
    chat.send("haal mijn keuze weg")
    chat.tap("Ja, haal weg")
    chat.send("hoe staat het met mijn keuze")
    assert texts.STATUS["ingetrokken"] in chat.text, chat.dump()


def test_wrong_names_are_limited_per_conversation(live):
    _chat, reference, _id = handed_off(live)
    other = Chat(live.settings.rasa_url)
    other.send("/start")
    for name in ("piet", "ans", "kees"):
        other.send(f"{reference} {name}")
    assert texts.CODE_LOCKED in other.text, other.dump()
    other.send(f"{reference} riet")
    assert texts.CODE_LOCKED in other.text and texts.STATUS["nieuw"] not in other.text


def test_ask_self_gives_a_message_with_the_jim_page(live):
    chat, _reference, _id = handed_off(live)
    chat.tap("Ik vraag het zelf")
    shared = [r["custom"]["share"] for r in chat.last if "share" in (r.get("custom") or {})]
    assert len(shared) == 1 and shared[0].startswith("Hoi Riet,"), chat.dump()
    assert shared[0].endswith("/jim")
    chat.send("ik vraag het zelf wel")  # typed as a youth would
    assert any("custom" in r for r in chat.last), chat.dump()


def test_choose_again_after_niet_gelukt_in_the_same_chat(live):
    chat, _reference, nomination_id = handed_off(live)
    patch(live, nomination_id, "in_contact")
    patch(live, nomination_id, "niet_gelukt")
    chat.send("hoe staat het")
    chat.tap("Ja, opnieuw kiezen")
    assert "opnieuw kiest" in chat.text, chat.dump()
    # the youth's name and age stay: the form asks who, and the choice goes on to a new code
    assert "Wie vind jij fijn om mee te praten?" in chat.text, chat.dump()
    chat.tap("Oma of opa")
    chat.tap("Opa")
    chat.send("Kees")
    chat.tap("alles zeggen")
    chat.tap("Ja")
    chat.tap("Ik zelf")
    chat.tap("sla over")
    assert "Je kiest opa Kees." in chat.text, chat.dump()
    chat.tap("klopt")
    chat.tap("Ja, dat is goed")  # Sam is 15: the parents question comes again
    chat.tap("Ja, dat mag")
    engine = make_engine(live.settings.database_url)
    with Session(engine) as session:
        new = repo.get_nomination_by_conversation(session, chat.sender)
        old = session.get(Nomination, nomination_id)
        assert new.id != nomination_id and new.mentor_name == "Kees" and new.youth_name == "Sam"
        assert old.status == "niet_gelukt" and old.mentor_name == "Riet"
    engine.dispose()


def test_the_coachs_choose_again_invite_offers_the_people_named_before(live):
    nid = make_nomination_live(live)
    engine = make_engine(live.settings.database_url)
    with Session(engine) as session, session.begin():
        nomination = repo.get_nomination(session, team_id(live, session), nid)
        coach = session.query(Coach).filter(Coach.team_id == nomination.team_id).first()
        code = followup.create_choose_again_invite(session, coach, nomination, 7).code
    engine.dispose()
    chat = Chat(live.settings.rasa_url)
    chat.send('/start{"invite_code":"' + code + '"}')
    assert texts.CHOOSE_AGAIN_INVITE in chat.text, chat.dump()
    chat.tap("Ahmed")
    assert "opnieuw kiest" in chat.text, chat.dump()
    assert "Hoe heet je oma" not in chat.text and "Wie vind jij" not in chat.text, chat.dump()


def team_id(live, session) -> str:
    return repo.get_team(session, live.settings.default_team).id


def make_nomination_live(live) -> str:
    engine = make_engine(live.settings.database_url)
    nid = make_nomination(engine, live.settings.default_team)
    with Session(engine) as session, session.begin():
        nomination = session.get(Nomination, nid)
        nomination.status = "niet_gelukt"
    engine.dispose()
    return nid


@pytest.mark.parametrize(
    "typed",
    ["mijn code is {code} en ik koos oma riet", "{code} Riet", "{code}, riet"],
)
def test_code_and_name_typed_in_one_message(live, typed):
    _chat, reference, _id = handed_off(live)
    other = Chat(live.settings.rasa_url)
    other.send("/start")
    other.send(typed.format(code=reference.lower()))
    assert texts.STATUS["nieuw"] in other.text, other.dump()
    assert "Riet" not in other.text
