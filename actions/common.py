"""Shared helpers of the actions. The engine is made on first use, not at import."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.engine import Engine

from bot.settings import Settings, get_settings
from bot.storage import make_engine


def settings() -> Settings:
    return get_settings()


@lru_cache(maxsize=1)
def engine() -> Engine:
    """One connection pool per action server process; each action opens its own Session."""
    return make_engine(settings().database_url)
