"""Portal pages of a teamleider (their team) and a beheerder (every team), issue 17.

A teamleider manages the team's coaches (add by e-mail invitation, role, switch off, a new
second step), the team's e-mail address and webhook, integration tokens for the API, and
reads the team's access log. A beheerder does the same for every team and adds teams.
Everything of another team answers 404, as in the rest of the portal. Every form has CSRF.
"""

from __future__ import annotations

import secrets
from datetime import datetime, time, timedelta

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.accounts import access_log, accounts, links, tokens
from bot.storage import Coach, Team, repo
from bot.storage.models import ROLES
from bot.web.deps import get_session
from bot.web.portal import (
    LOCAL_TZ,
    _check_csrf,
    _logged_in_coach,
    _refused,
    _render,
    _to_login,
    log_access,
)

router = APIRouter(prefix="/coach", include_in_schema=False)
LOG_PAGE = 100


def _team_not_found(request: Request, coach: Coach) -> HTMLResponse:
    return _render(
        request,
        "error.html",
        status_code=404,
        coach=coach,
        title="Niet gevonden",
        message="Deze pagina bestaat niet voor uw account.",
    )


def _manager(request: Request, session: Session, slug: str | None, back: str):
    """(coach, team, None) when the signed-in account may manage that team, else
    (coach or None, None, response)."""
    coach = _logged_in_coach(request, session)
    if coach is None:
        return None, None, _to_login(back)
    team = repo.get_team(session, slug) if slug else session.get(Team, coach.team_id)
    if team is None or not accounts.can_manage_team(coach, team.id):
        return coach, None, _team_not_found(request, coach)
    return coach, team, None


def _team_page(request, session, coach, team, status_code=200, error=None, notice=None, **extra):
    return _render(
        request,
        "team.html",
        status_code=status_code,
        coach=coach,
        team=team,
        members=accounts.team_coaches(session, team.id),
        tokens=tokens.list_for_team(session, team.id),
        roles=_assignable_roles(coach),
        error=error,
        notice=notice,
        **extra,
    )


def _assignable_roles(coach: Coach) -> tuple[str, ...]:
    return ROLES if coach.role == "beheerder" else ("coach", "teamleider")


def _back(team: Team, coach: Coach) -> str:
    return "/coach/team" if team.id == coach.team_id else f"/coach/team?team={team.slug}"


@router.get("/team", response_class=HTMLResponse)
def team_page(
    request: Request,
    team: str | None = Query(None),
    session: Session = Depends(get_session),
) -> Response:
    coach, found, refused = _manager(request, session, team, "/coach/team")
    if refused:
        return refused
    return _team_page(request, session, coach, found)


