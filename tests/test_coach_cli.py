"""Coach and team commands on a real database: tokens are shown once, stored as hashes."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cli import main as cli_main
from bot.settings import get_settings
from bot.storage import Coach, repo


@pytest.fixture
def cli(engine, settings, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("RASA_AUTH_TOKEN", settings.rasa_auth_token)
    monkeypatch.setenv("SECRET_KEY", settings.secret_key)
    monkeypatch.setenv("JIM_DEMO", "true")
    get_settings.cache_clear()

    def run(*argv):
        code = cli_main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    yield run
    get_settings.cache_clear()


def token_in(output: str) -> str:
    return re.search(r"Token \(shown once, keep it safe\): (\S+)", output).group(1)


def test_add_rotate_disable(cli, engine):
    code, out = cli(
        "coach", "add", "--team", "team-noord", "--team-name", "Noord", "--name", "Sanne"
    )
    assert code == 0
    first = token_in(out)
    coach_id = re.search(r"\(([0-9a-f-]{36})\)", out).group(1)
    with Session(engine) as session:
        stored = session.execute(select(Coach).where(Coach.id == coach_id)).scalar_one()
        assert stored.token_hash == repo.hash_token(first) and first not in stored.token_hash
    code, out = cli("coach", "rotate", coach_id)
    second = token_in(out)
    assert code == 0 and second != first
    with Session(engine) as session:
        assert repo.coach_for_token(session, first) is None
        assert repo.coach_for_token(session, second).id == coach_id
    assert cli("coach", "disable", coach_id)[0] == 0
    with Session(engine) as session:
        assert repo.coach_for_token(session, second) is None
    code, out = cli("coach", "list")
    assert "disabled" in out and first not in out and second not in out
    assert cli("coach", "disable", "no-such-id")[0] == 1
    code, out = cli("team", "list")
    assert code == 0 and "team-noord" in out and "Noord" in out
