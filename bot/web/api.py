"""Coach JSON API: a bearer token per team (issue 17: integration tokens made by a
teamleider in the portal; the coach tokens of before keep working), and a caller only ever
sees its own team. Every read and status change goes into the access log (NEN 7513).

Anything outside the coach's team answers 404, exactly as if it did not exist, so ids of
other teams cannot be probed. The OpenAPI description (/openapi.json, /docs) shows the
bearer scheme.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Extra
from sqlalchemy.orm import Session

from bot.accounts import access_log
from bot.accounts.tokens import Caller
from bot.coach import coach_signal, coaching
from bot.storage import repo
from bot.storage.models import STATUSES
from bot.web import ratelimit
from bot.web.deps import TOO_MANY, current_coach, get_session

NOT_FOUND = "No nomination with this id in your team."


class ErrorOut(BaseModel):
    detail: str


# Documented, so clients (and tests/test_api_fuzz.py) know every answer they can get.
_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}
router = APIRouter(
    prefix="/api",
    responses={
        401: {"model": ErrorOut, "description": "No valid coach token"},
        429: {"model": ErrorOut, "description": TOO_MANY, "headers": _RETRY_AFTER},
    },
)
NOT_IN_TEAM = {404: {"model": ErrorOut, "description": NOT_FOUND}}
# A pattern, not a check in the route: a wrong status is FastAPI's documented 422.
STATUS_FILTER = Query(
    None, description="Only nominations with this status", pattern="^(" + "|".join(STATUSES) + ")$"
)


def log_access(request: Request, session: Session, caller: Caller, action: str, **about) -> None:
    """One access-log entry for this API request (the caller commits)."""
    access_log.record(
        session,
        team_id=caller.team_id,
        actor_id=caller.actor_id,
        actor_name=caller.name,
        channel="api",
        action=action,
        address=ratelimit.client_ip(request),
        **about,
    )


class StatusUpdate(BaseModel):
    """Body of PATCH /api/nominations/{id}."""

    status: Literal["nieuw", "in_contact", "jim_gestart", "niet_gelukt", "ingetrokken"]

    class Config:
        extra = Extra.forbid


class InviteOut(BaseModel):
    code: str
    url: str
    expires_at: str


def _own_nomination(session: Session, coach: Caller, nomination_id: str):
    nomination = repo.get_nomination(session, coach.team_id, nomination_id)
    if nomination is None:
        raise HTTPException(404, detail=NOT_FOUND)
    return nomination


@router.post("/invites", tags=["invites"], status_code=201, response_model=InviteOut)
def create_invite(
    request: Request,
    coach: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> dict:
    """A new, unguessable invite for one youth; the link opens the chat for your team."""
    settings = request.app.state.settings
    if coach.coach is not None:
        invite = repo.create_invite(session, coach.coach, settings.invite_days)
    else:  # an integration token: the team's invite, no coach named
        team_only = SimpleNamespace(id=None, team_id=coach.team_id)
        invite = repo.create_invite(session, team_only, settings.invite_days)
    code, expires_at = invite.code, invite.expires_at
    session.commit()
    return {
        "code": code,
        "url": coaching.invite_url(settings.public_url, code),
        "expires_at": expires_at.isoformat(),
    }


# issue 25: the fields of the nomination JSON that need a word (OpenAPI description).
NOMINATION_FIELDS = """
`youth.conversation_id` is a pseudonym (`gesprek-...`), never the chat's own id.

`mentor.asked_by`: who asks the chosen person whether they want to be the JIM, as the youth
said before the yes: `jongere` (the youth), `samen` (the youth with the coach), `coach`
(the coach), or null (not asked: nominations from before this question).

`youth.parents_answer`: under 16 only, the youth's answer before the yes to "your coach asks
your parents too": `ja`, `nee` (the youth does not want it: talk with the youth first),
`coach` (the youth told the bot about danger at home: talk with the youth, not the
parents), or null (16 or older, or not asked).

