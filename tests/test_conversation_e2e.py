"""Whole conversations against the real Rasa server and action server (REST channel),
checked in what the youth reads and in what the coach receives through the API."""

from __future__ import annotations

import httpx
import pytest

from bot.rasa_client import Rasa
from bot.storage import repo
from testkit.chat import BY_TYPING, CODE, Chat

pytestmark = pytest.mark.integration


def nominations(live) -> list[dict]:
    response = httpx.get(
        f"{live.settings.web_url}/api/nominations",
        headers={"Authorization": f"Bearer {live.team_token}"},
        timeout=10,
    )
    response.raise_for_status()
    return response.json()


def nomination_of(live, chat: Chat) -> dict | None:
    pseudonym = repo.conversation_ref(live.settings.secret_key, chat.sender)
    found = [n for n in nominations(live) if n["youth"]["conversation_id"] == pseudonym]
    assert len(found) <= 1, "a conversation never makes two nominations"
    return found[0] if found else None


AGE_QUESTIONS = ("Hoe oud ben je?", "Hoeveel jaar ben je?")  # utter_ask_youth_age


def age_questions(chat: Chat) -> list[str]:
    """The bot's messages in this conversation that asked the youth's age."""
    return [
        text
        for who, text in chat.transcript
        if who == "bot" and any(q in text for q in AGE_QUESTIONS)
    ]


def buttons_happy_path(chat: Chat) -> None:
    chat.send("/start")
    assert "JIM" in chat.text
    chat.send("Sam")
    assert "Hoe oud ben je?" in chat.text
    chat.tap("15")
    chat.tap("Oma of opa")
    chat.tap("Oma")
    assert "Hoe heet je oma?" in chat.text
    chat.send("Riet")
    chat.tap("alles zeggen")
    chat.tap("Ja")
    # issue 25: who asks Riet, and that Riet may say no
    assert "Riet mag ook nee zeggen. Dat is niet erg." in chat.text, chat.dump()
    chat.tap("Samen met mijn coach")
    chat.tap("sla over")
    assert "Je kiest oma Riet." in chat.text
    chat.tap("klopt")
    # issue 25: under 16 the parents question comes before the yes
    assert "Dan vraagt je coach het ook aan je ouders. Is dat goed?" in chat.text, chat.dump()
    chat.tap("Ja, dat is goed")
    assert "Mag dat?" in chat.text


# The happy path's youth turns (issue 25): before it, 10 (8 taps, 2 typed: the name and Riet);
# now 12 for a youth under 16 (+ "who asks Riet", + the parents question before the yes),
# 11 from 16 on. /start is sent by the widget, not by the youth.
HAPPY_PATH_TURNS = 12


def test_happy_path_by_buttons_ends_in_a_consented_nomination(live):
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    code = CODE.search(chat.text).group(0)
    assert f"Met deze code vindt je coach je keuze: {code}" in chat.text, chat.dump()
    assert "Toch niet sturen" not in str(chat.buttons), "the choice is sent already"
    youth_turns = chat.turns - 1  # /start is sent by the widget, not typed by the youth
    assert youth_turns <= HAPPY_PATH_TURNS, chat.dump()
    nomination = nomination_of(live, chat)
    assert nomination["reference"] == code
    assert nomination["status"] == "nieuw"
    assert nomination["youth"] == {
        "name": "Sam",
        "age": 15,
        # a pseudonym: the conversation id itself is never handed to a coach
        "conversation_id": repo.conversation_ref(live.settings.secret_key, chat.sender),
        "parent_consent_needed": True,
        "parents_answer": "ja",
    }
    assert nomination["mentor"]["asked_by"] == "samen"
    assert nomination["mentor"]["name"] == "Riet"
    assert nomination["mentor"]["relation"] == "oma"
    assert nomination["mentor"]["support"] == ["emotioneel"]
    assert nomination["mentor"]["knows_already"] == "ja"
    assert nomination["mentor"]["contact"] is None
    assert nomination["consent"]["given"] is True
    assert nomination["consent"]["text_version"] == live.settings.consent_text_version


def test_happy_path_by_typing_only(live):
    chat = Chat(live.settings.rasa_url)
    chat.play(BY_TYPING)
    assert CODE.search(chat.text), chat.dump()
    assert "ouders" not in chat.text, "17 and older decide alone"
    nomination = nomination_of(live, chat)
    assert nomination["youth"]["name"] == "Noor"
    assert nomination["youth"]["parent_consent_needed"] is False
    assert nomination["mentor"]["relation"] == "opa"
    assert nomination["mentor"]["name"] == "Ahmed"
    assert nomination["mentor"]["support"] == ["praktisch"]
    assert nomination["mentor"]["knows_already"] == "nee"
    assert nomination["mentor"]["contact"] == "0612345678"
    assert nomination["mentor"]["asked_by"] == "jongere"
    assert nomination["mentor"]["reason"] == "hij helpt me met huiswerk"


