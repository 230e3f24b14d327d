"""Custom actions with a fresh tracker and dispatcher per test and the real domain."""

from __future__ import annotations

import json

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, FollowupAction, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.choice import ActionAskKeepOthers
from actions.handoff import ActionHandoff
from actions.jim_form import (
    ActionAskMentorName,
    ActionAskRelation,
    ValidateJimForm,
)
from actions.start import ActionResume, ActionStart
from actions.summary import ActionChangeField, ActionGoBack, ActionSummary
from bot.dialogue import texts
from bot.storage import Nomination, repo

FULL = {
    "youth_name": "Sam",
    "youth_age": "15",
    "relation": "oma",
    "mentor_name": "Riet",
    "mentor_reason": "Ik kan alles tegen hem of haar zeggen",
    "mentor_support": ["emotioneel"],
    "knows_already": "ja",
    "contact": "-",
    "stage": "consent",
}


def make_tracker(
    slots: dict | None = None,
    intent: str | None = None,
    entities: list[dict] | None = None,
    text: str = "",
    sender: str = "youth-1",
    active_loop: str | None = None,
    events: list[dict] | None = None,
) -> Tracker:
    return Tracker(
        sender_id=sender,
        slots=dict(slots or {}),
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0} if intent else {},
            "entities": entities or [],
        },
        events=events if events is not None else [ActionExecuted("action_listen")],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def consented(slots: dict, sender: str) -> Tracker:
    """The tracker as Rasa sends it right after "ja" to the consent question (the whole
    conversation's tail: the question, the stage it set, the yes)."""
    yes = {"intent": {"name": "affirm", "confidence": 1.0}, "entities": [], "text": "ja"}
    tracker = make_tracker(
        slots,
        intent="affirm",
        text="ja",
        sender=sender,
        events=[
            ActionExecuted("action_ask_consent"),
            SlotSet("stage", "consent"),
            ActionExecuted("action_listen"),
            UserUttered("ja", parse_data=yes),
        ],
    )
    return tracker


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") or m.get("text") for m in dispatcher.messages]


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


# --- validation of the form ---------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("riet", "Riet"),
        ("ahmed el amrani", "Ahmed El Amrani"),
        ("Ayşe", "Ayşe"),
        ("Zoë", "Zoë"),
        ("ze heet riet", "Riet"),
        ("ik heet noor", "Noor"),
        ("mijn naam is Fatima", "Fatima"),
    ],
)
def test_mentor_name_is_tidied(typed, expected, dispatcher, domain):
    result = ValidateJimForm().validate_mentor_name(typed, dispatcher, make_tracker(), domain)
    assert result == {"mentor_name": expected}
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "typed", ["0612345678", "<img src=x onerror=alert(1)>", "a" * 200, "😀😀", "www.x.nl", ""]
)
def test_a_non_name_is_refused_kindly(typed, dispatcher, domain):
    """Issue 20: no "I don't understand" of its own; the question comes back with more help."""
    result = ValidateJimForm().validate_mentor_name(typed, dispatcher, make_tracker(), domain)
    assert result["mentor_name"] is None and result["unsure"] == 1.0
    assert responses(dispatcher) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ("15", "15"),
        ("ik ben 14 jaar", "14"),
        ("vijftien", "15"),
        (17, "17"),
        # a number word with one letter off (issue 20's fourth form set)
        ("zesien", "16"),
        ("ik ben dertin", "13"),
    ],
)
def test_age_is_understood(value, expected, dispatcher, domain):
    result = ValidateJimForm().validate_youth_age(value, dispatcher, make_tracker(), domain)
    assert result == {"youth_age": expected}


@pytest.mark.parametrize("value", ["zeg ik niet", "100", "1 of 2", "", "zestig", "zeven of acht"])
def test_an_unclear_age_is_asked_again_with_an_example(value, dispatcher, domain):
    result = ValidateJimForm().validate_youth_age(value, dispatcher, make_tracker(), domain)
    assert result["youth_age"] is None and result["unsure"] == 1.0
    assert responses(dispatcher) == []  # the question itself comes with the example


def test_under_12_hears_the_parents_decide_too(dispatcher, domain):
    result = ValidateJimForm().validate_youth_age("11", dispatcher, make_tracker(), domain)
    assert result == {"youth_age": "11"}
    assert "ouders" in responses(dispatcher)[0]


def test_the_older_button_asks_to_type_the_age(dispatcher, domain):
    result = ValidateJimForm().validate_youth_age("/inform_age", dispatcher, make_tracker(), domain)
    assert result == {"youth_age": None}
    assert responses(dispatcher) == ["utter_age_older"]


@pytest.mark.parametrize(
    "value, relation",
    [("oma", "oma"), ("mn oppa", "opa"), ("de buurmam", "buurman"), ("trainer", "sportcoach")],
)
def test_relation_free_text_and_synonyms(value, relation, dispatcher, domain):
    result = ValidateJimForm().validate_relation(value, dispatcher, make_tracker(), domain)
    assert result["relation"] == relation
    assert result["help_step"] == 0


@pytest.mark.parametrize("value", ["mijn moeder", "papa", "ouder"])
def test_a_parent_cannot_be_the_jim(value, dispatcher, domain):
    result = ValidateJimForm().validate_relation(value, dispatcher, make_tracker(), domain)
    assert result["relation"] is None
    assert responses(dispatcher) == ["utter_relation_parent"]


