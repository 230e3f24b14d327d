"""rasa_addons.tracker_store: the same conversations as Rasa's SQL store, read once per session.

Every test compares with Rasa's own SQLTrackerStore on the same database (SQLite and a real
PostgreSQL): what a Rasa server reads back must not change, only the work per message.
"""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import read_endpoint_config

from bot.settings import PROJECT_DIR
from rasa_addons import server
from rasa_addons.tracker_store import CachingSQLTrackerStore

pytestmark = pytest.mark.both_databases


@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(PROJECT_DIR / "domain.yml"))


@pytest.fixture
def db_url(settings) -> str:
    return settings.database_url


@pytest.fixture
def store(db_url, rasa_domain):
    store = CachingSQLTrackerStore(domain=rasa_domain, host=db_url)
    yield store
    store.engine.dispose()


@pytest.fixture
def rasa_store(db_url, rasa_domain):
    """Rasa's own store on the same database: the reference."""
    store = SQLTrackerStore(domain=rasa_domain, host=db_url)
    yield store
    store.engine.dispose()


def turn(text: str, intent: str = "greet") -> list[Event]:
    return [
        UserUttered(text, {"name": intent, "confidence": 1.0}),
        ActionExecuted("utter_greet"),
        ActionExecuted("action_listen"),
    ]


def as_dicts(tracker: DialogueStateTracker | None) -> list[dict] | None:
    return None if tracker is None else [e.as_dict() for e in tracker.events]


async def say(store, sender: str, *events: Event) -> DialogueStateTracker:
    """What a Rasa server does per message: read, add events, save."""
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    for event in events:
        tracker.update(event)
    await store.save(tracker)
    return tracker


class CountQueries:
    def __init__(self, engine) -> None:
        self.statements: list[str] = []
        sa.event.listen(engine, "before_cursor_execute", self._count)
        self.engine = engine

    def _count(self, conn, cursor, statement, *args) -> None:
        self.statements.append(statement)

    def stop(self) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self._count)


async def test_a_conversation_reads_back_as_rasa_reads_it(store, rasa_store):
    for i in range(6):
        await say(store, "sam", *turn(f"bericht {i}"), SlotSet("youth_name", f"Sam{i}"))
        assert as_dicts(await store.retrieve("sam")) == as_dicts(await rasa_store.retrieve("sam"))
    tracker = await store.retrieve("sam")
    assert tracker.get_slot("youth_name") == "Sam5"
    assert len([e for e in tracker.events if isinstance(e, UserUttered)]) == 6


async def test_only_the_latest_session_is_read_as_rasa_does(store, rasa_store):
    await say(store, "noor", *turn("eerste sessie"), SlotSet("youth_name", "Noor"))
    time.sleep(0.01)
    await say(store, "noor", ActionExecuted("action_session_start"), SessionStarted())
    await say(store, "noor", ActionExecuted("action_listen"), *turn("tweede sessie"))
    ours, theirs = await store.retrieve("noor"), await rasa_store.retrieve("noor")
    assert as_dicts(ours) == as_dicts(theirs)
    assert "eerste sessie" not in [e.as_dict().get("text") for e in ours.events]
    full = await store.retrieve_full_tracker("noor")
    assert "eerste sessie" in [e.as_dict().get("text") for e in full.events]


async def test_a_restart_inside_a_session_is_kept(store, rasa_store):
    await say(store, "kim", *turn("hoi"), SlotSet("youth_name", "Kim"))
    await say(store, "kim", Restarted(), *turn("opnieuw"))
    ours = await store.retrieve("kim")
    assert as_dicts(ours) == as_dicts(await rasa_store.retrieve("kim"))
    assert ours.get_slot("youth_name") is None


async def test_nothing_is_saved_twice(store, rasa_store, db_url):
    for i in range(3):
        tracker = await say(store, "ali", *turn(f"zin {i}"))
        await store.save(tracker)  # saving the same tracker again adds nothing
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = 'ali'")).scalar()
    engine.dispose()
    assert rows == 9
    assert len((await rasa_store.retrieve("ali")).events) == 9


async def test_what_another_server_wrote_is_read_not_the_remembered_session(
    store, db_url, rasa_domain
):
    other = CachingSQLTrackerStore(domain=rasa_domain, host=db_url)  # a second Rasa server
    await say(store, "jay", *turn("via server 1"))
    await say(other, "jay", *turn("via server 2"))
    await say(store, "jay", *turn("weer server 1"))
    texts = [e.text for e in (await other.retrieve("jay")).events if isinstance(e, UserUttered)]
    assert texts == ["via server 1", "via server 2", "weer server 1"]
    assert as_dicts(await store.retrieve("jay")) == as_dicts(await other.retrieve("jay"))
    other.engine.dispose()


async def test_a_deleted_conversation_is_gone_for_the_store_too(store, db_url):
    await say(store, "lot", *turn("hallo"))
    assert await store.retrieve("lot") is not None
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:  # what deletion on request does, outside Rasa
        conn.execute(sa.text("DELETE FROM events WHERE sender_id = 'lot'"))
    engine.dispose()
    assert await store.retrieve("lot") is None
    await say(store, "lot", *turn("nieuw begin"))
    texts = [e.text for e in (await store.retrieve("lot")).events if isinstance(e, UserUttered)]
    assert texts == ["nieuw begin"]


