"""One clear answer when the bot is unsure, with more help each time in a row (issue 20).

Before: "Dat snap ik niet goed. Tik op een knop, of typ wie het is." and then the same
question again, with the same eight buttons, every time. Now: one message, the question
itself, with more help at each answer in a row that could not be used.
"""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.jim_form import (
    ActionAskMentorName,
    ActionAskRelation,
    ActionOutOfScopeInForm,
    ValidateJimForm,
)
from bot.dialogue import unsure
from tests.test_actions import form_tracker, make_tracker


@pytest.fixture
def dispatcher():
    from rasa_sdk.executor import CollectingDispatcher

    return CollectingDispatcher()


def slot_events(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


# --- the count ------------------------------------------------------------------------


def test_the_count_grows_to_three_and_stays_there():
    assert [unsure.next_level(n) for n in (None, 0, 1.0, 2, 3, 7)] == [1, 1, 2, 3, 3, 3]


def test_the_unusable_answer_is_kept_to_show_back_when_it_is_short():
    assert unsure.rejected(0, "de man van de snackbar") == {
        unsure.UNSURE: 1.0,
        unsure.UNUSABLE: "de man van de snackbar",
    }
    assert unsure.rejected(1, "x" * 80)[unsure.UNUSABLE] is None
    assert unsure.rejected(1, "/deny")[unsure.UNUSABLE] is None


@pytest.mark.parametrize("question", ["youth_age", "contact", "youth_name", "mentor_name"])
async def test_an_unusable_answer_gets_no_message_of_its_own(question, dispatcher, domain):
    """The question comes back (with help); nothing says "I don't understand" before it."""
    text = {"youth_age": "een beetje", "contact": "ja heb ik", "youth_name": "1234"}.get(
        question, "de buurman"
    )
    tracker = form_tracker(question, "inform_mentor", {question: text}, text)
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert dispatcher.messages == []
    assert slot_events(events)[unsure.UNSURE] == 1.0
    assert slot_events(events)[question] is None


async def test_each_time_in_a_row_the_count_goes_up(dispatcher, domain):
    tracker = form_tracker("youth_age", "inform_age", {"youth_age": "veel"}, "veel")
    tracker.slots[unsure.UNSURE] = 2.0
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert slot_events(events)[unsure.UNSURE] == 3.0


async def test_an_answer_that_fills_nothing_counts_too(dispatcher, domain):
    """ "ja" at "Weet Riet het al?" fills it; "hmm" (the NLU unsure) filled nothing, and the
    same question used to come back in the same words."""
    tracker = form_tracker("knows_already", "nlu_fallback", text="hmm")
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert slot_events(events)[unsure.UNSURE] == 1.0


@pytest.mark.parametrize("intent", ["explain_jim", "greet", "out_of_scope", "stop"])
async def test_a_side_question_is_no_unusable_answer(intent, dispatcher, domain):
    events = await ValidateJimForm().run(
        dispatcher, form_tracker("knows_already", intent, text="wat is een jim"), domain
    )
    assert unsure.UNSURE not in slot_events(events)


def _not_an_answer() -> list[str]:
    """The domain's `not_an_answer` list (the form's `from_text` mappings), read from the file."""
    import yaml

    from bot.settings import PROJECT_DIR

    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    mapping = next(m for m in domain["slots"]["youth_name"]["mappings"] if m["type"] == "from_text")
    return sorted(mapping["not_intent"])


@pytest.mark.parametrize("intent", sorted(set(_not_an_answer()) - {"not_understood", "dont_know"}))
@pytest.mark.parametrize("question", ["youth_name", "relation", "mentor_name", "asked_by"])
async def test_an_intent_with_its_own_rule_leaves_the_question_to_the_rule(
    question, intent, dispatcher, domain
):
    """A code ("jim-7k3q"), "ik heb niemand", "ik vraag het zelf", a stop: the form sets no
    slot, so Rasa's form gives the turn to the intent's own rule. The form once counted
    them as unusable answers ("Ik snap je naam nog niet") and the rule never came."""
    tracker = form_tracker(question, intent, text="jim-7k3q")
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert [n for n in slot_events(events) if n != "requested_slot"] == []
    assert dispatcher.messages == []


async def test_an_explained_answer_does_not_count(dispatcher, domain):
    """ "mijn moeder" is understood: the explanation comes, not "I don't understand"."""
    tracker = form_tracker("relation", "inform_mentor", {"relation": "ouder"}, "mijn moeder")
    tracker.latest_message["entities"] = [{"entity": "relation", "value": "ouder"}]
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_relation_parent"]
    assert unsure.UNSURE not in slot_events(events)


async def test_an_answer_used_starts_the_count_again(dispatcher, domain):
    tracker = form_tracker("youth_age", "inform_age", {"youth_age": "15"}, "15")
    tracker.slots[unsure.UNSURE] = 2.0
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert SlotSet(unsure.UNSURE, 0.0) in events
    assert SlotSet("youth_age", "15") in events


async def test_asking_it_simpler_starts_the_count_again(dispatcher, domain):
    tracker = form_tracker("youth_age", "not_understood", text="snap ik niet")
    tracker.slots[unsure.UNSURE] = 2.0
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert SlotSet(unsure.UNSURE, 0.0) in events and SlotSet("simpler", True) in events


# --- the question at each level --------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["youth_name", "youth_age", "knows_already", "asked_by", "contact"]
)
async def test_the_question_has_other_words_each_time(question, domain):
    """Rasa's generator picks the variation by the count: 4 different texts, the last the
    offer to stop or ask the coach."""
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet as RasaSlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    rasa_domain = Domain.from_dict(domain)
    nlg = TemplatedNaturalLanguageGenerator(rasa_domain.responses)
    said = []
    for level in (0, 1, 2, 3):
        tracker = DialogueStateTracker("youth", rasa_domain.slots)
        tracker.update(RasaSlotSet("mentor_name", "Riet"))
        tracker.update(RasaSlotSet(unsure.UNSURE, float(level)))
        said.append(await nlg.generate(f"utter_ask_{question}", tracker, "rest"))
    assert len({s["text"] for s in said}) == 4
    assert "coach" in said[3]["text"]
    assert [b["payload"] for b in said[3]["buttons"]] == ["/stop", "/not_understood"]
    assert len(said[2].get("buttons") or []) <= max(len(said[0].get("buttons") or []), 3)


