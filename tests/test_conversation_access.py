"""Issue 23, part A: nothing about a real youth is reachable by a stranger.

A conversation is read or continued only by the browser that holds its secret; the demo API
reads and resets only what the caller's own demo session made; real chats never land in the
demo team; coaches get a pseudonym, never the conversation id; payloads are parsed before
they count as an invite start or are forwarded.

Rasa is played by the small real HTTP server of tests/test_chat_routes.py.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.coach import handoff
from bot.storage import Nomination, repo
from bot.storage.repo import NominationInput
from bot.web.app import create_app
from testkit.fake_rasa import FakeRasa
from tests.test_chat_routes import TRACKER_EVENTS

SECRET_HEADER = "X-Chat-Secret"


@pytest.fixture
def rasa():
    with FakeRasa() as fake:
        yield fake


def make_client(settings, rasa, **changes) -> TestClient:
    return TestClient(create_app(dataclasses.replace(settings, rasa_port=rasa.port, **changes)))


def real_nomination(engine, settings, conversation_id: str) -> str:
    """A real youth's consented choice, stored the way action_handoff stores it."""
    data = NominationInput(
        conversation_id=conversation_id,
        youth_name="Geheimnaam",
        youth_age=15,
        mentor_name="Riet",
        mentor_relation="oma",
        mentor_contact="0612345678",
        consent_text_version="v1",
    )
    return handoff.hand_off(engine, settings, data).nomination_id


def new_conversation(client) -> tuple[str, str]:
    response = client.post("/chat/new", json={})
    assert response.status_code == 200, response.text
    body = response.json()
    return body["sender"], body["secret"]


# --- the demo API and real data ---------------------------------------------------------------


def test_a_real_chat_in_demo_mode_goes_to_the_default_team_never_marked_demo(engine, settings):
    assert settings.demo
    nomination_id = real_nomination(engine, settings, "web-0123456789abcdef")
    with Session(engine) as session:
        nomination = session.get(Nomination, nomination_id)
        team = session.get(repo.Team, nomination.team_id)
        assert (team.slug, team.is_demo, nomination.demo) == (settings.default_team, False, False)


def test_a_client_chosen_demo_id_makes_no_demo_nomination(engine, settings):
    """Only a conversation the demo page made is a demo conversation, whatever its id says."""
    nomination_id = real_nomination(engine, settings, "demo-0123456789abcdef")
    with Session(engine) as session:
        nomination = session.get(Nomination, nomination_id)
        assert not nomination.demo
        assert session.get(repo.Team, nomination.team_id).slug == settings.default_team


@pytest.mark.parametrize(
    "sender", ["demo-anything1234", "demo-0123456789abcdef", "web-0123456789abcdef"]
)
def test_an_anonymous_client_reads_nothing_of_a_real_conversation(engine, settings, rasa, sender):
    rasa.reply_body = {"sender_id": sender, "events": TRACKER_EVENTS}
    real_nomination(engine, settings, "web-0123456789abcdef")
    real_nomination(engine, settings, "demo-0123456789abcdef")
    with make_client(settings, rasa) as client:
        response = client.get("/demo/api/state", params={"sender": sender})
        summary = client.get("/demo/samenvatting", params={"sender": sender})
    for answer in (response, summary):
        assert answer.status_code in {403, 404, 422}, answer.text
        assert "Geheimnaam" not in answer.text and "0612345678" not in answer.text
        assert "Riet" not in answer.text
    assert rasa.requests == [], "not even Rasa is asked"


def test_an_anonymous_reset_removes_no_real_conversation(engine, settings, rasa):
    kept = [
        real_nomination(engine, settings, "web-0123456789abcdef"),
        real_nomination(engine, settings, "demo-0123456789abcdef"),
    ]
    with make_client(settings, rasa) as client:
        response = client.post("/demo/api/reset", json={})
        forget = client.post("/demo/api/forget", json={"sender": "demo-0123456789abcdef"})
    assert response.status_code == 200
    assert response.json() == {"conversations": 0, "nominations": 0}
    assert forget.status_code in {403, 404}
    with Session(engine) as session:
        assert sorted(session.execute(select(Nomination.id)).scalars()) == sorted(kept)