@pytest.mark.parametrize("value", ["mijn begeleider", "iemand van jeugdzorg", "mijn voogd"])
def test_a_care_professional_cannot_be_the_jim(value, dispatcher, domain):
    result = ValidateJimForm().validate_relation(value, dispatcher, make_tracker(), domain)
    assert result["relation"] is None
    assert responses(dispatcher) == ["utter_relation_professional"]


def test_a_group_button_asks_which_of_the_two(dispatcher, domain):
    result = ValidateJimForm().validate_relation("oma_opa", dispatcher, make_tracker(), domain)
    assert result == {"relation": None, "relation_group": "oma_opa"}
    tracker = make_tracker({"relation_group": "oma_opa"})
    ActionAskRelation().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_oma_opa"]


@pytest.mark.parametrize("step", [0, 1, 2, 3])
def test_dont_know_leads_to_the_next_help_question(step, dispatcher, domain):
    tracker = make_tracker({"help_step": step})
    result = ValidateJimForm().validate_relation("weet_niet", dispatcher, tracker, domain)
    assert result["relation"] is None and result["help_step"] == step + 1
    ActionAskRelation().run(dispatcher, make_tracker({"help_step": step + 1}), domain)
    assert responses(dispatcher) == [f"utter_help_{step + 1}"]


def test_after_all_help_questions_no_dead_end(dispatcher, domain):
    tracker = make_tracker({"help_step": 4})
    result = ValidateJimForm().validate_relation("weet_niet", dispatcher, tracker, domain)
    assert result["help_step"] == 5
    ActionAskRelation().run(dispatcher, make_tracker({"help_step": 5}), domain)
    message = dispatcher.messages[0]
    assert message["response"] == "utter_help_done"
    buttons = domain["responses"]["utter_help_done"][0]["buttons"]
    assert {b["payload"] for b in buttons} == {"/affirm", "/stop"}
    again = ValidateJimForm().validate_relation(
        "ja", CollectingDispatcher(), make_tracker({"help_step": 5}, intent="affirm"), domain
    )
    assert again["help_step"] == 0


def test_two_people_at_once_the_youth_picks_who_comes_first(dispatcher, domain):
    """Issue 25: the bot never chooses: it asks, with a button for each person."""
    entities = [
        {"entity": "relation", "value": "oma"},
        {"entity": "mentor_name", "value": "riet"},
        {"entity": "relation", "value": "buurman"},
        {"entity": "mentor_name", "value": "ahmed"},
    ]
    tracker = make_tracker(intent="inform_mentor", entities=entities)
    result = ValidateJimForm().validate_relation("oma", dispatcher, tracker, domain)
    assert result["relation"] is None
    people = [{"relation": "oma", "name": "Riet"}, {"relation": "buurman", "name": "Ahmed"}]
    assert result["people_named"] == people
    assert not dispatcher.messages  # no "Ik kies eerst je oma"
    ask = CollectingDispatcher()
    ActionAskRelation().run(ask, make_tracker({"people_named": people}), domain)
    (message,) = ask.messages
    assert message["text"] == "Je noemt oma Riet en buurman Ahmed. Wie wil je het liefst als JIM?"
    assert [b["title"] for b in message["buttons"]] == ["👤 Oma Riet", "👤 Buurman Ahmed"]
    payload = message["buttons"][1]["payload"]
    assert payload.startswith("/inform_mentor{")
    assert json.loads(payload[len("/inform_mentor") :]) == {
        "relation": "buurman",
        "mentor_name": "Ahmed",
    }


def test_the_others_are_kept_only_with_the_youths_yes(domain):
    others = [{"relation": "oma", "name": "Riet"}]
    slots = {"relation": "buurman", "mentor_name": "Ahmed", "others_named": others}
    ask = CollectingDispatcher()
    ActionAskKeepOthers().run(ask, make_tracker(slots), domain)
    (message,) = ask.messages
    assert message["text"] == "Je noemde ook oma Riet. Mag je coach dat ook weten?"
    assert [b["title"] for b in message["buttons"]] == ["✅ Ja, dat mag", "❌ Nee, alleen Ahmed"]
    tracker = make_tracker(slots, intent="affirm")
    yes = ValidateJimForm().validate_keep_others("ja", CollectingDispatcher(), tracker, domain)
    assert yes == {"keep_others": "ja", "alternatives": others, "others_named": None}
    tracker = make_tracker(slots, intent="deny")
    no = ValidateJimForm().validate_keep_others("nee", CollectingDispatcher(), tracker, domain)
    assert no == {"keep_others": "nee", "others_named": None}


@pytest.mark.asyncio
async def test_the_keep_question_is_asked_only_when_others_wait(domain):
    form = ValidateJimForm()
    order = list(domain["forms"]["jim_form"]["required_slots"])
    without = await form.required_slots(order, CollectingDispatcher(), make_tracker({}), domain)
    assert "keep_others" not in without
    waiting = make_tracker({"others_named": [{"relation": "oma", "name": "Riet"}]})
    with_others = await form.required_slots(order, CollectingDispatcher(), waiting, domain)
    assert "keep_others" in with_others


