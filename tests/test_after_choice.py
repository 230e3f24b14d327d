"""issue 18 (after the choice): the code, the status in every state, asking yourself,
choosing again, reviews. Actions with a fresh tracker and dispatcher per test and the real
domain; storage on a real database."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from actions.after_choice import ActionAskSelf, ActionChooseAgain, ActionStatusCode
from actions.confirm import ActionStatus
from actions.handoff import ActionHandoff
from bot.coach import followup, reviews
from bot.dialogue import texts
from bot.nlu.status_code import find_reference, first_name_matches, words_beside_code
from bot.storage import Coach, Nomination, StatusChange, Team, repo
from tests.test_actions import FULL
from tests.test_confirm_actions import tracker

WITH_ALTERNATIVES = {
    **FULL,
    "alternatives": [{"name": "Piet", "relation": "buurman"}, {"name": "Ans", "relation": "tante"}],
}
STATUSES = ("nieuw", "in_contact", "jim_gestart", "niet_gelukt", "ingetrokken")


def hand_off(domain, sender, slots=WITH_ALTERNATIVES) -> dict:
    events = ActionHandoff().run(
        CollectingDispatcher(), tracker(slots, "affirm", text="ja", sender=sender), domain
    )
    reference = next(e["value"] for e in events if e.get("name") == "reference")
    return {**slots, "stage": "done", "reference": reference}


def set_status(engine, reference: str, status: str) -> None:
    with Session(engine) as session, session.begin():
        session.execute(
            update(Nomination).where(Nomination.reference == reference).values(status=status)
        )


def all_text(dispatcher: CollectingDispatcher) -> str:
    parts = []
    for m in dispatcher.messages:
        parts.append(m.get("text") or m.get("response") or "")
        parts += [b["title"] + b["payload"] for b in m.get("buttons") or []]
        parts.append(str(m.get("custom") or ""))
    return " | ".join(parts)


def code_tracker(slots, text, sender, code=True):
    found = find_reference(text)
    entities = [{"entity": "reference", "value": found[0]}] if code and found else []
    return tracker(
        slots, "give_code" if entities else "inform_name", 1.0, text, sender, None, entities
    )


# --- the code and the name, as NLU and the check read them ----------------------------------


@pytest.mark.parametrize(
    "typed, code",
    [
        ("JIM-7K3Q", "JIM-7K3Q"),
        ("jim-7k3q riet", "JIM-7K3Q"),
        ("mijn code is jim7k3q", "JIM-7K3Q"),
        ("jim 7k3q", "JIM-7K3Q"),
        ("jim mama", None),  # a space only with a digit: "Jim" may be a name
        ("ik vind jim lief", None),
    ],
)
def test_a_code_is_found_in_what_a_youth_types(typed, code):
    found = find_reference(typed)
    assert (found[0] if found else None) == code


def test_the_second_check_compares_first_names_normalised_not_relations():
    assert first_name_matches("Oma Riët", words_beside_code("JIM-7K3Q riet"))
    assert first_name_matches("Riet", words_beside_code("mijn code is jim-7k3q, ik koos RIET"))
    assert not first_name_matches("Oma Riet", words_beside_code("JIM-7K3Q oma"))
    assert not first_name_matches("Riet", words_beside_code("JIM-7K3Q piet"))
    assert not first_name_matches(None, ["riet"])


# --- the status in the same conversation: every status, in plain words ------------------------


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_is_told_kindly_in_the_same_conversation(
    status, domain, action_settings, engine
):
    slots = hand_off(domain, f"conv-st-{status}")
    set_status(engine, slots["reference"], status)
    dispatcher = CollectingDispatcher()
    ActionStatus().run(
        dispatcher,
        tracker(slots, "ask_status", text="hoe staat het", sender=f"conv-st-{status}"),
        domain,
    )
    assert dispatcher.messages[0]["text"] == texts.STATUS[status]
    said = all_text(dispatcher)
    if status == "niet_gelukt":  # choose again, the people named before first
        titles = [b["title"] for b in dispatcher.messages[1]["buttons"]]
        assert titles[:2] == ["👤 Piet", "👤 Ans"]
        assert dispatcher.messages[1]["buttons"][0]["payload"] == '/choose_again{"alternative":"1"}'
    elif status == "ingetrokken":
        assert dispatcher.messages[1]["response"] == "utter_ask_restart"
    else:
        assert slots["reference"] in said


def test_the_five_status_texts_differ_and_none_is_empty():
    assert set(texts.STATUS) == set(STATUSES)
    assert len(set(texts.STATUS.values())) == 5


# --- a code in a new conversation: the status only, after a second check ---------------------


def test_a_code_alone_in_a_new_conversation_asks_the_first_name_and_tells_nothing(
    domain, action_settings, engine
):
    slots = hand_off(domain, "conv-own")
    dispatcher = CollectingDispatcher()
    events = ActionStatusCode().run(
        dispatcher, code_tracker({"stage": "form"}, slots["reference"], "conv-new"), domain
    )
    assert [m["text"] for m in dispatcher.messages] == [texts.CODE_ASK_NAME]
    assert SlotSet("status_reference", slots["reference"]) in events


def test_the_right_first_name_gives_the_status_only(domain, action_settings, engine):
    slots = hand_off(domain, "conv-own2")
    set_status(engine, slots["reference"], "in_contact")
    dispatcher = CollectingDispatcher()
    new = {"stage": "form", "status_reference": slots["reference"]}
    events = ActionStatusCode().run(
        dispatcher, code_tracker(new, "riet", "conv-new2", code=False), domain
    )
    # the form's question again, and the name typed for the check is not read as an answer
    assert events[-1] == FollowupAction("jim_form")
    assert not any(e.get("name") == "requested_slot" for e in events)
    said = all_text(dispatcher)
    assert texts.CODE_FOUND in said and texts.STATUS["in_contact"] in said
    for secret in ("Riet", "Sam", "Piet", "Ans", slots["reference"], "oma"):
        assert secret not in said


@pytest.mark.parametrize("typed", ["{code} piet", "JIM-ZZZZ riet"])
def test_a_wrong_name_and_a_wrong_code_get_the_same_answer_and_count(
    typed, domain, action_settings, engine
):
    slots = hand_off(domain, "conv-own3")
    dispatcher = CollectingDispatcher()
    text = typed.format(code=slots["reference"])
    events = ActionStatusCode().run(
        dispatcher, code_tracker({"stage": "form"}, text, "conv-new3"), domain
    )
    assert dispatcher.messages[0]["text"] == texts.CODE_WRONG
    assert SlotSet("status_tries", 1.0) in events
    assert "Riet" not in all_text(dispatcher)


def test_after_three_wrong_checks_even_the_right_name_opens_nothing(
    domain, action_settings, engine
):
    slots = hand_off(domain, "conv-own4")
    dispatcher = CollectingDispatcher()
    locked = {"stage": "form", "status_tries": 3.0}
    text = f"{slots['reference']} riet"
    ActionStatusCode().run(dispatcher, code_tracker(locked, text, "conv-new4"), domain)
    assert dispatcher.messages[0]["text"] == texts.CODE_LOCKED
    assert texts.STATUS["nieuw"] not in all_text(dispatcher)


def test_the_own_code_in_the_same_conversation_needs_no_second_check(
    domain, action_settings, engine
):
    slots = hand_off(domain, "conv-own5")
    dispatcher = CollectingDispatcher()
    ActionStatusCode().run(dispatcher, code_tracker(slots, slots["reference"], "conv-own5"), domain)
    assert dispatcher.messages[0]["text"] == texts.STATUS["nieuw"]


def test_a_demo_nomination_never_answers_a_code(session):
    from bot.storage.repo import NominationInput

    team = repo.ensure_team(session, "demo-x", "Demo", is_demo=True)
    data = NominationInput(conversation_id="conv-demo", mentor_name="Riet", mentor_relation="oma",
                           consent_text_version="v1")  # fmt: skip
    nomination, _ = repo.save_nomination(session, data, team)
    session.flush()
    assert nomination.demo
    assert followup.status_by_code(session, nomination.reference, ["riet"]) is None


# --- "Ik vraag het zelf" ----------------------------------------------------------------------


def test_ask_self_gives_a_message_to_send_with_the_jim_page(domain, action_settings, engine):
    slots = hand_off(domain, "conv-self")
    dispatcher = CollectingDispatcher()
    events = ActionAskSelf().run(dispatcher, tracker(slots, "ask_self", sender="conv-self"), domain)
    share = [m for m in dispatcher.messages if m.get("custom")]
    assert len(share) == 1
    message = share[0]["custom"]["share"]
    assert message.startswith("Hoi Riet,") and message.endswith("/jim")
    assert share[0]["text"] == message
    assert events == []


def test_ask_self_before_a_choice_says_to_choose_first(domain, action_settings, engine):
    dispatcher = CollectingDispatcher()
    events = ActionAskSelf().run(dispatcher, tracker({"stage": "form"}, "ask_self"), domain)
    assert dispatcher.messages[0]["text"] == texts.ASK_SELF_NOT_YET
    assert FollowupAction("jim_form") in events


# --- choosing again ---------------------------------------------------------------------------


def test_choosing_again_fills_in_the_person_tapped_and_keeps_the_youth(
    domain, action_settings, engine
):
    slots = hand_off(domain, "conv-again")
    set_status(engine, slots["reference"], "niet_gelukt")
    dispatcher = CollectingDispatcher()
    events = ActionChooseAgain().run(
        dispatcher,
        tracker(slots, "choose_again", text="/choose_again", sender="conv-again",
                entities=[{"entity": "alternative", "value": "2"}]),
        domain,
    )  # fmt: skip
    assert SlotSet("mentor_name", "Ans") in events and SlotSet("relation", "tante") in events
    assert SlotSet("youth_name", None) not in events  # the youth stays the same
    assert events[-1] == FollowupAction("jim_form")
    # the new handoff is a new nomination; the old one stays, with its code
    again = {**FULL, "mentor_name": "Ans", "relation": "tante", "stage": "consent"}
    new = hand_off(domain, "conv-again", again)
    assert new["reference"] != slots["reference"]
    with Session(engine) as session:
        old = session.execute(
            select(Nomination).where(Nomination.reference == slots["reference"])
        ).scalar_one()
        assert old.status == "niet_gelukt" and old.mentor_name == "Riet"
        assert repo.get_nomination_by_conversation(session, "conv-again").mentor_name == "Ans"


def test_choosing_again_is_not_offered_while_the_choice_is_with_the_coach(
    domain, action_settings, engine
):
    slots = hand_off(domain, "conv-again2")
    dispatcher = CollectingDispatcher()
    events = ActionChooseAgain().run(
        dispatcher,
        tracker(slots, "choose_again", sender="conv-again2",
                entities=[{"entity": "alternative", "value": "1"}]),
        domain,
    )  # fmt: skip
    assert dispatcher.messages[0]["text"] == texts.CHOOSE_AGAIN_NOT_NOW
    assert not any(e.get("name") == "mentor_name" for e in events)


def test_the_coachs_choose_again_invite_offers_the_people_named_before(
    domain, action_settings, engine
):
    slots = hand_off(domain, "conv-again3")
    set_status(engine, slots["reference"], "niet_gelukt")
    with Session(engine) as session, session.begin():
        nomination = repo.get_nomination_by_conversation(session, "conv-again3")
        team = session.get(Team, nomination.team_id)
        coach, _ = repo.create_coach(session, team, "Sanne", None)
        invite = followup.create_choose_again_invite(session, coach, nomination, 7)
        code = invite.code
    with Session(engine) as session:
        offer = followup.choose_again(session, "conv-fresh", code)
        assert [p.name for p in offer.people] == ["Piet", "Ans"]
        assert offer.youth_name == "Sam"
        assert followup.choose_again(session, "conv-fresh", "no-such-code") is None


# --- reviews ---------------------------------------------------------------------------------


def started(engine, domain, sender) -> tuple[str, datetime]:
    slots = hand_off(domain, sender)
    at = datetime(2026, 1, 31, 10, 0, tzinfo=timezone.utc)
    with Session(engine) as session, session.begin():
        nomination = repo.get_nomination_by_conversation(session, sender)
        nomination.status = "jim_gestart"
        session.add(StatusChange(nomination_id=nomination.id, actor="x", from_status="in_contact",
                                 to_status="jim_gestart", at=at))  # fmt: skip
    return slots["reference"], at


def test_the_next_review_is_two_months_after_the_start_then_after_the_last_review(
    domain, action_settings, engine
):
    reference, at = started(engine, domain, "conv-rev")
    with Session(engine) as session, session.begin():
        nomination = repo.get_nomination_by_conversation(session, "conv-rev")
        assert reviews.next_review(session, nomination, 2) == datetime(
            2026, 3, 31, 10, 0, tzinfo=timezone.utc
        )
        team = session.get(Team, nomination.team_id)
        now = datetime(2026, 4, 2, tzinfo=timezone.utc)
        assert [d.reference for d in reviews.overdue_reviews(session, team, now)] == [reference]
        coach, _ = repo.create_coach(session, team, "Sanne", None)
        reviews.record_review(session, nomination, coach, "  Goed gesprek  ", at=now)
    with Session(engine) as session:
        nomination = repo.get_nomination_by_conversation(session, "conv-rev")
        assert reviews.next_review(session, nomination, 2) == datetime(
            2026, 6, 2, tzinfo=timezone.utc
        )
        assert reviews.notes(session, nomination)[-1].note == "Goed gesprek"
        team = session.get(Team, nomination.team_id)
        assert (
            reviews.overdue_reviews(session, team, datetime(2026, 4, 3, tzinfo=timezone.utc)) == []
        )


def test_a_review_is_only_for_a_started_jim(domain, action_settings, engine):
    hand_off(domain, "conv-rev2")
    with Session(engine) as session:
        nomination = repo.get_nomination_by_conversation(session, "conv-rev2")
        coach = Coach(id="c", team_id=nomination.team_id, name="x", token_hash="h")
        with pytest.raises(ValueError):
            reviews.record_review(session, nomination, coach, "")
        assert reviews.next_review(session, nomination, 2) is None


def test_the_review_email_comes_once_a_day_with_references_and_no_names(
    domain, action_settings, engine
):
    reference, at = started(engine, domain, "conv-rev3")
    now = datetime(2026, 3, 28, tzinfo=timezone.utc)  # due within the week
    with Session(engine) as session, session.begin():
        assert reviews.queue_digests(session, lambda team: False, now) == 0
        assert reviews.queue_digests(session, lambda team: True, now) >= 1
    with Session(engine) as session, session.begin():
        assert reviews.queue_digests(session, lambda team: True, now + timedelta(hours=1)) == 0
        team = session.get(Team, repo.get_nomination_by_conversation(session, "conv-rev3").team_id)
        mail = reviews.build_digest_email(session, team, "a@b", "c@d", "http://x", now)
        body = mail.get_content()
        assert reference in body and "31-03-2026" in body
        for name in ("Riet", "Sam", "Piet", "Ans"):
            assert name not in body and name not in mail["Subject"]


def test_a_chat_opened_by_the_choose_again_invite_offers_the_people_first(
    domain, action_settings, engine
):
    from actions.start import ActionStart

    slots = hand_off(domain, "conv-inv")
    set_status(engine, slots["reference"], "niet_gelukt")
    with Session(engine) as session, session.begin():
        nomination = repo.get_nomination_by_conversation(session, "conv-inv")
        coach, _ = repo.create_coach(session, session.get(Team, nomination.team_id), "Sanne", None)
        code = followup.create_choose_again_invite(session, coach, nomination, 7).code
        coach_id = coach.id
    dispatcher = CollectingDispatcher()
    start = tracker({}, "start", text="/start", sender="conv-inv-new",
                    entities=[{"entity": "invite_code", "value": code}])  # fmt: skip
    events = ActionStart().run(dispatcher, start, domain)
    assert texts.CHOOSE_AGAIN_INVITE in all_text(dispatcher)
    titles = [b["title"] for m in dispatcher.messages for b in m.get("buttons") or []]
    assert titles[:2] == ["👤 Piet", "👤 Ans"]
    assert events[-1] == FollowupAction("action_listen")
    # an ordinary invite starts the form as before
    with Session(engine) as session, session.begin():
        plain = repo.create_invite(session, session.get(Coach, coach_id), 7).code
    dispatcher = CollectingDispatcher()
    start = tracker({}, "start", text="/start", sender="conv-inv-plain",
                    entities=[{"entity": "invite_code", "value": plain}])  # fmt: skip
    events = ActionStart().run(dispatcher, start, domain)
    assert events[-1] == FollowupAction("jim_form")
    assert texts.CHOOSE_AGAIN_INVITE not in all_text(dispatcher)


def test_deleting_a_youths_data_takes_the_choice_that_did_not_work_out_too(
    domain, action_settings, engine
):
    from bot.storage import privacy

    slots = hand_off(domain, "conv-del")
    set_status(engine, slots["reference"], "niet_gelukt")
    again = {**FULL, "mentor_name": "Ans", "relation": "tante", "stage": "consent"}
    hand_off(domain, "conv-del", again)
    with Session(engine) as session:
        assert len(session.execute(select(Nomination)).scalars().all()) == 2
    removed = privacy.delete_conversation(engine, "conv-del")
    assert removed.nominations == 2
    with Session(engine) as session:
        assert session.execute(select(Nomination)).scalars().all() == []


@pytest.mark.parametrize("requested, answers", [("asked_by", True), ("contact", False)])
def test_ask_self_typed_at_the_who_asks_question_answers_it(domain, requested, answers):
    """Issue 25 asks "Wie vraagt het aan Riet?": "ik vraag het zelf" (issue 18's intent)
    answers it with `jongere`; at another question of the form it does not."""
    from rasa_sdk import Tracker

    message = {"text": "ik vraag het zelf", "intent": {"name": "ask_self", "confidence": 1.0}}
    youth = Tracker(
        sender_id="conv-who",
        slots={**FULL, "stage": "form", "asked_by": None, "requested_slot": requested},
        latest_message=message,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": "jim_form"},
        latest_action_name="action_listen",
    )
    dispatcher = CollectingDispatcher()
    events = ActionAskSelf().run(dispatcher, youth, domain)
    if answers:
        assert events == [SlotSet("asked_by", "jongere")] and dispatcher.messages == []
    else:
        assert SlotSet("asked_by", "jongere") not in events
        assert dispatcher.messages[0]["text"] == texts.ASK_SELF_NOT_YET