def test_the_demo_reads_and_resets_only_what_its_own_session_made(engine, settings, rasa):
    rasa.reply_body = []
    with make_client(settings, rasa) as trainer, make_client(settings, rasa) as other:
        started = trainer.post("/demo/api/new", json={})
        assert started.status_code == 200, started.text
        sender = started.json()["sender"]
        assert sender.startswith("demo-") and len(sender) >= 30
        assert rasa.requests[-1]["json"] == {"sender": sender, "message": "/start"}
        rasa.reply_body = {"sender_id": sender, "events": []}
        assert trainer.get("/demo/api/state", params={"sender": sender}).status_code == 200
        # another browser (no cookie, or its own session) gets nothing of it
        assert other.get("/demo/api/state", params={"sender": sender}).status_code == 404
        other.post("/demo/api/new", json={})
        assert other.get("/demo/api/state", params={"sender": sender}).status_code == 404
        sent = other.post("/demo/api/send", json={"sender": sender, "message": "hoi"})
        assert sent.status_code == 404
        # its nomination is a demo nomination in the demo team, and only its reset removes it
        handoff.hand_off(
            engine,
            settings,
            NominationInput(
                conversation_id=sender,
                mentor_name="Riet",
                mentor_relation="oma",
                consent_text_version="v1",
            ),
        )
        with Session(engine) as session:
            nomination = repo.get_nomination_by_conversation(session, sender)
            assert nomination.demo
        assert other.post("/demo/api/reset", json={}).json()["nominations"] == 0
        assert trainer.post("/demo/api/reset", json={}).json() == {
            "conversations": 1,
            "nominations": 1,
        }
        assert trainer.get("/demo/api/state", params={"sender": sender}).status_code == 404


# --- the conversation secret ------------------------------------------------------------------


def test_history_without_or_with_a_wrong_secret_gives_nothing(settings, rasa, engine):
    rasa.reply_body = {"sender_id": "x", "events": TRACKER_EVENTS}
    with make_client(settings, rasa) as client:
        unknown = client.get("/chat/history", params={"sender": "web-0123456789abcdef"})
        assert unknown.status_code in {403, 404}
        assert "Riet" not in unknown.text
        sender, secret = new_conversation(client)
        for headers in ({}, {SECRET_HEADER: ""}, {SECRET_HEADER: secret[:-1] + "x"}):
            response = client.get("/chat/history", params={"sender": sender}, headers=headers)
            assert response.status_code == 403, response.text
            assert "Riet" not in response.text
            assert "gesprek" in response.json()["error"]  # a Dutch text, for the youth
        assert rasa.requests == []
        good = client.get(
            "/chat/history", params={"sender": sender}, headers={SECRET_HEADER: secret}
        )
        assert good.status_code == 200
        assert {"from": "user", "text": "Riet"} in good.json()["messages"]


def test_send_without_or_with_a_wrong_secret_is_refused(settings, rasa, engine):
    rasa.reply_body = []
    with make_client(settings, rasa) as client:
        old = client.post("/chat/send", json={"sender": "web-0123456789abcdef", "message": "hoi"})
        assert old.status_code in {403, 404}
        sender, secret = new_conversation(client)
        _, other_secret = new_conversation(client)
        for headers in ({}, {SECRET_HEADER: other_secret}):
            body = {"sender": sender, "message": "/withdraw_consent"}
            assert client.post("/chat/send", json=body, headers=headers).status_code == 403
        assert rasa.requests == []
        body = {"sender": sender, "message": "hoi"}
        ok = client.post("/chat/send", json=body, headers={SECRET_HEADER: secret})
        assert ok.status_code == 200
        assert rasa.requests[0]["json"] == {"sender": sender, "message": "hoi"}


