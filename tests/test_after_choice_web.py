"""issue 18 over real HTTP routing: the /jim page, the letter, reviews, choosing again from
the portal, the share text in the chat, and the limit on codes per address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.coach import jim_text
from bot.storage import Invite, Nomination, StatusChange
from bot.storage.models import NominationNote, utcnow
from bot.web.app import create_app
from bot.web.chat import bot_messages, conversation
from tests.coach_helpers import make_coach, make_nomination
from tests.test_coach_portal import csrf_of, login


@pytest.fixture
def app(settings, engine):
    return create_app(settings)


def set_status(engine, nomination_id: str, status: str, days_ago: int = 0) -> None:
    with Session(engine) as session, session.begin():
        session.execute(
            update(Nomination).where(Nomination.id == nomination_id).values(status=status)
        )
        session.add(
            StatusChange(nomination_id=nomination_id, actor="x", from_status="in_contact",
                         to_status=status, at=utcnow() - timedelta(days=days_ago))
        )  # fmt: skip


def test_the_jim_page_is_public_plain_and_printable(app):
    with TestClient(app) as client:
        page = client.get("/jim")
        css = client.get("/static/jim.css").text
    assert page.status_code == 200 and "set-cookie" not in page.headers
    assert jim_text.TITLE in page.text and "Je bent geen dokter en geen coach." in page.text
    assert "Ja zeggen mag, nee zeggen mag ook." in page.text
    assert '<html lang="nl">' in page.text and "/static/jim.css" in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "@media print" in css and "size: A4" in css


def test_the_letter_fills_in_the_youth_the_coach_and_is_in_the_history(app, engine):
    _, token, _ = make_coach(engine, "team-a", "Sanne")
    nid = make_nomination(engine, "team-a", youth_name="Sam de Vries", mentor_name="Riet")
    other = make_nomination(engine, "team-b", mentor_name="Geheimpje")
    with TestClient(app) as client:
        assert (
            client.get(f"/coach/nominations/{nid}/letter", follow_redirects=False).status_code
            == 303
        )
        login(client, token)
        detail = client.get(f"/coach/nominations/{nid}")
        assert "Brief maken" in detail.text
        letter = client.get(f"/coach/nominations/{nid}/letter", params={"contact": "06 1234 5678"})
        assert letter.status_code == 200
        assert "Hoi Riet! Sam koos jou als JIM." in letter.text
        assert "de Vries" not in letter.text  # the first name only
        assert "De coach heet Sanne. Je bereikt Sanne zo: 06 1234 5678." in letter.text
        assert client.get(f"/coach/nominations/{other}/letter").status_code == 404
        history = client.get(f"/coach/nominations/{nid}").text
        assert "Brief voor de JIM gemaakt" in history
    with Session(engine) as session:
        notes = session.execute(select(NominationNote)).scalars().all()
        assert [(n.nomination_id, n.kind) for n in notes] == [(nid, "letter")]


def test_reviews_due_overdue_on_top_and_recorded_with_a_note(app, engine):
    _, token, _ = make_coach(engine, "team-a", "Sanne")
    late = make_nomination(engine, "team-a", mentor_name="Riet")
    fresh = make_nomination(engine, "team-a", mentor_name="Kees")
    set_status(engine, late, "jim_gestart", days_ago=70)
    set_status(engine, fresh, "jim_gestart", days_ago=1)
    with Session(engine) as session:
        late_ref = session.get(Nomination, late).reference
        fresh_ref = session.get(Nomination, fresh).reference
    with TestClient(app) as client:
        login(client, token)
        listing = client.get("/coach").text
        top = listing.split("Evaluatiegesprek te laat", 1)[1].split("</section>", 1)[0]
        assert late_ref in top and fresh_ref not in top
        detail = client.get(f"/coach/nominations/{late}")
        assert "Te laat:" in detail.text
        refused = client.post(f"/coach/nominations/{late}/review", data={"note": "x", "csrf": "no"})
        assert refused.status_code == 403
        done = client.post(
            f"/coach/nominations/{late}/review",
            data={"note": "Samen gepraat, gaat goed", "csrf": csrf_of(detail.text)},
            follow_redirects=False,
        )
        assert done.status_code == 303
        detail = client.get(f"/coach/nominations/{late}").text
        assert "Evaluatiegesprek: Samen gepraat, gaat goed" in detail and "Te laat:" not in detail
        assert "Evaluatiegesprek te laat" not in client.get("/coach").text
        not_started = make_nomination(engine, "team-a")
        page = client.get(f"/coach/nominations/{not_started}")
        early = client.post(
            f"/coach/nominations/{not_started}/review",
            data={"note": "x", "csrf": csrf_of(page.text)},
        )
        assert early.status_code == 409


def test_choose_again_invite_only_for_niet_gelukt(app, engine):
    _, token, _ = make_coach(engine, "team-a", "Sanne")
    nid = make_nomination(engine, "team-a")
    with TestClient(app) as client:
        login(client, token)
        page = client.get(f"/coach/nominations/{nid}")
        assert "Uitnodiging om opnieuw te kiezen" not in page.text
        early = client.post(
            f"/coach/nominations/{nid}/choose-again", data={"csrf": csrf_of(page.text)}
        )
        assert early.status_code == 409
        set_status(engine, nid, "niet_gelukt")
        page = client.get(f"/coach/nominations/{nid}")
        assert "Uitnodiging om opnieuw te kiezen" in page.text
        made = client.post(
            f"/coach/nominations/{nid}/choose-again", data={"csrf": csrf_of(page.text)}
        )
        assert made.status_code == 200 and "/?invite=" in made.text
    with Session(engine) as session:
        invite = session.execute(select(Invite)).scalar_one()
        assert invite.previous_nomination_id == nid


def test_the_share_text_reaches_the_page_live_and_from_history():
    text = "Hoi Riet, wil jij mijn JIM zijn?"
    live = bot_messages([{"text": "Goed idee!"}, {"text": text}, {"custom": {"share": text}}])
    assert live[1] == {"from": "bot", "text": text, "buttons": [], "share": text}
    assert "share" not in live[0]
    stored = conversation([{"event": "bot", "text": text, "data": {"custom": {"share": text}}}])
    assert stored[0]["share"] == text
    assert bot_messages([{"custom": {"other": 1}}]) == []  # other custom replies: nothing


def test_codes_per_address_are_limited(settings, engine):
    import dataclasses

    from bot.web import chat
    from testkit.fake_rasa import FakeRasa

    with FakeRasa() as rasa:
        rasa.reply_body = [{"text": "ok"}]
        app = create_app(
            dataclasses.replace(settings, rate_status_code_per_ip=2, rasa_port=rasa.port)
        )
        _play_codes(app, chat)
    forwarded = [r["json"]["message"] for r in rasa.requests if r["method"] == "POST"]
    assert forwarded == ["JIM-7K3Q riet", "jim-8k3q piet", "hoi"]


def _play_codes(app, chat) -> None:
    with TestClient(app) as client:
        made = client.post("/chat/new", json={}).json()
        headers = {chat.SECRET_HEADER: made["secret"]}
        send = lambda m: client.post(  # noqa: E731
            "/chat/send", json={"sender": made["sender"], "message": m}, headers=headers
        )
        assert send("JIM-7K3Q riet").status_code == 200
        assert send("jim-8k3q piet").status_code == 200
        assert send("hoi").status_code == 200  # no code: not counted
        refused = send("JIM-9K3Q ans")
        assert refused.status_code == 429 and "Retry-After" in refused.headers