def test_the_relation_question_shows_the_answer_back(dispatcher, domain):
    tracker = make_tracker({unsure.UNSURE: 1.0, unsure.UNUSABLE: "de man van de snackbar"})
    ActionAskRelation().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["text"].startswith("Bedoel je de man van de snackbar?")
    assert message["buttons"][0]["payload"] == '/inform_mentor{"relation":"anders"}'
    assert len(message["buttons"]) <= 4


@pytest.mark.parametrize(
    "level, response", [(1, "utter_unsure_relation_1"), (3, "utter_unsure_stop")]
)
def test_the_relation_question_with_fewer_buttons_then_the_offer_to_stop(
    level, response, dispatcher, domain
):
    ActionAskRelation().run(dispatcher, make_tracker({unsure.UNSURE: float(level)}), domain)
    assert [m.get("response") for m in dispatcher.messages] == [response]
    assert len(domain["responses"]["utter_unsure_relation_2"][0]["buttons"]) < len(
        domain["responses"]["utter_ask_relation"][0]["buttons"]
    )


def test_the_name_question_with_an_example(dispatcher, domain):
    tracker = make_tracker({unsure.UNSURE: 1.0, "relation": "buurman"})
    ActionAskMentorName().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["text"].endswith("Hoe heet je buurman?")
    assert "Riet" in dispatcher.messages[0]["text"]


# --- a guess of the relation, asked once ---------------------------------------------


GUESS = [{"entity": "relation", "value": "buurvrouw", "certain": False, "start": 3, "end": 11}]


def validate_relation(tracker, dispatcher, domain):
    return ValidateJimForm().validate_relation(
        tracker.slots.get("relation"), dispatcher, tracker, domain
    )


def test_an_uncertain_relation_is_asked_about_first(dispatcher, domain):
    tracker = form_tracker("relation", "inform_mentor", {"relation": "buurvrouw"}, "me buurvruuw")
    tracker.latest_message["entities"] = GUESS
    result = validate_relation(tracker, dispatcher, domain)
    assert result == {"relation": None, unsure.GUESS: "buurvrouw"}
    dispatcher.messages.clear()
    ActionAskRelation().run(dispatcher, make_tracker({unsure.GUESS: "buurvrouw"}), domain)
    [message] = dispatcher.messages
    assert message["text"] == "Bedoel je je buurvrouw?"
    assert [b["title"] for b in message["buttons"]] == ["✅ Ja", "🙂 Nee, iemand anders"]
    assert [b["payload"] for b in message["buttons"]] == [
        '/inform_mentor{"relation":"buurvrouw"}',
        '/inform_mentor{"relation":"anders"}',
    ]