async def test_a_known_session_costs_one_small_query_not_a_read_of_the_whole(store):
    for i in range(10):
        await say(store, "mo", *turn(f"bericht {i}"))
    queries = CountQueries(store.engine)
    await store.retrieve("mo")
    queries.stop()
    selects = [s for s in queries.statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1
    assert "max(" in selects[0].lower() and "data" not in selects[0].lower()


async def test_saving_a_message_does_not_count_or_read_the_session_again(store):
    tracker = await say(store, "isa", *turn("een"))
    tracker = await store.retrieve("isa")
    for event in turn("twee"):
        tracker.update(event)
    queries = CountQueries(store.engine)
    await store.save(tracker)
    queries.stop()
    reads = [s.lower() for s in queries.statements if s.lstrip().upper().startswith("SELECT")]
    assert all("count(" not in s and "data" not in s for s in reads)
    assert len((await store.retrieve("isa")).events) == 6


async def test_memory_is_bounded_and_a_forgotten_conversation_still_reads(db_url, rasa_domain):
    store = CachingSQLTrackerStore(domain=rasa_domain, host=db_url, cache_conversations=2)
    for sender in ("a", "b", "c"):
        await say(store, sender, *turn(f"ik ben {sender}"))
        await say(store, sender, *turn(f"nog steeds {sender}"))
    assert list(store._sessions) == ["b", "c"]
    for sender in ("a", "b", "c"):
        texts = [e.text for e in (await store.retrieve(sender)).events if hasattr(e, "text")]
        assert texts == [f"ik ben {sender}", f"nog steeds {sender}"]
    assert len(store._sessions) == 2
    store.engine.dispose()


async def test_an_unknown_conversation_is_none(store):
    assert await store.retrieve("nobody") is None


def test_rasa_loads_the_store_from_both_endpoint_files(db_url, rasa_domain, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    for name in ("endpoints.yml", "endpoints.redis.yml"):
        for key in (
            "ACTION_ENDPOINT_URL",
            "LOCK_STORE_HOST",
            "LOCK_STORE_PORT",
            "ACTION_SERVER_TOKEN",
        ):
            monkeypatch.setenv(key, "6379" if key.endswith("PORT") else "http://127.0.0.1")
        monkeypatch.setenv("LOCK_STORE_DB", "0")
        monkeypatch.setenv("LOCK_STORE_PASSWORD", "")
        config = read_endpoint_config(str(PROJECT_DIR / name), "tracker_store")
        store = TrackerStore.create(config, rasa_domain)
        inner = getattr(store, "_tracker_store", store)
        assert isinstance(inner, CachingSQLTrackerStore), name
        inner.engine.dispose()


EVENT_TYPES = sorted({cls.type_name for cls in all_subclasses(Event)})


@pytest.fixture
def repaired(monkeypatch):
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    server.install()


@pytest.mark.parametrize("type_name", EVENT_TYPES)
def test_the_remembered_event_classes_are_rasas(type_name, repaired):
    assert Event.resolve_by_type(type_name) is server._resolve_event_class(type_name)
    assert Event.resolve_by_type(type_name) is server._resolve_event_class(type_name)


def test_an_unknown_event_type_is_still_refused(repaired):
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet


async def test_the_tracker_saved_last_is_handed_out_again_not_read_again(store, monkeypatch):
    await say(store, "noa", *turn("een"))  # a new conversation: made by Rasa, not kept
    tracker = await say(store, "noa", *turn("twee"))  # read by the store, then saved: kept
    reads = []
    real_from_dict = DialogueStateTracker.from_dict
    monkeypatch.setattr(
        DialogueStateTracker,
        "from_dict",
        classmethod(lambda cls, *a, **k: reads.append(1) or real_from_dict(*a, **k)),
    )
    again = await store.retrieve("noa")
    assert again is tracker and reads == []
    assert len(again.events) == 6
    second = await store.retrieve("noa")  # handed out once: the next reader gets its own
    assert second is not tracker and reads == [1]
    assert as_dicts(second) == as_dicts(tracker)


async def test_a_tracker_changed_but_not_saved_is_never_handed_out(store, rasa_store):
    await say(store, "eva", *turn("een"))
    await say(store, "eva", *turn("twee"))
    tracker = await store.retrieve("eva")
    tracker.update(UserUttered("niet bewaard", {"name": "greet", "confidence": 1.0}))
    # the message failed before Rasa saved it: the next message starts from the database
    again = await store.retrieve("eva")
    assert again is not tracker
    assert as_dicts(again) == as_dicts(await rasa_store.retrieve("eva"))
    assert "niet bewaard" not in [e.as_dict().get("text") for e in again.events]


async def test_a_tracker_the_caller_made_itself_is_not_kept(store):
    made = await store.get_or_create_tracker("ray")  # Rasa's create_tracker saves it
    assert await store.retrieve("ray") is not made


async def test_a_kept_tracker_is_dropped_when_another_server_wrote(store, db_url, rasa_domain):
    other = CachingSQLTrackerStore(domain=rasa_domain, host=db_url)
    await say(store, "liv", *turn("een"))
    kept = await say(store, "liv", *turn("twee"))
    await say(other, "liv", *turn("drie via server 2"))
    tracker = await store.retrieve("liv")
    assert tracker is not kept
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)][-1] == "drie via server 2"
    other.engine.dispose()


async def test_on_another_rasa_version_it_is_rasas_own_store(db_url, rasa_domain, monkeypatch):
    """The repairs rely on Rasa's private members: on another version they stay out."""
    import rasa_addons

    monkeypatch.setattr(rasa_addons, "installed_rasa_version", lambda: "3.7.0")
    monkeypatch.setattr(rasa_addons, "_told", False)
    store = CachingSQLTrackerStore(domain=rasa_domain, host=db_url)
    try:
        assert store.repaired is False
        tracker = DialogueStateTracker.from_events("youth", turn("hoi"), rasa_domain.slots)
        await store.save(tracker)
        again = await store.retrieve("youth")
        assert as_dicts(again)[-3:] == as_dicts(tracker)[-3:]
        assert again is not tracker
        assert not hasattr(store, "_sessions")  # nothing of the repair was set up
    finally:
        store.engine.dispose()
