"""Shared fixtures: real SQLite databases, the real domain, and the running product."""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import tempfile
import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy.orm import Session

from bot.run import setup_steps, training
from bot.settings import PROJECT_DIR, Settings, get_settings, load_settings
from bot.storage import make_engine

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

ARTIFACTS = PROJECT_DIR / "tests" / "artifacts"


def missing_service(message: str) -> None:
    """A service a test needs is not there: a failure in CI (`CI=true`), else a skip.

    CI must never turn green by skipping the PostgreSQL, scale-out or browser suites; on a
    developer's machine without root a skip that says what to install is kinder.
    """
    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        pytest.fail(f"{message} (CI=true: a missing service fails the run)", pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_settings(tmp_dir: Path, **overrides) -> Settings:
    """Settings for a test: its own SQLite file and free ports, demo mode on."""
    environ = {
        "JIM_DEMO": "true",
        "DATABASE_URL": f"sqlite:///{tmp_dir / 'jim.db'}",
        "RASA_AUTH_TOKEN": "test-rasa-token-" + uuid.uuid4().hex,
        "SECRET_KEY": "test-secret-" + uuid.uuid4().hex,
        "RASA_PORT": str(free_port()),
        "ACTION_PORT": str(free_port()),
        "WEB_PORT": str(free_port()),
    }
    settings = load_settings(env_file=tmp_dir / "no.env", environ=environ)
    return dataclasses.replace(settings, **overrides)


DATABASES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """Tests marked `both_databases` run once on SQLite and once on PostgreSQL."""
    if metafunc.definition.get_closest_marker("both_databases") and (
        "db_backend" in metafunc.fixturenames
    ):
        metafunc.parametrize("db_backend", DATABASES, indirect=True)


@pytest.fixture
def db_backend(request) -> str:
    """SQLite (the default), or the parameter of a `both_databases` test."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for this test run, in a throwaway folder; stopped at the end.

    Started from Debian's postgresql package (scripts/ensure-services installs it). Skips
    only when PostgreSQL is not installed and cannot be: then it says how to install it.
    """
    from bot.run.scaleout import PostgresServer, postgres_bin_dir

    if postgres_bin_dir() is None:
        missing_service("PostgreSQL is not installed: run scripts/ensure-services (apt postgresql)")
    base = Path(tempfile.mkdtemp(prefix="jim-pg-"))
    base.chmod(0o711)  # as root the server runs as the postgres user, which must enter it
    server = PostgresServer(base / "pg", durable=False)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server) -> str:
    """A fresh, empty PostgreSQL database for one test (postgresql+psycopg2 URL)."""
    return pg_server.create_database("t_" + uuid.uuid4().hex[:16])


@pytest.fixture
def settings(tmp_path: Path, db_backend: str, request) -> Settings:
    if db_backend == "postgresql":
        return make_settings(tmp_path, database_url=request.getfixturevalue("pg_url"))
    return make_settings(tmp_path)


@pytest.fixture
def engine(settings: Settings):
    """A migrated database (Alembic, as the set-up command does) with the base teams."""
    setup_steps.migrate(settings)
    setup_steps.ensure_base_data(settings)
    engine = make_engine(settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    with Session(engine) as session:
        yield session


@pytest.fixture
def action_settings(settings: Settings, engine, monkeypatch):
    """Point the actions (which read the process settings) at this test's database."""
    from actions import common

    for key, value in {
        "JIM_DEMO": "true" if settings.demo else "false",
        "DATABASE_URL": settings.database_url,
        "RASA_AUTH_TOKEN": settings.rasa_auth_token,
        "SECRET_KEY": settings.secret_key,
    }.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    common.engine.cache_clear()
    yield settings
    common.engine().dispose()
    common.engine.cache_clear()
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def domain() -> dict:
    """The real domain.yml, as the action server hands it to actions."""
    return yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def model_file() -> Path:
    model = training.model_path(PROJECT_DIR)
    if not model.exists():
        pytest.fail(f"no trained model for the current data ({model.name}): run scripts/setup")
    return model


@pytest.fixture(scope="session")
def live(tmp_path_factory, model_file):
    """The real product (Rasa server, action server, web app) on free ports, own database."""
    from bot.run.launcher import Stack

    tmp = tmp_path_factory.mktemp("live")
    settings = make_settings(tmp)
    setup_steps.migrate(settings)
    demo_token = setup_steps.ensure_base_data(settings)
    engine = make_engine(settings.database_url)
    with Session(engine) as session, session.begin():
        from bot.storage import repo

        team = repo.ensure_team(session, settings.default_team)
        _coach, team_token = repo.create_coach(session, team, "Coach van het standaard team")
    engine.dispose()
    stack = Stack(settings, model_file, tmp / "logs")
    stack.start(timeout=420, progress=lambda line: None)
    stack.demo_token = demo_token  # the demo team: demo conversations only
    stack.team_token = team_token  # the default team: real chats without invite, also in demo mode
    yield stack
    stack.stop()
