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


def test_team_notification_settings_are_stored_and_a_wrong_one_changes_nothing(cli, engine):
    """`jim team set-email` / `set-webhook`: the row changes only for a known team and an
    http(s) URL; a refused command exits 1 and leaves the team as it was."""
    assert cli("coach", "add", "--team", "team-zuid", "--name", "Ilse")[0] == 0
    assert cli("team", "set-email", "team-zuid", "zuid@example.org")[0] == 0
    code, out = cli("team", "set-webhook", "team-zuid", "https://example.org/hook")
    secret = re.search(r"HMAC-SHA256\): (\S+)", out).group(1)
    assert code == 0 and len(secret) >= 32
    assert cli("team", "set-webhook", "team-zuid", "ftp://example.org")[0] == 1
    assert cli("team", "set-email", "no-such-team", "x@example.org")[0] == 1
    with Session(engine) as session:
        team = repo.get_team(session, "team-zuid")
        assert team.notify_email == "zuid@example.org"
        assert (team.webhook_url, team.webhook_secret) == ("https://example.org/hook", secret)
    assert cli("team", "set-webhook", "team-zuid")[0] == 0
    assert cli("team", "set-email", "team-zuid")[0] == 0
    with Session(engine) as session:
        team = repo.get_team(session, "team-zuid")
        assert (team.notify_email, team.webhook_url, team.webhook_secret) == (None, None, None)


def test_team_review_months_is_stored_and_a_wrong_value_changes_nothing(cli, engine):
    """`jim team set-review-months` (issue 18): 1 to 12 months for a known team only."""
    assert cli("coach", "add", "--team", "team-west", "--name", "Femke")[0] == 0
    code, out = cli("team", "set-review-months", "team-west", "3")
    assert code == 0 and "3 months" in out
    assert cli("team", "set-review-months", "team-west", "13")[0] == 1
    assert cli("team", "set-review-months", "no-such-team", "2")[0] == 1
    with Session(engine) as session:
        assert repo.get_team(session, "team-west").review_months == 3
