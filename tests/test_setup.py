"""The set-up path a new user walks: the right Python, a usable .env, an idempotent set-up.

Every test works in a temp folder (a copy of the parts of the project it needs, or a temp
venv path) so the real `.env`, `.venv`, database and models are never touched.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect

from bot.run import setup_steps, training
from bot.settings import PLACEHOLDER_PREFIX, PROJECT_DIR, SettingsError, load_settings
from bot.storage import make_engine

SCRIPTS = PROJECT_DIR / "scripts"
SETTING_NAMES = {
    "JIM_DEMO", "JIM_HOST", "RASA_PORT", "ACTION_PORT", "WEB_PORT", "DATABASE_URL",
    "RASA_AUTH_TOKEN", "SECRET_KEY", "PUBLIC_URL", "DEFAULT_TEAM", "INVITE_DAYS",
    "CONSENT_TEXT_VERSION", "SMTP_HOST", "SMTP_PORT", "SMTP_FROM", "NOTIFY_EMAIL",
    "JIM_PYTHON", "JIM_VENV", "VIRTUAL_ENV", "PYTHONPATH", "RASA_HOST", "ACTION_HOST",
    "ACTION_SERVER_TOKEN",
}  # fmt: skip
GOOD_TOKEN = "a-long-random-rasa-token-0123456789"
GOOD_KEY = "a-long-random-secret-key-0123456789"


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any JIM setting, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
    env.update(
        TF_CPP_MIN_LOG_LEVEL="3",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        RASA_TELEMETRY_ENABLED="false",
    )
    env.update(extra)
    return env


def copy_project(target: Path, with_model: bool = False) -> Path:
    """The parts of the project `python -m bot.cli` needs, in `target` (no .env)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("bot", "migrations", "data", "nlu_components"):
        shutil.copytree(PROJECT_DIR / name, target / name, ignore=ignore)
    for name in (".env.example", "alembic.ini", "config.yml", "domain.yml"):
        shutil.copy2(PROJECT_DIR / name, target / name)
    if with_model:
        model = training.model_path(PROJECT_DIR)
        if not model.exists():
            pytest.fail(f"no trained model for the current data ({model.name}): run scripts/setup")
        (target / "models").mkdir()
        shutil.copy2(model, target / "models" / model.name)
    return target


