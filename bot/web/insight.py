"""Inzicht (issue 19): how youths use the chat, for a teamleider (own team) and a beheerder
(every team, or one with ?team=), as JSON (`GET /api/insights`) and as a portal page
(`/coach/inzicht`, with `/coach/inzicht.json`). Coaches get 403. Aggregates only, counts
under 5 as "<5" (bot/insight/report.py). In demo mode `/demo/inzicht` shows the demo
team's insight (demo data only, no sign-in: nothing in it is real).

Who may read what, through the API: an old coach token by its coach's role; an integration
token with the role of the account that made it (a maker that is switched off or became a
coach: 403, as is a token without a maker).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.orm import Session

from bot.accounts.tokens import Caller
from bot.insight import charts, report
from bot.storage import Coach, Team, repo
from bot.web import api, portal
from bot.web.api import ErrorOut, log_access
from bot.web.deps import current_coach, get_session

LEADERS = ("teamleider", "beheerder")
FORBIDDEN = "Inzicht is er voor een teamleider of beheerder."
NO_TEAM = "No team with this name for you."

# The same documented answers as the rest of the API (401 without a token, 429).
api_router = APIRouter(prefix="/api", tags=["insights"], responses=dict(api.router.responses))
portal_router = APIRouter(prefix="/coach", include_in_schema=False)
demo_router = APIRouter(prefix="/demo", include_in_schema=False)


def _scope(session: Session, role: str, own_team_id: str, slug: str | None) -> Team | None:
    """The team to show (None: every team), or HTTPException 403/404."""
    if role not in LEADERS:
        raise HTTPException(403, detail=FORBIDDEN)
    if slug:
        team = repo.get_team(session, slug)
        if team is None or (role != "beheerder" and team.id != own_team_id):
            raise HTTPException(404, detail=NO_TEAM)
        return team
    if role == "beheerder":
        return None
    return session.get(Team, own_team_id)


def _caller_role(session: Session, caller: Caller) -> str:
    if caller.coach is not None:
        return caller.coach.role if caller.coach.active else ""
    maker = session.get(Coach, caller.token.created_by) if caller.token is not None else None
    if maker is None or not maker.active or maker.team_id != caller.team_id:
        return ""
    return maker.role


def build(session: Session, team: Team | None, start: str | None, end: str | None) -> dict:
    try:
        period = report.Period.parse(start, end)
    except report.PeriodError as error:
        raise HTTPException(422, detail=str(error)) from error
    data = report.insights(session, report.team_ids_for(session, team), period)
    return {"team": team.slug if team is not None else "*", **data}


@api_router.get(
    "/insights",
    responses={403: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
def api_insights(
    request: Request,
    start: str | None = Query(None, alias="from", description="First day, YYYY-MM-DD"),
    end: str | None = Query(None, alias="to", description="Last day (inclusive), YYYY-MM-DD"),
    team: str | None = Query(None, description="beheerder only: one team's slug"),
    caller: Caller = Depends(current_coach),
    session: Session = Depends(get_session),
) -> JSONResponse:
    """Aggregates of the period (default: the last 90 days): conversations started, the
    funnel of the form's questions and where conversations left, consent yes and no,
    nominations per status, median days to `in_contact` and `jim_gestart`, and the share of
    closed nominations that became a JIM beside the research figure (Van Dam et al. 2017).
    Counts under 5 are the string "<5". teamleider: the own team; beheerder: every team
    (not the demo team) or `?team=`; a coach: 403."""
    chosen = _scope(session, _caller_role(session, caller), caller.team_id, team)
    data = build(session, chosen, start, end)
    log_access(request, session, caller, "insight", detail=_detail(data))
    session.commit()
    return JSONResponse(data)


def _detail(data: dict) -> str:
    return f"team={data['team']} {data['from']}..{data['to']}"


def _portal_scope(request: Request, session: Session, team: str | None, back: str):
    coach = portal._logged_in_coach(request, session)
    if coach is None:
        return None, None, portal._to_login(back)
    try:
        return coach, _scope(session, coach.role, coach.team_id, team), None
    except HTTPException as error:
        page = portal._render(
            request,
            "error.html",
            status_code=error.status_code,
            coach=coach,
            title="Niet toegestaan" if error.status_code == 403 else "Niet gevonden",
            message=FORBIDDEN if error.status_code == 403 else "Dit team bestaat niet voor u.",
        )
        return coach, None, page


@portal_router.get("/inzicht.json")
def portal_insights_json(
    request: Request,
    start: str | None = Query(None, alias="from"),
    end: str | None = Query(None, alias="to"),
    team: str | None = Query(None),
    session: Session = Depends(get_session),
) -> Response:
    """The JSON of /api/insights for the signed-in teamleider or beheerder."""
    coach, chosen, refused = _portal_scope(request, session, team, "/coach/inzicht")
    if refused:
        return refused
    data = build(session, chosen, start, end)
    portal.log_access(request, session, coach, "insight", detail=_detail(data))
    session.commit()
    return JSONResponse(data)


def charts_for(data: dict) -> list[dict]:
    """The page's charts: an id, a title, the SVG and the rows of the table beside it."""
    funnel = [(f["label"], f["reached"]) for f in data["funnel"]]
    left = [(f["label"], f["left_here"]) for f in data["funnel"]]
    consent = [("Ja, delen", data["consent"]["yes"]), ("Nee, niet delen", data["consent"]["no"])]
    statuses = [
        (report.STATUS_LABELS.get(s, s), v) for s, v in data["nominations"]["per_status"].items()
    ]
    made = [
        ("funnel", "Hoeveel gesprekken elke vraag bereikten", funnel, ("Vraag", "Bereikt")),
        ("left", "Waar jongeren stopten zonder te versturen", left, ("Vraag", "Gestopt")),
        ("consent", "Toestemming om te delen", consent, ("Antwoord", "Aantal")),
        ("status", "Nominaties per status", statuses, ("Status", "Aantal")),
    ]
    return [
        {
            "id": chart_id,
            "title": title,
            "svg": charts.bar_chart("chart-" + chart_id, title, rows),
            "rows": rows,
            "columns": columns,
        }
        for chart_id, title, rows, columns in made
    ]