def test_conversation_ids_and_secrets_are_made_by_the_server_and_only_hashed(
    settings, rasa, engine
):
    with make_client(settings, rasa) as client:
        made = [new_conversation(client) for _ in range(3)]
    assert len({sender for sender, _ in made}) == 3
    assert all(len(secret) >= 40 for _, secret in made)
    with engine.connect() as connection:
        stored = json.dumps(
            [
                list(map(str, row))
                for row in connection.exec_driver_sql("SELECT * FROM conversation_keys")
            ]
        )
    for sender, secret in made:
        assert sender in stored and secret not in stored


def test_history_is_limited_per_address_and_per_conversation(settings, rasa, engine):
    rasa.reply_body = {"sender_id": "x", "events": []}
    with make_client(settings, rasa, rate_history_per_conversation=2) as client:
        sender, secret = new_conversation(client)
        headers = {SECRET_HEADER: secret}
        for _ in range(2):
            assert client.get(
                "/chat/history", params={"sender": sender}, headers=headers
            ).is_success
        limited = client.get("/chat/history", params={"sender": sender}, headers=headers)
        assert limited.status_code == 429
    with make_client(settings, rasa, rate_history_per_ip=2) as client:
        for _ in range(2):
            client.get("/chat/history", params={"sender": "web-0123456789abcdef"})
        limited = client.get("/chat/history", params={"sender": "web-0123456789abcdef"})
        assert limited.status_code == 429


def test_the_secret_is_in_no_nomination_and_the_id_is_a_pseudonym(settings, rasa, engine):
    with make_client(settings, rasa) as client:
        sender, secret = new_conversation(client)
    nomination_id = real_nomination(engine, settings, sender)
    with Session(engine) as session:
        shown = repo.nomination_to_dict(session.get(Nomination, nomination_id))
    text = json.dumps(shown)
    assert sender not in text and secret not in text
    pseudonym = shown["youth"]["conversation_id"]
    assert pseudonym and pseudonym != sender
    rasa.reply_body = {"sender_id": pseudonym, "events": TRACKER_EVENTS}
    with make_client(settings, rasa) as client:
        tried = client.get("/chat/history", params={"sender": pseudonym})
    assert tried.status_code in {403, 404, 422}


# --- payloads ---------------------------------------------------------------------------------


def test_an_escaped_invite_code_still_counts_as_an_invite_try(settings, rasa, engine):
    rasa.reply_body = []
    with make_client(settings, rasa, rate_invite_per_ip=1) as client:
        first, first_secret = new_conversation(client)
        second, second_secret = new_conversation(client)
        body = {"sender": first, "message": '/start{"invite_code":"guess1xxxx"}'}
        assert client.post(
            "/chat/send", json=body, headers={SECRET_HEADER: first_secret}
        ).is_success
        escaped = (
            '{"sender": "%s", "message": "/start{\\"\\\\u0069nvite_code\\":\\"guess2xxxx\\"}"}'
        )
        raw = escaped % second
        assert json.loads(raw)["message"] == '/start{"\\u0069nvite_code":"guess2xxxx"}'
        response = client.post(
            "/chat/send",
            content=raw,
            headers={"Content-Type": "application/json", SECRET_HEADER: second_secret},
        )
        assert response.status_code == 429
    assert len(rasa.requests) == 1


@pytest.mark.parametrize(
    "message",
    [
        '/inform_age{"age":"99"}',
        "/handoff",
        '/withdraw_consent{"x":"y"}',
        "/affirm@1.0",
        '/start{"invite_code": {"$ne": null}}',
        '/start{"invite_code":"x","relation":"oma"}',
    ],
)
def test_a_payload_that_is_no_button_of_the_domain_is_not_forwarded(
    settings, rasa, engine, message
):
    rasa.reply_body = []
    with make_client(settings, rasa) as client:
        sender, secret = new_conversation(client)
        response = client.post(
            "/chat/send",
            json={"sender": sender, "message": message},
            headers={SECRET_HEADER: secret},
        )
    assert response.status_code in {200, 422}
    for request in rasa.requests:
        assert not request["json"]["message"].lstrip().startswith("/")