@pytest.mark.parametrize(
    "value, typed, expected",
    [
        ("jongere", "/inform_asked_by", "jongere"),
        ("ik zelf", "ik zelf", "jongere"),
        ("samen met mijn coach", "samen met mijn coach", "samen"),
        ("mijn coach", "mijn coach", "coach"),
        ("laat de coach het maar doen", "laat de coach het maar doen", "coach"),
    ],
)
def test_who_asks_the_person(value, typed, expected, dispatcher, domain):
    tracker = make_tracker(text=typed)
    assert ValidateJimForm().validate_asked_by(value, dispatcher, tracker, domain) == {
        "asked_by": expected
    }


@pytest.mark.parametrize(
    "value, typed, expected",
    [
        # stop 45, typed as a youth would: who asks, said with the no
        ("nee", "nee, wil dat de coach doet", {"knows_already": "nee", "asked_by": "coach"}),
        ("nee", "nee dat vraag ik zelf wel", {"knows_already": "nee", "asked_by": "jongere"}),
        ("nee", "nee we doen het samen", {"knows_already": "nee", "asked_by": "samen"}),
        # only the no: "Wie vraagt het?" comes next
        ("nee", "nee", {"knows_already": "nee"}),
        ("nee", "nee mijn coach weet het ook niet", {"knows_already": "nee"}),
        ("nee", "nee moet ik dat zelf doen?", {"knows_already": "nee"}),
        ("ja", "ja, de coach mag het ook zeggen", {"knows_already": "ja"}),
    ],
)
def test_who_asks_said_with_the_no_answers_that_question_too(
    value, typed, expected, dispatcher, domain
):
    tracker = make_tracker(text=typed)
    result = ValidateJimForm().validate_knows_already(value, dispatcher, tracker, domain)
    assert result == expected
    # the reassurance of "Wie vraagt het?" is said when that question is answered already
    said = ["utter_may_say_no"] if "asked_by" in expected else []
    assert [m["response"] for m in dispatcher.messages] == said


@pytest.mark.parametrize("typed", ["blabla", "ja", "ja heb ik", "0612345678"])
def test_who_asks_the_person_unclear_is_asked_again_with_more_help(typed, dispatcher, domain):
    """No "not understood" message (issue 20): the question comes back, one level of help
    further, with the answer kept to show back."""
    tracker = make_tracker(text=typed)
    result = ValidateJimForm().validate_asked_by(typed, dispatcher, tracker, domain)
    assert result == {"asked_by": None, "unsure": 1.0, "unusable_answer": typed}
    assert dispatcher.messages == []


def test_the_question_who_asks_says_the_person_may_say_no(domain):
    plain = domain["responses"]["utter_ask_asked_by"][-1]
    assert "mag ook nee zeggen" in plain["text"] and "niet erg" in plain["text"]
    assert [b["title"] for b in plain["buttons"]] == [
        "🙋 Ik zelf",
        "🤝 Samen met mijn coach",
        "📞 Mijn coach",
    ]


def asked_then_answered(slot: str, value: str, question: str, text: str) -> list[dict]:
    """The events of a question asked, then the youth's message read into `slot`."""
    return [
        SlotSet(slot, value) if value is not None else ActionExecuted("jim_form"),
        SlotSet("requested_slot", question),
        ActionExecuted("action_listen"),
        {"event": "user", "text": text},
        SlotSet(slot, text),
    ]


@pytest.mark.parametrize("typed", ["Fatma", "Lotte", "Mo"])
def test_a_name_the_nlu_took_for_a_relation_keeps_the_chosen_person(typed, dispatcher, domain):
    tracker = make_tracker(
        {"relation": typed, "requested_slot": "mentor_name"},
        intent="inform_mentor",
        entities=[{"entity": "relation", "value": typed}],
        text=typed,
        events=asked_then_answered("relation", "tante", "mentor_name", typed),
    )
    result = ValidateJimForm().validate_relation(typed, dispatcher, tracker, domain)
    assert result == {"relation": "tante"}
    assert dispatcher.messages == []


def test_a_new_relation_at_the_name_question_still_changes_the_person(dispatcher, domain):
    tracker = make_tracker(
        {"relation": "oom", "requested_slot": "mentor_name"},
        intent="inform_mentor",
        entities=[{"entity": "relation", "value": "oom"}],
        text="nee mijn oom",
        events=asked_then_answered("relation", "tante", "mentor_name", "nee mijn oom"),
    )
    result = ValidateJimForm().validate_relation("oom", dispatcher, tracker, domain)
    assert result["relation"] == "oom"


async def test_adult_question_only_for_people_who_may_be_younger(domain):
    form = ValidateJimForm()
    slots = domain["forms"]["jim_form"]["required_slots"]
    for relation, asked in [("broer", True), ("vriend", True), ("oma", False), (None, False)]:
        required = await form.required_slots(
            slots, CollectingDispatcher(), make_tracker({"relation": relation}), domain
        )
        assert ("mentor_adult" in required) is asked, relation