def find_python311() -> str | None:
    try:
        prefix = subprocess.run(
            ["pyenv", "prefix", "3.11.7"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        prefix = ""
    candidates = [f"{prefix}/bin/python3.11"] if prefix else []
    candidates += [shutil.which("python3.11") or "", "/usr/bin/python3.11"]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            check = subprocess.run(
                [candidate, "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
                capture_output=True,
                text=True,
            )
            if check.stdout.strip() == "True":
                return candidate
    return None


# --- the right Python ----------------------------------------------------------------


def test_setup_with_python_311_stops_at_once_with_a_clear_message(tmp_path: Path) -> None:
    python311 = find_python311()
    if python311 is None:
        pytest.skip("no Python 3.11 on this machine to try")
    venv = tmp_path / "venv"
    result = subprocess.run(
        [str(SCRIPTS / "setup")],
        env=clean_env(JIM_PYTHON=python311, JIM_VENV=str(venv)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Python 3.10" in result.stderr
    assert python311 in result.stderr  # says which Python was wrong
    assert "Traceback" not in result.stderr
    assert not venv.exists(), "no venv may be made with the wrong Python"
    # It stops before installing anything (how fast is a bench question, not a test's).
    assert "Installing" not in result.stdout
    assert "Collecting" not in result.stdout + result.stderr


def _find_python310_with(path_dirs: list[Path], home: Path) -> subprocess.CompletedProcess:
    script = f'source "{SCRIPTS / "lib.sh"}"; find_python310'
    return subprocess.run(
        ["/bin/bash", "-c", script],
        env={"PATH": os.pathsep.join(map(str, path_dirs)), "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def _tools_bin(tmp_path: Path) -> Path:
    """A PATH folder with the few tools lib.sh needs, and no Python, no pyenv."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("dirname", "cat", "sha256sum", "cut"):
        found = shutil.which(tool)
        assert found, tool
        (tools / tool).symlink_to(found)
    return tools


def test_no_python_310_at_all_gives_a_clear_message(tmp_path: Path) -> None:
    if Path("/usr/bin/python3.10").exists() or Path("/usr/local/bin/python3.10").exists():
        pytest.skip("this machine has a system Python 3.10, which lib.sh always looks at")
    home = tmp_path / "home"
    home.mkdir()
    result = _find_python310_with([_tools_bin(tmp_path)], home)
    assert result.returncode != 0
    assert result.stdout == ""
    assert "no Python 3.10 found" in result.stderr
    assert "JIM_PYTHON" in result.stderr  # says how to fix it


def test_a_python310_name_that_is_another_version_is_not_taken(tmp_path: Path) -> None:
    python311 = find_python311()
    if python311 is None:
        pytest.skip("no Python 3.11 on this machine to try")
    if Path("/usr/bin/python3.10").exists() or Path("/usr/local/bin/python3.10").exists():
        pytest.skip("this machine has a system Python 3.10, which lib.sh always looks at")
    tools = _tools_bin(tmp_path)
    (tools / "python3.10").symlink_to(python311)
    home = tmp_path / "home"
    home.mkdir()
    result = _find_python310_with([tools], home)
    assert result.returncode != 0
    assert "no Python 3.10 found" in result.stderr


def test_find_python310_finds_pyenvs_310_under_home(tmp_path: Path) -> None:
    real = Path(sys.executable).resolve()
    home = tmp_path / "home"
    fake_bin = home / ".pyenv" / "versions" / "3.10.99" / "bin"
    fake_bin.mkdir(parents=True)
    (fake_bin / "python3.10").symlink_to(real)
    result = _find_python310_with([_tools_bin(tmp_path)], home)
    assert result.returncode == 0, result.stderr
    found = result.stdout.strip()
    assert found == str(fake_bin / "python3.10")


# --- .env problems give one line -------------------------------------------------------


def run_cli(project: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120):
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=project,
        env=env if env is not None else clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def assert_one_clear_line(result, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize(
    ("env_text", "words"),
    [
        (f"JIM_DEMO=false\nSECRET_KEY={GOOD_KEY}\n", ("RASA_AUTH_TOKEN", ".env")),
        (
            f"JIM_DEMO=true\nRASA_PORT=abc\nRASA_AUTH_TOKEN={GOOD_TOKEN}\nSECRET_KEY={GOOD_KEY}\n",
            ("RASA_PORT", ".env", "abc"),
        ),
        (
            f"JIM_DEMO=false\nRASA_AUTH_TOKEN=change-me-rasa-token\nSECRET_KEY={GOOD_KEY}\n",
            ("RASA_AUTH_TOKEN", "placeholder", ".env"),
        ),
        (
            f"JIM_DEMO=false\nRASA_AUTH_TOKEN={GOOD_TOKEN}\nSECRET_KEY=short\n",
            ("SECRET_KEY", ".env"),
        ),
    ],
    ids=["missing-token", "bad-port", "placeholder-token", "short-secret"],
)
def test_a_wrong_env_value_gives_one_clear_line(project: Path, env_text: str, words) -> None:
    (project / ".env").write_text(env_text + f"DATABASE_URL=sqlite:///{project / 'x.db'}\n")
    result = run_cli(project, "coach", "list")
    assert_one_clear_line(result, *words)
    assert not (project / "x.db").exists(), "nothing may be made with wrong settings"


def test_the_environment_wins_over_the_file_for_a_wrong_value(project: Path) -> None:
    (project / ".env").write_text(f"RASA_AUTH_TOKEN={GOOD_TOKEN}\nSECRET_KEY={GOOD_KEY}\n")
    result = run_cli(project, "coach", "list", env=clean_env(WEB_PORT="99999"))
    assert_one_clear_line(result, "WEB_PORT", "65535")


def test_a_good_env_lets_the_same_command_work(project: Path) -> None:
    db = project / "var" / "ok.db"
    (project / ".env").write_text(
        f"JIM_DEMO=false\nRASA_AUTH_TOKEN={GOOD_TOKEN}\nSECRET_KEY={GOOD_KEY}\n"
        f"DATABASE_URL=sqlite:///{db}\n"
    )
    setup_steps.migrate(load_settings(env_file=project / ".env", environ={}))
    result = run_cli(project, "coach", "add", "--team", "team-oost", "--name", "Coach A")
    assert result.returncode == 0, result.stderr
    assert "Token (shown once" in result.stdout
    listed = run_cli(project, "coach", "list")
    assert listed.returncode == 0, listed.stderr
    assert "team-oost" in listed.stdout


# --- load_settings ------------------------------------------------------------------------


def write_env(tmp_path: Path, text: str) -> Path:
    env_file = tmp_path / ".env"
    env_file.write_text(text)
    return env_file


def test_load_settings_reads_the_file_with_defaults(tmp_path: Path) -> None:
    env_file = write_env(tmp_path, f"RASA_AUTH_TOKEN={GOOD_TOKEN}\nSECRET_KEY={GOOD_KEY}\n")
    settings = load_settings(env_file=env_file, environ={})
    assert settings.demo is True
    assert (settings.rasa_port, settings.action_port, settings.web_port) == (5005, 5055, 8000)
    assert settings.rasa_auth_token == GOOD_TOKEN
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith("var/jim.db")
    assert settings.rasa_url == "http://127.0.0.1:5005"


def test_load_settings_environment_wins_over_file(tmp_path: Path) -> None:
    env_file = write_env(
        tmp_path, f"RASA_PORT=6000\nRASA_AUTH_TOKEN={GOOD_TOKEN}\nSECRET_KEY={'x' * 20}\n"
    )
    environ = {"RASA_PORT": "6001", "SECRET_KEY": "y" * 20}
    settings = load_settings(env_file=env_file, environ=environ)
    assert settings.rasa_port == 6001
    assert settings.secret_key == "y" * 20
    assert settings.rasa_auth_token == GOOD_TOKEN


def test_load_settings_without_a_file_uses_the_environment(tmp_path: Path) -> None:
    settings = load_settings(
        env_file=tmp_path / "missing.env",
        environ={"RASA_AUTH_TOKEN": GOOD_TOKEN, "SECRET_KEY": GOOD_KEY, "JIM_DEMO": "nee"},
    )
    assert settings.demo is False


GOOD = {"RASA_AUTH_TOKEN": GOOD_TOKEN, "SECRET_KEY": GOOD_KEY}


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"SECRET_KEY": GOOD_KEY}, "RASA_AUTH_TOKEN is not set: add it to .env"),
        ({"RASA_AUTH_TOKEN": GOOD_TOKEN, "SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({**GOOD, "RASA_PORT": "abc"}, "RASA_PORT in .env must be a port number, not 'abc'"),
        ({**GOOD, "ACTION_PORT": "0"}, "ACTION_PORT in .env must be between 1 and 65535"),
        ({**GOOD, "JIM_DEMO": "misschien"}, "JIM_DEMO in .env must be true or false"),
        ({**GOOD, "INVITE_DAYS": "-1"}, "INVITE_DAYS in .env must not be negative"),
        ({**GOOD, "DATABASE_URL": "mysql://x/y"}, "DATABASE_URL must start with sqlite:///"),
        ({**GOOD, "PUBLIC_URL": "localhost:8000"}, "PUBLIC_URL must start with http"),
        (
            {**GOOD, "ALLOWED_ORIGINS": "https://a.example.org, ftp://b.example.org"},
            "ALLOWED_ORIGINS in .env must be a comma-separated list of http(s)://host[:port]",
        ),
        ({**GOOD, "ALLOWED_ORIGINS": "https://a.example.org/path"}, "without a path"),
        ({**GOOD, "RATE_CHAT_PER_SENDER": "veel"}, "RATE_CHAT_PER_SENDER in .env must be a whole"),
        ({**GOOD, "RATE_API_FAILURES": "-3"}, "RATE_API_FAILURES in .env must not be negative"),
        (
            {**GOOD, "JIM_DEMO": "false", "RASA_AUTH_TOKEN": PLACEHOLDER_PREFIX + "-a-long-one"},
            "RASA_AUTH_TOKEN is a placeholder or too short",
        ),
        ({**GOOD, "JIM_DEMO": "false", "SECRET_KEY": "short"}, "SECRET_KEY is a placeholder"),
    ],
)
def test_load_settings_refuses_wrong_values_in_one_line(tmp_path, environ, message) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env_file=tmp_path / ".env", environ=environ)
    text = str(caught.value)
    assert message in text
    assert "\n" not in text


@pytest.mark.parametrize("demo", ["true", "false"])
def test_load_settings_refuses_placeholders_in_every_mode(tmp_path: Path, demo: str) -> None:
    """Issue 23: with .env.example's SECRET_KEY anyone could compute the demo coach token."""
    env_file = tmp_path / ".env"
    shutil.copy2(PROJECT_DIR / ".env.example", env_file)
    with pytest.raises(SettingsError, match="placeholder"):
        load_settings(env_file=env_file, environ={"JIM_DEMO": demo})
    for name in ("SECRET_KEY", "RASA_AUTH_TOKEN"):
        environ = {**GOOD, "JIM_DEMO": demo, name: PLACEHOLDER_PREFIX + "-secret-key"}
        with pytest.raises(SettingsError, match=f"{name} is a placeholder"):
            load_settings(env_file=tmp_path / "none.env", environ=environ)


def test_allowed_origins_default_to_the_origin_of_public_url(tmp_path: Path) -> None:
    environ = {**GOOD, "PUBLIC_URL": "https://jim.example.org/chat/"}
    settings = load_settings(env_file=tmp_path / "none.env", environ=environ)
    assert settings.allowed_origins == ("https://jim.example.org",)
    environ[
        "ALLOWED_ORIGINS"
    ] = "https://a.example.org/, http://localhost:8000,https://a.example.org"
    settings = load_settings(env_file=tmp_path / "none.env", environ=environ)
    assert settings.allowed_origins == ("https://a.example.org", "http://localhost:8000")
    assert settings.rate_chat_per_sender == 60 and settings.rate_login_failures == 10


def test_load_settings_strips_the_slash_of_public_url(tmp_path: Path) -> None:
    settings = load_settings(
        env_file=tmp_path / "none.env",
        environ={"RASA_AUTH_TOKEN": GOOD_TOKEN, "SECRET_KEY": GOOD_KEY,
                 "PUBLIC_URL": "https://jim.example.org/"},
    )  # fmt: skip
    assert settings.public_url == "https://jim.example.org"


# --- .env made by set-up ------------------------------------------------------------------


def test_ensure_env_file_makes_private_env_with_fresh_secrets(tmp_path: Path) -> None:
    shutil.copy2(PROJECT_DIR / ".env.example", tmp_path / ".env.example")
    assert setup_steps.ensure_env_file(tmp_path) is True
    env_file = tmp_path / ".env"
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    text = env_file.read_text()
    assert PLACEHOLDER_PREFIX not in text
    example = (PROJECT_DIR / ".env.example").read_text().splitlines()
    made = text.splitlines()
    assert len(made) == len(example)  # comments and other settings stay as documented
    for old, new in zip(example, made, strict=True):
        if PLACEHOLDER_PREFIX not in old:
            assert old == new
    # The secrets are good enough outside demo mode.
    settings = load_settings(env_file=env_file, environ={"JIM_DEMO": "false"})
    assert len(settings.rasa_auth_token) >= 32 and len(settings.secret_key) >= 32
    assert len(settings.action_server_token) >= 32
    assert settings.rasa_auth_token != settings.secret_key != settings.action_server_token

    # A second installation gets other secrets; an existing .env is left alone.
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy2(PROJECT_DIR / ".env.example", other / ".env.example")
    setup_steps.ensure_env_file(other)
    assert (other / ".env").read_text() != text
    assert setup_steps.ensure_env_file(tmp_path) is False
    assert env_file.read_text() == text


def test_an_older_env_gets_the_new_secret_and_keeps_its_own(tmp_path: Path) -> None:
    """A .env made before ACTION_SERVER_TOKEN existed: set-up adds a fresh one, keeps the rest."""
    shutil.copy2(PROJECT_DIR / ".env.example", tmp_path / ".env.example")
    old = "JIM_DEMO=false\nRASA_AUTH_TOKEN=" + "r" * 40 + "\nSECRET_KEY=" + "s" * 40
    (tmp_path / ".env").write_text(old)
    assert setup_steps.ensure_env_file(tmp_path) is False
    text = (tmp_path / ".env").read_text()
    assert text.startswith(old + "\n")
    added = dict(line.split("=", 1) for line in text.splitlines()[3:])
    assert set(added) == {"ACTION_SERVER_TOKEN"} and len(added["ACTION_SERVER_TOKEN"]) >= 32
    settings = load_settings(env_file=tmp_path / ".env", environ={})
    assert settings.action_server_token == added["ACTION_SERVER_TOKEN"]
    assert stat.S_IMODE((tmp_path / ".env").stat().st_mode) == 0o600
    assert setup_steps.ensure_env_file(tmp_path) is False
    assert (tmp_path / ".env").read_text() == text, "nothing added twice"


def test_rasa_and_the_action_server_keep_loopback_whatever_jim_host_says(tmp_path: Path) -> None:
    from bot.run.launcher import build_services, child_env

    base = {"RASA_AUTH_TOKEN": "t" * 20, "SECRET_KEY": "s" * 20, "JIM_HOST": "0.0.0.0"}
    settings = load_settings(env_file=tmp_path / "no.env", environ=base)
    assert (settings.host, settings.rasa_host, settings.action_host) == (
        "0.0.0.0", "127.0.0.1", "127.0.0.1"
    )  # fmt: skip
    action, rasa, web = build_services(settings, tmp_path / "m.tar.gz", tmp_path)
    assert rasa.command[rasa.command.index("-i") + 1] == "127.0.0.1"
    assert web.command[web.command.index("--host") + 1] == "0.0.0.0"
    env = child_env(settings)
    assert env["SANIC_HOST"] == "127.0.0.1"
    assert env["ACTION_SERVER_TOKEN"] == settings.action_server_token
    for service in (action, rasa, web):
        for secret in (settings.rasa_auth_token, settings.secret_key, settings.action_server_token):
            assert secret not in " ".join(service.command)
    wider = load_settings(
        env_file=tmp_path / "no.env",
        environ={**base, "RASA_HOST": "10.0.0.2", "ACTION_HOST": "10.0.0.3"},
    )
    assert wider.rasa_url == f"http://10.0.0.2:{wider.rasa_port}"
    assert wider.action_url == f"http://10.0.0.3:{wider.action_port}"


def test_an_action_server_token_placeholder_is_refused_outside_demo(tmp_path: Path) -> None:
    environ = {
        "JIM_DEMO": "false",
        "RASA_AUTH_TOKEN": "r" * 40,
        "SECRET_KEY": "s" * 40,
        "ACTION_SERVER_TOKEN": "change-me-action-token",
    }
    with pytest.raises(SettingsError, match="ACTION_SERVER_TOKEN"):
        load_settings(env_file=tmp_path / "no.env", environ=environ)


# --- `jim setup` twice -------------------------------------------------------------------------


def test_setup_twice_is_idempotent_and_does_not_retrain(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", with_model=True)
    model = project / "models" / training.model_path(PROJECT_DIR).name
    model_mtime = model.stat().st_mtime_ns
    db = tmp_path / "setup.db"
    env = clean_env(DATABASE_URL=f"sqlite:///{db}")

    first = run_cli(project, "setup", env=env, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Made .env" in first.stdout
    assert (project / "pipelines" / "nl_jim_v1" / "meta.json").exists()
    assert f"Up to date: {model.name}" in first.stdout
    env_text = (project / ".env").read_text()

    second = run_cli(project, "setup", env=env, timeout=300)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Using the existing .env." in second.stdout
    assert "Up to date: nl_jim_v1" in second.stdout
    assert f"Up to date: {model.name}" in second.stdout
    assert "Trained" not in first.stdout + second.stdout

    assert (project / ".env").read_text() == env_text
    assert model.stat().st_mtime_ns == model_mtime
    assert sorted(p.name for p in (project / "models").iterdir()) == [model.name]
    engine = make_engine(f"sqlite:///{db}")
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"alembic_version", "teams", "coaches", "nominations"} <= tables


# --- the model's fingerprint -----------------------------------------------------------------


@pytest.mark.parametrize(
    "changed",
    [
        "bot/nlu/word_intents.py",  # the word model's analyzers: the features the model saved
        "bot/nlu/safety.py",  # imported by nlu_components/crisis_guard.py
        "bot/nlu/odd_input.py",  # imported by bot/nlu/name_roles.py, two steps away
        "nlu_components/spacy_nl.py",
        "data/nlu/start.yml",
        "config.yml",
        "domain.yml",
    ],
)
def test_a_change_in_any_file_that_shapes_the_model_gives_a_new_model(
    tmp_path: Path, changed: str
) -> None:
    project = copy_project(tmp_path / "project")
    before = training.fingerprint(project)
    with (project / changed).open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    assert training.fingerprint(project) != before


def test_a_change_elsewhere_keeps_the_model(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = training.fingerprint(project)
    with (project / "bot" / "web" / "portal.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    assert training.fingerprint(project) == before


def test_setup_replaces_placeholders_of_an_existing_env(tmp_path: Path) -> None:
    """An installation from before placeholders were refused in demo mode keeps working."""
    env_file = tmp_path / ".env"
    shutil.copy2(PROJECT_DIR / ".env.example", env_file)
    with env_file.open("a") as extra:
        extra.write("WEB_PORT=8123\n")
    assert setup_steps.replace_placeholders(tmp_path) == [
        "RASA_AUTH_TOKEN",
        "SECRET_KEY",
        "ACTION_SERVER_TOKEN",
    ]
    settings = load_settings(env_file=env_file, environ={})
    assert settings.web_port == 8123 and len(settings.secret_key) >= 32
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    assert setup_steps.replace_placeholders(tmp_path) == []
