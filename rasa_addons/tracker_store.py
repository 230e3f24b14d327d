"""Rasa's SQL tracker store, with every pooled connection checked before it is used.

Why: Rasa's own SQLTrackerStore keeps its PostgreSQL connections in a pool without checking
them. After the database was away for a moment (a restart, an update, a fail-over) the
first message on each Rasa server meets a dead connection; Rasa then carries on with an
empty stand-in conversation, so the youth hears "Dat snap ik niet" and that message is
lost. With SQLAlchemy's pool_pre_ping the connection is tested first and made anew when
dead. Everything else is Rasa's own class.

Used by endpoints.redis.yml (more than one Rasa server on PostgreSQL; README: "Growing").
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs


class PrePingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose connection pool survives a database restart."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url.render_as_string(hide_password=False)
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