def test_someone_under_18_is_explained_and_the_person_asked_again(dispatcher, domain):
    tracker = make_tracker({"relation": "broer", "mentor_name": "Daan"})
    result = ValidateJimForm().validate_mentor_adult("nee", dispatcher, tracker, domain)
    assert result == {"mentor_adult": None, "relation": None, "mentor_name": None}
    assert responses(dispatcher) == ["utter_mentor_too_young"]


@pytest.mark.parametrize(
    "value, reason, support",
    [
        ("emotioneel", "Ik kan alles tegen hem of haar zeggen", ["emotioneel"]),
        ("gezelschap", "We doen leuke dingen samen", ["gezelschap"]),
        ("ze luistert altijd naar me", "ze luistert altijd naar me", ["emotioneel"]),
        ("bij hem kan ik mijn verhaal kwijt", "bij hem kan ik mijn verhaal kwijt", ["emotioneel"]),
        ("ze kookt voor me", "ze kookt voor me", ["praktisch"]),
        ("ze legt dingen uit", "ze legt dingen uit", ["advies"]),
        ("we gaan samen vissen", "we gaan samen vissen", ["gezelschap"]),
        ("ze luistert en geeft tips", "ze luistert en geeft tips", ["emotioneel", "advies"]),
        ("gewoon", "gewoon", []),
        ("weet_niet", "weet_niet", []),
    ],
)
def test_reason_maps_to_support_kinds(value, reason, support, dispatcher, domain):
    result = ValidateJimForm().validate_mentor_reason(value, dispatcher, make_tracker(), domain)
    assert result == {"mentor_reason": reason, "mentor_support": support}


def test_reason_keeps_the_whole_sentence_when_the_nlu_picks_a_fragment(dispatcher, domain):
    tracker = make_tracker(
        intent="inform_support",
        text="hij helpt me met huiswerk",
        entities=[
            {"entity": "support", "value": "helpt me met huiswerk"},
            {"entity": "support", "value": "hij"},
        ],
    )
    result = ValidateJimForm().validate_mentor_reason("hij", dispatcher, tracker, domain)
    assert result == {"mentor_reason": "hij helpt me met huiswerk", "mentor_support": ["praktisch"]}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("06 1234 5678", "0612345678"),
        ("+31612345678", "+31612345678"),
        ("Riet@Mail.nl", "riet@mail.nl"),
        ("-", "-"),
    ],
)
def test_contact_is_a_number_or_email(value, expected, dispatcher, domain):
    result = ValidateJimForm().validate_contact(value, dispatcher, make_tracker(), domain)
    assert result == {"contact": expected}


@pytest.mark.parametrize("value", ["weet ik niet", "123", "<script>x</script>"])
def test_a_wrong_contact_is_asked_again_with_a_skip(value, dispatcher, domain):
    result = ValidateJimForm().validate_contact(value, dispatcher, make_tracker(), domain)
    assert result["contact"] is None and result["unsure"] == 1.0
    assert responses(dispatcher) == []  # the question itself comes with the skip button


# --- asking questions --------------------------------------------------------------------


PLAIN_QUESTIONS = ["youth_name", "youth_age", "mentor_adult", "mentor_reason", "knows_already",
                   "contact"]  # fmt: skip


def form_tracker(question: str, intent: str, slots: dict | None = None, text: str = "") -> Tracker:
    """The tracker validate_jim_form gets from Rasa: the open question and the message."""
    values = {"requested_slot": question, "relation": "oma", "mentor_name": "Riet", **(slots or {})}
    events = [ActionExecuted("action_listen"), {"event": "user", "text": text}]
    events += [SlotSet(name, value) for name, value in (slots or {}).items()]
    return make_tracker(values, intent=intent, text=text, active_loop="jim_form", events=events)


@pytest.mark.parametrize("question", PLAIN_QUESTIONS + ["relation"])
@pytest.mark.parametrize("intent", ["not_understood", "dont_know"])
async def test_ik_snap_het_niet_makes_the_question_come_again_simpler(
    question, intent, dispatcher, domain
):
    """The slot keeps Rasa's form from giving up on the question (it did: "Dat snap ik
    niet goed" came back to a youth who said they did not understand)."""
    events = await ValidateJimForm().run(
        dispatcher, form_tracker(question, intent, text="ik snap het niet"), domain
    )
    assert SlotSet("simpler", True) in events


async def test_after_an_answer_the_next_question_is_plain_again(dispatcher, domain):
    tracker = form_tracker("youth_age", "inform_age", {"youth_age": "15", "simpler": True}, "15")
    tracker.slots["simpler"] = True
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    assert SlotSet("youth_age", "15") in events
    assert SlotSet("simpler", False) in events


@pytest.mark.parametrize("intent", ["explain_jim", "bot_challenge", "greet"])
async def test_a_side_question_leaves_the_wording_alone(intent, dispatcher, domain):
    """No slot event, so Rasa's form still gives way and the rules answer the side question."""
    events = await ValidateJimForm().run(
        dispatcher, form_tracker("youth_age", intent, text="wat is een jim"), domain
    )
    assert not [e for e in events if e.get("name") == "simpler"]


