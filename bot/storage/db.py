"""Engine creation. No engine exists at import time: callers make one from settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

# The SQLite file and the -wal/-shm files SQLite makes beside it (with the file's mode).
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def protect_sqlite_file(database: str) -> None:
    """The database file created 0600 (an existing one, and its -wal/-shm, set to 0600),
    and a folder this module makes created 0700: they hold the youth's data.

    SQLite gives the -wal and -shm files the mode of the database file, so a 0600 database
    keeps them private too. An existing folder is left as it is (it may be shared), except
    the project's own `var/`.
    """
    path = Path(database)
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)
    elif folder.name == "var" and (folder.parent / "alembic.ini").exists():
        # the project's var/; as root with a private PostgreSQL in var/postgres, that
        # server's user must still pass through it (o+x, no listing).
        folder.chmod(0o711 if (folder / "postgres").exists() else 0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for suffix in SQLITE_SUFFIXES:
        try:
            os.chmod(f"{path}{suffix}", 0o600)
        except FileNotFoundError:
            pass


def make_engine(database_url: str, **options) -> Engine:
    """A 2.0-style engine; SQLite gets WAL and a busy timeout so Rasa and the app can share it.

    Bound parameters are never written into an error or a log line (`hide_parameters`):
    they are names, ages, phone numbers and messages. SQLite deletes overwrite the freed
    pages (`secure_delete`), so a withdrawn or purged nomination does not stay in the file.

    `options` go to `create_engine` as well (`connect_args` are added to these).
    """
    url = make_url(database_url)
    kwargs: dict = {"future": True, "pool_pre_ping": True, "hide_parameters": True}
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            protect_sqlite_file(url.database)
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    elif url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": 5}  # an unreachable server: fail, not hang
    connect_args = {**kwargs.get("connect_args", {}), **options.pop("connect_args", {})}
    options.pop("hide_parameters", None)  # never switched off
    engine = create_engine(url, **{**kwargs, **options, "connect_args": connect_args})
    if url.get_backend_name() == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()

    return engine


@contextmanager
def engine_scope(database_url: str) -> Iterator[Engine]:
    """An engine for one command or job, disposed of at the end (also on an error)."""
    engine = make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def session_scope(database_url: str, write: bool = False) -> Iterator[Session]:
    """A session on its own engine; `write=True`: one transaction, committed at the end
    and rolled back on an error. The engine is disposed of either way."""
    with engine_scope(database_url) as engine, Session(engine) as session:
        if write:
            with session.begin():
                yield session
        else:
            yield session