def test_dont_know_leads_through_help_questions_to_someone(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "14"]:
        chat.send(message)
    questions = []
    for _ in range(2):
        chat.tap("weet het niet")
        questions.append(chat.text)
    assert len(set(questions)) == 2, "each help question is a new one"
    chat.send("bij de buurman")
    assert "Hoe heet je buurman?" in chat.text, chat.dump()


@pytest.mark.parametrize(
    "before, plain, simpler",
    [
        (["/start", "Sam"], "Hoe oud ben je?", "Hoeveel jaar ben je?"),
        (["/start", "Sam", "15", "mijn oma", "Riet"], "Wat doet Riet voor jou?",
         "Waarom vind je Riet fijn?"),
    ],
)  # fmt: skip
def test_ik_snap_het_niet_gets_the_question_again_in_simpler_words(live, before, plain, simpler):
    """Not "Dat snap ik niet goed" back to a youth who said they did not understand."""
    chat = Chat(live.settings.rasa_url)
    for message in before:
        chat.send(message)
    assert plain in chat.text, chat.dump()
    chat.send("ik snap het niet")
    assert simpler in chat.text, chat.dump()
    assert "Dat snap ik niet" not in chat.text, chat.dump()
    chat.send("15" if "oud" in plain else "ze luistert altijd naar me")
    assert simpler not in chat.text and plain not in chat.text, chat.dump()


