"""Start, watch and stop the three processes of the product.

Used by `jim run` (the README's start command) and by the integration tests, so the tests
start the product exactly the way a user does.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx

from bot.settings import Settings

BIN = Path(sys.executable).parent


@dataclass
class Service:
    """One process: how to start it and how to tell it is ready."""

    name: str
    command: list[str]
    health_url: str
    log_file: Path
    process: subprocess.Popen | None = field(default=None, repr=False)
    ready_after: float | None = None

    def is_ready(self) -> bool:
        try:
            return httpx.get(self.health_url, timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


class StartError(RuntimeError):
    """A process did not come up; the message says which and where its log is."""


def settings_as_env(settings: Settings) -> dict[str, str]:
    """The settings as environment variables, so every child sees exactly these."""
    return {
        "JIM_DEMO": "true" if settings.demo else "false",
        "JIM_HOST": settings.host,
        "RASA_HOST": settings.rasa_host,
        "ACTION_HOST": settings.action_host,
        "ACTION_SERVER_TOKEN": settings.action_server_token,
        "RASA_PORT": str(settings.rasa_port),
        "ACTION_PORT": str(settings.action_port),
        "WEB_PORT": str(settings.web_port),
        "DATABASE_URL": settings.database_url,
        "RASA_AUTH_TOKEN": settings.rasa_auth_token,
        "SECRET_KEY": settings.secret_key,
        "PUBLIC_URL": settings.public_url,
        "DEFAULT_TEAM": settings.default_team,
        "INVITE_DAYS": str(settings.invite_days),
        "CONSENT_TEXT_VERSION": settings.consent_text_version,
        "SMTP_HOST": settings.smtp_host,
        "SMTP_PORT": str(settings.smtp_port),
        "SMTP_FROM": settings.smtp_from,
        "NOTIFY_EMAIL": settings.notify_email,
        "RETENTION_DAYS": str(settings.retention_days),
        "LOCK_STORE_URL": settings.lock_store_url,
        # issue 19: the action server keeps unclear messages only when this is on
        "LEARN_FROM_CHATS": "true" if settings.learn_from_chats else "false",
        "REVIEW_KEEP_DAYS": str(settings.review_keep_days),
    }


def endpoints_file(settings: Settings) -> str:
    """endpoints.yml (in-memory lock store), or endpoints.redis.yml when LOCK_STORE_URL is set."""
    return "endpoints.redis.yml" if settings.lock_store_url else "endpoints.yml"


def lock_store_env(settings: Settings) -> dict[str, str]:
    """LOCK_STORE_URL split into the separate values Rasa's Redis lock store reads."""
    if not settings.lock_store_url:
        return {}
    url = urlparse(settings.lock_store_url)
    return {
        "LOCK_STORE_HOST": url.hostname or "127.0.0.1",
        "LOCK_STORE_PORT": str(url.port or 6379),
        "LOCK_STORE_DB": url.path.strip("/") or "0",
        "LOCK_STORE_PASSWORD": unquote(url.password or ""),
    }


def child_env(settings: Settings, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(settings_as_env(settings))
    env.update(
        {
            "ACTION_ENDPOINT_URL": f"{settings.action_url}/webhook",
            "SANIC_HOST": settings.action_host,
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONUNBUFFERED": "1",
            # This checkout's `bot` and `actions`, whatever else the venv points at.
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(settings.project_dir), os.environ.get("PYTHONPATH", "")) if p
            ),
            # Rasa's telemetry would send error reports to a third party: never.
            "RASA_TELEMETRY_ENABLED": "false",
        }
    )
    env.update(lock_store_env(settings))
    env.update(extra or {})
    return env


# Files the processes make (logs, the SQLite database and its -wal/-shm) are the youth's
# data: readable by this user only, whatever umask the shell had.
PRIVATE_UMASK = 0o077


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port of `host` that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def private_dir(path: Path) -> Path:
    """Make `path` (and missing parents) with mode 0700; an existing one is set to 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path


def open_private_log(path: Path):
    """The log file for appending, created 0600 (an existing one is set to 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "ab")


