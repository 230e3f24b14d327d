"""Issue 25: honest consent before the yes, "ik heb niemand", and the asked_by field.

Actions with a fresh tracker and dispatcher per test and the real domain (tests/test_actions.py
style); the stored nomination read back from the database.
"""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.consent import ActionAskCoach, ActionAskParents, ActionParentsAnswer
from actions.handoff import ActionHandoff
from actions.safety import ActionHelpLines
from actions.start import ActionResume
from actions.summary import ActionAskConsent
from bot.storage import Nomination, SafetySignal, repo
from tests.test_actions import FULL, consented, make_tracker, responses


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def test_under_16_the_parents_question_comes_before_the_consent(dispatcher, domain):
    events = ActionAskConsent().run(dispatcher, make_tracker({**FULL, "stage": "summary"}), domain)
    assert events == [FollowupAction("action_ask_parents")]
    assert not dispatcher.messages  # nothing asked before the parents question
    events = ActionAskParents().run(dispatcher, make_tracker(FULL), domain)
    assert responses(dispatcher) == ["utter_ask_parents"]
    assert events == [SlotSet("stage", "parents")]
    buttons = domain["responses"]["utter_ask_parents"][0]["buttons"]
    assert [b["title"] for b in buttons] == ["✅ Ja, dat is goed", "✋ Dat wil ik niet"]


def test_16_or_older_hears_no_parents_question(dispatcher, domain, action_settings):
    slots = {**FULL, "youth_age": "16"}
    events = ActionAskConsent().run(dispatcher, make_tracker(slots), domain)
    (message,) = dispatcher.messages
    assert message["text"].startswith("Ik wil je keuze naar ") and "ouders" not in message["text"]
    assert events == [SlotSet("stage", "consent")]


@pytest.mark.parametrize(
    "intent, answer, said", [("affirm", "ja", []), ("deny", "nee", ["utter_parents_not_wanted"])]
)
def test_the_parents_answer_then_the_consent(intent, answer, said, dispatcher, domain):
    events = ActionParentsAnswer().run(dispatcher, make_tracker(FULL, intent=intent), domain)
    assert responses(dispatcher) == said
    assert events == [SlotSet("parents_answer", answer), FollowupAction("action_ask_consent")]


def test_danger_at_home_the_coach_instead_of_the_parents(dispatcher, domain):
    """A youth who told about danger at home is not asked about the parents at all."""
    state = make_tracker({"youth_age": "15"}, intent="crisis")
    state.latest_message["danger"] = {"level": "clear", "kinds": ["home"]}
    events = ActionHelpLines().run(CollectingDispatcher(), state, domain)
    assert SlotSet("home_unsafe", True) in events
    slots = {**FULL, "home_unsafe": True}
    events = ActionAskParents().run(dispatcher, make_tracker(slots), domain)
    assert responses(dispatcher) == ["utter_parents_coach_first"]
    assert events == [SlotSet("parents_answer", "coach"), FollowupAction("action_ask_consent")]
    text = domain["responses"]["utter_parents_coach_first"][0]["text"]
    assert "niet veilig" in text and "Niet met je ouders" in text


def test_other_danger_does_not_mark_home(domain):
    state = make_tracker({"youth_age": "15"}, intent="crisis")
    state.latest_message["danger"] = {"level": "clear", "kinds": ["self_harm"]}
    events = ActionHelpLines().run(CollectingDispatcher(), state, domain)
    assert not any(e.get("name") == "home_unsafe" for e in events)


def test_a_pause_at_the_parents_question_comes_back_to_it(dispatcher, domain):
    events = ActionResume().run(dispatcher, make_tracker({**FULL, "stage": "parents"}), domain)
    assert events == [FollowupAction("action_ask_parents")]