def test_a_parent_is_explained_kindly_and_asked_again(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15", "mijn moeder"]:
        chat.send(message)
    assert "vader of moeder kan niet" in chat.text
    assert chat.buttons, "the question comes again, with buttons"


def test_someone_under_18_is_explained_and_asked_again(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15", "mijn broer", "Daan"]:
        chat.send(message)
    assert "18 jaar of ouder" in chat.text
    chat.tap("Nee, jonger")
    assert "te jong" in chat.text
    assert "Wie vind jij fijn" in chat.text


def test_two_people_the_youth_picks_one_and_keeps_the_other(live):
    """Issue 25: the bot asks who comes first (no "Ik kies eerst je oma")."""
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "16", "mijn oma en de buurman"]:
        chat.send(message)
    assert "Wie wil je het liefst als JIM?" in chat.text, chat.dump()
    assert "Ik kies" not in chat.text
    chat.tap("Je buurman")
    assert "Hoe heet je buurman?" in chat.text, chat.dump()
    chat.send("Ahmed")
    assert "Je noemde ook je oma. Mag je coach dat ook weten?" in chat.text, chat.dump()
    chat.tap("Ja, dat mag")
    chat.tap("Leuke dingen")
    chat.tap("Ja")
    chat.tap("Ik zelf")
    chat.tap("sla over")
    assert "Je kiest buurman Ahmed." in chat.text and "Je noemde ook je oma." in chat.text
    chat.tap("klopt")
    assert "Ahmed, waarom je kiest en je oma" in chat.text, chat.dump()
    chat.tap("Ja, dat mag")
    nomination = nomination_of(live, chat)
    assert nomination["mentor"]["relation"] == "buurman"
    assert nomination["alternatives"] == [{"name": None, "relation": "oma"}]


def test_coming_back_with_start_resumes_where_the_youth_was(live):
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.send("/start")
    assert "verder waar je was" in chat.text
    assert "Mag dat?" in chat.text or "Klopt dat?" in chat.text, chat.dump()


def test_change_the_name_from_the_summary(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15", "mijn tante", "Fatima"]:
        chat.send(message)
    chat.tap("Leuke dingen")
    chat.tap("Weet ik niet")
    chat.tap("Mijn coach")
    chat.tap("sla over")
    chat.tap("veranderen")
    chat.tap("De naam")
    assert "Hoe heet je tante?" in chat.text
    chat.send("Fatma")
    assert "Je kiest tante Fatma." in chat.text, "only the name changed; back at the summary"


def test_no_to_sharing_sends_and_keeps_nothing(live):
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.tap("Nee, liever niet")
    assert "Weet je het zeker?" in chat.text, "forgetting the choice is asked once (issue 22)"
    chat.tap("Ja, vergeet het")
    assert "stuur niets" in chat.text
    assert nomination_of(live, chat) is None


def test_what_happens_then_is_explained_before_the_yes(live):
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.tap("Wat gebeurt er dan?")
    assert "Je coach ziet" in chat.text
    chat.tap("Ja, dat mag")
    assert nomination_of(live, chat) is not None


def test_clear_danger_mid_form_gets_the_lines_that_fit_then_carries_on(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15"]:
        chat.send(message)
    chat.send("ik wil niet meer leven")
    for line in ("112", "0800 0432", "0800 0113", "Ik ben een computer", "coach"):
        assert line in chat.text, chat.dump()
    chat.tap("Nee, liever niet")
    assert "Wie vind jij fijn" in chat.text, "back at the question the youth was at"


def test_danger_at_home_with_a_parent_named_is_not_a_rule_of_the_form(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15"]:
        chat.send(message)
    chat.send("mama drinkt en dan gooit ze met dingen")
    assert "0800 2000" in chat.text and "112" in chat.text, chat.dump()
    assert "0800 0113" not in chat.text, "113 only for self-harm or suicide"
    assert "niet je JIM" not in chat.text


def test_an_adult_hears_lines_for_adults(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "20"]:
        chat.send(message)
    chat.send("ik wil dood")
    assert "0800 0113" in chat.text and "0800 0432" not in chat.text, chat.dump()


def test_a_harmless_idiom_gets_no_alarm(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15"]:
        chat.send(message)
    chat.send("mijn telefoon is dood")
    assert "112" not in chat.text and "zeker weten" not in chat.text, chat.dump()


def test_an_unsure_sign_gets_one_check_and_goed_goes_back(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15"]:
        chat.send(message)
    chat.send("ik ga dood")
    assert "Ik wil het zeker weten" in chat.text and "112" not in chat.text, chat.dump()
    chat.send("het gaat goed")
    assert "Wie vind jij fijn" in chat.text, chat.dump()
    assert "112" not in chat.text


HELD_REASON = "bij haar mag ik slapen als er ruzie is thuis"


def checked_at_the_reason(live) -> Chat:
    """A conversation up to "Wat doet Riet voor jou?", answered with a reason that gets
    the gentle check (issue 24)."""
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "ik heet noor", "17", "mn oma", "ze heet riet"]:
        chat.send(message)
    assert "Wat doet Riet voor jou?" in chat.text, chat.dump()
    chat.send(HELD_REASON)
    assert "Ik wil het zeker weten" in chat.text and "112" not in chat.text, chat.dump()
    return chat


def test_an_answer_with_an_unsure_sign_is_kept_through_the_check(live):
    """Issue 24: after "het gaat goed" the form reads the answer typed before the check;
    the youth is not asked the same question again, and the coach gets the answer."""
    chat = checked_at_the_reason(live)
    chat.send("het gaat goed")
    assert "Wat doet Riet" not in chat.text, chat.dump()
    assert "Weet Riet al" in chat.text, "the next question: " + chat.dump()
    for message in ["nee", "ik vraag het zelf", "0612345678", "ja", "ja dat mag"]:
        chat.send(message)
    nomination = nomination_of(live, chat)
    assert nomination is not None, chat.dump()
    assert nomination["mentor"]["reason"] == HELD_REASON


def test_a_person_named_with_an_unsure_sign_is_kept_after_a_typed_yes(live):
    """Typed as a youth would ("ja hoor gaat prima"): the person named before the check
    is the answer, and the form asks the next question."""
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "ik heet noor", "17"]:
        chat.send(message)
    chat.send("mijn oom, hij komt altijd als er ruzie is thuis")
    assert "zeker weten" in chat.text, chat.dump()
    chat.send("ja hoor gaat prima")
    assert "Hoe heet je oom?" in chat.text, chat.dump()
    assert "Wie vind jij fijn" not in chat.text


def test_nee_at_the_check_of_an_answer_gets_help_and_the_question_again(live):
    """After "nee" the help lines come and the answer is not used: the question comes back."""
    chat = checked_at_the_reason(live)
    chat.send("nee")
    assert "0800 2000" in chat.text, chat.dump()
    chat.tap("Nee")
    assert "Wat doet Riet voor jou?" in chat.text, chat.dump()


def test_an_unsure_sign_and_nee_at_the_check_gets_the_help_lines(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15"]:
        chat.send(message)
    chat.send("ze pesten me op school")
    assert "zeker weten" in chat.text, chat.dump()
    chat.send("nee")
    assert "112" in chat.text and "0800 0432" in chat.text, chat.dump()


def test_stop_and_resume_with_the_same_conversation(live):
    chat = Chat(live.settings.rasa_url)
    for message in ["/start", "Sam", "15", "mijn tante"]:
        chat.send(message)
    chat.send("stop")
    assert "stoppen" in chat.text
    later = Chat(live.settings.rasa_url, sender=chat.sender)
    later.send("hoi")
    assert "Hoe heet je tante?" in later.text, later.dump()


def test_withdraw_after_handoff_erases_the_details(live):
    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    chat.tap("Keuze weghalen")
    assert "Weet je het zeker?" in chat.text, "asked once first (issue 22)"
    chat.tap("Ja, haal weg")
    assert "weggehaald" in chat.text
    nomination = nomination_of(live, chat)
    assert nomination["status"] == "ingetrokken"
    assert nomination["mentor"]["name"] is None
    assert nomination["youth"]["name"] is None


@pytest.mark.parametrize(
    "odd",
    [
        "",
        "   ",
        "a" * 5000,
        "😀😀😀",
        "<img src=x onerror=alert(1)>",
        "what is this thing",
        "0612345678",
        "'; DROP TABLE nominations; --",
    ],
)
def test_odd_input_gets_a_kind_answer_and_the_conversation_goes_on(live, odd):
    chat = Chat(live.settings.rasa_url)
    chat.send("/start")
    replies = chat.send(odd)
    assert replies, f"no answer to {odd[:30]!r}"
    chat.send("Sam")
    chat.send("15")
    # the age was taken at once: the next question, and the age question asked only once
    assert "Wie vind jij fijn om mee te praten?" in chat.text, chat.dump()
    assert len(age_questions(chat)) == 1, chat.dump()


def test_deleting_a_youths_data_removes_nomination_and_conversation(live):
    from bot.storage import make_engine, privacy

    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    assert nomination_of(live, chat) is not None
    engine = make_engine(live.settings.database_url)
    try:
        removed = privacy.delete_conversation(engine, chat.sender)
    finally:
        engine.dispose()
    assert removed.nominations == 1 and removed.events > 10
    assert nomination_of(live, chat) is None
    tracker = Rasa(live.settings.rasa_url, live.settings.rasa_auth_token).tracker(chat.sender)
    assert all(e.get("event") != "user" for e in tracker["events"]), "no message of the youth"


def test_purge_removes_idle_conversations_and_closed_nominations(live):
    from datetime import datetime, timedelta, timezone

    from bot.storage import make_engine, privacy

    chat = Chat(live.settings.rasa_url)
    buttons_happy_path(chat)
    chat.tap("Ja, dat mag")
    chat.tap("Keuze weghalen")
    chat.tap("Ja, haal weg")  # closed: withdrawn (asked once first, issue 22)
    engine = make_engine(live.settings.database_url)
    try:
        assert privacy.purge(engine, days=30).events == 0, "nothing is that old yet"
        later = datetime.now(timezone.utc) + timedelta(days=31)
        removed = privacy.purge(engine, days=30, now=later)
    finally:
        engine.dispose()
    assert removed.conversations >= 1 and removed.nominations >= 1
    assert nomination_of(live, chat) is None


def test_no_names_or_messages_in_any_log(live):
    """A whole conversation of its own, typed through the product's web app (/chat/send)
    to a consented nomination: no name, reason or message it typed is in what the servers
    logged meanwhile (the servers log no line per message, so most runs read nothing: the
    test fails as soon as one does with the youth's words). It reads only the log lines
    written while it ran, so it needs no other test to run before it."""
    from types import SimpleNamespace

    start = {s.name: s.log_file.stat().st_size for s in live.services}
    names = ["Zwaantje", "Xandrietje"]
    typed = ["Zwaantje", "16", "mijn tante", "Xandrietje", "ze luistert altijd naar mij"]
    typed += ["ja", "ik zelf", "nee", "ja", "ja"]
    with httpx.Client(base_url=live.settings.web_url, timeout=60) as web:
        made = web.post("/chat/new", json={}).json()
        headers = {"X-Chat-Secret": made["secret"]}
        said = []
        for message in ["/start", *typed]:
            response = web.post(
                "/chat/send", json={"sender": made["sender"], "message": message}, headers=headers
            )
            assert response.status_code == 200, response.text
            said += [m.get("text", "") for m in response.json()["messages"]]
    nomination = nomination_of(live, SimpleNamespace(sender=made["sender"]))
    assert nomination is not None, said
    assert nomination["mentor"]["name"] == "Xandrietje", "the names went through"
    assert nomination["youth"]["name"] == "Zwaantje"
    written = {}
    for service in live.services:
        with service.log_file.open("rb") as log:
            log.seek(start[service.name])
            written[service.name] = log.read().decode(errors="replace")
    assert set(written) == {"action server", "Rasa server", "web app"}
    for secret in [*names, "ze luistert altijd naar mij", "mijn tante"]:
        for name, text in written.items():
            assert secret.lower() not in text.lower(), f"{secret!r} found in the {name} log"
