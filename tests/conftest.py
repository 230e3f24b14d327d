"""Shared fixtures: real SQLite databases, the real domain, and the running product."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy.orm import Session

from bot.run import setup_steps, training
from bot.settings import PROJECT_DIR, Settings, get_settings
from bot.storage import make_engine
from testkit import postgres
from testkit.env import make_settings, missing_service, quiet
from testkit.live import live_stack

quiet()

ARTIFACTS = PROJECT_DIR / "tests" / "artifacts"


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
    if postgres.postgres_bin_dir() is None:
        missing_service(postgres.NOT_INSTALLED)
    with postgres.throwaway_postgres() as server:
        yield server


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


@pytest.fixture(autouse=True)
def no_insight_without_database(monkeypatch):
    """Actions count insight steps (issue 19) only in tests with a database of their own
    (`action_settings`): a unit test of an action never writes to a real database."""
    from actions import insight

    monkeypatch.setattr(insight, "RECORD", False)


@pytest.fixture
def action_settings(settings: Settings, engine, monkeypatch):
    """Point the actions (which read the process settings) at this test's database."""
    from actions import common, insight

    monkeypatch.setattr(insight, "RECORD", True)
    monkeypatch.setattr(insight, "BACKGROUND", False)  # read right after the action

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
    with live_stack(tmp_path_factory.mktemp("live"), model_file) as stack:
        yield stack
