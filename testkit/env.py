"""Ports, settings and the environment for a test or a benchmark run."""

from __future__ import annotations

import dataclasses
import os
import socket
import uuid
from pathlib import Path

from bot.run.launcher import free_port
from bot.settings import Settings, load_settings

__all__ = ["free_port", "make_settings", "missing_service", "port_open", "quiet"]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    """Something listens on this port (a process that should be gone, or is up)."""
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def quiet() -> None:
    """No TensorFlow chatter, no SQLAlchemy 2.0 notices, no Rasa telemetry."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


def make_settings(tmp_dir: Path, environ: dict[str, str] | None = None, **overrides) -> Settings:
    """Settings for a test: its own SQLite file, fresh secrets and free ports, demo mode on.

    `environ` adds or replaces variables as `.env` would (e.g. rate limits); `overrides`
    replace fields of the result.
    """
    values = {
        "JIM_DEMO": "true",
        "DATABASE_URL": f"sqlite:///{Path(tmp_dir) / 'jim.db'}",
        "RASA_AUTH_TOKEN": "test-rasa-token-" + uuid.uuid4().hex,
        "SECRET_KEY": "test-secret-" + uuid.uuid4().hex,
        "RASA_PORT": str(free_port()),
        "ACTION_PORT": str(free_port()),
        "WEB_PORT": str(free_port()),
        **(environ or {}),
    }
    settings = load_settings(env_file=Path(tmp_dir) / "no.env", environ=values)
    return dataclasses.replace(settings, **overrides)


def missing_service(message: str) -> None:
    """A service a test needs is not there: a failure in CI (`CI=true`), else a skip.

    CI must never turn green by skipping the PostgreSQL, scale-out or browser suites; on a
    developer's machine without root a skip that says what to install is kinder.
    """
    import pytest

    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        pytest.fail(f"{message} (CI=true: a missing service fails the run)", pytrace=False)
    pytest.skip(message)
