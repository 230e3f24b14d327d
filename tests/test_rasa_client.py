"""The one Rasa client (bot/rasa_client.py): what it asks Rasa and how a failure looks.

The web app answers 503 when Rasa did not answer and 502 when its answer was no use; both
rest on RasaError telling the two apart.
"""

from __future__ import annotations

import pytest

from bot.rasa_client import AsyncRasa, Rasa, RasaError
from testkit.env import free_port
from testkit.fake_rasa import FakeRasa


@pytest.fixture
def rasa():
    with FakeRasa() as fake:
        yield fake


def url(fake: FakeRasa) -> str:
    return f"http://127.0.0.1:{fake.port}"


def test_a_message_goes_over_the_rest_channel_without_the_token(rasa):
    rasa.reply_body = [{"text": "Hoi!"}]
    assert Rasa(url(rasa), "tok").send("web-12345678", "hoi") == [{"text": "Hoi!"}]
    (request,) = rasa.requests
    assert request["path"] == "/webhooks/rest/webhook"
    assert request["json"] == {"sender": "web-12345678", "message": "hoi"}
    assert request["query"] == {}


def test_tracker_parse_and_status_carry_the_token(rasa):
    rasa.reply_body = {"model_file": "m.tar.gz"}
    client = Rasa(url(rasa), "tok")
    client.tracker("web-12345678")
    client.parse("ik wil stoppen")
    assert client.model_loaded()
    paths = [(r["path"], r["query"]) for r in rasa.requests]
    assert paths == [
        ("/conversations/web-12345678/tracker", {"token": ["tok"]}),
        ("/model/parse", {"token": ["tok"]}),
        ("/status", {"token": ["tok"]}),
    ]
    assert rasa.requests[1]["json"] == {"text": "ik wil stoppen"}


def test_an_error_status_is_a_rasa_error_with_that_status(rasa):
    rasa.reply_status = 500
    with pytest.raises(RasaError) as caught:
        Rasa(url(rasa)).send("web-12345678", "hoi")
    assert caught.value.status == 500 and not caught.value.unreachable
    assert not Rasa(url(rasa)).healthy()


def test_no_answer_is_a_rasa_error_without_status():
    with pytest.raises(RasaError) as caught:
        Rasa(f"http://127.0.0.1:{free_port()}", timeout=5).send("web-12345678", "hoi")
    assert caught.value.unreachable


async def test_the_web_app_client_asks_the_same(rasa):
    rasa.reply_body = {"events": []}
    client = AsyncRasa(url(rasa), "tok")
    assert await client.tracker("web-12345678") == {"events": []}
    rasa.reply_status = 502
    with pytest.raises(RasaError) as caught:
        await client.send("web-12345678", "hoi")
    assert caught.value.status == 502
    assert rasa.requests[0]["query"] == {"token": ["tok"]}