@pytest.mark.parametrize("intent, relation", [("affirm", "buurvrouw"), ("deny", "anders")])
def test_a_typed_yes_or_no_answers_the_guess(intent, relation, dispatcher, domain):
    tracker = form_tracker("relation", intent, {"relation": "ja", unsure.GUESS: "buurvrouw"}, "ja")
    tracker.slots[unsure.GUESS] = "buurvrouw"
    result = validate_relation(tracker, dispatcher, domain)
    assert result["relation"] == relation and result[unsure.GUESS] is None


def test_a_certain_relation_is_used_at_once(dispatcher, domain):
    tracker = form_tracker("relation", "inform_mentor", {"relation": "buurvrouw"}, "me buuvrouw")
    tracker.latest_message["entities"] = [{**GUESS[0], "certain": True}]
    result = validate_relation(tracker, dispatcher, domain)
    assert result["relation"] == "buurvrouw"


# --- people in their own words ----------------------------------------------------------


def test_someone_described_is_someone_else_with_the_description_for_the_coach(dispatcher, domain):
    text = "een meneer die bij de moskee helpt"
    entity = {"entity": "relation", "value": "anders", "relation_text": text, "start": 0}
    tracker = form_tracker("relation", "inform_mentor", {"relation": "anders"}, text)
    tracker.latest_message["entities"] = [entity]
    result = validate_relation(tracker, dispatcher, domain)
    assert result["relation"] == "anders"
    assert result[unsure.RELATION_TEXT] == text


@pytest.mark.parametrize("typed", ["ja", "jaa", "ja die"])
def test_a_typed_yes_to_the_shown_back_answer_is_the_tap(typed, dispatcher, domain):
    """ "Bedoel je: de man van de snackbar? Tik dan op Ja." - a youth types "ja"."""
    tracker = form_tracker("relation", "affirm", {"relation": typed}, typed)
    tracker.slots[unsure.UNSURE] = 1.0
    tracker.slots[unsure.UNUSABLE] = "de man van de snackbar"
    result = validate_relation(tracker, dispatcher, domain)
    assert result["relation"] == "anders"
    assert result[unsure.RELATION_TEXT] == "de man van de snackbar"


def test_a_yes_without_an_answer_shown_back_is_no_relation(dispatcher, domain):
    tracker = form_tracker("relation", "affirm", {"relation": "ja"}, "ja")
    result = validate_relation(tracker, dispatcher, domain)
    assert result.get("relation") is None


def test_the_name_after_a_description_keeps_the_description(dispatcher, domain):
    """ "meneer el amrani" at "Hoe heet die persoon?" reads as someone else again: the
    coach still gets "bij de moskee is een meneer die mij helpt", not the name twice."""
    first = "bij de moskee is een meneer die mij helpt"
    entity = {"entity": "relation", "value": "anders", "relation_text": "meneer el amrani"}
    tracker = form_tracker(
        "mentor_name", "inform_mentor", {"relation": "anders"}, "meneer el amrani"
    )
    tracker.slots[unsure.RELATION_TEXT] = first
    tracker.latest_message["entities"] = [entity]
    result = validate_relation(tracker, dispatcher, domain)
    assert result.get(unsure.RELATION_TEXT, first) == first


def test_yes_to_the_shown_back_answer_keeps_it_as_the_description(dispatcher, domain):
    payload = '/inform_mentor{"relation":"anders"}'
    tracker = form_tracker("relation", "inform_mentor", {"relation": "anders"}, payload)
    tracker.slots[unsure.UNUSABLE] = "de man van de snackbar"
    tracker.latest_message["entities"] = [{"entity": "relation", "value": "anders"}]
    result = validate_relation(tracker, dispatcher, domain)
    assert result[unsure.RELATION_TEXT] == "de man van de snackbar"