@pytest.mark.parametrize("question", PLAIN_QUESTIONS)
def test_rasa_asks_each_plain_question_from_the_domain_in_two_wordings(question, domain):
    """No action_ask_ for these: Rasa's form utters utter_ask_<slot> itself (one call to
    the action server per form turn instead of two); the simpler wording is a variation."""
    assert f"action_ask_{question}" not in domain["actions"]
    variations = domain["responses"][f"utter_ask_{question}"]
    conditional = [v for v in variations if v.get("condition")]
    plain = [v for v in variations if not v.get("condition")]
    simpler = [{"type": "slot", "name": "simpler", "value": True}]
    # issue 20: the question with more help after 1, 2 or 3 answers it could not use
    helped = [[{"type": "slot", "name": "unsure", "value": n}] for n in (1, 2, 3)]
    conditions = [c["condition"] for c in conditional]
    if question == "mentor_reason":  # every reason is used: no help levels
        assert conditions == [simpler]
    else:
        assert sorted(map(str, conditions)) == sorted(map(str, [simpler, *helped]))
    texts = [v["text"] for v in variations]
    assert len(plain) == 1 and len(set(texts)) == len(texts)


@pytest.mark.parametrize("question", PLAIN_QUESTIONS)
@pytest.mark.parametrize("simpler", [True, False])
async def test_rasas_generator_picks_the_wording_by_the_slot(question, simpler, domain):
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet as RasaSlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    rasa_domain = Domain.from_dict(domain)
    tracker = DialogueStateTracker("youth", rasa_domain.slots)
    tracker.update(RasaSlotSet("mentor_name", "Riet"))
    tracker.update(RasaSlotSet("simpler", simpler))
    nlg = TemplatedNaturalLanguageGenerator(rasa_domain.responses)
    said = await nlg.generate(f"utter_ask_{question}", tracker, "rest")
    variations = domain["responses"][f"utter_ask_{question}"]
    expected = next(
        v
        for v in variations
        if (v.get("condition") or [{}])[0].get("name") == ("simpler" if simpler else None)
    )
    assert said["text"] == expected["text"].replace("{mentor_name}", "Riet").replace(
        "{mentor_pronoun}", "hem of haar"
    )


def test_the_simpler_wording_is_forgotten_at_a_fresh_start(dispatcher, domain):
    events = ActionStart().run(dispatcher, make_tracker({"simpler": True}, intent="start"), domain)
    assert SlotSet("simpler", False) in events


def test_the_relation_question_has_its_own_simpler_wording(dispatcher, domain):
    ActionAskRelation().run(dispatcher, make_tracker(intent="inform_mentor"), domain)
    ActionAskRelation().run(dispatcher, make_tracker(intent="not_understood"), domain)
    assert responses(dispatcher) == ["utter_ask_relation", "utter_simple_relation"]


def test_button_payloads_pass_rasas_templating_unharmed(domain, monkeypatch):
    """Rasa fills {slot} placeholders in responses; a payload's JSON must come through whole."""
    from rasa.core.nlg import interpolator

    errors: list[dict] = []
    monkeypatch.setattr(interpolator.structlogger, "exception", lambda *a, **kw: errors.append(kw))
    checked = 0
    for variants in domain["responses"].values():
        for variant in variants:
            for button in variant.get("buttons", []):
                payload = interpolator.interpolate_text(button["payload"], {"youth_name": "Sam"})
                intent, brace, rest = payload.partition("{")
                assert intent[1:] in domain["intents"], payload
                if brace:
                    assert isinstance(json.loads(brace + rest), dict), payload
                    checked += 1
    assert checked >= 20 and errors == []


def test_name_question_names_the_relation(dispatcher, domain):
    ActionAskMentorName().run(dispatcher, make_tracker({"relation": "buurvrouw"}), domain)
    ActionAskMentorName().run(
        dispatcher, make_tracker({"relation": "buurvrouw"}, intent="not_understood"), domain
    )
    first, second = responses(dispatcher)
    assert first == "Hoe heet je buurvrouw?"
    assert second != first and "Riet" in second


@pytest.mark.parametrize(
    "relation, pronoun",
    [("oma", "haar"), ("buurvrouw", "haar"), ("oom", "hem"), ("buurman", "hem"),
     ("sportcoach", "hem of haar"), ("anders", "hem of haar")],
)  # fmt: skip
async def test_the_knows_already_question_says_haar_for_an_oma_and_hem_for_an_oom(
    relation, pronoun, dispatcher, domain
):
    """Stop 42: "Weet Khalid al dat je aan hem of haar denkt?" after "mijn oom" read as if
    the bot had not listened. The form's validation sets the slot the question says."""
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet as RasaSlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    slots = {"relation": relation, "mentor_pronoun": "hem of haar"}  # the domain's initial
    tracker = form_tracker("relation", "inform_mentor", slots, text=relation)
    events = await ValidateJimForm().run(dispatcher, tracker, domain)
    said = [e["value"] for e in events if e.get("name") == "mentor_pronoun"]
    assert said == ([] if pronoun == "hem of haar" else [pronoun])
    rasa_domain = Domain.from_dict(domain)
    rasa_tracker = DialogueStateTracker("youth", rasa_domain.slots)
    rasa_tracker.update(RasaSlotSet("mentor_name", "Riet"))
    for value in said:
        rasa_tracker.update(RasaSlotSet("mentor_pronoun", value))
    nlg = TemplatedNaturalLanguageGenerator(rasa_domain.responses)
    asked = await nlg.generate("utter_ask_knows_already", rasa_tracker, "rest")
    assert asked["text"] == f"Weet Riet al dat je aan {pronoun} denkt?"


