"""The set-up steps after the packages are installed (called by `jim setup`)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.orm import Session

from bot.insight import counters, demo_seed
from bot.settings import PLACEHOLDER_PREFIX, Settings
from bot.storage import make_engine, repo

DEMO_COACH_NAME = "Demo coach"


def add_missing_secrets(env_file: Path, example: Path) -> list[str]:
    """Secrets of `.env.example` that an existing `.env` lacks (a setting added later, such as
    ACTION_SERVER_TOKEN) are appended with fresh random values; returns their names."""
    present = {
        line.partition("=")[0].strip()
        for line in env_file.read_text().splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    }
    added = []
    for line in example.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.lstrip().startswith("#") and value.startswith(PLACEHOLDER_PREFIX):
            if key.strip() not in present:
                added.append(key.strip())
    if added:
        text = env_file.read_text()
        lines = [f"{key}={secrets.token_urlsafe(32)}" for key in added]
        env_file.write_text(text + ("" if text.endswith("\n") or not text else "\n")
                            + "\n".join(lines) + "\n")  # fmt: skip
    env_file.chmod(0o600)
    return added


def ensure_env_file(project_dir: Path) -> bool:
    """Create `.env` from `.env.example` with fresh random secrets; True if created.

    An existing `.env` is kept; secrets it lacks are added (add_missing_secrets)."""
    env_file = project_dir / ".env"
    if env_file.exists():
        add_missing_secrets(env_file, project_dir / ".env.example")
        return False
    lines = []
    for line in (project_dir / ".env.example").read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.lstrip().startswith("#") and value.startswith(PLACEHOLDER_PREFIX):
            line = f"{key}={secrets.token_urlsafe(32)}"
        lines.append(line)
    env_file.write_text("\n".join(lines) + "\n")
    env_file.chmod(0o600)
    return True


def replace_placeholders(project_dir: Path) -> list[str]:
    """Give the `change-me` values of an existing `.env` fresh random secrets.

    Such values are refused in every mode (bot/settings.py); an installation made before
    that keeps working after `jim setup`. Only placeholder values change; returns their names.
    """
    env_file = project_dir / ".env"
    if not env_file.exists():
        return []
    lines, replaced = [], []
    for line in env_file.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.lstrip().startswith("#") and value.startswith(PLACEHOLDER_PREFIX):
            line = f"{key}={secrets.token_urlsafe(32)}"
            replaced.append(key.strip())
        lines.append(line)
    if replaced:
        env_file.write_text("\n".join(lines) + "\n")
        env_file.chmod(0o600)
    return replaced


def alembic_config(project_dir: Path, database_url: str) -> Config:
    config = Config(str(project_dir / "alembic.ini"))
    config.set_main_option("script_location", str(project_dir / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def migrate(settings: Settings) -> None:
    """Bring the database schema to the newest Alembic revision."""
    make_engine(settings.database_url).dispose()  # makes the SQLite folder if needed
    command.upgrade(alembic_config(settings.project_dir, settings.database_url), "head")


def demo_token(settings: Settings) -> str:
    """The demo coach's token, stable per installation (derived from SECRET_KEY)."""
    digest = hmac.new(settings.secret_key.encode(), b"demo-coach", hashlib.sha256).hexdigest()
    return "demo-" + digest[:32]


def ensure_base_data(settings: Settings) -> str | None:
    """The default team always; in demo mode also the demo team and coach.

    Returns the demo coach's token in demo mode, else None.
    """
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session, session.begin():
            default = repo.ensure_team(session, settings.default_team, "Standaard team")
            moved = repo.move_real_nominations_out_of_demo(session, default)
            if moved:
                print(f"Moved {moved} real nomination(s) from the demo team to {default.slug}.")
            if not settings.demo:
                return None
            team = repo.ensure_team(session, repo.DEMO_TEAM_SLUG, "Demo team", is_demo=True)
            session.flush()
            demo_seed.seed(session, team.id, counters.today())  # issue 19: /demo/inzicht
            token = demo_token(settings)
            if repo.coach_for_token(session, token) is None:
                repo.create_coach(session, team, DEMO_COACH_NAME, token=token)
            return token
    finally:
        engine.dispose()