def test_the_consent_question_names_what_and_to_whom_without_invite(
    dispatcher, domain, action_settings
):
    slots = {
        **FULL,
        "youth_age": "17",
        "contact": "0612345678",
        "alternatives": [{"name": "Ahmed", "relation": "buurman"}],
    }
    ActionAskConsent().run(dispatcher, make_tracker(slots, sender="c-1"), domain)
    (message,) = dispatcher.messages
    assert message["text"] == (
        "Ik wil je keuze naar het standaard team sturen. "
        "Het team ziet dan Riet, waarom je kiest, het nummer en buurman Ahmed. Mag dat?"
    )
    consent_buttons = domain["responses"]["utter_ask_consent"][0]["buttons"]
    assert message["buttons"] == consent_buttons
    # no personal data beside the text, where the privacy scrub never looks
    assert "Riet" not in str({k: v for k, v in message.items() if k != "text"})


def test_the_consent_question_names_the_coach_with_an_invite(
    dispatcher, domain, action_settings, engine
):
    with Session(engine) as session, session.begin():
        team = repo.ensure_team(session, "team-noord", "Jeugdhulp Noord")
        coach, _token = repo.create_coach(session, team, "Jan")
        code = repo.create_invite(session, coach, 7).code
    slots = {**FULL, "youth_age": "17", "invite_code": code, "contact": "riet@example.nl"}
    ActionAskConsent().run(dispatcher, make_tracker(slots, sender="c-2"), domain)
    (message,) = dispatcher.messages
    assert message["text"] == (
        "Ik wil je keuze naar je coach Jan sturen. "
        "Je coach ziet dan Riet, waarom je kiest en het mailadres. Mag dat?"
    )


def test_the_nomination_carries_asked_by_and_the_parents_answer(
    dispatcher, domain, action_settings, engine
):
    slots = {**FULL, "asked_by": "samen", "parents_answer": "coach"}
    ActionHandoff().run(dispatcher, consented(slots, sender="c-3"), domain)
    with Session(engine) as session:
        stored = session.execute(select(Nomination)).scalar_one()
        as_json = repo.nomination_to_dict(stored)
    assert as_json["mentor"]["asked_by"] == "samen"
    assert as_json["youth"]["parents_answer"] == "coach"
    (done,) = dispatcher.messages
    assert done["response"] == "utter_handoff_done"
    done_text = domain["responses"]["utter_handoff_done"][0]["text"]
    assert "Met deze code vindt je coach je keuze" in done_text
    titles = [b["title"] for b in domain["responses"]["utter_handoff_done"][0]["buttons"]]
    assert "↩️ Toch niet sturen" not in titles and "🗑️ Keuze weghalen" in titles


def test_no_one_then_the_coach_without_a_nomination(dispatcher, domain, action_settings, engine):
    ActionAskCoach().run(dispatcher, make_tracker({"stage": "form"}, sender="c-4"), domain)
    assert responses(dispatcher) == ["utter_coach_asked"]
    with Session(engine) as session:
        assert session.execute(select(SafetySignal)).scalar_one().reference is None
        assert session.execute(select(Nomination)).first() is None


def test_no_one_has_its_own_kind_answer(domain):
    (answer,) = domain["responses"]["utter_no_one"]
    assert "niet erg" in answer["text"] and "tijd" in answer["text"]
    assert [b["payload"] for b in answer["buttons"]] == ["/affirm", "/ask_coach", "/stop"]


def test_the_welcome_says_what_matters_most(domain):
    (welcome,) = domain["responses"]["utter_welcome"]
    assert "jij kiest zelf" in welcome["text"].lower()
    assert "niets zonder jouw ja" in welcome["text"]
    assert "Stoppen mag altijd" in welcome["text"]
    assert "grote mens" not in str(domain["responses"])


def test_coach_is_only_the_professional(domain):
    titles = [b["title"] for b in domain["responses"]["utter_ask_relation"][0]["buttons"]]
    assert "⚽ Trainer" in titles
    assert not any("coach" in t.lower() for t in titles)
