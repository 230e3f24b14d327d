"""The own PostgreSQL server of `jim run --scale`: a private cluster in a folder of its own.

Used when DATABASE_URL is not PostgreSQL (README: "Growing"). The tests and benchmarks
start the same server without fsync through `testkit/postgres.py`.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

from bot.run.launcher import PRIVATE_UMASK, StartError, free_port

POSTGRES_ROOT = Path("/usr/lib/postgresql")
DATABASE_NAME = "jim"


def postgres_bin_dir() -> Path | None:
    """Debian keeps PostgreSQL's server programs out of PATH: the newest installed version."""
    found = sorted(
        POSTGRES_ROOT.glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresServer:
    """A private PostgreSQL server in a folder of its own, on one TCP port of 127.0.0.1.

    Why: `jim run --scale` (and the tests, through testkit/postgres.py) need a real
    PostgreSQL without touching (or needing) a system cluster. PostgreSQL refuses to run
    as root, so as root the server runs as the `postgres` user that Debian's package
    creates. It listens on 127.0.0.1 only and asks a password (scram-sha-256) of every
    connection, also from this machine: the password is generated at the first start and
    kept in `<base_dir>/password` (0600), handed to initdb in a file, never on a command
    line. A cluster made before (trust) gets the password and password authentication at
    its next start.
    """

    def __init__(self, base_dir: Path, port: int | None = None) -> None:
        self.base_dir = Path(base_dir)
        self.data_dir = self.base_dir / "data"
        self.log_file = self.base_dir / "postgres.log"
        self.port = port or free_port()
        self.bin_dir = postgres_bin_dir()
        self.password_file = self.base_dir / "password"
        self.password = ""

    def url(self, database: str = DATABASE_NAME) -> str:
        password = quote(self.password, safe="")
        return f"postgresql+psycopg2://postgres:{password}@127.0.0.1:{self.port}/{database}"

    def _load_password(self) -> str:
        """The cluster's password: read from password_file, or made and written (0600)."""
        if self.password_file.exists():
            self.password = self.password_file.read_text(encoding="utf-8").strip()
        if not self.password:
            self.password = secrets.token_urlsafe(24)
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(self.password + "\n")
        self.password_file.chmod(0o600)
        if os.geteuid() == 0:  # initdb (as postgres) reads it
            shutil.chown(self.password_file, "postgres", "postgres")
        return self.password

    def _require_passwords(self) -> None:
        """An older cluster made with trust: set the password, then demand it (reload)."""
        hba = self.data_dir / "pg_hba.conf"
        lines = hba.read_text(encoding="utf-8").splitlines()
        if not any(
            line.split() and not line.lstrip().startswith("#") and line.split()[-1] == "trust"
            for line in lines
        ):
            return
        import psycopg2

        connection = psycopg2.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres"
        )
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("SET password_encryption = 'scram-sha-256'")
                cursor.execute("ALTER USER postgres PASSWORD %s", (self.password,))
        finally:
            connection.close()
        fixed = [
            line.rsplit("trust", 1)[0] + "scram-sha-256"
            if line.split() and not line.lstrip().startswith("#") and line.split()[-1] == "trust"
            else line
            for line in lines
        ]
        hba.write_text("\n".join(fixed) + "\n", encoding="utf-8")
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "reload")

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(
            [*as_user, *command],
            check=check,
            umask=PRIVATE_UMASK,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=120,
        )

    def server_options(self) -> str:
        """The options of `postgres`: its port, 127.0.0.1 only, no Unix socket."""
        return f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"

    def start(self) -> str:
        """Create the cluster if new, start it, make the `jim` database; returns its URL."""
        if self.bin_dir is None:
            raise StartError(
                "PostgreSQL is not installed: run scripts/ensure-services "
                "(or apt-get install postgresql)."
            )
        self.base_dir.mkdir(parents=True, exist_ok=True)
        self.base_dir.chmod(0o700)  # password file, log and data: this user (or postgres) only
        if os.geteuid() == 0:
            shutil.chown(self.base_dir, "postgres", "postgres")
            for parent in self.base_dir.resolve().parents:
                if not parent.stat().st_mode & 0o001:
                    raise StartError(
                        f"PostgreSQL runs as the postgres user, which cannot enter {parent}: "
                        f"use a folder others may enter (chmod o+x {parent})."
                    )
        self._load_password()
        if not (self.data_dir / "PG_VERSION").exists():
            done = self._run(
                str(self.bin_dir / "initdb"),
                "-D", str(self.data_dir),
                "-U", "postgres",
                "--auth=scram-sha-256",
                f"--pwfile={self.password_file}",
                "-E", "UTF8",
                "--no-locale",
                check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise StartError(f"initdb failed:\n{done.stdout[-2000:]}")
        options = self.server_options()
        done = self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D", str(self.data_dir),
            "-l", str(self.log_file),
            "-o", options,
            "-w", "-t", "60",
            "start",
            check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise StartError(
                f"PostgreSQL did not start; {self.log_file} ends with:\n{self._tail()}"
            )
        self._require_passwords()
        self.create_database(DATABASE_NAME)
        return self.url()

    def create_database(self, name: str) -> str:
        """An empty database (kept if it exists); returns its URL."""
        import psycopg2

        connection = psycopg2.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            password=self.password,
            dbname="postgres",
        )
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
                if cursor.fetchone() is None:
                    cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()
        return self.url(name)

    def is_running(self) -> bool:
        if self.bin_dir is None or not self.data_dir.exists():
            return False
        return self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "status",
                         check=False).returncode == 0  # fmt: skip

    def stop(self) -> None:
        if self.is_running():
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast",
                      "-w", "stop", check=False)  # fmt: skip

    def _tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
