"""Issue 19 against the real Rasa server and action server: the counts the action server
keeps for whole conversations (a youth who sends, a youth who stops at the relation)."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.insight import report
from bot.storage import make_engine, repo
from bot.storage.models import InsightCount, InsightMark
from testkit.chat import Chat
from tests.test_conversation_e2e import buttons_happy_path

pytestmark = pytest.mark.integration


def test_the_action_server_counts_each_step_once(live):
    sent = Chat(live.settings.rasa_url)
    buttons_happy_path(sent)
    sent.tap("Ja, dat mag")
    stopped = Chat(live.settings.rasa_url)
    for message in ["/start", "sam", "sam", "14"]:  # the name typed twice: still once
        stopped.send(message)
    engine = make_engine(live.settings.database_url)
    ref_sent = repo.conversation_ref(live.settings.secret_key, sent.sender)
    ref_stopped = repo.conversation_ref(live.settings.secret_key, stopped.sender)

    def read() -> tuple[set, dict]:
        with Session(engine) as session:
            team = repo.get_team(session, live.settings.default_team)
            steps = {
                (c, s)
                for c, s in session.execute(
                    select(InsightMark.conversation, InsightMark.step).where(
                        InsightMark.conversation.in_({ref_sent, ref_stopped})
                    )
                )
            }
            counts = dict(
                session.execute(
                    select(InsightCount.metric, func.sum(InsightCount.count))
                    .where(InsightCount.team_id == team.id)
                    .group_by(InsightCount.metric)
                ).all()
            )
        return steps, counts

    # the action server writes the counts on a background thread, after the reply: they
    # arrive within moments (and never block a reply)
    try:
        deadline = time.monotonic() + 15
        steps, counts = read()
        while len(steps) < 14 and time.monotonic() < deadline:
            time.sleep(0.2)
            steps, counts = read()
    finally:
        engine.dispose()
    assert {s for c, s in steps if c == ref_sent} >= {
        "started", "youth_name", "youth_age", "relation", "mentor_name", "mentor_reason",
        "knows_already", "asked_by", "contact", "consent_yes",
    }, sent.dump()  # fmt: skip
    assert {s for c, s in steps if c == ref_stopped} == {
        "started", "youth_name", "youth_age", "relation"
    }, stopped.dump()  # fmt: skip
    # other tests' conversations share the live stack: at least ours, each step once
    assert counts["consent_yes"] >= 1 and counts["left:relation"] >= 1
    assert counts["started"] >= 2
    assert report.MASKED == "<5"