def build_services(settings: Settings, model: Path, log_dir: Path) -> list[Service]:
    private_dir(log_dir)
    # Rasa's own `rasa run`, through rasa_addons.server: it checks each action-server answer
    # with a validator made once instead of re-checking Rasa's constant schema every time.
    rasa = [sys.executable, "-m", "rasa_addons.server"]
    # The same origins as the web app's CORS (ALLOWED_ORIGINS): one list to keep right.
    cors = list(settings.allowed_origins)
    return [
        Service(
            name="action server",
            # rasa_sdk's server directly, as `rasa run actions` does after importing all of
            # Rasa (the same server in about half the memory, bench/startup.py), refusing
            # calls without ACTION_SERVER_TOKEN (rasa_addons/action_server.py).
            command=[
                sys.executable,
                "-m",
                "rasa_addons.action_server",
                "--actions",
                "actions",
                "-p",
                str(settings.action_port),
            ],
            health_url=f"{settings.action_url}/health",
            log_file=log_dir / "actions.log",
        ),
        Service(
            name="Rasa server",
            command=[
                *rasa,
                "run",
                "--model",
                str(model),
                # --auth-token comes from RASA_AUTH_TOKEN in the environment
                # (rasa_addons/server.py): a command line is visible to every user.
                "--enable-api",
                "-i",
                settings.rasa_host,
                "-p",
                str(settings.rasa_port),
                "--credentials",
                "credentials.yml",
                "--endpoints",
                endpoints_file(settings),
                *(["--cors", *cors] if cors else []),
            ],  # fmt: skip
            health_url=f"{settings.rasa_url}/status?token={settings.rasa_auth_token}",
            log_file=log_dir / "rasa.log",
        ),
        Service(
            name="web app",
            command=[
                str(BIN / "uvicorn"),
                "bot.web.app:create_app",
                "--factory",
                "--host",
                settings.host,
                "--port",
                str(settings.web_port),
                "--ws",
                "wsproto",
                "--no-access-log",
            ],  # fmt: skip
            health_url=f"{settings.web_url}/healthz",
            log_file=log_dir / "web.log",
        ),
    ]


class Stack:
    """The running product; use as a context manager or call start() and stop()."""

    def __init__(
        self,
        settings: Settings,
        model: Path,
        log_dir: Path,
        only: tuple[str, ...] | None = None,
        extra_env: dict[str, str] | None = None,
        services: list[Service] | None = None,
    ) -> None:
        """`only`: the names of the product's processes to start (default all);
        `services`: other processes to start instead (bot/run/scaleout.py)."""
        self.settings = settings
        if services is not None:
            self.services = list(services)
        else:
            self.services = [
                s
                for s in build_services(settings, model, log_dir)
                if only is None or s.name in only
            ]
        self.env = child_env(settings, extra_env)
        self.started_at = 0.0

    def start(self, timeout: float = 300, progress=print, while_loading=None) -> None:
        """Start every process, run `while_loading()` (if given), wait until all answer."""
        self.started_at = time.monotonic()
        for service in self.services:
            if service.is_ready():
                raise StartError(
                    f"something already answers at {service.health_url}: "
                    f"stop it or change the port in .env."
                )
            log = open_private_log(service.log_file)
            service.process = subprocess.Popen(
                service.command,
                cwd=self.settings.project_dir,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                umask=PRIVATE_UMASK,
            )
            log.close()
        if while_loading is not None:
            try:
                while_loading()  # e.g. base data, while Rasa loads its model
            except BaseException:
                self.stop()
                raise
        last_report = 0.0
        while True:
            elapsed = time.monotonic() - self.started_at
            waiting = []
            for service in self.services:
                if service.ready_after is not None:
                    continue
                if service.process.poll() is not None:
                    self.stop()
                    raise StartError(
                        f"the {service.name} stopped while starting; its log "
                        f"({service.log_file}) ends with:\n{service.log_tail()}"
                    )
                if service.is_ready():
                    service.ready_after = elapsed
                    progress(f"  {service.name} is ready after {elapsed:.0f} s")
                else:
                    waiting.append(service.name)
            if not waiting:
                return
            if elapsed > timeout:
                self.stop()
                raise StartError(f"still waiting for {', '.join(waiting)} after {timeout:.0f} s")
            if elapsed - last_report >= 15:
                progress(f"  waiting for {', '.join(waiting)} ({elapsed:.0f} s)")
                last_report = elapsed
            time.sleep(0.5)

    def stop(self) -> None:
        for service in self.services:
            if service.process and service.process.poll() is None:
                try:
                    os.killpg(service.process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 15
        for service in self.services:
            if not service.process:
                continue
            try:
                service.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(service.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                service.process.wait()

    def service(self, name: str) -> Service:
        return next(s for s in self.services if s.name == name)

    def stop_service(self, name: str) -> None:
        """Stop one process (fault tests; the others keep running)."""
        service = self.service(name)
        if service.process and service.process.poll() is None:
            os.killpg(service.process.pid, signal.SIGTERM)
            try:
                service.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(service.process.pid, signal.SIGKILL)
                service.process.wait()

    def restart_service(self, name: str, timeout: float = 300) -> float:
        """Stop one process, start it again, wait until it answers; returns the seconds."""
        self.stop_service(name)
        service = self.service(name)
        started = time.monotonic()
        with open_private_log(service.log_file) as log:
            service.process = subprocess.Popen(
                service.command,
                cwd=self.settings.project_dir,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                umask=PRIVATE_UMASK,
            )
        while not service.is_ready():
            if service.process.poll() is not None:
                raise StartError(f"the {name} stopped while restarting:\n{service.log_tail()}")
            if time.monotonic() - started > timeout:
                raise StartError(f"the {name} did not answer within {timeout:.0f} s")
            time.sleep(0.5)
        return time.monotonic() - started

    def first_dead(self) -> Service | None:
        for service in self.services:
            if service.process and service.process.poll() is not None:
                return service
        return None

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