# --- names and age -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, name",
    [
        ("bas van groep 8", "Bas"),
        ("jan van school", "Jan"),
        ("mevrouw de vries", "Mevrouw de Vries"),
        ("meneer el amrani", "Meneer El Amrani"),
        ("anja van den berg", "Anja van den Berg"),
        ("oma riet", "Riet"),
        ("ehm fenna", "Fenna"),
        ("gwn jessy", "Jessy"),
        ("ik noem hem mo", "Mo"),
        ("we noemen haar tante lies", "Lies"),
        ("ricardo van kickboks", "Ricardo"),
        ("mevrouw de vries van naast ons", "Mevrouw de Vries"),
        ("Kevin van den Berg", "Kevin van den Berg"),
        # issue 20, the third form set (2026-12-06), in other words
        ("ikke heet yusuf", "Yusuf"),
        ("haar naam is wendy", "Wendy"),
        ("hij heet dirk geloof ik", "Dirk"),
        ("Sandra, ze is al 40", "Sandra"),
        ("de juf van vroeger, marieke", "Marieke"),
        ("Stefano uit Italie", "Stefano"),
        ("we noemen hem meneer Bakker", "Meneer Bakker"),
        # and from the fourth form set, read after it was measured
        ("iedereen zegt gewoon Fem", "Fem"),
        ("mijn tante nora die woont in gouda", "Nora"),
        ("buurman kees want die is altijd thuis", "Kees"),
        ("hij heet Sem en hij traint ons", "Sem"),
        ("Priya Ramdin", "Priya Ramdin"),
    ],
)
def test_a_name_with_words_around_it(typed, name, dispatcher, domain):
    tracker = form_tracker("mentor_name", "inform_mentor", {"mentor_name": typed}, typed)
    result = ValidateJimForm().validate_mentor_name(typed, dispatcher, tracker, domain)
    assert result == {"mentor_name": name}


@pytest.mark.parametrize(
    "typed", ["de buurman", "gewoon opa", "mijn trainer", "meneer", "de buurvrouw naast ons"]
)
def test_a_relation_or_description_is_never_a_name(typed, dispatcher, domain):
    tracker = form_tracker("mentor_name", "inform_mentor", {"mentor_name": typed}, typed)
    result = ValidateJimForm().validate_mentor_name(typed, dispatcher, tracker, domain)
    assert result["mentor_name"] is None and result[unsure.UNSURE] == 1.0


@pytest.mark.parametrize(
    "value, typed",
    [
        ("moskee", "bij de moskee is een meneer die mij helpt"),
        ("Buurthuis", "iemand van het buurthuis"),
        ("de kerk", "een mevrouw van de kerk"),
    ],
)
def test_a_place_the_nlu_took_for_a_name_is_no_name(value, typed, dispatcher, domain):
    """The CI run of 4e722ef: "Is Moskee 18 jaar of ouder?" - a place is where, not who."""
    tracker = form_tracker("relation", "inform_mentor", {"mentor_name": value}, typed)
    result = ValidateJimForm().validate_mentor_name(value, dispatcher, tracker, domain)
    assert result["mentor_name"] is None


def test_zeg_ik_liever_niet_is_an_answer_to_the_age(dispatcher, domain):
    """The slot mapping gives "-" for a no; the parents' flag follows (no age known)."""
    from bot.storage.repo import NominationInput

    result = ValidateJimForm().validate_youth_age("-", dispatcher, make_tracker(), domain)
    assert result == {"youth_age": "-"} and dispatcher.messages == []
    mapping = domain["slots"]["youth_age"]["mappings"]
    assert {"type": "from_intent", "intent": "deny", "value": "-"}.items() <= mapping[1].items()
    data = NominationInput("c", "Riet", "oma", "v1", youth_age=None)
    assert data.parent_consent_needed


# --- a rare name the NLU read as something else ------------------------------------------


@pytest.mark.parametrize("question", ["youth_name", "mentor_name"])
@pytest.mark.parametrize(
    "typed, name", [("Xandrietje", "Xandrietje"), ("ayo", "Ayo"), ("Fenna-Lot", "Fenna-Lot")]
)
async def test_a_rare_name_read_as_out_of_scope_is_the_name_at_its_question(
    question, typed, name, dispatcher, domain
):
    tracker = form_tracker(question, "out_of_scope", text=typed)
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert slot_events(events)[question] == name


