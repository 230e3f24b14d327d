"""The product bound wide (JIM_HOST=0.0.0.0, as for a reverse proxy), read as an attacker on
the same network or the same machine would: what is reachable, what the process list and
the logs show, who may read the files.

One stack for the module, started by the launcher exactly as `jim run` starts it.
"""

from __future__ import annotations

import ipaddress
import json
import sqlite3
import stat
import uuid
from pathlib import Path

import httpx
import pytest
import yaml

from bot.run import setup_steps
from bot.run.launcher import Stack
from bot.settings import PROJECT_DIR
from testkit.env import make_settings

pytestmark = pytest.mark.integration

# What a youth types; none of it may reach a log (with a name, an age, a phone number).
YOUTH_NAME = "Zwaantje"
MENTOR_NAME = "Bartholomeus"
PHONE = "0687654321"
REASON = "zij luistert altijd naar mij als ik verdrietig ben"
MESSAGE = "ik heet Zwaantje en mijn nummer is 0687654321"


def listening(port: int) -> set[str]:
    """The addresses a TCP socket listens on at `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for name, size in (("tcp", 4), ("tcp6", 16)):
        try:
            lines = Path(f"/proc/net/{name}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state = fields[1], fields[3]
            address, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            # the kernel writes each 32-bit word in host (little-endian) order
            raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            found.add(str(ipaddress.ip_address(raw if size == 4 else raw)))
    return found


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat_line = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat_line.rsplit(")", 1)[1].split()[1])
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += [child for child, parent in parents.items() if parent == current]
    return tree


@pytest.fixture(scope="module")
def wide(tmp_path_factory, model_file):
    tmp = tmp_path_factory.mktemp("wide")
    settings = make_settings(tmp, host="0.0.0.0")
    setup_steps.migrate(settings)
    setup_steps.ensure_base_data(settings)
    stack = Stack(settings, model_file, tmp / "logs")
    stack.start(timeout=420, progress=lambda line: None)
    stack.tmp = tmp
    yield stack
    stack.stop()


def test_rasa_and_the_action_server_listen_on_loopback_only(wide):
    settings = wide.settings
    assert listening(settings.rasa_port) == {"127.0.0.1"}
    assert listening(settings.action_port) == {"127.0.0.1"}
    assert listening(settings.web_port) == {"0.0.0.0"}, "the web app binds where JIM_HOST says"


def test_no_secret_on_any_command_line(wide):
    settings = wide.settings
    secrets = [settings.rasa_auth_token, settings.secret_key]
    secrets += [getattr(settings, "action_server_token", settings.secret_key)]
    seen = 0
    for service in wide.services:
        for pid in process_tree(service.process.pid):
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            seen += 1
            for secret in secrets:
                assert secret not in cmdline, f"{service.name}: a secret in {cmdline!r}"
    assert seen >= 3


def test_the_action_server_answers_only_with_rasas_token(wide):
    url = wide.settings.action_url
    token = wide.settings.action_server_token
    assert httpx.get(f"{url}/health", timeout=10).status_code == 200
    assert httpx.get(f"{url}/actions", timeout=10).status_code == 401
    assert httpx.get(f"{url}/actions", params={"token": "wrong"}, timeout=10).status_code == 401
    call = {"next_action": "action_confirm_answer", "sender_id": "x", "tracker": {}, "domain": {}}
    assert httpx.post(f"{url}/webhook", json=call, timeout=10).status_code == 401
    names = httpx.get(f"{url}/actions", params={"token": token}, timeout=10).json()
    assert {"name": "action_handoff"} in names


def test_rasa_calls_the_action_server_with_the_token(wide):
    """A whole turn that needs custom actions works: Rasa sends the token it was given."""
    reply = httpx.post(
        f"{wide.settings.rasa_url}/webhooks/rest/webhook",
        json={"sender": f"wide-{uuid.uuid4().hex}", "message": "/start"},
        timeout=60,
    )
    assert reply.status_code == 200
    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    assert domain["responses"]["utter_welcome"][0]["text"] in [m.get("text") for m in reply.json()]


def _database(wide) -> Path:
    return Path(wide.settings.database_url.removeprefix("sqlite:///"))


def _handoff_call(sender: str, domain: dict) -> dict:
    yes = {"intent": {"name": "affirm", "confidence": 1.0}, "entities": [], "text": "ja"}
    slots = {
        "youth_name": YOUTH_NAME,
        "youth_age": "15",
        "relation": "tante",
        "mentor_name": MENTOR_NAME,
        "mentor_reason": REASON,
        "mentor_support": ["emotioneel"],
        "knows_already": "ja",
        "contact": PHONE,
        "stage": "consent",
    }
    return {
        "next_action": "action_handoff",
        "sender_id": sender,
        "version": "3.6.21",
        "domain": domain,
        "tracker": {
            "sender_id": sender,
            "slots": slots,
            "latest_message": yes,
            "events": [
                {"event": "action", "name": "action_ask_consent"},
                {"event": "slot", "name": "stage", "value": "consent"},
                {"event": "action", "name": "action_listen"},
                {"event": "user", "text": "ja", "parse_data": yes},
            ],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
    }


def _assert_no_personal_data(text: str) -> None:
    for secret in (YOUTH_NAME, MENTOR_NAME, PHONE, REASON, "verdrietig", MESSAGE):
        assert secret not in text


def test_a_failed_handoff_logs_no_personal_data(wide):
    """The database fails while the handoff stores the nomination (a trigger refuses the
    insert, as a full disk would): the action server's log says so, without the name,
    person, reason or phone number it tried to store."""
    log = wide.service("action server").log_file
    before = log.stat().st_size
    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    with sqlite3.connect(_database(wide), timeout=30) as connection:
        connection.execute(
            "CREATE TRIGGER broken BEFORE INSERT ON nominations "
            "BEGIN SELECT RAISE(ABORT, 'disk broke'); END"
        )
    try:
        answer = httpx.post(
            f"{wide.settings.action_url}/webhook",
            params={"token": wide.settings.action_server_token},
            json=_handoff_call(f"wide-{uuid.uuid4().hex}", domain),
            timeout=30,
        )
    finally:
        with sqlite3.connect(_database(wide), timeout=30) as connection:
            connection.execute("DROP TRIGGER broken")
    assert answer.status_code == 200
    assert [r.get("response") for r in answer.json()["responses"]] == ["utter_handoff_failed"]
    written = log.read_bytes()[before:].decode(errors="replace")
    assert "handoff failed" in written and "disk broke" in written
    assert "[SQL parameters hidden" in written
    _assert_no_personal_data(written)


def test_a_failed_message_in_rasas_rest_channel_logs_no_text(wide):
    """Rasa's REST channel fails to handle a message (here: the message is a JSON object, not
    a string; in real life a lock store or database that is away): its log says so without
    what was sent, also not in the traceback's local variables."""
    log = wide.service("Rasa server").log_file
    before = log.stat().st_size
    answer = httpx.post(
        f"{wide.settings.rasa_url}/webhooks/rest/webhook",
        json={"sender": f"wide-{uuid.uuid4().hex}", "message": {"text": MESSAGE}},
        timeout=60,
    )
    assert answer.status_code == 200 and answer.json() == []
    written = log.read_bytes()[before:].decode(errors="replace")
    assert "rest.message.received.failure" in written
    _assert_no_personal_data(written)
    # the structured line is still there, with the text hidden
    line = next(x for x in written.splitlines() if "rest.message.received.failure" in x)
    assert json.loads(line[line.index("{") :])["text"] == "[hidden]"


def test_logs_and_the_database_are_readable_by_this_user_only(wide):
    logs = wide.service("Rasa server").log_file.parent
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700
    for service in wide.services:
        assert stat.S_IMODE(service.log_file.stat().st_mode) == 0o600, service.log_file
    database = _database(wide)
    files = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
    assert all(path.exists() for path in files), "WAL mode: the -wal and -shm files exist"
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
