"""More than one Rasa server: Rasa's own way to scale out, started with one command.

Rasa scales out by sharing state, not by anything home-made: every Rasa server reads and
writes conversations in one SQL tracker store (PostgreSQL, the same database as the
nominations) and takes turns per conversation through Rasa's Redis lock store, so a
conversation's messages are handled in order whichever server gets them. nginx gives the
servers one address and spreads the messages over them (round robin); the action servers
hold no state and sit behind nginx too.

`jim run --scale 2` starts this on one machine (README: "Growing"); the scale-out test and
the load benchmark start it through :class:`ScaleOutStack`. On more machines the same
pieces are spread out: set DATABASE_URL (PostgreSQL) and LOCK_STORE_URL (Redis) in `.env`
on every machine and point nginx at all Rasa servers.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from bot.run import setup_steps
from bot.run.launcher import Service, Stack, StartError, build_services, free_port, private_dir
from bot.run.postgres import PostgresServer, postgres_bin_dir
from bot.settings import Settings


def missing_programs() -> list[str]:
    """The Debian packages this module needs and does not find (empty: all there)."""
    missing = []
    if postgres_bin_dir() is None:
        missing.append("postgresql")
    if shutil.which("redis-server") is None:
        missing.append("redis-server")
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        missing.append("nginx")
    return missing


@dataclass
class RedisService(Service):
    """redis-server as one of the stack's processes; ready when it answers PING (after
    AUTH with its password)."""

    password: str = ""

    def is_ready(self) -> bool:
        url = urlparse(self.health_url)
        try:
            with socket.create_connection((url.hostname, url.port), timeout=2) as sock:
                auth = f"*2\r\n$4\r\nAUTH\r\n${len(self.password)}\r\n{self.password}\r\n"
                sock.sendall(auth.encode() + b"PING\r\n")
                answer = b""
                while b"PONG" not in answer and b"-" not in answer and len(answer) < 64:
                    chunk = sock.recv(64)
                    if not chunk:
                        break
                    answer += chunk
                return answer.startswith(b"+OK") and b"+PONG" in answer
        except OSError:
            return False


def redis_service(host: str, port: int, log_dir: Path, password: str) -> RedisService:
    """A private Redis for Rasa's locks: nothing written to disk (a lock lives seconds).

    It asks `password` of every client (`requirepass`). The password is in a config file
    readable by this user only (log_dir/redis.conf, 0600), not on the command line, which
    every user of the machine can read.
    """
    config = log_dir / "redis.conf"
    fd = os.open(config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(
            "# Written by bot/run/scaleout.py at every start.\n"
            f"bind {host}\nport {port}\nrequirepass {password}\n"
            'save ""\nappendonly no\ndaemonize no\nprotected-mode yes\n'
        )
    return RedisService(
        name="Redis",
        command=[shutil.which("redis-server") or "redis-server", str(config)],
        health_url=f"redis://{host}:{port}/0",
        log_file=log_dir / "redis.log",
        password=password,
    )


def nginx_config(
    run_dir: Path,
    host: str,
    rasa_port: int,
    rasa_servers: list[int],
    action_port: int,
    action_servers: list[int],
    action_host: str | None = None,
) -> Path:
    """An nginx.conf for the balancer: Rasa on one address, the action servers on another.

    The action servers get their own (internal) port: only Rasa calls them, so they are
    never reachable at the address the web app and other clients use. A message that
    cannot reach one Rasa server (stopped, refused) goes to the next; a message that did
    reach a server is never sent twice. socket.io clients stick to one server (ip_hash),
    as its long-polling transport needs.
    """
    action_host = action_host or host
    temp = run_dir / "nginx-temp"
    temp.mkdir(parents=True, exist_ok=True)
    rasa = "\n".join(f"    server {host}:{p} max_fails=1 fail_timeout=5s;" for p in rasa_servers)
    actions = "\n".join(
        f"    server {action_host}:{p} max_fails=1 fail_timeout=5s;" for p in action_servers
    )
    proxy = """      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_502 http_503;"""
    config = f"""# Written by bot/run/scaleout.py for `jim run --scale`; rewritten at every start.
