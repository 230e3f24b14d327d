"""The whole product started for a test or a benchmark: Rasa, action server, web app.

On free ports with its own SQLite database in a folder of the caller's; the demo coach's
token and a coach of the default team come with it (`stack.demo_token`,
`stack.team_token`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from bot.run import setup_steps
from bot.run.launcher import Stack
from bot.settings import Settings
from bot.storage import make_engine, repo
from testkit.env import make_settings


def start_live(
    tmp_dir: Path,
    model: Path,
    settings: Settings | None = None,
    environ: dict[str, str] | None = None,
    timeout: float = 420,
) -> Stack:
    """Migrate a fresh database, add the base data and a coach, start every process and
    wait until each answers. `settings` default: `make_settings(tmp_dir, environ)`."""
    tmp_dir = Path(tmp_dir)
    settings = settings or make_settings(tmp_dir, environ)
    setup_steps.migrate(settings)
    demo_token = setup_steps.ensure_base_data(settings)
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session, session.begin():
            team = repo.ensure_team(session, settings.default_team)
            _coach, team_token = repo.create_coach(session, team, "Coach van het standaard team")
    finally:
        engine.dispose()
    stack = Stack(settings, model, tmp_dir / "logs")
    stack.start(timeout=timeout, progress=lambda line: None)
    stack.demo_token = demo_token  # the demo team: demo conversations only
    stack.team_token = team_token  # the default team: real chats without invite, also in demo mode
    return stack


@contextmanager
def live_stack(tmp_dir: Path, model: Path, **kwargs) -> Iterator[Stack]:
    """`start_live` as a context manager: everything stops at the end."""
    stack = start_live(tmp_dir, model, **kwargs)
    try:
        yield stack
    finally:
        stack.stop()