def _page(request: Request, session: Session, coach, data: dict, teams, base: str, demo=False):
    return portal._render(
        request,
        "insight.html",
        coach=coach,
        data=data,
        charts=charts_for(data),
        research=report.RESEARCH,
        teams=teams,
        base=base,
        demo=demo,
    )


@portal_router.get("/inzicht", response_class=HTMLResponse)
def portal_insights(
    request: Request,
    start: str | None = Query(None, alias="from"),
    end: str | None = Query(None, alias="to"),
    team: str | None = Query(None),
    session: Session = Depends(get_session),
) -> Response:
    """The page "Inzicht": charts made on the server, each with a table beside it."""
    coach, chosen, refused = _portal_scope(request, session, team, "/coach/inzicht")
    if refused:
        return refused
    try:
        data = build(session, chosen, start, end)
    except HTTPException as error:
        data = build(session, chosen, None, None)
        data["error"] = error.detail
    portal.log_access(request, session, coach, "insight", detail=_detail(data))
    session.commit()
    teams = (
        [t.slug for t in repo.list_teams(session) if not t.is_demo]
        if coach.role == "beheerder"
        else []
    )
    return _page(request, session, coach, data, teams, "/coach/inzicht")


@demo_router.get("/inzicht", response_class=HTMLResponse)
def demo_insights(
    request: Request,
    start: str | None = Query(None, alias="from"),
    end: str | None = Query(None, alias="to"),
    session: Session = Depends(get_session),
) -> Response:
    """Demo mode only: the demo team's insight, on demo data (bot/insight/demo_seed.py)."""
    if not request.app.state.settings.demo:
        return HTMLResponse("<!doctype html><title>Demo</title><p>Demo staat uit.</p>", 404)
    team = repo.ensure_team(session, repo.DEMO_TEAM_SLUG, "Demo team", is_demo=True)
    session.commit()
    try:
        data = build(session, team, start, end)
    except HTTPException as error:
        data = build(session, team, None, None)
        data["error"] = error.detail
    return _page(request, session, None, data, [], "/demo/inzicht", demo=True)
