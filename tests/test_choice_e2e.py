"""Issue 25 against the real servers (REST channel): the youth chooses, in their own words,
and says yes knowing everything. Checked in what the youth reads and in the nomination the
coach reads through the API (`alternatives`, `reason`, `asked_by`, `parents_answer`)."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from bot.coach import withdrawal
from bot.storage import make_engine, privacy
from bot.storage.models import utcnow
from testkit.chat import Chat
from tests.test_conversation_e2e import CODE, buttons_happy_path, nomination_of

pytestmark = pytest.mark.integration


def to_summary(chat: Chat, messages: list[str], reason: str = "ze luistert altijd") -> None:
    for message in messages:
        chat.send(message)
    chat.send(reason)
    chat.tap("Ja")  # knows already
    chat.tap("Ik zelf")
    chat.tap("sla over")


def test_the_welcome_says_what_matters_most(live):
    chat = Chat(live.settings.rasa_url)
    chat.send("/start")
    assert "jij kiest zelf wie jouw JIM wordt" in chat.text, chat.dump()
    assert "Ik stuur niets zonder jouw ja." in chat.text
    assert "Stoppen mag altijd." in chat.text


def test_two_people_by_name_the_youth_picks_and_the_others_can_go(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "17", "mijn oma riet en buurman ahmed"]:
        chat.send(message)
    assert "Wie wil je het liefst als JIM?" in chat.text, chat.dump()
    titles = [b["title"] for b in chat.buttons]
    assert "👤 Oma Riet" in titles and "👤 Buurman Ahmed" in titles, titles
    chat.tap("Buurman Ahmed")
    assert "Je noemde ook oma Riet. Mag je coach dat ook weten?" in chat.text, chat.dump()
    chat.tap("Ja, dat mag")
    chat.tap("alles zeggen")
    chat.tap("Ja")
    chat.tap("Ik zelf")
    chat.tap("sla over")
    assert "Je noemde ook oma Riet." in chat.text, chat.dump()
    chat.tap("veranderen")
    chat.tap("Anderen weghalen")
    assert "Goed, ik noem alleen Ahmed." in chat.text, chat.dump()
    assert "Riet" not in chat.text.split("Goed, ik noem alleen Ahmed.")[1], chat.dump()
    chat.tap("klopt")
    chat.tap("Ja, dat mag")
    nomination = nomination_of(live, chat)
    assert nomination["mentor"]["name"] == "Ahmed"
    assert nomination["mentor"]["relation"] == "buurman"
    assert nomination["alternatives"] == []


def test_a_no_to_keeping_the_others_keeps_nobody(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "17", "mijn oma riet en buurman ahmed"]:
        chat.send(message)
    chat.send("riet")  # the pick typed
    assert "Je noemde ook buurman Ahmed." in chat.text, chat.dump()
    chat.tap("Nee, alleen Riet")
    chat.tap("alles zeggen")
    chat.tap("Ja")
    chat.tap("Ik zelf")
    chat.tap("sla over")
    chat.tap("klopt")
    chat.tap("Ja, dat mag")
    nomination = nomination_of(live, chat)
    assert nomination["mentor"]["name"] == "Riet" and nomination["alternatives"] == []


def test_a_person_swapped_out_is_kept_only_with_a_yes(live):
    chat = Chat(live.settings.rasa_url)
    to_summary(chat, ["/start", "Sam", "17", "mijn tante", "Fatima"])
    chat.tap("veranderen")
    chat.tap("Een ander persoon")
    chat.send("mijn opa")
    chat.send("Kees")
    assert "Je noemde ook tante Fatima. Mag je coach dat ook weten?" in chat.text, chat.dump()
    chat.tap("Ja, dat mag")
    chat.send("hij helpt met mijn fiets")
    chat.tap("Ja")
    chat.tap("Samen met mijn coach")
    chat.tap("sla over")
    chat.tap("klopt")
    chat.tap("Ja, dat mag")
    nomination = nomination_of(live, chat)
    assert nomination["mentor"]["name"] == "Kees"
    assert nomination["alternatives"] == [{"name": "Fatima", "relation": "tante"}]
    assert nomination["mentor"]["asked_by"] == "samen"


@pytest.mark.parametrize(
    "relation, name, choice",
    [("mijn tante", "Fatima", "Je kiest tante Fatima."), ("Fatima", None, "Je kiest Fatima.")],
)
def test_the_summary_repeats_the_youths_own_reason(live, relation, name, choice):
    chat = Chat(live.settings.rasa_url)
    messages = ["/start", "Sam", "17", relation] + ([name] if name else [])
    for message in messages:
        chat.send(message)
    if "18 jaar" in chat.text:
        chat.tap("Ja, 18 of ouder")
    chat.send("ze luistert altijd naar mij")
    chat.tap("Ja")
    chat.tap("Ik zelf")
    chat.tap("sla over")
    assert choice in chat.text, chat.dump()
    assert "Jij zegt: ze luistert altijd naar mij." in chat.text, chat.dump()
    assert "persoon Fatima" not in chat.text
    chat.tap("klopt")
    chat.tap("Ja, dat mag")
    nomination = nomination_of(live, chat)
    assert nomination["mentor"]["reason"] == "ze luistert altijd naar mij"
    assert nomination["mentor"]["asked_by"] == "jongere"


def test_consent_names_what_is_shared_and_the_team_without_invite(live):
    chat = Chat(live.settings.rasa_url)
    to_summary(chat, ["/start", "Sam", "17", "mijn tante", "Fatima"])
    chat.tap("veranderen")
    chat.tap("Het nummer")
    chat.send("0612345678")
    chat.tap("klopt")
    assert "Ik wil je keuze naar het " in chat.text, chat.dump()
    assert "ziet dan Fatima, waarom je kiest en het nummer. Mag dat?" in chat.text, chat.dump()
    chat.tap("Ja, dat mag")
    assert "Top, ik heb je keuze naar het " in chat.text, chat.dump()
    nomination = nomination_of(live, chat)
    assert nomination["coach"] is None, "no invite: the team's inbox, as the youth heard"
    assert nomination["mentor"]["contact"] == "0612345678"


def test_consent_names_the_coach_with_an_invite(live):
    response = httpx.post(
        f"{live.settings.web_url}/api/invites",
        headers={"Authorization": f"Bearer {live.team_token}"},
        timeout=10,
    )
    response.raise_for_status()
    code = response.json()["code"]
    chat = Chat(live.settings.rasa_url)
    chat.send('/start{"invite_code":"' + code + '"}')
    to_summary(chat, ["Sam", "17", "mijn tante", "Fatima"])
    chat.tap("klopt")
    assert "Ik wil je keuze naar je coach Coach van het standaard team sturen." in chat.text
    chat.tap("Ja, dat mag")
    assert CODE.search(chat.text), chat.dump()
    assert nomination_of(live, chat)["coach"] is not None


def test_under_16_dat_wil_ik_niet_gets_a_kind_answer_before_the_yes(live):
    chat = Chat(live.settings.rasa_url)
    to_summary(chat, ["/start", "Sam", "14", "mijn tante", "Fatima"])
    chat.tap("klopt")
    assert "ook aan je ouders. Is dat goed?" in chat.text, chat.dump()
    chat.tap("Dat wil ik niet")
    assert "Dat snap ik. Je coach praat daar eerst met jou over." in chat.text, chat.dump()
    assert "Mag dat?" in chat.text, "then the consent question"
    chat.tap("Ja, dat mag")
    nomination = nomination_of(live, chat)
    assert nomination["youth"]["parents_answer"] == "nee"
    assert nomination["youth"]["parent_consent_needed"] is True


def test_under_16_after_danger_at_home_the_coach_instead_of_the_parents(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Kim", "15", "mijn stiefvader slaat me soms"]:
        chat.send(message)
    assert "0800 2000" in chat.text, chat.dump()
    chat.tap("Nee, liever niet")
    chat.tap("Trainer")
    to_summary(chat, ["Marco"], reason="hij geeft goede tips")
    chat.tap("klopt")
    assert "ouders. Is dat goed?" not in chat.text, chat.dump()
    assert "Daarom praat je coach eerst met jou. Niet met je ouders." in chat.text
    assert "Mag dat?" in chat.text
    chat.tap("Ja, dat mag")
    nomination = nomination_of(live, chat)
    assert nomination["youth"]["parents_answer"] == "coach"
    assert nomination["mentor"]["relation"] == "sportcoach"


def test_who_asks_and_what_happens_follows_the_youths_answer(live):
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)  # Riet, "Samen met mijn coach"
    chat.tap("Wat gebeurt er dan?")
    assert "Samen vragen jullie het aan Riet." in chat.text, chat.dump()
    assert "belt je coach Riet op" not in chat.text


def test_ik_heb_niemand_gets_its_own_kind_answer_and_the_coach(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15", "ik heb niemand"]:
        chat.send(message)
    assert "Dat is niet erg, en het is ook moeilijk." in chat.text, chat.dump()
    chat.tap("Met mijn coach kijken")
    assert "Ik heb je coach gevraagd om je te bellen." in chat.text, chat.dump()
    assert nomination_of(live, chat) is None, "no nomination: only a call request"
    chat.tap("Ja, nog even")
    assert "Wie vind jij fijn om mee te praten?" in chat.text, chat.dump()


def test_mijn_coach_at_the_relation_question_is_explained_kindly(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15", "mijn coach"]:
        chat.send(message)
    assert "Daarom kan je coach niet je JIM zijn." in chat.text, chat.dump()
    assert "Wie vind jij fijn om mee te praten?" in chat.text, chat.dump()
    titles = [b["title"] for b in chat.buttons]
    assert "⚽ Trainer" in titles and not any("coach" in t.lower() for t in titles)


def test_after_a_withdrawal_no_name_of_the_people_named_stays_in_the_tracker_store(live):
    """The pick buttons carry the names in their payloads; the scrub masks them too."""
    engine = make_engine(live.settings.database_url)
    try:
        chat = Chat(live.settings.rasa_url)
        for message in ["/start", "Sam", "17", "mijn oma riet en buurman ahmed"]:
            chat.send(message)
        chat.tap("Oma Riet")
        chat.tap("Ja, dat mag")
        chat.tap("alles zeggen")
        chat.tap("Ja")
        chat.tap("Ik zelf")
        chat.tap("sla over")
        chat.tap("klopt")
        chat.tap("Ja, dat mag")
        chat.send("verwijder mijn keuze")
        chat.tap("Ja, haal weg")
        later = utcnow() + timedelta(minutes=live.settings.undo_minutes, seconds=1)
        assert withdrawal.finish_due(engine, live.settings, now=later) >= 1
        events = privacy._events_table(engine)
        with engine.connect() as connection:
            rows = [
                json.loads(row[0])
                for row in connection.execute(
                    select(events.c.data).where(events.c.sender_id == chat.sender)
                )
            ]
        raw = json.dumps(rows, ensure_ascii=False)
        assert "Riet" not in raw and "Ahmed" not in raw, chat.dump()
    finally:
        engine.dispose()
