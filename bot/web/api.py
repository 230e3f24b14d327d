"""Coach JSON API: a bearer token per coach, and a coach only ever sees their own team.

Anything outside the coach's team answers 404, exactly as if it did not exist, so ids of
other teams cannot be probed. The OpenAPI description (/openapi.json, /docs) shows the
bearer scheme.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Extra
from sqlalchemy.orm import Session

from bot.coach import coach_signal, coaching
from bot.storage import Coach, repo
from bot.storage.models import STATUSES
from bot.web import ratelimit

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="coachToken",
    description="The coach token from `jim coach add` or `jim coach rotate`.",
)
NOT_FOUND = "No nomination with this id in your team."
TOO_MANY = "Too many wrong tokens; try again after Retry-After seconds."


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


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


def current_coach(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
    session: Session = Depends(get_session),
) -> Coach:
    """The coach of the bearer token. After RATE_API_FAILURES wrong tokens for one account
    (the token's first characters) in 15 minutes, that account waits, longer at each further
    failure; after RATE_API_FAILURES_PER_IP from one address, that address does. Both get 429
    before any token is looked at: guessing stops, and colleagues behind the same NAT are not
    locked out by one coach's mistakes."""
    limits = ratelimit.limits(request)
    ip = ratelimit.client_ip(request)
    token = credentials.credentials if credentials else ""
    wait = ratelimit.failure_wait(limits.api_failures, limits.api_failures_ip, ip, token)
    if wait:
        raise HTTPException(429, detail=TOO_MANY, headers=ratelimit.retry_after_header(wait))
    coach = repo.coach_for_token(session, token)
    if coach is None:
        if token:  # no token at all is a mistake, not a guess
            ratelimit.record_failure(limits.api_failures, limits.api_failures_ip, ip, token)
        raise HTTPException(
            status_code=401,
            detail="A valid coach token is needed (Authorization: Bearer <token>).",
            headers={"WWW-Authenticate": "Bearer"},
        )
    limits.api_failures.clear(ratelimit.account_key(token))
    return coach


class StatusUpdate(BaseModel):
    """Body of PATCH /api/nominations/{id}."""

    status: Literal["nieuw", "in_contact", "jim_gestart", "niet_gelukt", "ingetrokken"]

    class Config:
        extra = Extra.forbid


class InviteOut(BaseModel):
    code: str
    url: str
    expires_at: str


def _own_nomination(session: Session, coach: Coach, nomination_id: str):
    nomination = repo.get_nomination(session, coach.team_id, nomination_id)
    if nomination is None:
        raise HTTPException(404, detail=NOT_FOUND)
    return nomination


@router.post("/invites", tags=["invites"], status_code=201, response_model=InviteOut)
def create_invite(
    request: Request,
    coach: Coach = Depends(current_coach),
    session: Session = Depends(get_session),
) -> dict:
    """A new, unguessable invite for one youth; the link opens the chat for your team."""
    settings = request.app.state.settings
    invite = repo.create_invite(session, coach, settings.invite_days)
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


@router.get("/nominations", tags=["nominations"], description=NOMINATION_FIELDS)
def list_nominations(
    response: Response,
    status: str | None = STATUS_FILTER,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    coach: Coach = Depends(current_coach),
    session: Session = Depends(get_session),
) -> list[dict]:
    """Your team's nominations, newest first. `X-Total-Count` holds the total for the filter.

    `youth.conversation_id` is a pseudonym (`gesprek-...`), never the chat's own id.
    """
    rows = repo.list_nominations(session, coach.team_id, status, limit, offset)
    response.headers["X-Total-Count"] = str(
        coaching.count_nominations(session, coach.team_id, status)
    )
    return [repo.nomination_to_dict(n) for n in rows]


# Declared before /nominations/{nomination_id} so ".csv" is never taken for an id.
@router.get(
    "/nominations.csv",
    tags=["nominations"],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def export_nominations(
    coach: Coach = Depends(current_coach), session: Session = Depends(get_session)
) -> Response:
    """All nominations of your team as CSV (safe to open in a spreadsheet)."""
    return Response(
        content=coaching.export_csv(session, coach.team_id),
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
    nomination_id: str,
    coach: Coach = Depends(current_coach),
    session: Session = Depends(get_session),
) -> dict:
    """One nomination of your team (404 for anything else).

    `youth.conversation_id` is a pseudonym (`gesprek-...`), never the chat's own id.
    """
    return repo.nomination_to_dict(_own_nomination(session, coach, nomination_id))


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
    nomination_id: str,
    body: StatusUpdate,
    coach: Coach = Depends(current_coach),
    session: Session = Depends(get_session),
) -> dict:
    """Move the status on: nieuw → in_contact → jim_gestart or niet_gelukt (409 otherwise)."""
    nomination = _own_nomination(session, coach, nomination_id)
    try:
        coaching.change_status(session, nomination, coach, body.status)
    except coaching.TransitionError as error:
        session.rollback()
        raise HTTPException(409, detail=str(error)) from None
    session.commit()
    return repo.nomination_to_dict(nomination)


@router.get("/nominations/{nomination_id}/history", tags=["nominations"], responses=NOT_IN_TEAM)
def nomination_history(
    nomination_id: str,
    coach: Coach = Depends(current_coach),
    session: Session = Depends(get_session),
) -> list[dict]:
    """Every status change of this nomination, oldest first: when, who, from, to."""
    nomination = _own_nomination(session, coach, nomination_id)
    return [coaching.history_to_dict(c) for c in coaching.history(session, nomination)]


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
    coach: Coach = Depends(current_coach),
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
    coach: Coach = Depends(current_coach),
    session: Session = Depends(get_session),
) -> dict:
    """Mark a signal handled (you called the youth): records who and when. Marking it again
    changes nothing and answers the same."""
    signal = coach_signal.get_signal(session, coach.team_id, signal_id)
    if signal is None:
        raise HTTPException(404, detail=SIGNAL_NOT_FOUND)
    coach_signal.mark_handled(session, signal, coach)
    session.commit()
    return _signals_out(session, [signal])[0]
