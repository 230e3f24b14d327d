"""issue 22 actions with a fresh tracker and dispatcher per test and the real domain."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, FollowupAction, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.confirm import ActionConfirmAnswer, ActionConfirmAsk, ActionStatus, ActionUndoWithdraw
from actions.handoff import ActionHandoff
from actions.start import ActionResume, ActionStart
from actions.summary import ActionChangeField
from bot.dialogue import texts
from bot.storage import Nomination
from tests.test_actions import FULL, responses


def tracker(
    slots, intent=None, confidence=1.0, text="x", sender="conv-c", ranking=None, entities=None
):
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence} if intent else {},
        "intent_ranking": ranking
        or ([{"name": intent, "confidence": confidence}] if intent else []),
        "entities": entities or [],
    }
    events = [ActionExecuted("action_listen")]
    if slots.get("stage") == "consent":  # the tail Rasa sends after the consent question
        events = [
            ActionExecuted("action_ask_consent"),
            SlotSet("stage", "consent"),
            ActionExecuted("action_listen"),
            UserUttered(text, parse_data=message),
        ]
    return Tracker(
        sender_id=sender,
        slots=dict(slots),
        latest_message=message,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )  # fmt: skip


def handed_off(domain, sender) -> dict:
    yes = tracker(FULL, intent="affirm", text="ja", sender=sender)
    events = ActionHandoff().run(CollectingDispatcher(), yes, domain)
    reference = next(e["value"] for e in events if e.get("name") == "reference")
    return {**FULL, "stage": "done", "reference": reference}


def stored(engine) -> Nomination:
    with Session(engine) as session:
        return session.execute(select(Nomination)).scalar_one()


def test_the_bugs_message_at_046_asks_what_the_youth_means(domain, action_settings, engine):
    slots = handed_off(domain, "conv-bug")
    dispatcher = CollectingDispatcher()
    ranking = [
        {"name": "withdraw_consent", "confidence": 0.46},
        {"name": "greet", "confidence": 0.2},
    ]
    events = ActionConfirmAsk().run(
        dispatcher,
        tracker(
            slots, "withdraw_consent", 0.46, "hoe staat het met mijn keuze", "conv-bug", ranking
        ),
        domain,
    )
    assert dispatcher.messages[0]["text"] == texts.CLARIFY
    titles = [b["title"] for b in dispatcher.messages[0]["buttons"]]
    assert titles == [texts.CLARIFY_WITHDRAW, texts.CLARIFY_STATUS, texts.CLARIFY_KEEP]
    assert events == [SlotSet("pending_act", "clarify")]
    assert stored(engine).status == "nieuw" and stored(engine).mentor_name == "Riet"


def test_a_sure_withdrawal_asks_once_and_yes_withdraws(domain, action_settings, engine):
    slots = handed_off(domain, "conv-yes")
    dispatcher = CollectingDispatcher()
    events = ActionConfirmAsk().run(
        dispatcher, tracker(slots, "withdraw_consent", 0.97, sender="conv-yes"), domain
    )
    assert responses(dispatcher) == ["utter_confirm_withdraw"]
    assert stored(engine).status == "nieuw"
    slots["pending_act"] = "withdraw"
    dispatcher = CollectingDispatcher()
    events = ActionConfirmAnswer().run(
        dispatcher, tracker(slots, "affirm", 0.99, "ja", "conv-yes"), domain
    )
    assert responses(dispatcher) == ["utter_withdraw_done_undo"]
    assert SlotSet("stage", "declined") in events
    nomination = stored(engine)
    assert nomination.status == "ingetrokken" and nomination.mentor_name is None
    assert nomination.hidden_details["mentor_name"] == "Riet"
    dispatcher = CollectingDispatcher()
    events = ActionUndoWithdraw().run(
        dispatcher, tracker({}, "undo_withdraw", sender="conv-yes"), domain
    )
    assert responses(dispatcher) == ["utter_undo_done"]
    assert SlotSet("stage", "done") in events
    assert stored(engine).status == "nieuw" and stored(engine).mentor_name == "Riet"


def test_an_unsure_yes_or_a_no_keeps_everything(domain, action_settings, engine):
    slots = {**handed_off(domain, "conv-no"), "pending_act": "withdraw"}
    for intent, confidence in (("affirm", 0.5), ("deny", 0.99)):
        dispatcher = CollectingDispatcher()
        events = ActionConfirmAnswer().run(
            dispatcher, tracker(slots, intent, confidence, sender="conv-no"), domain
        )
        assert responses(dispatcher) == ["utter_choice_kept"]
        assert SlotSet("pending_act", None) in events
        assert FollowupAction("utter_already_sent") in events
    assert stored(engine).status == "nieuw"


def test_a_yes_after_a_clarify_question_does_nothing(domain, action_settings, engine):
    slots = {**handed_off(domain, "conv-cl"), "pending_act": "clarify"}
    dispatcher = CollectingDispatcher()
    ActionConfirmAnswer().run(dispatcher, tracker(slots, "affirm", sender="conv-cl"), domain)
    assert responses(dispatcher) == ["utter_choice_kept"]
    assert stored(engine).status == "nieuw"


def test_declining_at_consent_forgets_only_after_yes(domain, action_settings, engine):
    slots = {**FULL, "stage": "consent"}
    dispatcher = CollectingDispatcher()
    ActionConfirmAsk().run(dispatcher, tracker(slots, "deny", 0.98, "nee"), domain)
    assert responses(dispatcher) == ["utter_confirm_decline"]
    dispatcher = CollectingDispatcher()
    events = ActionConfirmAnswer().run(
        dispatcher, tracker({**slots, "pending_act": "decline"}, "affirm", 1.0, "/affirm"), domain
    )
    assert responses(dispatcher) == ["utter_consent_no"]
    assert SlotSet("mentor_name", None) in events


def test_an_unanswered_confirmation_is_kept_and_said_so(domain):
    dispatcher = CollectingDispatcher()
    events = ActionResume().run(
        dispatcher, tracker({"stage": "done", "pending_act": "withdraw"}, "thanks"), domain
    )
    assert responses(dispatcher) == ["utter_choice_kept"]
    assert events == [SlotSet("pending_act", None), FollowupAction("utter_already_sent")]


def test_status_question_answers_with_the_status_in_plain_words(domain, action_settings, engine):
    slots = handed_off(domain, "conv-st")
    dispatcher = CollectingDispatcher()
    events = ActionStatus().run(dispatcher, tracker(slots, "ask_status", sender="conv-st"), domain)
    said = [m.get("text") for m in dispatcher.messages]
    assert said[0] == texts.STATUS["nieuw"]
    assert slots["reference"] in said[1]
    assert events == []
    assert stored(engine).status == "nieuw"


def test_change_and_restart_after_the_handoff_ask_first(domain, action_settings, engine):
    slots = handed_off(domain, "conv-ch")
    events = ActionChangeField().run(
        CollectingDispatcher(), tracker(slots, "change_choice", sender="conv-ch"), domain
    )
    assert events == [FollowupAction("action_confirm_ask")]
    events = ActionStart().run(
        CollectingDispatcher(), tracker(slots, "start", 0.9, "opnieuw beginnen", "conv-ch"), domain
    )
    assert events == [FollowupAction("action_confirm_ask")]
    dispatcher = CollectingDispatcher()
    events = ActionStart().run(
        dispatcher, tracker(slots, "start", 1.0, "/start", "conv-ch"), domain
    )
    assert FollowupAction("utter_already_sent") in events, "the page's own /start resumes"
    assert stored(engine).status == "nieuw"


def test_an_unsure_typed_yes_to_sharing_sends_nothing(domain, action_settings, engine):
    dispatcher = CollectingDispatcher()
    events = ActionHandoff().run(
        dispatcher, tracker(FULL, "affirm", 0.47, "is dat wel veilig", "conv-unsure"), domain
    )
    assert dispatcher.messages[0]["text"] == texts.UNSURE_YES
    assert events == [FollowupAction("action_ask_consent")]
    with Session(engine) as session:
        assert session.execute(select(Nomination)).all() == []
    ActionHandoff().run(
        CollectingDispatcher(), tracker(FULL, "affirm", 0.99, "ja", "conv-unsure"), domain
    )
    assert stored(engine).status == "nieuw"


def test_withdraw_before_anything_was_sent(domain, action_settings):
    dispatcher = CollectingDispatcher()
    events = ActionConfirmAsk().run(
        dispatcher, tracker({"stage": "form"}, "withdraw_consent", 0.97, sender="conv-none"), domain
    )
    assert responses(dispatcher) == ["utter_withdraw_nothing"]
    assert events == [SlotSet("pending_act", None), FollowupAction("jim_form")]


def test_haal_weg_again_says_the_choice_is_already_gone(domain, action_settings, engine):
    """ "haal weg" typed during the undo time: already withdrawn, and "toch wel" still
    works; after the undo time: already withdrawn, never "nothing was sent"."""
    from sqlalchemy import update

    slots = {**handed_off(domain, "conv-again"), "pending_act": "withdraw"}
    ActionConfirmAnswer().run(
        CollectingDispatcher(), tracker(slots, "affirm", 0.99, "ja", "conv-again"), domain
    )
    declined = {"stage": "declined"}
    dispatcher = CollectingDispatcher()
    events = ActionConfirmAsk().run(
        dispatcher, tracker(declined, "withdraw_consent", 0.95, "haal weg", "conv-again"), domain
    )
    assert responses(dispatcher) == ["utter_withdraw_already_undo"]
    [answer] = domain["responses"]["utter_withdraw_already_undo"]
    assert "/undo_withdraw" in [b["payload"] for b in answer["buttons"]]
    assert events == [SlotSet("pending_act", None)]
    assert stored(engine).status == "ingetrokken"

    with Session(engine) as session, session.begin():
        session.execute(update(Nomination).values(undo_until=Nomination.withdrawn_at))
    dispatcher = CollectingDispatcher()
    events = ActionConfirmAsk().run(
        dispatcher, tracker(declined, "withdraw_consent", 0.95, "haal weg", "conv-again"), domain
    )
    assert responses(dispatcher) == ["utter_withdraw_already"]
    assert events == [SlotSet("pending_act", None), FollowupAction("utter_ask_restart")]
