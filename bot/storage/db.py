"""Engine creation. No engine exists at import time: callers make one from settings."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url


def make_engine(database_url: str, **options) -> Engine:
    """A 2.0-style engine; SQLite gets WAL and a busy timeout so Rasa and the app can share it.

    `options` go to `create_engine` as well (`connect_args` are added to these).
    """
    url = make_url(database_url)
    kwargs: dict = {"future": True, "pool_pre_ping": True}
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    elif url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": 5}  # an unreachable server: fail, not hang
    connect_args = {**kwargs.get("connect_args", {}), **options.pop("connect_args", {})}
    engine = create_engine(url, **{**kwargs, **options, "connect_args": connect_args})
    if url.get_backend_name() == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    return engine
