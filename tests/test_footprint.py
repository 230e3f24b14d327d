"""Memory budget guards: only the Rasa server may load Rasa and TensorFlow.

TensorFlow alone is ~430 MB resident; the product's budget is 1.5 GB for all processes,
and the Rasa server already needs ~1.3 GB (bench/startup.py). So the web app, the action
server and the launcher must never import `rasa` or `tensorflow`, not even indirectly.
Each check runs in a fresh interpreter so this test process's imports do not count.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.settings import PROJECT_DIR

HEAVY = ("tensorflow", "rasa", "spacy")

CHECK = """
import sys
{body}
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(",".join(heavy))
"""


def imported_heavy(body: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(body=body, heavy=HEAVY)],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "JIM_DEMO": "true",
            "RASA_AUTH_TOKEN": "footprint-token-0123456789",
            "SECRET_KEY": "footprint-secret-0123456789",
            "DATABASE_URL": "sqlite://",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        },
    )
    assert result.returncode == 0, result.stderr
    return [m for m in result.stdout.strip().split(",") if m]


def test_the_web_app_loads_no_rasa_or_tensorflow() -> None:
    assert imported_heavy("from bot.web.app import create_app\ncreate_app()") == []


@pytest.mark.parametrize(
    "module",
    [
        "actions.start",
        "actions.jim_form",
        "actions.summary",
        "actions.handoff",
        "rasa_addons.action_server",
    ],
)
def test_the_actions_load_no_rasa_or_tensorflow(module: str) -> None:
    body = f"import rasa_sdk.endpoint\nimport {module}"
    assert imported_heavy(body) == []


def test_the_action_server_is_started_without_the_rasa_cli(settings, tmp_path) -> None:
    from bot.run.launcher import build_services

    action = next(s for s in build_services(settings, tmp_path / "m.tar.gz", tmp_path)
                  if s.name == "action server")  # fmt: skip
    # rasa-sdk's own server, with the token check (rasa_addons/action_server.py)
    assert action.command[:3] == [sys.executable, "-m", "rasa_addons.action_server"]
    assert "rasa" not in [part.rsplit("/", 1)[-1] for part in action.command]


def test_the_launcher_loads_no_rasa_or_tensorflow() -> None:
    body = "import bot.cli, bot.run.launcher, bot.run.setup_steps, bot.run.training"
    assert imported_heavy(body) == []
