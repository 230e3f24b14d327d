"""The coach signal (issue 24, item 6): stored only by the action after the youth's yes,
sent through the outbox to a real SMTP server and a real webhook receiver, once per
conversation, never for a demo conversation, never with a name or a message."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import hashlib
import hmac
import json

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.safety import ActionRequestCoachContact
from bot.coach import coach_signal, handoff, notify
from bot.storage import OutboxMessage, SafetySignal, repo
from testkit.env import free_port
from tests.test_actions import make_tracker, responses
from tests.test_notify import configure_team, invite_for, nomination_input, outbox, receiver, smtp

__all__ = ["receiver", "smtp"]  # fixtures used below

# Words the youth typed in the conversation and the names in the nomination: none of them
# may ever reach the coach's mail or webhook, or the signal table.
YOUTH_WORDS = ("mama", "slaat", "Sammy", "Jongerius", "Riet", "Mentorsma")


def signals(engine) -> list[SafetySignal]:
    with Session(engine) as session:
        return list(session.execute(select(SafetySignal)).scalars())


def notifying(settings, smtp_port=None, **changes):
    """Settings outside demo mode, with a real SMTP server if a port is given."""
    if smtp_port is not None:
        changes.update(smtp_host="127.0.0.1", smtp_port=smtp_port)
    return dataclasses.replace(settings, demo=False, **changes)


# --- storing ------------------------------------------------------------------------------


def test_a_signal_keeps_only_team_pseudonym_reference_and_times(engine, settings):
    settings = notifying(settings)
    configure_team(engine, "team-noord")
    code = invite_for(engine, "team-noord")
    data = nomination_input(invite_code=code)
    done = handoff.hand_off(engine, settings, data)

    result = coach_signal.request_contact(engine, settings, data.conversation_id, code)

    assert result.created and not result.demo
    [signal] = signals(engine)
    with Session(engine) as session:
        team = repo.get_team(session, "team-noord")
        invite = session.execute(select(repo.Invite).where(repo.Invite.code == code)).scalar_one()
    assert signal.team_id == team.id
    assert signal.reference == done.reference
    assert signal.invite_id == invite.id
    assert signal.handled_at is None and signal.handled_by is None
    # The conversation id opens the chat history; only a keyed hash of it is kept.
    assert signal.conversation != data.conversation_id
    assert data.conversation_id not in signal.conversation
    assert signal.conversation == coach_signal.pseudonym(settings.secret_key, data.conversation_id)
    assert signal.conversation != coach_signal.pseudonym("another-key", data.conversation_id)
    stored = " ".join(str(getattr(signal, c.name)) for c in SafetySignal.__table__.columns)
    for word in YOUTH_WORDS:
        assert word not in stored


def test_without_invite_the_default_team_gets_it_and_no_reference(engine, settings):
    settings = notifying(settings, default_team="standaard")
    coach_signal.request_contact(engine, settings, "web-no-invite", None)
    [signal] = signals(engine)
    with Session(engine) as session:
        assert signal.team_id == repo.get_team(session, "standaard").id
    assert signal.reference is None and signal.invite_id is None


def test_an_invite_of_another_conversation_does_not_route_the_signal(engine, settings):
    settings = notifying(settings, default_team="standaard")
    configure_team(engine, "team-noord")
    code = invite_for(engine, "team-noord")
    handoff.hand_off(engine, settings, nomination_input(invite_code=code))  # claims the code
    coach_signal.request_contact(engine, settings, "web-someone-else", code)
    [signal] = signals(engine)
    with Session(engine) as session:
        assert signal.team_id == repo.get_team(session, "standaard").id


def test_once_per_conversation_while_open_then_again_after_handled(engine, settings):
    settings = notifying(settings)
    configure_team(engine, "standaard", webhook="http://127.0.0.1:9/hook")
    first = coach_signal.request_contact(engine, settings, "web-twice", None)
    again = coach_signal.request_contact(engine, settings, "web-twice", None)
    assert first.created and not again.created
    assert again.signal_id == first.signal_id
    assert len(signals(engine)) == 1
    assert len(outbox(engine)) == 1  # the second yes sends nothing new
    other = coach_signal.request_contact(engine, settings, "web-other-youth", None)
    assert other.created and len(signals(engine)) == 2

    with Session(engine) as session, session.begin():
        coach, _ = repo.create_coach(session, repo.get_team(session, "standaard"), "Sanne")
        signal = coach_signal.get_signal(session, coach.team_id, first.signal_id)
        assert coach_signal.mark_handled(session, signal, coach)
        assert not coach_signal.mark_handled(session, signal, coach)
    later = coach_signal.request_contact(engine, settings, "web-twice", None)
    assert later.created and later.signal_id != first.signal_id


def test_a_demo_conversation_goes_to_the_demo_team_and_sends_nothing(engine, settings, receiver):
    settings = notifying(settings, smtp_port=free_port(), notify_email="team@example.org")
    configure_team(engine, "team-noord", email="noord@example.org", webhook=receiver.url)
    code = invite_for(engine, "team-noord")  # even with a real team's invite
    with Session(engine) as session, session.begin():
        demo = repo.ensure_team(session, repo.DEMO_TEAM_SLUG, is_demo=True)
        demo.webhook_url, demo.webhook_secret = receiver.url, "s"  # and a hook on the demo team
    with Session(engine) as session, session.begin():
        trainer, _cookie = repo.new_demo_session(session)
        demo_conversation = repo.new_demo_conversation(session, trainer)
    result = coach_signal.request_contact(engine, settings, demo_conversation, code)
    assert result.created and result.demo and result.notifications == 0
    [signal] = signals(engine)
    with Session(engine) as session:
        assert signal.team_id == repo.get_team(session, repo.DEMO_TEAM_SLUG).id
    assert outbox(engine) == []
    assert notify.dispatch_pending(engine, settings) == (0, 0)
    assert receiver.deliveries == []


def test_in_demo_mode_a_real_chat_without_invite_goes_to_the_default_team(engine, settings):
    """Real chats never land in the demo team, demo mode or not (issue 23): only a
    conversation the demo page made is a demo one, whatever its id looks like."""
    assert settings.demo
    for conversation_id in ("web-in-demo", "demo-looks-like-one"):
        result = coach_signal.request_contact(engine, settings, conversation_id, None)
        assert result.created and not result.demo
    with Session(engine) as session:
        default = repo.get_team(session, settings.default_team)
        assert {s.team_id for s in signals(engine)} == {default.id}


def test_forget_conversation_removes_its_signals_and_outbox_rows(engine, settings):
    settings = notifying(settings)
    configure_team(engine, "standaard", webhook="http://127.0.0.1:9/hook")
    coach_signal.request_contact(engine, settings, "web-forget-me", None)
    coach_signal.request_contact(engine, settings, "web-keep-me", None)
    with Session(engine) as session, session.begin():
        assert coach_signal.forget_conversation(session, settings.secret_key, "web-forget-me") == 1
    assert len(signals(engine)) == 1
    assert len(outbox(engine)) == 1


# --- sending: real SMTP server and real webhook receiver ----------------------------------


def test_email_says_only_that_a_youth_asks_to_be_called(engine, settings, smtp):
    controller, inbox = smtp
    settings = notifying(settings, smtp_port=controller.port)
    configure_team(engine, "team-noord", email="noord@example.org")
    code = invite_for(engine, "team-noord")
    data = nomination_input(invite_code=code, mentor_reason="mama slaat niet")
    done = handoff.hand_off(engine, settings, data)
    assert notify.dispatch_pending(engine, settings) == (1, 0)  # the nomination's e-mail
    inbox.messages.clear()

    coach_signal.request_contact(engine, settings, data.conversation_id, code)
    assert inbox.messages == []  # nothing is sent while the youth waits
    assert notify.dispatch_pending(engine, settings) == (1, 0)
    [raw] = inbox.messages
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"] == "noord@example.org"
    text = message["Subject"] + "\n" + message.get_content()
    assert "bellen" in text.lower() and "gebeld" in text.lower()
    assert "Team Noord" in text
    assert f"{settings.public_url}/coach" in text
    for word in YOUTH_WORDS + (data.conversation_id, done.reference):
        assert word not in text
        assert word.encode() not in raw
    assert notify.dispatch_pending(engine, settings) == (0, 0)  # sent once
    assert len(inbox.messages) == 1


def test_webhook_holds_event_reference_team_time_only_and_is_signed(engine, settings, receiver):
    settings = notifying(settings)
    configure_team(engine, "team-noord", webhook=receiver.url, secret="hook-secret")
    code = invite_for(engine, "team-noord")
    data = nomination_input(invite_code=code)
    done = handoff.hand_off(engine, settings, data)
    assert notify.dispatch_pending(engine, settings) == (1, 0)
    receiver.deliveries.clear()

    coach_signal.request_contact(engine, settings, data.conversation_id, code)
    assert notify.dispatch_pending(engine, settings) == (1, 0)
    [(headers, body)] = receiver.deliveries
    payload = json.loads(body)
    [signal] = signals(engine)
    assert payload == {
        "event": "safety.contact_requested",
        "reference": done.reference,
        "team": signal.team_id,
        "created_at": signal.created_at.isoformat(),
    }
    assert headers["X-JIM-Event"] == "safety.contact_requested"
    signed = headers["X-JIM-Timestamp"].encode() + b"." + body  # against replay (issue 23)
    expected = hmac.new(b"hook-secret", signed, hashlib.sha256).hexdigest()
    assert headers["X-JIM-Signature"] == f"sha256={expected}"
    assert notify.verify_webhook(
        body, headers["X-JIM-Signature"], headers["X-JIM-Timestamp"], "hook-secret"
    )
    [row] = [r for r in outbox(engine) if r.signal_id]
    assert headers["X-JIM-Delivery"] == row.id and row.nomination_id is None
    for word in YOUTH_WORDS + (data.conversation_id, signal.conversation):
        assert word.encode() not in body


def test_webhook_without_nomination_sends_reference_null(engine, settings, receiver):
    settings = notifying(settings)
    configure_team(engine, "standaard", webhook=receiver.url)
    coach_signal.request_contact(engine, settings, "web-early", None)
    assert notify.dispatch_pending(engine, settings) == (1, 0)
    [(_headers, body)] = receiver.deliveries
    assert json.loads(body)["reference"] is None


def test_a_receiver_that_is_down_gets_the_same_delivery_later(engine, settings, receiver):
    settings = notifying(settings)
    configure_team(engine, "standaard", webhook=receiver.url)
    receiver.up = False
    coach_signal.request_contact(engine, settings, "web-retry", None)
    assert notify.dispatch_pending(engine, settings) == (0, 1)
    [row] = outbox(engine)
    assert row.attempts == 1 and row.sent_at is None and "503" in row.last_error
    receiver.up = True
    later = row.next_attempt_at + notify.backoff(1)
    assert notify.dispatch_pending(engine, settings, now=later) == (1, 0)
    [(headers, _body)] = receiver.deliveries
    assert headers["X-JIM-Delivery"] == row.id
    assert notify.dispatch_pending(engine, settings, now=later) == (0, 0)


# --- the action: only it stores a signal --------------------------------------------------


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def test_the_action_stores_a_signal_and_says_so(action_settings, engine, domain, dispatcher):
    configure_team(engine, "team-noord")
    code = invite_for(engine, "team-noord")
    tracker = make_tracker(
        slots={"invite_code": code}, intent="affirm", text="ja", sender="web-yes-1"
    )
    events = ActionRequestCoachContact().run(dispatcher, tracker, domain)
    assert events == []
    assert responses(dispatcher) == ["utter_coach_contact_sent"]
    assert "utter_coach_contact_sent" in domain["responses"]
    assert "action_request_coach_contact" in domain["actions"]
    [signal] = signals(engine)
    with Session(engine) as session:
        assert signal.team_id == repo.get_team(session, "team-noord").id
    assert signal.conversation == coach_signal.pseudonym(action_settings.secret_key, "web-yes-1")


def test_a_second_yes_in_the_same_conversation_stores_nothing_new(action_settings, engine, domain):
    for _ in range(2):
        dispatcher = CollectingDispatcher()
        ActionRequestCoachContact().run(
            dispatcher, make_tracker(intent="affirm", sender="web-yes-2"), domain
        )
        assert responses(dispatcher) == ["utter_coach_contact_sent"]
    assert len(signals(engine)) == 1


def test_no_yes_means_nothing_stored(action_settings, engine, domain, dispatcher):
    """The other ways out of the help lines (no, stop, a handoff) never store a signal."""
    from actions.confirm import ActionConfirmAnswer
    from actions.handoff import ActionHandoff
    from tests.test_actions import FULL

    declined = make_tracker(
        slots={**FULL, "pending_act": "decline"}, intent="affirm", sender="web-no"
    )
    ActionConfirmAnswer().run(dispatcher, declined, domain)
    ActionHandoff().run(dispatcher, make_tracker(slots=FULL, sender="web-no"), domain)
    assert signals(engine) == []
    with Session(engine) as session:
        assert session.execute(select(OutboxMessage)).first() is None


def test_database_down_gives_a_kind_answer_and_keeps_the_help(
    action_settings, domain, dispatcher, monkeypatch
):
    from actions import common

    # A database server nobody answers on: the connection is refused, as when it is down.
    monkeypatch.setenv("DATABASE_URL", f"postgresql://jim:x@127.0.0.1:{free_port()}/jim")
    common.get_settings.cache_clear()
    common.engine.cache_clear()
    events = ActionRequestCoachContact().run(
        dispatcher, make_tracker(intent="affirm", sender="web-down"), domain
    )
    assert events == []
    assert responses(dispatcher) == ["utter_coach_contact_failed"]
    [failed] = domain["responses"]["utter_coach_contact_failed"]
    assert "112" in failed["text"]
    assert failed["buttons"]


# --- demo view, "Demo wissen", deletion on request, purge ---------------------------------


def test_the_demo_coach_view_shows_this_sessions_signals_and_demo_reset_removes_them(
    engine, settings
):
    from bot.demo import demo_data
    from bot.storage import privacy, repo

    with Session(engine) as session, session.begin():
        trainer_a, _cookie = repo.new_demo_session(session)
        trainer_b, _cookie = repo.new_demo_session(session)
        mine = [repo.new_demo_conversation(session, trainer_a) for _ in range(2)]
        other = repo.new_demo_conversation(session, trainer_b)
    for conversation_id in [*mine, other]:
        coach_signal.request_contact(engine, settings, conversation_id, None)
    real = notifying(settings)
    coach_signal.request_contact(engine, real, "web-real-youth", None)  # the default team
    view = coach_signal.demo_view(engine, settings.secret_key, mine, mine[0])
    assert len(view) == 2  # another trainer's demo and the real youth stay out
    assert [v["current"] for v in view].count(True) == 1
    assert all(set(v) == {"created_at", "reference", "current"} for v in view)

    privacy.delete_conversation(engine, mine[1], settings.secret_key)
    assert len(coach_signal.demo_view(engine, settings.secret_key, mine, "")) == 1
    demo_data.reset(engine, mine, settings.secret_key)
    assert coach_signal.demo_view(engine, settings.secret_key, mine, "") == []
    assert len(coach_signal.demo_view(engine, settings.secret_key, [other], "")) == 1
    assert len(signals(engine)) == 2  # the other trainer's and the real team's stay


def test_purge_removes_handled_signals_before_the_cutoff_only(engine, settings):
    from datetime import timedelta

    from bot.storage import privacy
    from bot.storage.models import utcnow

    settings = notifying(settings)
    old = coach_signal.request_contact(engine, settings, "web-old", None).signal_id
    coach_signal.request_contact(engine, settings, "web-open", None)
    with Session(engine) as session, session.begin():
        signal = session.get(SafetySignal, old)
        signal.handled_at = utcnow() - timedelta(days=200)
    privacy.purge(engine, days=180)
    assert [s.handled_at for s in signals(engine)] == [None]


# --- the real action server ---------------------------------------------------------------


@pytest.mark.integration
def test_the_running_action_server_runs_the_action_and_stores_one_signal(live, domain):
    """The action is registered in the real action server and writes to the real database."""
    import httpx

    tracker = {
        "sender_id": "web-live-yes",
        "slots": {"invite_code": None},
        "latest_message": {"text": "ja", "intent": {"name": "affirm", "confidence": 1.0}},
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    }
    body = {
        "next_action": "action_request_coach_contact",
        "sender_id": "web-live-yes",
        "tracker": tracker,
        "domain": domain,
        "version": "3.6.21",
    }
    for _ in range(2):  # a second yes: the same answer, no second signal
        answer = httpx.post(
            f"{live.settings.action_url}/webhook",
            json=body,
            params={"token": live.settings.action_server_token},  # only Rasa may call
            timeout=30,
        )
        assert answer.status_code == 200
        assert [r.get("response") for r in answer.json()["responses"]] == [
            "utter_coach_contact_sent"
        ]
    from bot.storage import make_engine

    engine = make_engine(live.settings.database_url)
    try:
        mine = coach_signal.pseudonym(live.settings.secret_key, "web-live-yes")
        assert [s.conversation for s in signals(engine)].count(mine) == 1
    finally:
        engine.dispose()


@pytest.mark.integration
def test_the_demo_coach_view_of_the_running_product_shows_the_signal(live):
    """/demo/api/state carries the demo team's open signals (the demo's coach side)."""
    import httpx

    from bot.storage import make_engine

    with httpx.Client(base_url=live.settings.web_url, timeout=60) as trainer:
        started = trainer.post("/demo/api/new", json={})
        assert started.status_code == 200, started.text
        sender = started.json()["sender"]
        engine = make_engine(live.settings.database_url)
        try:  # as the action does after the youth's yes
            coach_signal.request_contact(engine, live.settings, sender, None)
        finally:
            engine.dispose()
        state = trainer.get("/demo/api/state", params={"sender": sender})
        assert state.status_code == 200
        stranger = httpx.get(
            f"{live.settings.web_url}/demo/api/state", params={"sender": sender}, timeout=30
        )
        assert stranger.status_code == 404  # another browser sees nothing of it
    mine = [s for s in state.json()["signals"] if s["current"]]
    assert len(mine) == 1 and mine[0]["reference"] is None
