"""An answer read with the form's question it answers (issue 20, bot/nlu/at_the_question.py).

The classifier read "mn opa hij is de beste" at "Wie vind jij fijn om mee te praten?" as
out of scope (the youth was told "Daar kan ik je niet mee helpen"), "in de zomer word ik
16" at the age question as something else. The server now puts the question in the
message's metadata; a guess of the classifier gives way to the answer the question
shows, never danger or a wish of the youth. The held-out messages of the bench sets are
not copied here.
"""

from __future__ import annotations

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.at_the_question import answer_intent, names_a_person, question_of, read_as_the_answer
from nlu_components.at_the_question import AnswerAtTheQuestion
from nlu_components.relation_words import RelationWords
from rasa_addons.server import with_the_question


@pytest.mark.parametrize(
    "question, intent, text, expected",
    [
        # an age the form can read, guessed to be something else
        ("youth_age", "out_of_scope", "na de zomervakantie word ik 15", "inform_age"),
        ("youth_age", "nlu_fallback", "fourteen", "inform_age"),
        ("youth_age", "greet", "hoi ik ben 13", "inform_age"),
        # a phone number with words around it
        ("contact", "affirm", "ja hoor 0687654321", "inform_contact"),
        ("contact", "out_of_scope", "zijn nummer is 06 11223344", "inform_contact"),
        # a yes or a no in other words, other languages
        ("knows_already", "inform_support", "ze weet het al", "affirm"),
        ("knows_already", "out_of_scope", "yes we hebben het erover gehad", "affirm"),
        ("knows_already", "greet", "hayir nog niet", "deny"),
        ("knows_already", "ask_status", "nee nog niet gevraagd", "deny"),
        # an age at "Is Riet 18 jaar of ouder?" (stop 46, typed as a youth would): the age
        # decides, also against a "ja" before it; "wordt 18" is not 18 yet
        ("mentor_adult", "inform_age", "ze is 27", "affirm"),
        ("mentor_adult", "out_of_scope", "hij is 63 of zo", "affirm"),
        ("mentor_adult", "inform_age", "16", "deny"),
        ("mentor_adult", "affirm", "ja ze is 16", "deny"),
        ("mentor_adult", "out_of_scope", "ze wordt 18 in juni", "deny"),
        # a reason in the youth's own words
        ("mentor_reason", "out_of_scope", "we gaan samen vissen in de zomer", "inform_support"),
        ("mentor_reason", "greet", "hij zegt altijd hoi als ik binnenkom", "inform_support"),
    ],
)
def test_a_guess_gives_way_to_the_answer_the_question_shows(question, intent, text, expected):
    assert answer_intent(question, intent, text) == expected


@pytest.mark.parametrize(
    "question, intent, text",
    [
        # danger and the youth's wishes keep their intent, at every question
        ("youth_age", "crisis", "ik ben 14 en mijn vader slaat me"),
        ("youth_age", "crisis_check", "15 en ik ben zo moe"),
        ("contact", "stop", "stop 0612345678"),
        ("knows_already", "go_back", "ik wil terug"),
        ("mentor_reason", "not_understood", "ik snap de vraag niet"),
        ("mentor_reason", "dont_know", "weet ik niet"),
        ("youth_age", "deny", "dat zeg ik niet"),
        # a question to the bot is no answer
        ("youth_age", "out_of_scope", "ben jij ook 15?"),
        # the answer the question shows is not there
        ("youth_age", "out_of_scope", "geen idee man"),
        ("contact", "out_of_scope", "die heb ik niet"),
        ("contact", "out_of_scope", "06123 of 0698765432"),
        ("knows_already", "inform_support", "hij is heel aardig"),
        # an age says nothing at "Weet Riet al ...?", and "ja ze is 40" was a yes already
        ("knows_already", "inform_age", "ze is 40"),
        ("mentor_adult", "affirm", "ja ze is 40"),
        ("mentor_reason", "greet", "hoi"),
        ("mentor_reason", "thanks", "dank je"),
        # the classifier already read the answer
        ("youth_age", "inform_age", "15"),
        # outside the form, and a button's payload
        (None, "out_of_scope", "ik word 16"),
        ("youth_age", "out_of_scope", "/inform_age"),
    ],
)
def test_danger_wishes_and_other_messages_keep_their_intent(question, intent, text):
    assert answer_intent(question, intent, text) is None


