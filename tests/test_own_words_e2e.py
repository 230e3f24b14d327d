"""Issue 20 against the real Rasa and action servers: a youth's own words, typed as they type.

The confirmation of a guess, the growing help (never two "I don't understand" messages
in a row), someone described in the youth's own words reaching the coach, and button
words typed instead of tapped (a sample; every button is walked in tests/test_button_words.py).
"""

from __future__ import annotations

import pytest

from testkit.chat import Chat
from tests.test_conversation_e2e import AGE_QUESTIONS, nomination_of

pytestmark = pytest.mark.integration

NOT_UNDERSTOOD = ("snap ik niet", "snap ik nog niet", "dat lijkt")


def one_message(chat: Chat) -> str:
    assert len(chat.last) == 1, chat.dump()
    return chat.text


def to_the_relation_question(chat: Chat) -> None:
    chat.send("/start")
    chat.send("sam")
    chat.send("15")
    assert "Wie vind jij fijn om mee te praten?" in chat.text, chat.dump()


def test_an_unsure_guess_is_asked_once_with_the_guess_as_a_button(live):
    chat = Chat(live.settings.rasa_url)
    to_the_relation_question(chat)
    chat.send("mijn tanje")
    assert one_message(chat) == "Bedoel je je tante?", chat.dump()
    assert [b["title"] for b in chat.buttons] == ["✅ Ja", "🙂 Nee, iemand anders"]
    chat.send("ja")
    assert "Hoe heet je tante?" in chat.text, chat.dump()


def test_typos_typed_buttons_and_a_description_reach_the_coach(live):
    chat = Chat(live.settings.rasa_url)
    to_the_relation_question(chat)
    chat.send("bij de moskee is een meneer die mij helpt")
    assert "Hoe heet die persoon?" in chat.text, chat.dump()
    chat.send("meneer el amrani")
    assert "18" in chat.text, chat.dump()  # someone else may be under 18: asked
    chat.send("ja, 18 of ouder")
    chat.send("hij helpt mij met dingen")
    chat.send("NEE NOG NIET")  # a button's words, in capitals
    assert "Wie vraagt het aan Meneer El Amrani?" in chat.text, chat.dump()
    chat.send("samen met mijn coach")  # issue 25's question, typed
    assert "nummer" in chat.text, chat.dump()
    chat.send("sla over")  # the words on the button itself
    assert "Je kiest" in chat.text and "Meneer El Amrani" in chat.text, chat.dump()
    chat.send("ja dat klopt")
    assert "jonger dan 16" in chat.text, chat.dump()  # issue 25: the parents, before the yes
    chat.send("ja dat is goed")
    chat.send("ja dat mag")
    nomination = nomination_of(live, chat)
    assert nomination is not None, chat.dump()
    assert nomination["mentor"]["relation"] == "anders"
    assert "moskee" in nomination["mentor"]["relation_text"]
    assert nomination["mentor"]["name"] == "Meneer El Amrani"
    assert nomination["mentor"]["knows_already"] == "nee"
    assert nomination["mentor"]["asked_by"] == "samen"
    assert nomination["youth"]["parents_answer"] == "ja"


def test_the_help_grows_and_is_never_two_not_understood_messages(live):
    chat = Chat(live.settings.rasa_url)
    to_the_relation_question(chat)
    chat.send("mijn buuvrouw")  # a typo the matcher is sure of
    assert "Hoe heet je buurvrouw?" in chat.text, chat.dump()
    chat.send("de buurvrouw")  # a relation is never a name
    first = one_message(chat)
    assert "Riet" in first and "Hoe heet je buurvrouw?" in first, chat.dump()
    chat.send("ans")
    chat.send("ze luistert altijd")
    assert "Weet Ans al" in chat.text, chat.dump()
    chat.send("ja")
    replies = []
    for typed in ("ja heb ik", "ja", "jaa"):
        chat.send(typed)
        replies.append(one_message(chat))
    assert len(set(replies)) == 3, chat.dump()  # more help each time, never the same
    assert not any(all(w in r.lower() for w in ("snap", "niet")) for r in replies[1:])
    assert "coach" in replies[2] and "stoppen" in replies[2], chat.dump()
    chat.tap("Stop voor nu")
    assert "stoppen" in chat.text.lower(), chat.dump()