@router.post("/team/coaches", response_class=HTMLResponse)
def add_coach(
    request: Request,
    team: str | None = Query(None),
    name: str = Form(""),
    email: str = Form(""),
    role: str = Form("coach"),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    """A new account: it gets a one-time e-mail link to choose a password."""
    coach, found, refused = _manager(request, session, team, "/coach/team")
    if refused:
        return refused
    if not _check_csrf(request, csrf):
        return _refused(request)
    if role not in _assignable_roles(coach):
        return _team_page(request, session, coach, found, 400, error="Deze rol kunt u niet geven.")
    try:
        new = accounts.create_account(session, found, name, email, role)
    except accounts.AccountError as error:
        session.rollback()
        return _team_page(request, session, coach, found, 400, error=str(error))
    settings = request.app.state.settings
    links.issue(session, settings.secret_key, new, "welkom", settings.account_link_hours)
    session.commit()
    return _team_page(
        request,
        session,
        coach,
        found,
        notice=f"{new.name} is toegevoegd en krijgt een mail met een link om in te loggen.",
    )


@router.post("/team/coaches/{coach_id}", response_class=HTMLResponse)
def change_coach(
    request: Request,
    coach_id: str,
    team: str | None = Query(None),
    action: str = Form(""),
    role: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    """Role, switch off or on, a new second step, or a new sign-in link."""
    coach, found, refused = _manager(request, session, team, "/coach/team")
    if refused:
        return refused
    if not _check_csrf(request, csrf):
        return _refused(request)
    member = session.get(Coach, coach_id)
    if member is None or member.team_id != found.id:
        return _team_not_found(request, coach)
    if member.id == coach.id:
        return _team_page(
            request, session, coach, found, 400, error="Uw eigen account verandert een ander."
        )
    if member.role == "beheerder" and coach.role != "beheerder":
        return _team_page(
            request, session, coach, found, 403, error="Alleen een beheerder kan dit."
        )
    settings = request.app.state.settings
    if action == "role":
        if role not in _assignable_roles(coach):
            return _team_page(
                request, session, coach, found, 400, error="Deze rol kunt u niet geven."
            )
        accounts.change_role(session, member, role)
        notice = f"{member.name} is nu {role}. Alle sessies van dit account zijn beëindigd."
    elif action in ("disable", "enable"):
        accounts.set_active(session, member, action == "enable")
        notice = f"{member.name} kan {'weer' if action == 'enable' else 'niet meer'} inloggen."
    elif action == "reset-second-step":
        member.totp_secret = None
        member.totp_last_step = None
        accounts.end_all_sessions(session, member.id)
        notice = f"{member.name} stelt bij de volgende keer inloggen de tweede stap opnieuw in."
    elif action == "link" and member.active:
        purpose = "reset" if member.password_hash else "welkom"
        links.issue(session, settings.secret_key, member, purpose, settings.account_link_hours)
        notice = f"{member.name} krijgt een nieuwe link per mail."
    else:
        return _team_page(request, session, coach, found, 400, error="Dat kan niet.")
    session.commit()
    return _team_page(request, session, coach, found, notice=notice)


@router.post("/team/settings", response_class=HTMLResponse)
def team_settings(
    request: Request,
    team: str | None = Query(None),
    notify_email: str = Form(""),
    webhook_url: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    """The team's e-mail address and webhook; a new webhook gets a new signing secret,
    shown once."""
    coach, found, refused = _manager(request, session, team, "/coach/team")
    if refused:
        return refused
    if not _check_csrf(request, csrf):
        return _refused(request)
    notify_email, webhook_url = notify_email.strip(), webhook_url.strip()
    if notify_email and "@" not in notify_email:
        return _team_page(
            request, session, coach, found, 400, error="Vul een geldig e-mailadres in."
        )
    if webhook_url and not webhook_url.startswith(("http://", "https://")):
        return _team_page(
            request, session, coach, found, 400, error="De webhook moet met https:// beginnen."
        )
    found.notify_email = notify_email or None
    secret = None
    if not webhook_url:
        found.webhook_url = found.webhook_secret = None
    elif webhook_url != found.webhook_url:
        found.webhook_url = webhook_url
        secret = found.webhook_secret = secrets.token_urlsafe(32)
    session.commit()
    if secret:
        return _render(
            request,
            "secret_once.html",
            coach=coach,
            title="Webhook opgeslagen",
            label="Ondertekeningssleutel (X-JIM-Signature, HMAC-SHA256)",
            secret=secret,
            back=_back(found, coach),
        )
    return _team_page(request, session, coach, found, notice="Opgeslagen.")


@router.post("/team/tokens", response_class=HTMLResponse)
def new_token(
    request: Request,
    team: str | None = Query(None),
    name: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    """A named integration token for the API; shown once, stored as a hash."""
    coach, found, refused = _manager(request, session, team, "/coach/team")
    if refused:
        return refused
    if not _check_csrf(request, csrf):
        return _refused(request)
    try:
        _, token = tokens.create(session, found.id, name, coach)
    except ValueError as error:
        return _team_page(request, session, coach, found, 400, error=str(error))
    session.commit()
    response = _render(
        request,
        "secret_once.html",
        coach=coach,
        title="Nieuw koppeltoken",
        label=f"Token {name.strip()} (Authorization: Bearer ...)",
        secret=token,
        back=_back(found, coach),
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/team/tokens/{token_id}/revoke", response_class=HTMLResponse)
def revoke_token(
    request: Request,
    token_id: str,
    team: str | None = Query(None),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    coach, found, refused = _manager(request, session, team, "/coach/team")
    if refused:
        return refused
    if not _check_csrf(request, csrf):
        return _refused(request)
    if not tokens.revoke(session, found.id, token_id):
        return _team_not_found(request, coach)
    session.commit()
    return _team_page(request, session, coach, found, notice="Het token werkt niet meer.")


# --- the access log (NEN 7513) --------------------------------------------------------------


def _day(value: str | None) -> datetime | None:
    try:
        return datetime.combine(datetime.strptime(value, "%Y-%m-%d").date(), time(), LOCAL_TZ)
    except (TypeError, ValueError):
        return None


def _log_query(request, session, team, wie, nominatie, actie, van, tot):
    coach = _logged_in_coach(request, session)
    if coach is None:
        return None, None, None, _to_login("/coach/toegangslog")
    if coach.role not in ("teamleider", "beheerder"):
        return coach, None, None, _team_not_found(request, coach)
    if coach.role == "beheerder" and team == "*":
        team_ids = None  # every team
    else:
        _, found, refused = _manager(request, session, team, "/coach/toegangslog")
        if refused:
            return coach, None, None, refused
        team_ids = [found.id]
    until = _day(tot)
    filters = {
        "actor": (wie or "").strip() or None,
        "reference": (nominatie or "").strip() or None,
        "action": actie if actie in access_log.ACTIONS else None,
        "since": _day(van),
        "until": until + timedelta(days=1) if until else None,
    }
    return coach, team_ids, filters, None


@router.get("/toegangslog", response_class=HTMLResponse)
def access_log_page(
    request: Request,
    team: str | None = Query(None),
    wie: str | None = Query(None),
    nominatie: str | None = Query(None),
    actie: str | None = Query(None),
    van: str | None = Query(None),
    tot: str | None = Query(None),
    page: int = Query(1, ge=1),
    session: Session = Depends(get_session),
) -> Response:
    """Who looked at what, newest first, with filters; teamleider: the team, beheerder: any."""
    coach, team_ids, filters, refused = _log_query(
        request, session, team, wie, nominatie, actie, van, tot
    )
    if refused:
        return refused
    total = access_log.count(session, team_ids, **filters)
    entries = access_log.search(
        session, team_ids, limit=LOG_PAGE, offset=(page - 1) * LOG_PAGE, **filters
    )
    shown = " ".join(f"{k}={v}" for k, v in request.query_params.items() if v)
    log_access(request, session, coach, "accesslog", detail=shown or "alles")
    session.commit()
    teams = {t.id: t.slug for t in session.execute(select(Team)).scalars()}
    return _render(
        request,
        "access_log.html",
        coach=coach,
        entries=entries,
        total=total,
        page=page,
        pages=max(1, -(-total // LOG_PAGE)),
        actions=access_log.ACTIONS,
        query=dict(request.query_params),
        export_query=str(request.query_params),
        teams=teams,
        all_teams=coach.role == "beheerder",
    )


@router.get("/toegangslog.csv")
def access_log_export(
    request: Request,
    team: str | None = Query(None),
    wie: str | None = Query(None),
    nominatie: str | None = Query(None),
    actie: str | None = Query(None),
    van: str | None = Query(None),
    tot: str | None = Query(None),
    session: Session = Depends(get_session),
) -> Response:
    coach, team_ids, filters, refused = _log_query(
        request, session, team, wie, nominatie, actie, van, tot
    )
    if refused:
        return refused
    content = access_log.export_csv(access_log.search(session, team_ids, limit=None, **filters))
    shown = " ".join(f"{k}={v}" for k, v in request.query_params.items() if v)
    log_access(request, session, coach, "export", detail=f"toegangslog {shown}".strip())
    session.commit()
    return Response(
        content=content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="toegangslog.csv"'},
    )


# --- beheerder: every team ------------------------------------------------------------------


def _admin(request: Request, session: Session):
    coach = _logged_in_coach(request, session)
    if coach is None:
        return None, _to_login("/coach/beheer")
    if coach.role != "beheerder":
        return coach, _team_not_found(request, coach)
    return coach, None


def _admin_page(request, session, coach, status_code=200, error=None, notice=None):
    teams = list(session.execute(select(Team).order_by(Team.slug)).scalars())
    counts = {t.id: len(accounts.team_coaches(session, t.id)) for t in teams}
    return _render(
        request,
        "admin.html",
        status_code=status_code,
        coach=coach,
        teams=teams,
        counts=counts,
        error=error,
        notice=notice,
    )


@router.get("/beheer", response_class=HTMLResponse)
def admin_page(request: Request, session: Session = Depends(get_session)) -> Response:
    coach, refused = _admin(request, session)
    return refused or _admin_page(request, session, coach)


@router.post("/beheer/teams", response_class=HTMLResponse)
def admin_add_team(
    request: Request,
    slug: str = Form(""),
    name: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    coach, refused = _admin(request, session)
    if refused:
        return refused
    if not _check_csrf(request, csrf):
        return _refused(request)
    slug = slug.strip().lower()
    if not slug or not all(c.isalnum() or c == "-" for c in slug) or len(slug) > 64:
        return _admin_page(
            request, session, coach, 400, error="Kies een korte naam met letters, cijfers en -."
        )
    if repo.get_team(session, slug) is not None:
        return _admin_page(request, session, coach, 400, error="Dit team bestaat al.")
    repo.ensure_team(session, slug, name.strip() or slug)
    session.commit()
    return _admin_page(request, session, coach, notice=f"Team {slug} is gemaakt.")
