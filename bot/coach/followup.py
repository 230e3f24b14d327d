"""After the choice (issue 18): the status by code, choosing again, and the chat's side of it.

Pure storage logic, nothing from Rasa: `actions/after_choice.py` is the glue.

A reference code alone opens nothing. In a conversation that is not the nomination's own,
the status is told only when the chosen person's first name comes with it (compared
normalised: `bot.nlu.status_code.first_name_matches`), and never anything else: no name,
no reference, no detail. A wrong code and a wrong name get the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.nlu.status_code import first_name_matches
from bot.storage import repo
from bot.storage.models import Coach, Invite, Nomination

# Checks of a code and a name that may fail in one conversation; then it asks the coach.
MAX_TRIES = 3
# At most this many people named before are offered as buttons.
MAX_OFFERED = 3


def status_by_code(session: Session, code: str, words: list[str]) -> str | None:
    """The status of the nomination with this code, only when a word is its person's first
    name; else None (no such code, a demo, or the wrong name: the caller cannot tell)."""
    nomination = session.execute(
        select(Nomination).where(Nomination.reference == (code or "").upper())
    ).scalar_one_or_none()
    if nomination is None or nomination.demo:
        return None
    if not first_name_matches(nomination.mentor_name, words):
        return None
    return nomination.status


def own_reference(session: Session, conversation_id: str) -> str | None:
    nomination = repo.get_nomination_by_conversation(session, conversation_id)
    return nomination.reference if nomination else None


@dataclass(frozen=True)
class Person:
    """Someone the youth named before, as the choose-again buttons offer them."""

    number: int  # 1, 2, 3: what the button's payload says, never the name
    name: str
    relation: str | None


@dataclass(frozen=True)
class ChooseAgain:
    """What choosing again starts from: the people offered first, and the youth's answers."""

    people: list[Person]
    youth_name: str | None
    youth_age: int | None


def choose_again_source(
    session: Session, conversation_id: str, invite_code: str | None
) -> Nomination | None:
    """The nomination that did not work out that this conversation may choose again from.

    The conversation's own nomination when it is `niet_gelukt`; else, when the chat was
    opened with a coach's choose-again invite, the nomination of that invite (same team,
    `niet_gelukt`). Anything else: None.
    """
    own = repo.get_nomination_by_conversation(session, conversation_id)
    if own is not None and own.status == "niet_gelukt":
        return own
    if not invite_code:
        return None
    invite = session.execute(select(Invite).where(Invite.code == invite_code)).scalar_one_or_none()
    if invite is None or not invite.previous_nomination_id:
        return None
    if invite.conversation_id not in (None, conversation_id):
        return None  # the invite belongs to another conversation
    previous = session.get(Nomination, invite.previous_nomination_id)
    if previous is None or previous.team_id != invite.team_id or previous.status != "niet_gelukt":
        return None
    return previous


def choose_again(
    session: Session, conversation_id: str, invite_code: str | None
) -> ChooseAgain | None:
    """The people to offer first and the youth's name and age, or None when not allowed."""
    source = choose_again_source(session, conversation_id, invite_code)
    if source is None:
        return None
    people = [
        Person(number=i, name=alt.name, relation=alt.relation)
        for i, alt in enumerate(
            [a for a in source.alternatives if (a.name or "").strip()][:MAX_OFFERED], start=1
        )
    ]
    return ChooseAgain(people=people, youth_name=source.youth_name, youth_age=source.youth_age)


def create_choose_again_invite(
    session: Session, coach: Coach, nomination: Nomination, days: int
) -> Invite:
    """A coach's invite for a nomination that did not work out: the chat it opens offers the
    people named before first. Only for `niet_gelukt` of the coach's own team."""
    if nomination.team_id != coach.team_id or nomination.status != "niet_gelukt":
        raise ValueError("only a nomination of your team that did not work out")
    invite = repo.create_invite(session, coach, days)
    invite.previous_nomination_id = nomination.id
    session.flush()
    return invite
