"""Issue 19 against the real Rasa and action servers, with LEARN_FROM_CHATS on: a youth
types as youths type, and what the queue holds afterwards is masked, linked to no chat id,
and tells the question it was asked at. The welcome says that unclear messages may be read."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.dialogue import texts
from bot.storage import make_engine
from bot.storage.models import ReviewItem
from testkit.chat import Chat
from testkit.live import live_stack

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def learning_live(tmp_path_factory, model_file):
    env = {"LEARN_FROM_CHATS": "true"}
    with live_stack(tmp_path_factory.mktemp("learn"), model_file, environ=env) as stack:
        yield stack


def test_unclear_messages_are_kept_masked(learning_live):
    chat = Chat(learning_live.settings.rasa_url)
    chat.send("/start")
    assert texts.LEARNING_NOTE in [m.get("text") for m in chat.last], chat.dump()
    chat.send("ik heet xandrietje")
    chat.send("15")
    chat.send("die ene van de kerkstraat 12, bel 06-12345678")  # no relation the form can use
    # an unclear question with a name (since CHECK_AT 0.05, "weet Djenna dat dan ook al" gets
    # the gentle check: crisis 0.2 in its ranking)
    chat.send("mag Djenna mee kijken")
    chat.send("jfkdls wqpo")
    engine = make_engine(learning_live.settings.database_url)
    try:
        with Session(engine) as session:
            rows = list(session.execute(select(ReviewItem).order_by(ReviewItem.id)).scalars())
    finally:
        engine.dispose()
    stored = " | ".join(f"{r.reason}@{r.question}: {r.text}" for r in rows)
    assert rows, chat.dump()
    assert "12345678" not in stored and "kerkstraat" not in stored.lower(), stored
    assert "xandrietje" not in stored.lower() and "djenna" not in stored.lower(), stored
    assert "[TELEFOON]" in stored and "[HUISNUMMER]" in stored and "[NAAM]" in stored, stored
    assert {r.question for r in rows} <= {"relation", "youth_name", "youth_age"}, stored
    assert all(chat.sender not in r.conversation + r.message_key for r in rows)