# --- start, resume, summary, change ---------------------------------------------------------


def test_start_fresh_resets_and_opens_the_form(dispatcher, domain, action_settings):
    events = ActionStart().run(dispatcher, make_tracker(intent="start"), domain)
    assert responses(dispatcher) == ["utter_welcome"]
    assert SlotSet("stage", "form") in events
    assert events[-1] == FollowupAction("jim_form")


def test_start_with_an_unknown_invite_is_kind_and_goes_on(dispatcher, domain, action_settings):
    tracker = make_tracker(intent="start", entities=[{"entity": "invite_code", "value": "x"}])
    events = ActionStart().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_invite_problem", "utter_welcome"]
    assert SlotSet("invite_status", "unknown") in events
    assert events[-1] == FollowupAction("jim_form")


def test_start_with_a_valid_invite_keeps_the_code(dispatcher, domain, action_settings, engine):
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, "team-noord")
        coach, _ = repo.create_coach(session, team, "Sanne")
        code = repo.create_invite(session, coach, days=3).code
    tracker = make_tracker(intent="start", entities=[{"entity": "invite_code", "value": code}])
    events = ActionStart().run(dispatcher, tracker, domain)
    assert SlotSet("invite_code", code) in events
    assert "utter_invite_problem" not in responses(dispatcher)


@pytest.mark.parametrize(
    "stage, followup",
    [
        ("form", "jim_form"),
        ("summary", "action_summary"),
        ("consent", "action_ask_consent"),
        ("done", "utter_already_sent"),
        ("declined", "utter_ask_restart"),
        (None, "utter_ask_restart"),
    ],
)
def test_resume_goes_back_where_the_youth_was(stage, followup, dispatcher, domain):
    events = ActionResume().run(dispatcher, make_tracker({"stage": stage}), domain)
    assert events == [FollowupAction(followup)]


def paused_at(question: str, text: str) -> list[dict]:
    """The question asked, then the form paused (help lines, stop), then a message."""
    return [
        SlotSet("requested_slot", question),
        ActionExecuted("action_listen"),
        {"event": "user", "text": "ik wil dood"},
        {"event": "active_loop", "name": None},
        SlotSet("requested_slot", None),
        ActionExecuted("utter_help_offer"),
        ActionExecuted("action_listen"),
        {"event": "user", "text": text},
    ]


@pytest.mark.parametrize(
    "question, intent, text",
    [
        ("youth_name", "inform_name", "Sam"),
        ("youth_age", "inform_age", "15"),
        ("relation", "inform_mentor", "mijn oma"),
        ("mentor_reason", "inform_support", "ze helpt mij"),
        ("contact", "inform_contact", "0612345678"),
    ],
)
def test_an_answer_after_a_pause_is_read_as_the_answer(question, intent, text, dispatcher, domain):
    tracker = make_tracker(
        {"stage": "form"}, intent=intent, text=text, events=paused_at(question, text)
    )
    events = ActionResume().run(dispatcher, tracker, domain)
    assert events == [SlotSet("requested_slot", question), FollowupAction("jim_form")]
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "slots, intent",
    [
        ({"stage": "form"}, "affirm"),  # "ja, verder": go on, it answers nothing
        ({"stage": "form"}, "greet"),
        ({"stage": "form", "youth_name": "Sam"}, "inform_name"),  # answered already
        ({"stage": "summary"}, "inform_mentor"),
    ],
)
def test_going_on_after_a_pause_without_an_answer_asks_again(slots, intent, dispatcher, domain):
    tracker = make_tracker(slots, intent=intent, text="x", events=paused_at("youth_name", "x"))
    events = ActionResume().run(dispatcher, tracker, domain)
    assert SlotSet("requested_slot", "youth_name") not in events
    assert len(events) == 1 and events[0]["event"] == "followup"


def test_start_in_the_middle_resumes_instead_of_restarting(dispatcher, domain, action_settings):
    events = ActionStart().run(dispatcher, make_tracker({**FULL, "stage": "summary"}), domain)
    assert responses(dispatcher) == ["utter_welcome_back"]
    assert events == [FollowupAction("action_summary")]


def test_summary_is_one_short_message_with_two_buttons(dispatcher, domain):
    tracker = make_tracker({**FULL, "alternatives": [{"name": "Ahmed", "relation": "buurman"}]})
    events = ActionSummary().run(dispatcher, tracker, domain)
    facts, question = dispatcher.messages
    assert (
        facts["text"]
        == "Je kiest oma Riet. Je kan alles tegen Riet zeggen. Je noemde ook buurman Ahmed."
    )
    assert question["text"] == "Klopt dat?"
    assert [b["payload"] for b in question["buttons"]] == ["/affirm", "/change_choice"]
    assert events == [SlotSet("stage", "summary")]