@pytest.mark.parametrize(
    "message",
    [
        "/start",
        '/start{"invite_code":"abc123xyz"}',
        '/inform_age{"age":"15"}',
        '/inform_mentor{"relation":"oma"}',
        "/affirm",
        "/change_choice",
        '/change_choice{"change_field":"contact"}',
        "/withdraw_consent",
    ],
)
def test_button_payloads_of_the_domain_are_forwarded_as_they_are(settings, rasa, engine, message):
    rasa.reply_body = []
    with make_client(settings, rasa) as client:
        sender, secret = new_conversation(client)
        response = client.post(
            "/chat/send",
            json={"sender": sender, "message": message},
            headers={SECRET_HEADER: secret},
        )
    assert response.status_code == 200
    assert rasa.requests[-1]["json"]["message"] == message


def test_setup_moves_real_nominations_of_earlier_versions_out_of_the_demo_team(engine, settings):
    from bot.run import setup_steps
    from tests.coach_helpers import make_nomination

    real = make_nomination(engine, repo.DEMO_TEAM_SLUG, conversation_id="web-0123456789abcdef")
    old_demo = make_nomination(engine, repo.DEMO_TEAM_SLUG, conversation_id="demo-0123456789ab")
    setup_steps.ensure_base_data(settings)
    with Session(engine) as session:
        moved = session.get(Nomination, real)
        assert session.get(repo.Team, moved.team_id).slug == settings.default_team
        assert moved.demo is False
        assert session.get(repo.Team, session.get(Nomination, old_demo).team_id).is_demo


def test_a_webhook_receiver_gets_the_pseudonym_and_no_secret(engine, settings, rasa):
    from bot.coach import notify
    from tests.test_notify import Receiver, configure_team, invite_for

    receiver = Receiver()
    try:
        configure_team(engine, "team-noord", webhook=receiver.url)
        code = invite_for(engine, "team-noord")
        with make_client(settings, rasa) as client:
            sender, secret = new_conversation(client)
        data = NominationInput(
            conversation_id=sender,
            mentor_name="Riet",
            mentor_relation="oma",
            consent_text_version="v1",
            invite_code=code,
        )
        handoff.hand_off(engine, settings, data)
        assert notify.dispatch_pending(engine, settings) == (1, 0)
        [(_headers, body)] = receiver.deliveries
    finally:
        receiver.close()
    text = body.decode("utf-8")
    assert sender not in text and secret not in text
    pseudonym = json.loads(text)["youth"]["conversation_id"]
    assert pseudonym == repo.conversation_ref(settings.secret_key, sender)


def test_keys_and_demo_sessions_go_with_deletion_and_purge(engine):
    from datetime import timedelta

    from bot.storage import ConversationKey, DemoConversation, DemoSession, privacy
    from bot.storage.models import utcnow

    with Session(engine) as session, session.begin():
        kept, _ = repo.new_conversation(session)
        deleted, _ = repo.new_conversation(session)
        idle, _ = repo.new_conversation(session)
        demo_session, _cookie = repo.new_demo_session(session)
        demo = repo.new_demo_conversation(session, demo_session)
        demo_session_id = demo_session.id
        for key in (session.get(ConversationKey, idle), session.get(DemoConversation, demo)):
            key.created_at = utcnow() - timedelta(days=400)
        demo_session.created_at = utcnow() - timedelta(days=400)
    privacy.delete_conversation(engine, deleted)
    privacy.purge(engine, days=180)
    with Session(engine) as session:
        assert session.get(ConversationKey, kept) is not None
        assert session.get(ConversationKey, deleted) is None
        assert session.get(ConversationKey, idle) is None
        assert session.get(DemoConversation, demo) is None
        assert session.get(DemoSession, demo_session_id) is None


def test_new_conversations_are_limited_per_address(settings, rasa, engine):
    with make_client(settings, rasa, rate_chat_per_ip=2) as client:
        new_conversation(client)
        new_conversation(client)
        assert client.post("/chat/new", json={}).status_code == 429
        form = client.post("/chat/new", data={"x": "1"})
        assert form.status_code == 429
    with make_client(settings, rasa) as client:
        assert client.post("/chat/new", data={"x": "1"}).status_code == 415