worker_processes 1;
daemon off;
pid {run_dir / 'nginx.pid'};
error_log {run_dir / 'nginx-error.log'} warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {temp / 'body'};
  proxy_temp_path {temp / 'proxy'};
  fastcgi_temp_path {temp / 'fastcgi'};
  uwsgi_temp_path {temp / 'uwsgi'};
  scgi_temp_path {temp / 'scgi'};
  client_max_body_size 1m;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  upstream rasa {{
{rasa}
  }}
  upstream rasa_sticky {{
    ip_hash;
{rasa}
  }}
  upstream actions {{
{actions}
  }}
  server {{
    listen {host}:{rasa_port};
    location = /balancer-health {{ return 200 "ok\\n"; }}
    location /socket.io/ {{
      proxy_pass http://rasa_sticky;
{proxy}
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
    }}
    location / {{
      proxy_pass http://rasa;
{proxy}
    }}
  }}
  server {{
    listen {action_host}:{action_port};
    # Rasa sends the whole conversation to the action server: no size limit, kept in memory.
    client_max_body_size 0;
    client_body_buffer_size 1m;
    location = /balancer-health {{ return 200 "ok\\n"; }}
    location / {{
      proxy_pass http://actions;
{proxy}
    }}
  }}
}}
"""
    path = run_dir / "nginx.conf"
    path.write_text(config, encoding="utf-8")
    return path


def nginx_service(config: Path, host: str, port: int, log_dir: Path) -> Service:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    run_dir = config.parent
    return Service(
        name="nginx",
        command=[
            nginx,
            "-p",
            str(run_dir),
            "-e",
            str(run_dir / "nginx-error.log"),
            "-c",
            str(config),
        ],  # fmt: skip
        health_url=f"http://{host}:{port}/balancer-health",
        log_file=log_dir / "nginx.log",
    )


class ScaleOutStack:
    """Several Rasa servers and action servers behind one nginx address, sharing PostgreSQL
    (nominations and Rasa's SQL tracker store) and Redis (Rasa's lock store).

    Why a class: `jim run --scale`, the scale-out test and the load benchmark all start
    exactly the same thing, the way Rasa documents scaling out.

    Args:
        settings: the base settings (secrets, JIM_HOST, web port). Its RASA_PORT becomes
            nginx's public Rasa address, ACTION_PORT nginx's internal action address; the
            servers behind it get free ports.
        model: the trained model file (every Rasa server loads the same one).
        run_dir: folder for logs, nginx.conf and, when started here, PostgreSQL's data.
        servers: how many Rasa servers and how many action servers (default 2).
        database_url: a PostgreSQL URL to use. None: settings.database_url if that is
            PostgreSQL, else a private PostgreSQL server in run_dir/postgres.
        lock_store_url: a redis:// URL. None: settings.lock_store_url if set, else a
            private redis-server on a free port.
        web: also start the web app (default True), talking to Rasa through nginx.
        postgres_dir: where a private PostgreSQL keeps its data (default run_dir/postgres).
        postgres: the private server to start instead (tests: testkit's ThrowawayPostgres).

    Use `with ScaleOutStack(...) as stack:` or call start() and stop(). After start():
        rasa_url: the one address of all Rasa servers (nginx), e.g. for the web app.
        servers: the address of each Rasa server, for talking to one directly.
        action_urls: the address of each action server.
        database_url, lock_store_url: what the servers share.
        demo_token: the demo coach's API token (demo mode), else None.
        postgres: the private PostgresServer, or None when DATABASE_URL was given.
        settings: the effective settings (as the web app sees them).
        stack: the launcher Stack with every process (Redis, action servers "action
            server 1..n", Rasa servers "Rasa server 1..n", "web app", "nginx").
    stop_server(i) / start_server(i) stop or start Rasa server i (1-based), e.g. to show
    that the others carry on.
    """

    def __init__(
        self,
        settings: Settings,
        model: Path,
        run_dir: Path,
        servers: int = 2,
        database_url: str | None = None,
        lock_store_url: str | None = None,
        web: bool = True,
        postgres_dir: Path | None = None,
        postgres: PostgresServer | None = None,
    ) -> None:
        if servers < 1:
            raise ValueError("servers must be 1 or more")
        self.base_settings = settings
        self.model = Path(model)
        self.run_dir = Path(run_dir)
        self.count = servers
        self.web = web
        self.postgres_dir = Path(postgres_dir) if postgres_dir else self.run_dir / "postgres"
        if postgres is not None:
            self.postgres_dir = postgres.base_dir
        self._private_postgres = postgres
        self.demo_token: str | None = None
        self._database_url = database_url
        self._lock_store_url = lock_store_url
        self.postgres: PostgresServer | None = None  # set when a private one is started
        self.stack: Stack | None = None
        self.settings = settings
        self.database_url = ""
        self.lock_store_url = ""
        self.servers: list[str] = []
        self.action_urls: list[str] = []

    @property
    def rasa_url(self) -> str:
        return self.settings.rasa_url

    def _database(self) -> str:
        if self._database_url:
            return self._database_url
        if self.base_settings.database_url.startswith("postgresql"):
            return self.base_settings.database_url
        self.postgres = self._private_postgres or PostgresServer(self.postgres_dir)
        return self.postgres.start()

    def start(self, timeout: float = 420, progress=print) -> None:
        """Start PostgreSQL (if private), migrate, then every process; wait until all answer."""
        missing = missing_programs()
        if missing:
            raise StartError(
                f"missing {', '.join(missing)}: run scripts/ensure-services "
                f"(or apt-get install {' '.join(missing)})."
            )
        try:
            self._start(timeout, progress)
        except BaseException:
            self.stop()  # nothing stays behind: no PostgreSQL, no half-started servers
            raise

    def _start(self, timeout: float, progress) -> None:
        # Rasa and the action servers (and nginx's addresses for them) stay on their own,
        # internal addresses (RASA_HOST, ACTION_HOST), whatever JIM_HOST the web app has.
        rasa_host = self.base_settings.rasa_host
        action_host = self.base_settings.action_host
        # Logs 0700/0600; run_dir itself stays passable: nginx's workers (nobody, when
        # started as root) use its nginx-temp folder.
        self.run_dir.mkdir(parents=True, exist_ok=True)
        log_dir = private_dir(self.run_dir / "logs")
        self.database_url = self._database()
        processes: list[Service] = []
        lock_store_url = self._lock_store_url or self.base_settings.lock_store_url
        if not lock_store_url:
            redis_host = "127.0.0.1"
            redis_port = free_port(redis_host)
            password = secrets.token_urlsafe(24)
            lock_store_url = f"redis://:{password}@{redis_host}:{redis_port}/0"
            processes.append(redis_service(redis_host, redis_port, log_dir, password))
        self.lock_store_url = lock_store_url
        self.settings = dataclasses.replace(
            self.base_settings, database_url=self.database_url, lock_store_url=lock_store_url
        )
        setup_steps.migrate(self.settings)
        self.demo_token = setup_steps.ensure_base_data(self.settings)

        rasa_ports = [free_port(rasa_host) for _ in range(self.count)]
        action_ports = [free_port(action_host) for _ in range(self.count)]
        for number, (rasa_port, action_port) in enumerate(
            zip(rasa_ports, action_ports, strict=True), 1
        ):
            one = dataclasses.replace(self.settings, rasa_port=rasa_port, action_port=action_port)
            action, rasa, _web = build_services(one, self.model, log_dir)
            processes.append(
                dataclasses.replace(
                    action,
                    name=f"action server {number}",
                    log_file=log_dir / f"actions-{number}.log",
                )
            )
            processes.append(
                dataclasses.replace(
                    rasa, name=f"Rasa server {number}", log_file=log_dir / f"rasa-{number}.log"
                )
            )
        self.servers = [f"http://{rasa_host}:{port}" for port in rasa_ports]
        self.action_urls = [f"http://{action_host}:{port}" for port in action_ports]
        if self.web:
            processes.append(build_services(self.settings, self.model, log_dir)[2])
        config = nginx_config(
            self.run_dir,
            rasa_host,
            self.settings.rasa_port,
            rasa_ports,
            self.settings.action_port,
            action_ports,
            action_host=action_host,
        )
        processes.append(nginx_service(config, rasa_host, self.settings.rasa_port, log_dir))

        # One Stack for all processes: the launcher starts, watches and stops them.
        # Every child gets the same environment: ACTION_ENDPOINT_URL and RASA_PORT point at
        # nginx, so each Rasa server reaches any action server and the web app any Rasa.
        self.stack = Stack(self.settings, self.model, log_dir, services=processes)
        self.stack.start(timeout=timeout, progress=progress)

    def server_name(self, number: int) -> str:
        return f"Rasa server {number}"

    def stop_server(self, number: int) -> None:
        """Stop Rasa server `number` (1-based); nginx sends its messages to the others."""
        self.stack.stop_service(self.server_name(number))

    def start_server(self, number: int, timeout: float = 300) -> float:
        """Start Rasa server `number` again; returns the seconds until it answered."""
        return self.stack.restart_service(self.server_name(number), timeout=timeout)

    def _stop_postgres(self) -> None:
        if self.postgres is not None:
            self.postgres.stop()

    def stop(self) -> None:
        if self.stack is not None:
            self.stack.stop()
        self._stop_postgres()

    def __enter__(self) -> ScaleOutStack:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