@pytest.mark.parametrize(
    "slots, expected",
    [
        (
            {"relation": "oma", "mentor_reason": "ze luistert altijd"},
            "Je kiest oma Riet. Jij zegt: ze luistert altijd. Klopt dat?",
        ),
        (
            {"relation": "anders", "mentor_reason": "ze luistert altijd"},
            "Je kiest Riet. Jij zegt: ze luistert altijd. Klopt dat?",
        ),
        (
            {
                "relation": "oma",
                "mentor_reason": "ze luistert altijd naar mij als ik verdrietig ben of boos",
            },
            "Je kiest oma Riet. Jij zegt: ze luistert altijd naar mij als ik verdrietig... "
            "Klopt dat?",
        ),
        (
            {
                "relation": "oma",
                "mentor_reason": "ze luistert altijd",
                "alternatives": [{"name": "Ahmed", "relation": "buurman"}],
            },
            "Je kiest oma Riet. Jij zegt: ze luistert altijd. Je noemde ook buurman Ahmed. "
            "Klopt dat?",
        ),
    ],
)
def test_summary_repeats_the_youths_own_reason(slots, expected, dispatcher, domain):
    """Issue 25: the youth's own words, for every relation, also with alternatives."""
    tracker = make_tracker({**FULL, "mentor_support": ["emotioneel"], **slots})
    ActionSummary().run(dispatcher, tracker, domain)
    assert " ".join(m["text"] for m in dispatcher.messages) == expected


def test_change_one_detail_clears_only_that_detail(dispatcher, domain):
    tracker = make_tracker(
        {**FULL, "stage": "summary"},
        intent="change_choice",
        entities=[{"entity": "change_field", "value": "contact"}],
    )
    events = ActionChangeField().run(dispatcher, tracker, domain)
    assert SlotSet("contact", None) in events
    assert not any(e["event"] == "slot" and e["name"] == "mentor_name" for e in events)
    assert events[-1] == FollowupAction("jim_form")


def test_change_person_asks_before_keeping_the_first(dispatcher, domain):
    """Issue 25: the person swapped out is never kept without the youth's yes."""
    tracker = make_tracker(
        {**FULL, "stage": "summary", "alternatives": [{"name": "Ahmed", "relation": "buurman"}]},
        intent="change_choice",
        entities=[{"entity": "change_field", "value": "person"}],
    )
    events = ActionChangeField().run(dispatcher, tracker, domain)
    assert SlotSet("alternatives", None) in events
    waiting = [{"name": "Ahmed", "relation": "buurman"}, {"name": "Riet", "relation": "oma"}]
    assert SlotSet("others_named", waiting) in events
    assert SlotSet("relation", None) in events and SlotSet("mentor_name", None) in events
    assert SlotSet("keep_others", None) in events and SlotSet("asked_by", None) in events
    assert SlotSet("youth_age", None) not in events
    assert responses(dispatcher) == [texts.CHOICE_SWAPPED]


def test_the_change_menu_removes_the_others(dispatcher, domain):
    tracker = make_tracker(
        {
            **FULL,
            "stage": "summary",
            "keep_others": "ja",
            "alternatives": [{"name": "Ahmed", "relation": "buurman"}],
        },
        intent="change_choice",
        entities=[{"entity": "change_field", "value": "alternatives"}],
    )
    events = ActionChangeField().run(dispatcher, tracker, domain)
    assert SlotSet("alternatives", None) in events and SlotSet("keep_others", None) in events
    assert SlotSet("mentor_name", None) not in events
    assert events[-1] == FollowupAction("action_summary")
    assert responses(dispatcher) == ["Goed, ik noem alleen Riet."]


def test_the_change_menu_shows_remove_others_only_with_others(domain):
    with_others, plain = domain["responses"]["utter_ask_what_to_change"]
    assert with_others["condition"] == [{"type": "slot", "name": "keep_others", "value": "ja"}]
    remove = '/change_choice{{"change_field":"alternatives"}}'
    assert remove in [b["payload"] for b in with_others["buttons"]]
    assert remove not in [b["payload"] for b in plain["buttons"]]
    assert len(with_others["buttons"]) <= 8


def test_change_without_a_detail_shows_the_menu(dispatcher, domain):
    tracker = make_tracker({**FULL, "stage": "summary"}, intent="change_choice")
    events = ActionChangeField().run(dispatcher, tracker, domain)
    assert events == [FollowupAction("utter_ask_what_to_change")]


def test_go_back_empties_the_previous_answer(dispatcher, domain):
    slots = {"youth_name": "Sam", "youth_age": "15", "relation": "oma", "stage": "form"}
    tracker = make_tracker({**slots, "requested_slot": "mentor_name"}, intent="go_back")
    events = ActionGoBack().run(dispatcher, tracker, domain)
    assert SlotSet("relation", None) in events
    assert SlotSet("youth_age", None) not in events
    assert events[-1] == FollowupAction("jim_form")


def test_go_back_at_the_first_question_says_so(dispatcher, domain):
    tracker = make_tracker({"stage": "form", "requested_slot": "youth_name"}, intent="go_back")
    events = ActionGoBack().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_cannot_go_back"]
    assert events == [FollowupAction("jim_form")]


# --- handoff, no, withdraw -----------------------------------------------------------------