`alternatives`: the other people the youth named and agreed the coach may know.
"""


MAX_OFFSET = 1_000_000_000


@router.get("/nominations", tags=["nominations"], description=NOMINATION_FIELDS)
def list_nominations(
    request: Request,
    response: Response,
    status: str | None = STATUS_FILTER,
    limit: int = Query(50, ge=1, le=500),
    # bounded: a huge offset is a clear 422, not a database overflow (SQLite: 64 bits)
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    coach: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> list[dict]:
    """Your team's nominations, newest first. `X-Total-Count` holds the total for the filter.

    `youth.conversation_id` is a pseudonym (`gesprek-...`), never the chat's own id.
    """
    rows = repo.list_nominations(session, coach.team_id, status, limit, offset)
    response.headers["X-Total-Count"] = str(
        coaching.count_nominations(session, coach.team_id, status)
    )
    out = [repo.nomination_to_dict(n) for n in rows]
    filters = f"status={status or 'alle'} limit={limit} offset={offset}"
    log_access(request, session, coach, "list", detail=filters)
    session.commit()
    return out


# Declared before /nominations/{nomination_id} so ".csv" is never taken for an id.
@router.get(
    "/nominations.csv",
    tags=["nominations"],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def export_nominations(
    request: Request,
    coach: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> Response:
    """All nominations of your team as CSV (safe to open in a spreadsheet)."""
    content = coaching.export_csv(session, coach.team_id)
    log_access(request, session, coach, "export", detail="alle nominaties (CSV)")
    session.commit()
    return Response(
        content=content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="nominaties.csv"'},
    )


@router.get(
    "/nominations/{nomination_id}",
    tags=["nominations"],
    responses=NOT_IN_TEAM,
    description="One nomination of your team (404 for anything else).\n" + NOMINATION_FIELDS,
)
def get_nomination(
    request: Request,
    nomination_id: str,
    coach: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> dict:
    """One nomination of your team (404 for anything else).

    `youth.conversation_id` is a pseudonym (`gesprek-...`), never the chat's own id.
    """
    nomination = _own_nomination(session, coach, nomination_id)
    out = repo.nomination_to_dict(nomination)
    log_access(request, session, coach, "detail", nomination=nomination)
    session.commit()
    return out


@router.patch(
    "/nominations/{nomination_id}",
    tags=["nominations"],
    responses={
        **NOT_IN_TEAM,
        400: {"model": ErrorOut, "description": "The body is not JSON"},
        409: {"model": ErrorOut, "description": "Step not allowed"},
    },
)
def update_status(
    request: Request,
    nomination_id: str,
    body: StatusUpdate,
    coach: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> dict:
    """Move the status on: nieuw → in_contact → jim_gestart or niet_gelukt (409 otherwise)."""
    nomination = _own_nomination(session, coach, nomination_id)
    try:
        coaching.change_status(session, nomination, coach, body.status)
    except coaching.TransitionError as error:
        session.rollback()
        raise HTTPException(409, detail=str(error)) from None
    log_access(request, session, coach, "status", nomination=nomination, detail=body.status)
    session.commit()
    return repo.nomination_to_dict(nomination)


@router.get("/nominations/{nomination_id}/history", tags=["nominations"], responses=NOT_IN_TEAM)
def nomination_history(
    request: Request,
    nomination_id: str,
    coach: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> list[dict]:
    """Every status change of this nomination, oldest first: when, who, from, to."""
    nomination = _own_nomination(session, coach, nomination_id)
    out = [coaching.history_to_dict(c) for c in coaching.history(session, nomination)]
    log_access(request, session, coach, "history", nomination=nomination)
    session.commit()
    return out


# --- issue 24, item 6: coach signals ("a youth asks to be called soon") ------------------
SIGNAL_NOT_FOUND = "No signal with this id in your team."
SIGNAL_NOT_IN_TEAM = {404: {"model": ErrorOut, "description": SIGNAL_NOT_FOUND}}


class SafetySignalOut(BaseModel):
    """A youth said yes to "may your coach call you soon?". No name, no message."""

    id: str
    event: Literal["safety.contact_requested"]
    created_at: str
    team: str
    reference: str | None
    conversation: str
    coach: str | None
    handled_at: str | None
    handled_by: str | None


def _signals_out(session: Session, signals: list) -> list[dict]:
    coaches = coach_signal.invite_coaches(session, signals)
    return [coach_signal.signal_to_dict(s, coaches.get(s.id)) for s in signals]


@router.get("/safety-signals", tags=["safety"], response_model=list[SafetySignalOut])
def list_safety_signals(
    all: bool = Query(False, description="Also the handled ones"),  # noqa: A002 - query name
    coach: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> list[dict]:
    """Your team's coach signals, newest first: open ones (or all with `?all=true`).

    `reference` is the youth's nomination, if there is one; `coach` the coach whose invite
    opened the conversation; `conversation` a keyed hash of the conversation, never the id.
    """
    return _signals_out(session, coach_signal.list_signals(session, coach.team_id, all))


@router.post(
    "/safety-signals/{signal_id}/handled",
    tags=["safety"],
    response_model=SafetySignalOut,
    responses=SIGNAL_NOT_IN_TEAM,
)
def handle_safety_signal(
    signal_id: str,
    coach: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> dict:
    """Mark a signal handled (you called the youth): records who and when. Marking it again
    changes nothing and answers the same."""
    signal = coach_signal.get_signal(session, coach.team_id, signal_id)
    if signal is None:
        raise HTTPException(404, detail=SIGNAL_NOT_FOUND)
    coach_signal.mark_handled(session, signal, coach.coach or SimpleNamespace(id=None))
    session.commit()
    return _signals_out(session, [signal])[0]
