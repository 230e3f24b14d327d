"""Small additions to Rasa itself, loaded by the Rasa server from endpoints files.

Kept apart from `bot` (product logic, which imports nothing from Rasa) and from `actions`
(the action server must not import Rasa: it would double its memory).

Every repair here replaces something inside Rasa and relies on its private members, so it
is made for one Rasa version only (`RASA_VERSION`, pinned in constraints.txt). With any
other version installed, nothing is replaced: one log line says so and Rasa runs as it is.
"""

from __future__ import annotations

import logging

RASA_VERSION = "3.6.21"

logger = logging.getLogger(__name__)
_told = False


def installed_rasa_version() -> str:
    import rasa

    return str(getattr(rasa, "__version__", "unknown"))


def rasa_matches(version: str | None = None) -> bool:
    """True when the installed Rasa is the one the repairs were made and tested for.

    Logs one line (once per process) when it is not.
    """
    global _told
    version = installed_rasa_version() if version is None else version
    if version == RASA_VERSION:
        return True
    if not _told:
        logger.warning(
            "rasa_addons: made for Rasa %s, found Rasa %s: Rasa runs unchanged, "
            "without the repairs (README, Layout).",
            RASA_VERSION,
            version,
        )
        _told = True
    return False