def test_handoff_stores_the_nomination_and_gives_a_code(
    dispatcher, domain, action_settings, engine
):
    events = ActionHandoff().run(dispatcher, consented(FULL, sender="conv-h"), domain)
    reference = next(e["value"] for e in events if e.get("name") == "reference")
    assert SlotSet("stage", "done") in events
    # issue 25: the parents were asked before the yes; the youth hears where it went
    assert responses(dispatcher) == ["utter_handoff_done"]
    assert dispatcher.messages[-1]["reference"] == reference
    assert dispatcher.messages[-1]["recipient"] == "het standaard team"
    with Session(engine) as session:
        stored = session.execute(select(Nomination)).scalar_one()
        assert stored.reference == reference
        assert stored.youth_age == 15 and stored.parent_consent_needed
        assert stored.mentor_contact is None
        assert stored.mentor_support == ["emotioneel"]


def test_handoff_twice_is_stored_once(dispatcher, domain, action_settings, engine):
    first = ActionHandoff().run(dispatcher, consented(FULL, sender="conv-2x"), domain)
    retry = ActionHandoff().run(
        CollectingDispatcher(), consented({**FULL, "stage": "consent"}, sender="conv-2x"), domain
    )
    ref = [e["value"] for e in first + retry if e.get("name") == "reference"]
    assert len(set(ref)) == 1
    with Session(engine) as session:
        assert len(session.execute(select(Nomination)).all()) == 1


def test_handoff_when_the_database_is_down_is_kind_and_keeps_the_answers(
    dispatcher, domain, action_settings, monkeypatch
):
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none")
    from actions import common
    from bot.settings import get_settings

    get_settings.cache_clear()
    common.engine.cache_clear()
    events = ActionHandoff().run(dispatcher, consented(FULL, sender="conv-down"), domain)
    assert responses(dispatcher) == ["utter_handoff_failed"]
    assert events == [], "no slot is cleared: a tap on 'Nog een keer' tries again"


def _no_consent_trackers():
    yes = {"intent": {"name": "affirm", "confidence": 1.0}, "entities": [], "text": "ja"}
    no = {"intent": {"name": "deny", "confidence": 1.0}, "entities": [], "text": "nee"}
    asked = [ActionExecuted("action_ask_consent"), SlotSet("stage", "consent")]
    return {
        # straight from the summary: the consent question was never asked
        "never asked": make_tracker(
            {**FULL, "stage": "summary"},
            intent="affirm",
            events=[SlotSet("stage", "summary"), UserUttered("ja", parse_data=yes)],
        ),
        # asked, and the youth said no
        "said no": make_tracker(
            FULL, intent="deny", events=[*asked, UserUttered("nee", parse_data=no)]
        ),
        # asked, but nothing answered yet (called without a message)
        "no answer": make_tracker(FULL, events=asked),
        # a yes from before the question was asked again
        "yes before the question": make_tracker(
            FULL,
            intent="affirm",
            events=[UserUttered("ja", parse_data=yes), *asked],
        ),
    }


@pytest.mark.parametrize("case", list(_no_consent_trackers()))
def test_handoff_without_a_yes_to_consent_stores_nothing(
    case, dispatcher, domain, action_settings, engine
):
    tracker = _no_consent_trackers()[case]
    tracker.sender_id = f"conv-noconsent-{case}"
    events = ActionHandoff().run(dispatcher, tracker, domain)
    assert not any(e.get("name") == "reference" for e in events)
    assert responses(dispatcher)[0] == texts.HANDOFF_NEEDS_YES
    assert events and events[-1]["event"] == "followup", "the youth goes on where they were"
    with Session(engine) as session:
        assert session.execute(select(Nomination)).all() == []


def test_handoff_with_only_the_latest_turn_sent_still_needs_the_consent_stage(
    dispatcher, domain, action_settings, engine
):
    """Rasa sends the latest event of each slot and the latest turn (events_for_actions)."""
    yes = {"intent": {"name": "affirm", "confidence": 1.0}, "entities": [], "text": "ja"}
    trimmed = make_tracker(
        FULL,
        intent="affirm",
        sender="conv-trimmed",
        events=[SlotSet("stage", "consent"), UserUttered("ja", parse_data=yes)],
    )
    events = ActionHandoff().run(dispatcher, trimmed, domain)
    assert any(e.get("name") == "reference" for e in events)
    with Session(engine) as session:
        assert len(session.execute(select(Nomination)).all()) == 1


def test_a_failed_handoff_logs_no_personal_data(
    dispatcher, domain, action_settings, engine, caplog
):
    """The database fails while storing the nomination (a trigger refuses the insert, as a
    full disk would): the log says so without the youth's name, the person's name, the
    reason or the phone number that were being written."""
    from sqlalchemy import text

    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER broken BEFORE INSERT ON nominations "
                "BEGIN SELECT RAISE(ABORT, 'disk broke'); END"
            )
        )
    slots = {
        **FULL,
        "youth_name": "Zwaantje",
        "mentor_name": "Bartholomeus",
        "mentor_reason": "zij luistert altijd naar mij",
        "contact": "0687654321",
    }
    with caplog.at_level("DEBUG"):
        ActionHandoff().run(dispatcher, consented(slots, sender="conv-log"), domain)
    assert responses(dispatcher) == ["utter_handoff_failed"]
    logged = caplog.text
    assert "handoff failed" in logged and "disk broke" in logged and "INSERT" in logged
    for secret in ("Zwaantje", "Bartholomeus", "luistert", "0687654321"):
        assert secret not in logged
