"""A throwaway PostgreSQL server for tests and benchmarks.

The server itself is production's (`bot/run/postgres.py`, the own PostgreSQL of
`jim run --scale`); here it runs without fsync in a temporary folder that is removed
when it stops.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.run.postgres import PostgresServer, postgres_bin_dir

NOT_INSTALLED = "PostgreSQL is not installed: run scripts/ensure-services (apt postgresql)"


class ThrowawayPostgres(PostgresServer):
    """PostgresServer without fsync: faster, and a crash may lose data (tests only)."""

    def server_options(self) -> str:
        return (
            super().server_options()
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )


def temporary_base(prefix: str = "jim-pg-") -> Path:
    """A new temporary folder the postgres user may enter (as root the server runs as it)."""
    base = Path(tempfile.mkdtemp(prefix=prefix))
    base.chmod(0o711)
    return base


@contextmanager
def throwaway_postgres(prefix: str = "jim-pg-") -> Iterator[ThrowawayPostgres]:
    """A started ThrowawayPostgres in a new temporary folder; stopped and removed after.

    Callers check `postgres_bin_dir()` first when they want a skip with a message.
    """
    base = temporary_base(prefix)
    server = ThrowawayPostgres(base / "pg")
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


__all__ = [
    "NOT_INSTALLED",
    "ThrowawayPostgres",
    "postgres_bin_dir",
    "temporary_base",
    "throwaway_postgres",
]
