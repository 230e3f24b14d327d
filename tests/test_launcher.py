"""The README's start path: `python -m bot.cli run` (what `scripts/run` ends with).

Started as a user does, as a subprocess on free ports with its own database: it must say
it is running, the youth must get the welcome over Rasa's REST channel, and Ctrl-C
(SIGINT) must stop all three processes: exit code 0, nothing left listening.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from bot.rasa_client import Rasa
from bot.run import setup_steps
from bot.settings import PROJECT_DIR, load_settings
from testkit.env import free_port, port_open

pytestmark = pytest.mark.integration

SETTING_NAMES = {
    "JIM_DEMO", "JIM_HOST", "RASA_PORT", "ACTION_PORT", "WEB_PORT", "DATABASE_URL",
    "RASA_AUTH_TOKEN", "SECRET_KEY", "PUBLIC_URL", "DEFAULT_TEAM", "RASA_HOST", "ACTION_HOST",
    "ACTION_SERVER_TOKEN",
}  # fmt: skip


def child_pids(pid: int) -> list[int]:
    """Direct children of `pid`, from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    return children


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_run_starts_everything_answers_and_stops_on_ctrl_c(tmp_path: Path, model_file, domain):
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}
    env = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
    env.update({name: str(port) for name, port in ports.items()})
    env.update(
        JIM_DEMO="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'run.db'}",
        RASA_AUTH_TOKEN="test-run-token-" + uuid.uuid4().hex,
        SECRET_KEY="test-run-secret-" + uuid.uuid4().hex,
        TF_CPP_MIN_LOG_LEVEL="3",
        RASA_TELEMETRY_ENABLED="false",
        PYTHONUNBUFFERED="1",
    )
    settings = load_settings(environ=env)
    setup_steps.migrate(settings)  # what `jim setup` does before `jim run`

    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []

    def read() -> None:
        for line in process.stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    children: list[int] = []
    try:
        deadline = time.monotonic() + 420
        while not any("JIM-kiezer is running" in line for line in lines):
            assert process.poll() is None, "jim run stopped while starting:\n" + "".join(lines)
            assert time.monotonic() < deadline, "not running after 420 s:\n" + "".join(lines)
            time.sleep(0.5)
        output = "".join(lines)
        for name in ("action server", "Rasa server", "web app"):
            assert f"{name} is ready after" in output
        assert f"Open {settings.public_url}/" in output
        assert "demo coach token: demo-" in output

        # All three answer on their own ports.
        for port in ports.values():
            assert port_open(port)
        assert httpx.get(f"{settings.web_url}/healthz", timeout=10).json() == {"status": "ok"}
        assert httpx.get(f"{settings.action_url}/health", timeout=10).status_code == 200

        # A youth opens the chat: the welcome comes back over the REST channel.
        replies = Rasa(settings.rasa_url).send(f"launcher-{uuid.uuid4().hex}", "/start")
        texts = [message.get("text") for message in replies]
        assert domain["responses"]["utter_welcome"][0]["text"] in texts

        children = child_pids(process.pid)
        assert len(children) == 3, children

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0, "".join(lines)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in children:  # never leave a server behind, even when the test fails
            if alive(pid):
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        reader.join(timeout=10)
        process.stdout.close()
    output = "".join(lines)
    assert "Stopping..." in output and "Stopped." in output
    assert [pid for pid in children if alive(pid)] == []
    assert [port for port in ports.values() if port_open(port)] == []
