"""A youth's withdrawal (issue 22): hidden for UNDO_MINUTES, then gone everywhere.

Confirmed in the chat first (`bot/dialogue/confirm.py`), a withdrawal hides the nomination's
details at once (coaches and the API see only `ingetrokken`). Within `UNDO_MINUTES` the
youth can say "toch wel" and everything is back as it was; the coach was told once and
is not told again. When the time is over, `finish_due` (run by the web app's sender loop
and by `jim notify --once`) removes the details for good: from the nomination, from
Rasa's tracker store (the youth's typed names, number and reason), and tells every
receiver that got `nomination.created` with `nomination.withdrawn` through the outbox.
Nothing is sent for a withdrawal that was undone in time.

Imports nothing from Rasa.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.coach import notify
from bot.settings import Settings
from bot.storage import Nomination, Team, privacy, repo
from bot.storage.models import utcnow

logger = logging.getLogger(__name__)


def withdraw(
    engine: Engine, settings: Settings, conversation_id: str, now: datetime | None = None
) -> str | None:
    """Withdraw this conversation's nomination, undoable for UNDO_MINUTES; its reference."""
    now = now or utcnow()
    undo_until = now + timedelta(minutes=settings.undo_minutes)
    with Session(engine) as session, session.begin():
        nomination = repo.withdraw_nomination(session, conversation_id, undo_until=undo_until)
        return nomination.reference if nomination else None


def undo(engine: Engine, conversation_id: str, now: datetime | None = None) -> tuple[str, str]:
    """ "toch wel": ("restored" | "too_late" | "nothing", reference or "")."""
    with Session(engine) as session, session.begin():
        nomination, outcome = repo.restore_nomination(session, conversation_id, now=now)
        return outcome, nomination.reference if nomination is not None else ""


def withdrawn_state(
    engine: Engine, conversation_id: str, now: datetime | None = None
) -> str | None:
    """Whether this conversation's choice was already withdrawn ("haal weg" said twice).

    "undoable" within UNDO_MINUTES (the youth can still say "toch wel"), "final" after it,
    None when nothing of this conversation is withdrawn.
    """
    now = now or utcnow()
    with Session(engine) as session:
        nomination = repo.get_nomination_by_conversation(session, conversation_id)
        if nomination is None or nomination.status != "ingetrokken":
            return None
        if nomination.hidden_details and nomination.undo_until and nomination.undo_until > now:
            return "undoable"
        return "final"


def _claim(engine: Engine, nomination_id: str, undo_until: datetime) -> bool:
    """Take this withdrawal for this process; False if another sender finished it first."""
    with Session(engine) as session, session.begin():
        claimed = session.execute(
            update(Nomination)
            .where(Nomination.id == nomination_id, Nomination.undo_until == undo_until)
            .values(undo_until=None, hidden_details=None)
            .execution_options(synchronize_session=False)
        ).rowcount
        if claimed != 1:
            return False
        nomination = session.get(Nomination, nomination_id)
        team = session.get(Team, nomination.team_id)
        notify.enqueue_withdrawn(session, team, nomination)
        return True


def finish_due(engine: Engine, settings: Settings, now: datetime | None = None) -> int:
    """Remove for good the details of every withdrawal whose undo time is over.

    The tracker store is scrubbed first (it can be done twice without harm), then the
    details are dropped and the `nomination.withdrawn` rows are added in one transaction,
    claimed so that two senders never add them twice. Returns how many were finished.
    """
    now = now or utcnow()
    with Session(engine) as session:
        due = [
            (
                n.id,
                n.conversation_id.split(privacy.OLD_SUFFIX)[0],
                n.undo_until,
                n.withdrawn_at,
                repo.hidden_values(n.hidden_details),
            )
            for n in repo.withdrawals_due(session, now)
        ]
    finished = 0
    for nomination_id, conversation_id, undo_until, withdrawn_at, values in due:
        privacy.scrub_conversation(engine, conversation_id, values, until=withdrawn_at)
        if _claim(engine, nomination_id, undo_until):
            finished += 1
            logger.info("withdrawal of nomination %s finished", nomination_id)
    return finished


def settle_before_new_choice(session: Session, conversation_id: str) -> None:
    """A youth who withdrew and now chooses again: the old withdrawal cannot be undone.

    Called in the handoff transaction before the new nomination is stored. When a
    notification went out for it, the old, withdrawn record keeps its id (so receivers
    get `nomination.withdrawn` for the id they know, from `finish_due` at its next run)
    under a conversation id that frees the real one for the new nomination.
    """
    old = repo.get_nomination_by_conversation(session, conversation_id)
    if old is None or old.status != "ingetrokken":
        return
    told = session.execute(
        select(notify.OutboxMessage.id).where(notify.OutboxMessage.nomination_id == old.id)
    ).first()
    if told is None:
        return  # nobody knows it: save_nomination deletes it as before
    if old.undo_until is not None:
        old.undo_until = utcnow()  # finish_due makes it final at its next run
    old.conversation_id = f"{conversation_id}{privacy.OLD_SUFFIX}{old.reference}"
    session.flush()
