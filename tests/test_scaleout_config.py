"""The scale-out switch: SQLite and Rasa's in-memory lock store stay the default; with
LOCK_STORE_URL the Rasa servers get Rasa's Redis lock store (endpoints.redis.yml)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
import yaml

from bot.run.launcher import build_services, child_env, endpoints_file
from bot.settings import PROJECT_DIR, SettingsError, load_settings
from testkit.env import make_settings

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


def test_the_private_postgresql_asks_a_password_of_everyone(pg_server):
    """`jim run --scale` without a DATABASE_URL: its own PostgreSQL (the same class as here)
    with a generated password, never trust, also on 127.0.0.1."""
    import stat

    import psycopg2

    assert len(pg_server.password) >= 24
    assert stat.S_IMODE(pg_server.password_file.stat().st_mode) == 0o600
    with pytest.raises(psycopg2.OperationalError, match="password"):
        psycopg2.connect(host="127.0.0.1", port=pg_server.port, user="postgres", dbname="jim")
    with pytest.raises(psycopg2.OperationalError, match="password"):
        psycopg2.connect(
            host="127.0.0.1", port=pg_server.port, user="postgres", password="x", dbname="jim"
        )
    psycopg2.connect(
        host="127.0.0.1",
        port=pg_server.port,
        user="postgres",
        password=pg_server.password,
        dbname="jim",
    ).close()
    assert "trust" not in [
        line.split()[-1]
        for line in (pg_server.data_dir / "pg_hba.conf").read_text().splitlines()
        if line.split() and not line.startswith("#")
    ]


def test_the_private_redis_asks_its_password_which_is_not_on_the_command_line(tmp_path: Path):
    import shutil
    import socket
    import stat
    import subprocess
    import time

    from bot.run.scaleout import redis_service
    from testkit.env import free_port

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed: run scripts/ensure-services")
    port = free_port()
    service = redis_service("127.0.0.1", port, tmp_path, "pw-" + "x" * 30)
    config = tmp_path / "redis.conf"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert "pw-" not in " ".join(service.command)
    process = subprocess.Popen(service.command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not service.is_ready():
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes()
        assert b"pw-" not in cmdline
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"PING\r\n")
            assert sock.recv(64).startswith(b"-NOAUTH")
        wrong = dataclasses.replace(service, password="wrong")
        assert not wrong.is_ready()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_scale_out_keeps_rasa_and_actions_internal_when_the_web_app_binds_wide(tmp_path: Path):
    from bot.run.scaleout import nginx_config

    config = nginx_config(tmp_path, "127.0.0.1", 5005, [6001, 6002], 5055, [7001, 7002])
    text = config.read_text()
    assert "listen 127.0.0.1:5005;" in text and "listen 127.0.0.1:5055;" in text
    assert "0.0.0.0" not in text


def test_an_older_trusting_cluster_gets_a_password_at_its_next_start():
    """var/postgres made before passwords existed (initdb --auth=trust): the next start sets
    a password and demands it."""
    import shutil

    import psycopg2

    from testkit.postgres import ThrowawayPostgres, postgres_bin_dir, temporary_base

    if postgres_bin_dir() is None:
        pytest.skip("PostgreSQL is not installed: run scripts/ensure-services")
    base = temporary_base("jim-pg-old-")
    server = ThrowawayPostgres(base / "pg")
    try:
        server.base_dir.mkdir()
        if os.geteuid() == 0:
            shutil.chown(server.base_dir, "postgres", "postgres")
        server._run(str(server.bin_dir / "initdb"), "-D", str(server.data_dir), "-U", "postgres",
                    "--auth=trust", "--no-locale")  # fmt: skip
        server.start()
        with pytest.raises(psycopg2.OperationalError, match="password"):
            psycopg2.connect(host="127.0.0.1", port=server.port, user="postgres", dbname="jim")
        psycopg2.connect(server.url().replace("+psycopg2", "")).close()
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)