@pytest.mark.parametrize(
    "typed", ["wat is het weer vandaag", "hoe laat is het nu", "1234", "jim-7k3q", "<b>x</b>"]
)
async def test_a_question_out_of_scope_is_no_name(typed, dispatcher, domain):
    """Only one or two words of letters: a real side question keeps its own answer."""
    tracker = form_tracker("mentor_name", "out_of_scope", text=typed)
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert "mentor_name" not in slot_events(events)


@pytest.mark.parametrize(
    "typed",
    [
        "hij is chill",
        "ken haar al sinds ik klein ben",
        "hij oordeelt niet over mij",
        "omdat ze niet snel boos wordt",
        "Riet is gewoon top",
        "luistert goed",
    ],
)
async def test_a_reason_in_own_words_read_as_out_of_scope_is_the_reason(typed, dispatcher, domain):
    """At "Waarom vind je Riet fijn?" the youth's own words are the answer, even when the
    NLU read them as out of scope; the bot does not first say it cannot help."""
    tracker = form_tracker("mentor_reason", "out_of_scope", text=typed)
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["mentor_reason"] == typed
    said = CollectingDispatcher()
    ActionOutOfScopeInForm().run(said, tracker, domain)
    assert said.messages == []


@pytest.mark.parametrize(
    "question, typed",
    [
        ("mentor_reason", "wat is het weer vandaag"),
        ("mentor_reason", "hoe laat is het?"),
        ("mentor_reason", "ik wil pizza"),
        ("mentor_reason", "0612345678"),
        ("youth_name", "<b>x</b>"),
        ("contact", "hij is chill"),
    ],
)
async def test_a_side_message_that_answers_nothing_gets_the_kind_out_of_scope(
    question, typed, dispatcher, domain
):
    tracker = form_tracker(question, "out_of_scope", text=typed)
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert question not in slot_events(events) or slot_events(events)[question] is None
    said = CollectingDispatcher()
    ActionOutOfScopeInForm().run(said, tracker, domain)
    assert [m["response"] for m in said.messages] == ["utter_out_of_scope"]


async def test_a_rare_name_needs_no_out_of_scope_answer_first(dispatcher, domain):
    said = CollectingDispatcher()
    ActionOutOfScopeInForm().run(
        said, form_tracker("mentor_name", "out_of_scope", text="ayo"), domain
    )
    assert said.messages == []


async def test_a_rare_name_is_taken_only_at_its_own_question(dispatcher, domain):
    tracker = form_tracker("knows_already", "out_of_scope", text="Xandrietje")
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert "mentor_name" not in slot_events(events) and "youth_name" not in slot_events(events)


@pytest.mark.parametrize("typed", ["oma", "de buurman", "mijn moeder", "Trainer"])
async def test_a_relation_is_never_the_youths_own_name(typed, dispatcher, domain):
    """ "oma" at "Hoe wil je dat ik je noem?" is the person, typed too early: asked again."""
    tracker = form_tracker("youth_name", "inform_mentor", {"youth_name": typed}, typed)
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["youth_name"] is None
    assert slot_events(events)[unsure.UNSURE] == 1.0


@pytest.mark.parametrize(
    "typed, name",
    [
        ("noor", "Noor"),
        ("Fenna-Lot", "Fenna-Lot"),
        ("Mo", "Mo"),
        ("kiki 😊", "Kiki"),
        ("levi hoor", "Levi"),
    ],
)
async def test_the_youths_own_name_is_kept(typed, name, dispatcher, domain):
    tracker = form_tracker("youth_name", "inform_name", {"youth_name": typed}, typed)
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["youth_name"] == name


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_the_keep_question_has_other_words_after_an_unusable_answer(level, dispatcher, domain):
    from actions.choice import ActionAskKeepOthers

    tracker = make_tracker(
        {
            unsure.UNSURE: float(level),
            "others_named": [{"relation": "buurman"}],
            "mentor_name": "Ans",
        }
    )
    ActionAskKeepOthers().run(dispatcher, tracker, domain)
    (message,) = dispatcher.messages
    if level == 3:
        assert message["response"] == "utter_unsure_stop"
    elif level == 0:
        assert message["text"].startswith("Je noemde ook")
    else:
        assert message["text"] == (
            "Mag je coach ook weten van je buurman? Tik op een knop."
            if level == 1
            else "Tik op de knop die het best past."
        )
        assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/deny"]
