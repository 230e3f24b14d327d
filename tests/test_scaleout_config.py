"""The scale-out switch: SQLite and Rasa's in-memory lock store stay the default; with
LOCK_STORE_URL the Rasa servers get Rasa's Redis lock store (endpoints.redis.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.launcher import build_services, child_env, endpoints_file
from bot.settings import PROJECT_DIR, SettingsError, load_settings
from tests.conftest import make_settings

BASE = {"RASA_AUTH_TOKEN": "t" * 20, "SECRET_KEY": "s" * 20}


def test_the_default_is_sqlite_and_the_in_memory_lock_store(tmp_path: Path):
    settings = load_settings(env_file=tmp_path / "no.env", environ=dict(BASE))
    assert settings.database_url.startswith("sqlite:///")
    assert settings.lock_store_url == ""
    assert endpoints_file(settings) == "endpoints.yml"
    assert "lock_store" not in yaml.safe_load((PROJECT_DIR / "endpoints.yml").read_text())
    rasa = build_services(settings, tmp_path / "model.tar.gz", tmp_path)[1]
    assert rasa.command[rasa.command.index("--endpoints") + 1] == "endpoints.yml"


def test_lock_store_url_switches_rasa_to_the_redis_lock_store(tmp_path: Path):
    settings = make_settings(tmp_path, lock_store_url="redis://:pw%21@10.0.0.5:6380/3")
    rasa = build_services(settings, tmp_path / "model.tar.gz", tmp_path)[1]
    assert rasa.command[rasa.command.index("--endpoints") + 1] == "endpoints.redis.yml"
    env = child_env(settings)
    assert env["LOCK_STORE_URL"] == "redis://:pw%21@10.0.0.5:6380/3"
    assert (env["LOCK_STORE_HOST"], env["LOCK_STORE_PORT"], env["LOCK_STORE_DB"]) == (
        "10.0.0.5",
        "6380",
        "3",
    )
    assert env["LOCK_STORE_PASSWORD"] == "pw!"
    endpoints = yaml.safe_load((PROJECT_DIR / "endpoints.redis.yml").read_text())
    assert endpoints["lock_store"]["type"] == "redis"
    assert endpoints["tracker_store"]["url"] == "${DATABASE_URL}"


def test_postgresql_and_redis_urls_are_accepted_others_refused(tmp_path: Path):
    settings = load_settings(
        env_file=tmp_path / "no.env",
        environ={
            **BASE,
            "DATABASE_URL": "postgresql+psycopg2://jim:pw@db.example/jim",
            "LOCK_STORE_URL": "redis://127.0.0.1:6379/0",
        },
    )
    assert settings.database_url.startswith("postgresql")
    with pytest.raises(SettingsError, match="LOCK_STORE_URL"):
        load_settings(
            env_file=tmp_path / "no.env", environ={**BASE, "LOCK_STORE_URL": "memcached://x"}
        )