@pytest.mark.parametrize(
    "question, intent, text, people, expected",
    [
        ("relation", "out_of_scope", "mn opa, hij is echt de beste", True, True),
        ("relation", "inform_support", "mijn tante want die luistert", True, True),
        ("mentor_name", "greet", "buurman henk", True, True),
        ("relation", "crisis", "mijn oom slaat me", True, False),
        ("relation", "crisis_check", "mijn tante", True, False),
        ("relation", "explain_jim", "mag mijn opa het zijn?", True, False),
        ("relation", "stop", "stop met mijn oma", True, False),
        ("relation", "out_of_scope", "geen idee", False, False),
        ("mentor_reason", "out_of_scope", "mijn opa is de beste", True, False),
        (None, "out_of_scope", "mn opa", True, False),
    ],
)
def test_a_person_read_at_the_person_questions_is_the_one_named(
    question, intent, text, people, expected
):
    assert names_a_person(question, intent, text, people) is expected


def test_the_question_is_read_from_the_metadata_only():
    assert question_of({"question": "relation"}) == "relation"
    assert question_of({"question": 3}) is None
    assert question_of({}) is None
    assert question_of(None) is None


def parsed(text: str, ranking: list[tuple[str, float]], question: str | None) -> Message:
    message = Message(data={"text": text, "metadata": {"question": question} if question else {}})
    message.set("intent", {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    message.set("entities", [])
    return message


def test_the_step_gives_the_answer_and_keeps_the_confidence_of_danger():
    message = parsed(
        "in de zomer word ik 16",
        [("out_of_scope", 0.5), ("crisis_check", 0.3), ("crisis", 0.2)],
        "youth_age",
    )
    AnswerAtTheQuestion().process([message])
    assert message.get("intent")["name"] == "inform_age"
    assert message.get("intent")["confidence"] >= 0.8, "above the fallback's threshold"
    ranking = {item["name"]: item["confidence"] for item in message.get("intent_ranking")}
    assert message.get("intent_ranking")[0]["name"] == "inform_age"
    assert ranking["crisis"] == 0.2 and ranking["crisis_check"] == 0.3, "CrisisGuard reads them"
    assert ranking["out_of_scope"] <= 0.65


def test_the_step_changes_nothing_without_a_question():
    message = parsed("in de zomer word ik 16", [("out_of_scope", 0.5)], None)
    AnswerAtTheQuestion().process([message])
    assert message.get("intent")["name"] == "out_of_scope"


def test_the_relation_step_reads_the_person_named_at_the_question():
    text = "mn opa, hij woont in almere maar ik zie hem elk weekend"
    at_question = parsed(text, [("out_of_scope", 0.9), ("crisis", 0.05)], "relation")
    alone = parsed(text, [("out_of_scope", 0.9), ("crisis", 0.05)], None)
    RelationWords().process([at_question, alone])
    assert at_question.get("intent")["name"] == "inform_mentor"
    assert [e["value"] for e in at_question.get("entities")] == ["opa"]
    ranking = {i["name"]: i["confidence"] for i in at_question.get("intent_ranking")}
    assert ranking["crisis"] == 0.05
    # alone, a long story that holds a relation word stays what the classifier said
    assert alone.get("intent")["name"] == "out_of_scope"
    assert alone.get("entities") == []


def tracker_at(question: str | None, loop: str | None = "jim_form") -> DialogueStateTracker:
    tracker = DialogueStateTracker("youth", [TextSlot(REQUESTED_SLOT, mappings=[])])
    events = []
    if loop:
        events.append(ActiveLoop(loop))
    if question:
        events.append(SlotSet(REQUESTED_SLOT, question))
    for event in events:
        tracker.update(event)
    return tracker


def test_the_server_gives_the_nlu_the_open_question_and_stores_the_message_as_sent():
    message = UserMessage("sixteen", metadata={"channel": "widget"})
    read = with_the_question(message, tracker_at("youth_age"))
    assert read.metadata == {"channel": "widget", "question": "youth_age"}
    assert message.metadata == {"channel": "widget"}, "the stored message is not changed"
    assert read.text == "sixteen" and read.sender_id == message.sender_id


@pytest.mark.parametrize(
    "tracker", [tracker_at(None), tracker_at("youth_age", loop=None), None], ids=str
)
def test_outside_the_form_the_message_is_read_as_sent(tracker):
    message = UserMessage("sixteen")
    assert with_the_question(message, tracker) is message


@pytest.fixture(scope="module")
def agent(model_file):
    from rasa.core.agent import Agent

    return Agent.load(str(model_file))


@pytest.mark.integration
@pytest.mark.parametrize(
    "text, question, intent, relation",
    [
        ("mn opa, hij is echt de allerbeste", "relation", "inform_mentor", "opa"),
        ("twintig denk ik", "youth_age", "inform_age", None),
        # a name the classifier alone reads as a question to the bot, or as off-topic
        ("Jet", "youth_name", "inform_name", None),
        ("Kes", "youth_name", "inform_name", None),
        ("hahaha", "youth_name", "out_of_scope", None),
        # danger at a question of the form is danger, with or without the question
        ("mijn oom slaat me elke dag", "relation", "crisis", None),
        ("15 en ik wil dood", "youth_age", "crisis", None),
    ],
)
async def test_the_real_model_reads_answers_with_their_question(
    agent, text, question, intent, relation
):
    parse = await agent.processor.parse_message(UserMessage(text, metadata={"question": question}))
    assert parse["intent"]["name"] == intent, parse["intent"]
    if relation:
        assert [e["value"] for e in parse["entities"] if e["entity"] == "relation"] == [relation]


@pytest.mark.parametrize(
    "intent, text, expected",
    [
        # an unknown name guessed to be a question to the bot ("Ik ben een computer")
        ("bot_challenge", "Jet", "inform_name"),
        ("bot_challenge", "jet-lynn", "inform_name"),
        ("bot_challenge", "Sam B", "inform_name"),
        # guessed to be about a person or a reason: only with a known first name in it
        ("inform_mentor", "Sam B", "inform_name"),
        ("inform_support", "Jet", None),
        # a name guessed off-topic or not understood ("Daar kan ik je niet mee helpen")
        ("out_of_scope", "Noor", "inform_name"),
        ("out_of_scope", "Kes", "inform_name"),
        ("nlu_fallback", "Jinte", "inform_name"),
        # mashing, a laugh, an emoji, code: no name
        ("out_of_scope", "asdf", None),
        ("out_of_scope", "hahaha", None),
        ("out_of_scope", "😊", None),
        ("out_of_scope", "null", None),
        ("out_of_scope", "test", None),
        # no name: words that are none, chat words, a relation, a number, a question
        ("bot_challenge", "geen idee", None),
        ("bot_challenge", "waarom", None),
        ("bot_challenge", "mijn naam", None),
        ("bot_challenge", "robot", None),
        ("bot_challenge", "bot", None),
        ("bot_challenge", "ben jij een bot", None),
        ("bot_challenge", "robot?", None),
        ("out_of_scope", "liever niet", None),
        ("out_of_scope", "oma", None),
        ("out_of_scope", "de buurman", None),
        ("bot_challenge", "jet 14", None),
        ("greet", "hoi", None),
        # a name with a note the form leaves off: a spelling note, where from
        ("out_of_scope", "Milan uit Rotterdam", "inform_name"),
        ("out_of_scope", "nora met 1 r", "inform_name"),
        # a sentence is no name: more than two words of it would be the name
        ("out_of_scope", "pizza is lekker", None),
        ("out_of_scope", "dat zeg ik niet", None),
        ("out_of_scope", "💊💊 vannacht", None),
        # stop 44, typed as a youth would: a joke taken back before the name
        ("out_of_scope", "noem me prinses haha nee grapje gewoon fleur", "inform_name"),
        ("out_of_scope", "zeg maar koningin, grapje, ik ben yara", "inform_name"),
        ("out_of_scope", "nee grapje", None),
        ("out_of_scope", "grapje", None),
        ("out_of_scope", "geintje", None),
        # stop 46, typed as a youth would: Joke is a name, an oma's most of all
        ("out_of_scope", "thuis zeggen ze oma joke", "inform_name"),
        ("out_of_scope", "joke", "inform_name"),
        # danger and wishes keep their intent
        ("crisis", "Jet", None),
        ("stop", "Jet", None),
    ],
)
def test_at_the_name_question_a_name_guessed_to_be_something_else_is_the_name(
    intent, text, expected
):
    """At "Hoe wil je dat ik je noem?" "Jet" was read as a question to the bot and the youth
    heard "Ik ben een computer" (issue 20)."""
    assert answer_intent("youth_name", intent, text) == expected
    assert answer_intent("relation", intent, text) is None  # only at the name question


@pytest.mark.parametrize(
    "question, intent, text, expected",
    [
        # the chosen person's name read as a question to the bot, off-topic or a greeting
        ("mentor_name", "bot_challenge", "jef", "inform_mentor"),
        ("mentor_name", "out_of_scope", "Habtom", "inform_mentor"),
        ("mentor_name", "greet", "Hüseyin", "inform_mentor"),
        ("mentor_name", "out_of_scope", "her name is kasia", "inform_mentor"),
        ("youth_name", "greet", "Eyob", "inform_name"),
        # one known first name read as a yes or a no
        ("mentor_name", "deny", "Noor", "inform_mentor"),
        ("youth_name", "affirm", "Sam", "inform_name"),
        # still no name: a greeting word, a yes, a no, a relation, a question to the bot
        ("mentor_name", "greet", "hoi", None),
        ("mentor_name", "greet", "goedemorgen", None),
        ("youth_name", "greet", "hello", None),
        ("mentor_name", "deny", "nee", None),
        ("mentor_name", "affirm", "ja", None),
        ("mentor_name", "out_of_scope", "de buurman", None),
        ("mentor_name", "bot_challenge", "ben jij een robot", None),
        ("mentor_name", "crisis", "jef", None),
        # stop 41: one word read as a goodbye or a thanks that is none ("kiara" as "ciao")
        ("youth_name", "goodbye", "kiara", "inform_name"),
        # stop 45, typed as a youth would: a question about the word JIM is answered at every
        # question; "nee" with the coach to tell is a no, never a withdrawal
        ("youth_name", "not_understood", "wat bedoel je met jim", "explain_jim"),
        ("relation", "nlu_fallback", "jim?? wat is dat", "explain_jim"),
        ("reason", "out_of_scope", "hoe werkt dat eigenlijk met een jim", "explain_jim"),
        ("mentor_name", "inform_name", "jim", None),
        ("mentor_name", "out_of_scope", "mijn oom heet jim", None),
        ("knows_already", "withdraw_consent", "nee, wil dat de coach doet", "deny"),
        ("knows_already", "withdraw_consent", "nee dat mag jij vertellen", "deny"),
        ("knows_already", "withdraw_consent", "nee ik wil het niet meer sturen", None),
        ("knows_already", "withdraw_consent", "stop, de coach mag het niet weten", None),
        ("mentor_name", "thanks", "Ilham!", "inform_mentor"),
        ("youth_name", "goodbye", "doeiii", None),
        ("youth_name", "goodbye", "ciao", None),
        ("mentor_name", "thanks", "bedankt", None),
        ("mentor_name", "thanks", "thxx", None),
        ("youth_name", "goodbye", "tot ziens", None),
        # stop 42: one word the classifier was unsure of, at the youth's own name question
        ("youth_name", "inform_mentor", "tobias", "inform_name"),
        ("youth_name", "nlu_fallback", "Yusra", "inform_name"),
        ("youth_name", "greet", "hey", None),
        ("youth_name", "greet", "salaam", None),
        ("youth_name", "inform_mentor", "tante", None),
        # a care professional at the relation question: the form says kindly why not
        ("relation", "out_of_scope", "mn hulpverlener", "inform_mentor"),
        ("relation", "out_of_scope", "de voogd", "inform_mentor"),
    ],
)
def test_a_name_or_a_professional_hidden_by_a_guess_is_the_answer(question, intent, text, expected):
    """ "jef" at "Hoe heet je oom?" was read as a question to the bot, "Hüseyin" as a
    greeting: the name was lost (stop 39, the eighth and ninth form sets)."""
    assert answer_intent(question, intent, text) == expected


@pytest.mark.parametrize(
    "question, text, expected",
    [
        # a name, told in Dutch or a known first name: the answer the question reads
        ("youth_name", "ik ben Filip", True),
        ("youth_name", "jaydy met een y aan het eind", True),
        ("youth_name", "mn vrienden zeggen moos", True),
        ("mentor_name", "Ton van den Berg", True),
        ("mentor_name", "Anjali zegt iedereen", True),
        ("mentor_name", "Hij heet Murat, met een t", True),
        ("youth_name", "shaquille maar zeg shaq", True),
        # stop 41, found by typing as a youth would: the name with the one the person is
        # called by got the check ("khalo" is also a word for oom; six words were too many)
        ("mentor_name", "khalid maar we zeggen khalo", True),
        ("mentor_name", "ze heet anja maar iedereen zegt an", True),
        ("mentor_name", "hij heet mohammed maar iedereen zegt mo", True),
        ("youth_name", "ik heet damian maar zeg maar dami", True),
        ("mentor_name", "hij slaat me maar iedereen zegt niks", False),
        # said in English or with a filler (stop 40)
        ("youth_name", "call me zuri", True),
        ("youth_name", "my name is Kwame", True),
        ("mentor_name", "ze heet ehm dilan", True),
        # words the form does not know around an unknown name: the classifier may check
        ("youth_name", "açım, evde yemek yok hiç", False),
        ("mentor_name", "selam dunya nasilsin", False),
        # no name, or not at a name question
        ("youth_name", "ik ben hier", False),
        ("youth_name", "hahaha", False),
        ("relation", "ik ben Filip", False),
        ("youth_name", "ik ben zo moe van alles en iedereen", False),
        # stop 46, typed as a youth would: a friendly emoji after the name is left off;
        # a pill, tears, a broken heart or an emoji before the name are not
        ("youth_name", "femke 😎", True),
        ("youth_name", "ik ben jolien 💕", True),
        ("mentor_name", "ze heet nora ❤️", True),
        ("mentor_adult", "ze is al 27", True),
        ("mentor_adult", "ze is aardig", False),
        ("youth_name", "femke 😭", False),
        ("youth_name", "femke 💔", False),
        ("youth_name", "femke 💊", False),
        ("youth_name", "😎 femke", False),
        ("youth_name", "ik wil dood 😎", False),
    ],
)
def test_a_name_at_a_name_question_is_read_as_the_answer(question, text, expected):
    """ "ik ben Filip" and "Ton van den Berg" got "Gaat het goed met je?" from the
    classifier's low crisis band: a name the question reads gets no check from the band
    alone (its words still decide; no danger message of the seventeen safety sets is one
    with words that say nothing)."""
    assert read_as_the_answer(question, text) is expected


RESTART_BUTTONS = [
    {"title": "🔄 Ja, opnieuw", "payload": "/start"},
    {"title": "👋 Nee, ik stop", "payload": "/goodbye"},
]


def test_the_server_gives_the_nlu_the_buttons_just_shown():
    """ "ja" to "Wil je een JIM kiezen?" is read with the buttons under that question."""
    tracker = tracker_at(None, loop=None)
    tracker.update(BotUttered("Wil je een JIM kiezen?", {"buttons": RESTART_BUTTONS}))
    read = with_the_question(UserMessage("ja"), tracker)
    assert read.metadata == {"buttons": RESTART_BUTTONS}


def test_buttons_of_a_message_before_the_youths_last_are_not_given():
    tracker = tracker_at(None, loop=None)
    tracker.update(BotUttered("Wil je een JIM kiezen?", {"buttons": RESTART_BUTTONS}))
    tracker.update(UserUttered("hoi"))
    tracker.update(BotUttered("Hoi! Fijn dat je er bent."))
    message = UserMessage("ja")
    assert with_the_question(message, tracker) is message
