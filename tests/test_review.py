"""issue 19 (part B): the review queue. Masking before storing (names from
data/nlu/names.yml and names not in it, phone numbers, e-mail addresses, postcodes, house
numbers), off by default, retention, deletion on request, beheerder-only portal page, and
the export checked by Rasa's own loader and validator next to the project's data."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.confirm import ActionConfirmAsk
from actions.jim_form import ValidateJimForm
from actions.start import ActionResume
from bot.nlu.name_roles import first_names
from bot.review import export, masking, queue
from bot.settings import PROJECT_DIR, get_settings
from bot.storage import privacy, repo
from bot.storage.models import ReviewItem, utcnow
from bot.web.app import create_app
from tests.coach_helpers import csrf_in, make_account, portal_login

both = pytest.mark.both_databases


def seen(text: str, **extra) -> queue.Seen:
    values = dict(
        conversation_id="conv-" + text[:8], message_id=None, text=text,
        intent="nlu_fallback", confidence=0.3,
    )  # fmt: skip
    values.update(extra)
    return queue.Seen(**values)


def stored_text(session: Session, item: queue.Seen, secret: str) -> str:
    assert queue.keep(session, secret, item)
    session.commit()
    return session.execute(
        select(ReviewItem.text).order_by(ReviewItem.id.desc()).limit(1)
    ).scalar_one()


# (message, names the conversation knows, at a name question, what must be gone, token)
MASKING = [
    # names of data/nlu/names.yml, in any case
    ("mijn oma riet is lief", (), False, ["riet"], masking.NAME),
    ("Ahmed van hiernaast helpt me", (), False, ["ahmed"], masking.NAME),
    ("ik wil fatma en KOFI allebei", (), False, ["fatma", "kofi"], masking.NAME),
    # names not in it: after "ik heet", "zij heet", a relation, capitalised, at the question
    ("ik heet xandrietje", (), False, ["xandrietje"], masking.NAME),
    ("zij heet djenna trouwens", (), False, ["djenna"], masking.NAME),
    ("hij heet tieme", (), False, ["tieme"], masking.NAME),
    ("mijn oom bobbie doet dat", (), False, ["bobbie"], masking.NAME),
    ("ik denk dat Marit het goed doet", (), False, ["marit"], masking.NAME),
    ("bobbie", (), True, ["bobbie"], masking.NAME),
    # names the conversation knows (slots and entities), also where no rule would see them
    ("vraag het aan qwenthy", ("Qwenthy",), False, ["qwenthy"], masking.NAME),
    ("ja zoals ik zei ylse de vries", ("Ylse de Vries",), False, ["ylse", "vries"], masking.NAME),
    # phone numbers
    ("bel 06-12345678", (), False, ["12345678"], masking.PHONE),
    ("haar nummer is 06 12 34 56 78", (), False, ["12 34 56 78", "06 12"], masking.PHONE),
    ("+31 6 1234 5678 is van hem", (), False, ["1234 5678", "+31"], masking.PHONE),
    ("0031612345678", (), False, ["612345678"], masking.PHONE),
    ("thuis 020-1234567", (), False, ["1234567"], masking.PHONE),
    ("(010) 123 45 67", (), False, ["123 45 67"], masking.PHONE),
    # e-mail addresses
    ("mail riet.devries@gmail.com", (), False, ["devries", "gmail"], masking.EMAIL),
    ("sam_2009@hotmail.nl is van mij", (), False, ["sam_2009", "hotmail"], masking.EMAIL),
    # postcodes
    ("ik woon in 1234 AB", (), False, ["1234 AB"], masking.POSTCODE),
    ("postcode 3511ab", (), False, ["3511"], masking.POSTCODE),
    # house numbers
    ("ze woont op de kerkstraat 12", (), False, ["kerkstraat", "12"], masking.HOUSE_NUMBER),
    ("Dorpsweg 5b", (), False, ["dorpsweg", "5b"], masking.HOUSE_NUMBER),
    ("op nr 5 bij de kerk", (), False, ["nr 5"], masking.HOUSE_NUMBER),
    ("huisnummer 134", (), False, ["134"], masking.HOUSE_NUMBER),
]


@both
@pytest.mark.parametrize("text,known,name_question,gone,token", MASKING)
def test_what_is_stored_holds_no_name_number_or_address(
    session, settings, text, known, name_question, gone, token
):
    item = seen(text, known_names=known, question="mentor_name" if name_question else "relation")
    stored = stored_text(session, item, settings.secret_key)
    for part in gone:
        assert part.lower() not in stored.lower(), (text, stored)
    assert token in stored, (text, stored)


def test_the_table_uses_names_from_the_lookup_and_names_not_in_it():
    """The masking table covers both kinds: a table of lookup names only would not show
    that a name the list lacks is masked too."""
    names = first_names()
    assert {"riet", "ahmed", "fatma", "kofi"} <= names
    assert not {"xandrietje", "djenna", "tieme", "bobbie", "marit", "qwenthy"} & names


@pytest.mark.parametrize(
    "text",
    [
        "ik snap het niet",
        "mijn buurvrouw",
        "ik ben 15",
        "in 2010 en toen",
        "de moeder van mn vader",
    ],
)
def test_ordinary_words_stay(text):
    assert masking.mask(text) == text


@both
def test_no_conversation_id_in_clear_and_one_row_per_message(session, settings):
    item = seen("ik weet niet wat je bedoelt met dat", conversation_id="chat-geheim-123",
                message_id="m1")  # fmt: skip
    assert queue.keep(session, settings.secret_key, item)
    assert not queue.keep(session, settings.secret_key, item)  # the second action
    session.commit()
    row = session.execute(select(ReviewItem)).scalar_one()
    assert "chat-geheim-123" not in (row.conversation + row.message_key)
    assert row.conversation == repo.conversation_ref(settings.secret_key, "chat-geheim-123")
    assert (row.reason, row.intent, row.confidence) == ("fallback", "nlu_fallback", 30)


@pytest.mark.parametrize(
    "item,reason",
    [
        (dict(intent="nlu_fallback", confidence=0.3), "fallback"),
        (dict(intent="not_understood", confidence=0.9), "not_understood"),
        (dict(intent="inform_mentor", confidence=0.5), "low_confidence"),
        (dict(intent="inform_age", confidence=0.99, refused=True), "refused"),
        (dict(intent="inform_age", confidence=0.99), None),
        (dict(intent="crisis_check", confidence=0.3), None),  # danger: never kept
        (dict(intent="nlu_fallback", confidence=0.3, text="/affirm"), None),  # a button
    ],
)
def test_which_messages_are_kept(item, reason):
    values = {"text": "ehm ja dat dus", **item}
    assert queue.reason_for(seen(**values)) == reason


# --- the actions: off by default, on stores masked ----------------------------------------


@pytest.fixture
def learning(action_settings, monkeypatch):
    monkeypatch.setenv("LEARN_FROM_CHATS", "true")
    get_settings.cache_clear()
    yield action_settings
    get_settings.cache_clear()


def form_tracker(
    text: str, intent: str, confidence: float, question: str, entities=(), **slots
) -> Tracker:
    return Tracker(
        sender_id="youth-review",
        slots={"requested_slot": question, **slots},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "entities": list(entities),
            "message_id": "msg-" + text[:10],
        },
        events=[ActionExecuted("action_listen"), {"event": "user", "text": text}]
        + [SlotSet(name, value) for name, value in slots.items() if name != "mentor_name"],
        paused=False,
        followup_action=None,
        active_loop={"name": "jim_form"},
        latest_action_name="action_listen",
    )


def items(engine) -> list[ReviewItem]:
    with Session(engine) as session:
        return list(session.execute(select(ReviewItem)).scalars())


async def test_off_by_default_nothing_is_stored(action_settings, engine, domain):
    assert get_settings().learn_from_chats is False
    tracker = form_tracker("zeventien denk ik ofzo", "inform_name", 0.3, "youth_age")
    await ValidateJimForm().run(CollectingDispatcher(), tracker, domain)
    ActionResume().run(CollectingDispatcher(), tracker, domain)
    assert items(engine) == []


async def test_a_refused_answer_is_stored_masked_with_its_question(learning, engine, domain):
    tracker = form_tracker(
        "mijn oom Karim bel 0612345678", "inform_contact", 0.95, "contact", mentor_name="Riet"
    )
    events = await ValidateJimForm().run(CollectingDispatcher(), tracker, domain)
    assert any(e.get("name") == "unsure" and e.get("value") == 1.0 for e in events)
    [row] = items(engine)
    assert (row.reason, row.question, row.intent) == ("refused", "contact", "inform_contact")
    assert row.text == "mijn oom [NAAM] bel [TELEFOON]"


async def test_a_used_answer_is_not_stored(learning, engine, domain):
    age = {"entity": "age", "value": "15", "start": 0, "end": 2}
    tracker = form_tracker("15", "inform_age", 0.99, "youth_age", [age], youth_age="15")
    await ValidateJimForm().run(CollectingDispatcher(), tracker, domain)
    assert items(engine) == []


def test_a_fallback_outside_the_form_is_stored_with_the_names_it_knows(learning, engine, domain):
    tracker = form_tracker("kan riet dat wel dan", "nlu_fallback", 0.31, None)
    tracker.active_loop = {}
    tracker.slots.update({"requested_slot": None, "mentor_name": "Riet", "stage": "done"})
    ActionConfirmAsk().run(CollectingDispatcher(), tracker, domain)
    [row] = items(engine)
    assert (row.reason, row.text, row.question) == ("fallback", "kan [NAAM] dat wel dan", "done")


# --- retention and deletion on request ----------------------------------------------------


@both
def test_retention_cleanup_removes_only_old_items(engine, settings):
    with Session(engine) as session, session.begin():
        queue.keep(session, settings.secret_key, seen("oud bericht hier"),
                   now=utcnow() - timedelta(days=31))  # fmt: skip
        queue.keep(session, settings.secret_key, seen("nieuw bericht hier"),
                   now=utcnow() - timedelta(days=29))  # fmt: skip
    privacy.purge(engine, settings.retention_days, review_keep_days=30)
    assert [row.text for row in items(engine)] == ["nieuw bericht hier"]


@both
def test_deletion_on_request_removes_the_youths_items(engine, settings):
    with Session(engine) as session, session.begin():
        queue.keep(session, settings.secret_key, seen("van de ene", conversation_id="conv-a"))
        queue.keep(session, settings.secret_key, seen("van de andere", conversation_id="conv-b"))
    privacy.delete_conversation(engine, "conv-a", settings.secret_key)
    assert [row.text for row in items(engine)] == ["van de andere"]


# --- the portal page: beheerder only --------------------------------------------------------


@pytest.fixture
def client(settings, engine):
    app = create_app(dataclasses.replace(settings, learn_from_chats=True))
    with TestClient(app) as client:
        yield client


def fill_queue(engine, secret: str, *texts: str) -> list[int]:
    with Session(engine) as session, session.begin():
        for text in texts:
            queue.keep(session, secret, seen(text, conversation_id="c-" + text))
    return [row.id for row in items(engine)]


@pytest.mark.parametrize("role", ["coach", "teamleider"])
def test_coach_and_teamleider_get_403(client, engine, settings, role):
    [item] = fill_queue(engine, settings.secret_key, "een geheim bericht zonder naam")
    account = make_account(engine, "team-noord", "Nina", role=role)
    assert portal_login(client, engine, account).status_code == 303
    page = client.get("/coach/leren")
    assert page.status_code == 403
    assert "een geheim bericht" not in page.text
    assert client.get("/coach/leren/export.yml").status_code == 403
    csrf = csrf_in(client.get("/coach").text)
    refused = client.post(f"/coach/leren/{item}/weg", data={"csrf": csrf})
    assert refused.status_code == 403
    assert len(items(engine)) == 1
    assert "/coach/leren" not in client.get("/coach").text


def test_without_signing_in_the_page_sends_to_the_login(client):
    response = client.get("/coach/leren", follow_redirects=False)
    assert response.status_code in (302, 303)


def test_beheerder_labels_throws_away_and_exports(client, engine, settings):
    first, second = fill_queue(engine, settings.secret_key, "mijn oom karim is echt top", "asdf")
    bea = make_account(engine, "beheer", "Bea", role="beheerder")
    assert portal_login(client, engine, bea).status_code == 303
    page = client.get("/coach/leren")
    assert page.status_code == 200
    assert "mijn oom [NAAM] is echt top" in page.text
    csrf = csrf_in(page.text)
    wrong = client.post(
        f"/coach/leren/{first}/label",
        data={"csrf": csrf, "intent": "inform_mentor", "entity_0": "relation", "value_0": "tante"},
    )
    assert wrong.status_code == 400  # the substring must stand in the message
    done = client.post(
        f"/coach/leren/{first}/label",
        data={"csrf": csrf, "intent": "inform_mentor", "entity_0": "relation", "value_0": "oom",
              "entity_1": "mentor_name", "value_1": "[NAAM]"},
    )  # fmt: skip
    assert done.status_code == 200
    assert client.post(f"/coach/leren/{second}/weg", data={"csrf": csrf}).status_code == 200
    assert [(r.id, r.label_intent) for r in items(engine)] == [(first, "inform_mentor")]
    exported = client.get("/coach/leren/export.yml")
    assert exported.status_code == 200
    assert "[oom](relation)" in exported.text and "(mentor_name)" in exported.text
    assert "[NAAM]" not in exported.text


# --- the export is accepted by Rasa next to the project's data -------------------------------


def labelled(id_: int, text: str, intent: str, entities=()) -> ReviewItem:
    return ReviewItem(
        id=id_, text=text, label_intent=intent,
        label_entities=[{"entity": e, "value": v} for e, v in entities],
    )  # fmt: skip


def test_the_export_passes_rasa_data_validate_next_to_the_data(tmp_path):
    from rasa.shared.core.domain import Domain
    from rasa.shared.importers.importer import TrainingDataImporter
    from rasa.validator import Validator

    body = export.to_yaml(
        [
            labelled(
                1,
                "mijn oom [NAAM] wil het wel",
                "inform_mentor",
                [("relation", "oom"), ("mentor_name", "[NAAM]")],
            ),
            labelled(2, "bel haar op [TELEFOON]", "inform_contact", [("contact", "[TELEFOON]")]),
            labelled(3, "hoe lang duurt dat nog eigenlijk dan", "ask_status"),
            labelled(4, "ja", "affirm"),  # already in data/nlu: left out
        ],  # fmt: skip
        PROJECT_DIR / "data",
    )
    assert 'version: "3.1"' in body and "- intent: inform_mentor" in body
    assert "      - ja\n" not in body
    data = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", data)
    (data / "nlu" / "geleerd.yml").write_text(body, encoding="utf-8")
    importer = TrainingDataImporter.load_from_config(
        str(PROJECT_DIR / "config.yml"), str(PROJECT_DIR / "domain.yml"), [str(data)]
    )
    nlu = importer.get_nlu_data()
    examples = {m.get("text"): m for m in nlu.intent_examples}
    learned = examples["mijn oom Ahmed wil het wel"]
    assert learned.get("intent") == "inform_mentor"
    assert {e["entity"] for e in learned.get("entities")} == {"relation", "mentor_name"}
    validator = Validator.from_importer(importer)
    assert isinstance(importer.get_domain(), Domain)
    assert validator.verify_nlu(ignore_warnings=False)


# --- the youth's privacy text ----------------------------------------------------------------


def start_tracker() -> Tracker:
    return Tracker(
        sender_id="youth-start", slots={}, latest_message={"text": "/start", "intent": {
            "name": "start", "confidence": 1.0}, "entities": []},
        events=[ActionExecuted("action_listen")], paused=False, followup_action=None,
        active_loop={}, latest_action_name="action_listen",
    )  # fmt: skip


def said(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("text") or m.get("response") for m in dispatcher.messages]


def test_the_welcome_tells_what_may_be_read_only_when_learning_is_on(learning, domain):
    from actions.start import ActionStart
    from bot.dialogue import texts

    dispatcher = CollectingDispatcher()
    ActionStart().run(dispatcher, start_tracker(), domain)
    assert said(dispatcher) == ["utter_welcome", texts.LEARNING_NOTE]
    assert "zonder je naam" in texts.LEARNING_NOTE


def test_the_welcome_says_nothing_of_it_when_learning_is_off(action_settings, domain):
    from actions.start import ActionStart

    dispatcher = CollectingDispatcher()
    ActionStart().run(dispatcher, start_tracker(), domain)
    assert said(dispatcher) == ["utter_welcome"]


def test_the_replay_bench_scores_per_intent_and_overall():
    from bench.review_replay import report, score

    result = score(
        [("affirm", "affirm"), ("affirm", "nlu_fallback"), ("ask_status", "deny"),
         ("ask_status", "ask_status")]
    )  # fmt: skip
    assert result["per_intent"] == {"affirm": (1, 2), "ask_status": (1, 2)}
    assert (result["right"], result["again"], result["wrong"]) == (2, 1, 1)
    assert result["accuracy"] == 0.5
    assert "50.0%" in report(result, "model")


def test_the_replay_bench_reads_the_queues_labelled_items(action_settings, engine, tmp_path):
    from rasa.shared.nlu.training_data.loading import load_data

    from bench.review_replay import queue_file

    with Session(engine) as session, session.begin():
        queue.keep(session, action_settings.secret_key, seen("ik heet xandrietje hoor"))
        queue.keep(session, action_settings.secret_key, seen("nog niet gelabeld dit"))
        first = session.execute(select(ReviewItem).order_by(ReviewItem.id)).scalars().first()
        first.label_intent = "inform_name"
        first.label_entities = [{"entity": "youth_name", "value": "[NAAM]"}]
    [example] = load_data(str(queue_file(tmp_path))).intent_examples
    assert example.get("intent") == "inform_name"
    assert [e["entity"] for e in example.get("entities")] == ["youth_name"]