def test_answers_in_own_words_are_read_with_the_question_they_answer(live):
    """Each answer here was read as something else without its question: "sixteen" as no
    age, "mn opa, hij is echt de allerbeste" as out of scope ("Daar kan ik je niet mee
    helpen"), "hij weet het al" as a sign for the safety check, "ja hoor 0687654321" as no
    number, and the name "Jet" as a question to the bot ("Ik ben een computer") (issue 20:
    the server gives the NLU the form's open question)."""
    chat = Chat(live.settings.rasa_url)
    chat.send("/start")
    chat.send("Jet")
    assert any(q in chat.text for q in AGE_QUESTIONS), chat.dump()
    assert "computer" not in chat.text and "niet mee helpen" not in chat.text
    chat.send("seventeen")
    assert "Wie vind jij fijn om mee te praten?" in one_message(chat), chat.dump()
    chat.send("mn opa, hij is echt de allerbeste")
    assert "Hoe heet je opa?" in chat.text, chat.dump()
    assert "niet mee helpen" not in chat.text
    chat.send("hij heet ahmed")
    chat.send("we gaan samen vissen in de zomer")
    assert "Weet Ahmed al" in chat.text, chat.dump()
    chat.send("hij weet het al")
    assert "zeker weten" not in chat.text and "Wie vraagt het aan Ahmed?" in chat.text, chat.dump()
    chat.send("ik zelf")
    chat.send("ja hoor 0687654321")
    assert "Je kiest opa Ahmed" in chat.text, chat.dump()
    chat.send("ja")
    chat.send("ja dat mag")
    nomination = nomination_of(live, chat)
    assert nomination is not None, chat.dump()
    assert nomination["youth"]["name"] == "Jet"
    assert nomination["youth"]["age"] == 17
    assert nomination["mentor"]["relation"] == "opa"
    assert nomination["mentor"]["reason"] == "we gaan samen vissen in de zomer"
    assert nomination["mentor"]["knows_already"] == "ja"
    assert nomination["mentor"]["contact"] == "0687654321"


def test_danger_typed_as_an_answer_still_gets_help_with_the_question_known(live):
    chat = Chat(live.settings.rasa_url)
    to_the_relation_question(chat)
    chat.send("mn oom, want thuis slaat mijn vader me")
    assert "Veilig Thuis" in chat.text, chat.dump()
    assert "Hoe heet je oom?" not in chat.text


def test_a_typed_yes_to_start_again_and_names_said_around_them(live):
    """Stop 39, typed as a youth would: "hoi" after a stop brings "Wil je een JIM kiezen?"
    (buttons "🔄 Ja, opnieuw", "👋 Nee, ik stop"), and a typed "ja" got "Dat snap ik niet
    goed"; "ik ben Filip" at the name question got "Gaat het goed met je?"; "jef" at "Hoe
    heet je oom?" got "Ik ben een computer"."""
    chat = Chat(live.settings.rasa_url)
    chat.send("hoi")
    assert "Wil je een JIM kiezen?" in chat.text, chat.dump()
    chat.send("ja")
    assert "Hoe wil je dat ik je noem?" in chat.text, chat.dump()
    chat.send("ik ben Filip")
    assert any(q in chat.text for q in AGE_QUESTIONS), chat.dump()
    chat.send("15")
    chat.send("ik wil mn oom")
    assert "Hoe heet je oom?" in chat.text, chat.dump()
    chat.send("jef")
    assert "computer" not in chat.text and "Jef" in chat.text, chat.dump()


def test_a_typed_no_to_start_again_says_goodbye(live):
    chat = Chat(live.settings.rasa_url)
    chat.send("hoi")
    chat.send("nee")
    assert not any(words in chat.text for words in NOT_UNDERSTOOD), chat.dump()
    assert "Doei" in chat.text, chat.dump()
