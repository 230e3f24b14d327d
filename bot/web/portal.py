"""Coach portal at /coach: server-rendered pages over the same rules as the JSON API.

A coach logs in with their token; the portal then keeps a signed session cookie
(itsdangerous, SECRET_KEY; HttpOnly, SameSite=Lax, Secure on https). Every POST form
carries a CSRF token that must match the signed CSRF cookie. Rotating or disabling a
coach's token ends their portal sessions too, because the session holds a fingerprint
of the token hash. A coach only ever sees their own team; anything else is 404.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import segno
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, Signer, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from bot.coach import coach_signal, coaching
from bot.storage import Coach, Team, repo
from bot.storage.models import STATUSES
from bot.web import ratelimit

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
SESSION_COOKIE = "jim_coach"
CSRF_COOKIE = "jim_csrf"
SESSION_MAX_AGE = 12 * 3600
PAGE_SIZE = 25

RELATION_LABELS = {
    "vriend_van_de_familie": "vriend van de familie",
    "anders": "iemand anders",
    "ouder": "ouder",
}
SUPPORT_LABELS = {
    "emotioneel": "praten en steun",
    "praktisch": "praktische hulp",
    "advies": "advies",
    "gezelschap": "leuke dingen samen",
}
KNOWS_LABELS = {"ja": "ja", "nee": "nee", "weet_niet": "weet de jongere niet"}
# issue 25: mentor.asked_by and youth.parents_answer in the detail page
ASKED_BY_LABELS = {"jongere": "de jongere zelf", "samen": "de jongere samen met de coach",
                   "coach": "de coach"}  # fmt: skip
PARENTS_LABELS = {
    "ja": "de jongere vindt het goed dat de ouders gevraagd worden",
    "nee": "de jongere wil dat niet: praat eerst met de jongere",
    "coach": "de jongere vertelde over gevaar thuis: "
    "praat eerst met de jongere, niet met de ouders",
}

try:
    LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
except ZoneInfoNotFoundError:  # pragma: no cover - systems without time zone data
    LOCAL_TZ = timezone.utc

router = APIRouter(prefix="/coach", include_in_schema=False)


def when(moment: datetime | None) -> str:
    """A date and time as Dutch professionals read it, in Dutch local time."""
    return moment.astimezone(LOCAL_TZ).strftime("%d-%m-%Y %H:%M") if moment else ""


def _get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


def _serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(request.app.state.settings.secret_key, salt="coach-session")


def _csrf_signer(request: Request) -> Signer:
    return Signer(request.app.state.settings.secret_key, salt="coach-csrf")


def _secure(request: Request) -> bool:
    return request.app.state.settings.public_url.startswith("https://")


def _fingerprint(coach: Coach) -> str:
    return hashlib.sha256(coach.token_hash.encode()).hexdigest()[:16]


def _logged_in_coach(request: Request, session: Session) -> Coach | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        data = _serializer(request).loads(raw, max_age=SESSION_MAX_AGE)
    except BadSignature:
        return None
    coach = session.get(Coach, data.get("c"))
    if coach is None or not coach.active or data.get("f") != _fingerprint(coach):
        return None
    return coach


def _csrf_token(request: Request) -> tuple[str, bool]:
    """(token, is_new): the token in the signed CSRF cookie, or a fresh one."""
    raw = request.cookies.get(CSRF_COOKIE)
    if raw:
        try:
            return _csrf_signer(request).unsign(raw).decode(), False
        except BadSignature:
            pass
    return secrets.token_urlsafe(24), True


def _set_cookie(request: Request, response: Response, name: str, value: str, max_age=None):
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        path="/coach",
    )


def _render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    token, is_new = _csrf_token(request)
    response = TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "csrf": token,
            "labels": coaching.STATUS_LABELS,
            "relation": lambda r: RELATION_LABELS.get(r, r) if r else "onbekend",
            "support": SUPPORT_LABELS,
            "knows": KNOWS_LABELS,
            "asked_by": ASKED_BY_LABELS,
            "parents": PARENTS_LABELS,
            "when": when,
            **context,
        },
        status_code=status_code,
    )
    if is_new:
        _set_cookie(request, response, CSRF_COOKIE, _csrf_signer(request).sign(token).decode())
    return response


def _check_csrf(request: Request, submitted: str) -> bool:
    token, is_new = _csrf_token(request)
    return not is_new and bool(submitted) and hmac.compare_digest(token, submitted)


def _refused(request: Request) -> HTMLResponse:
    return _render(
        request,
        "error.html",
        status_code=403,
        title="Formulier verlopen",
        message="Dit formulier is verlopen of niet van deze site. Laad de pagina opnieuw.",
    )


def _not_found(request: Request, coach: Coach) -> HTMLResponse:
    return _render(
        request,
        "error.html",
        status_code=404,
        coach=coach,
        title="Niet gevonden",
        message="Deze nominatie bestaat niet in uw team.",
    )


def _to_login(path: str) -> RedirectResponse:
    return RedirectResponse(f"/coach?next={path}", status_code=303)


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/coach/") and "//" not in target and "\\" not in target:
        return target
    return "/coach"


@router.get("", response_class=HTMLResponse)
def home(
    request: Request,
    status: str | None = Query(None),
    page: int = Query(1, ge=1),
    next: str | None = Query(None),  # noqa: A002 - the query parameter's name
    session: Session = Depends(_get_session),
) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _render(request, "login.html", next=_safe_next(next), error=None)
    if status not in STATUSES:
        status = None
    total = coaching.count_nominations(session, coach.team_id, status)
    rows = repo.list_nominations(session, coach.team_id, status, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return _render(
        request,
        "list.html",
        coach=coach,
        signals=_open_signals(session, coach),  # issue 24: at the top until handled
        team=session.get(Team, coach.team_id),
        nominations=rows,
        status=status,
        statuses=STATUSES,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        total=total,
    )


@router.post("/login")
def login(
    request: Request,
    token: str = Form(""),
    csrf: str = Form(""),
    next: str = Form("/coach"),  # noqa: A002 - the form field's name
    session: Session = Depends(_get_session),
) -> Response:
    # After RATE_LOGIN_FAILURES failed log-ins for one account (the code's first characters)
    # in 15 minutes that account waits, longer at each further failure; after
    # RATE_LOGIN_FAILURES_PER_IP from one address, the address waits. Coach tokens cannot
    # be guessed here, and one coach's typos do not lock out colleagues behind one NAT.
    limits = ratelimit.limits(request)
    ip = ratelimit.client_ip(request)
    typed = token.strip()
    wait = ratelimit.failure_wait(limits.login_failures, limits.login_failures_ip, ip, typed)
    if wait:
        response = _render(
            request,
            "login.html",
            status_code=429,
            next=_safe_next(next),
            error=f"Te vaak een verkeerde code. Probeer het over {math.ceil(wait / 60)} "
            "minuten opnieuw.",
        )
        response.headers.update(ratelimit.retry_after_header(wait))
        return response
    if not _check_csrf(request, csrf):
        return _refused(request)
    coach = repo.coach_for_token(session, typed)
    if coach is None:
        ratelimit.record_failure(limits.login_failures, limits.login_failures_ip, ip, typed)
        return _render(
            request,
            "login.html",
            status_code=401,
            next=_safe_next(next),
            error="Deze code klopt niet, of hoort bij een uitgeschakelde coach.",
        )
    limits.login_failures.clear(ratelimit.account_key(typed))
    response = RedirectResponse(_safe_next(next), status_code=303)
    cookie = _serializer(request).dumps({"c": coach.id, "f": _fingerprint(coach)})
    _set_cookie(request, response, SESSION_COOKIE, cookie, max_age=SESSION_MAX_AGE)
    # A fresh CSRF token after log-in.
    fresh = _csrf_signer(request).sign(secrets.token_urlsafe(24)).decode()
    _set_cookie(request, response, CSRF_COOKIE, fresh)
    return response


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    if not _check_csrf(request, csrf):
        return _refused(request)
    response = RedirectResponse("/coach", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/coach")
    response.delete_cookie(CSRF_COOKIE, path="/coach")
    return response


@router.get("/nominations/{nomination_id}", response_class=HTMLResponse)
def detail(
    request: Request, nomination_id: str, session: Session = Depends(_get_session)
) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login(f"/coach/nominations/{nomination_id}")
    nomination = repo.get_nomination(session, coach.team_id, nomination_id)
    if nomination is None:
        return _not_found(request, coach)
    return _detail_page(request, session, coach, nomination)


def _detail_page(request, session, coach, nomination, error=None, status_code=200):
    changes = coaching.history(session, nomination)
    actors = {c.actor for c in changes}
    names = {c.id: c.name for c in session.query(Coach).filter(Coach.id.in_(actors))}
    return _render(
        request,
        "detail.html",
        status_code=status_code,
        coach=coach,
        n=nomination,
        history=changes,
        actor_name=lambda a: "de jongere" if a == "jongere" else names.get(a, "een coach"),
        next_statuses=coaching.allowed_next(nomination.status),
        error=error,
    )


@router.post("/nominations/{nomination_id}/status")
def change_status(
    request: Request,
    nomination_id: str,
    status: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(_get_session),
) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login(f"/coach/nominations/{nomination_id}")
    if not _check_csrf(request, csrf):
        return _refused(request)
    nomination = repo.get_nomination(session, coach.team_id, nomination_id)
    if nomination is None:
        return _not_found(request, coach)
    try:
        coaching.change_status(session, nomination, coach, status)
    except coaching.TransitionError:
        session.rollback()
        nomination = repo.get_nomination(session, coach.team_id, nomination_id)
        return _detail_page(
            request,
            session,
            coach,
            nomination,
            error="Deze stap kan nu niet. Kijk naar de status hieronder en kies opnieuw.",
            status_code=409,
        )
    session.commit()
    return RedirectResponse(f"/coach/nominations/{nomination_id}", status_code=303)


@router.post("/invites", response_class=HTMLResponse)
def new_invite(
    request: Request, csrf: str = Form(""), session: Session = Depends(_get_session)
) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login("/coach")
    if not _check_csrf(request, csrf):
        return _refused(request)
    settings = request.app.state.settings
    invite = repo.create_invite(session, coach, settings.invite_days)
    code, expires_at = invite.code, invite.expires_at
    session.commit()
    url = coaching.invite_url(settings.public_url, code)
    qr_svg = segno.make(url, error="m").svg_inline(scale=5, title="QR-code van de uitnodiging")
    return _render(
        request, "invite.html", coach=coach, url=url, expires_at=expires_at, qr_svg=qr_svg
    )


@router.get("/export.csv")
def export(request: Request, session: Session = Depends(_get_session)) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login("/coach")
    return Response(
        content=coaching.export_csv(session, coach.team_id),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="nominaties.csv"'},
    )


# --- issue 24, item 6: coach signals at the top of the list ------------------------------


def _open_signals(session: Session, coach: Coach) -> list[dict]:
    """The team's open signals as the list shows them: when, the nomination, the invite."""
    signals = coach_signal.list_signals(session, coach.team_id)
    inviters = coach_signal.invite_coaches(session, signals)
    names = {
        c.id: c.name
        for c in session.query(Coach).filter(Coach.id.in_({i for i in inviters.values() if i}))
    }
    return [
        {
            "id": s.id,
            "created_at": s.created_at,
            "reference": s.reference,
            "nomination_id": coach_signal.nomination_id_for(session, coach.team_id, s.reference),
            "inviter": names.get(inviters.get(s.id)),
        }
        for s in signals
    ]


@router.post("/safety-signals/{signal_id}/handled")
def handle_signal(
    request: Request,
    signal_id: str,
    csrf: str = Form(""),
    session: Session = Depends(_get_session),
) -> Response:
    """ "Gedaan": a coach of the team called the youth; records who and when."""
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login("/coach")
    if not _check_csrf(request, csrf):
        return _refused(request)
    signal = coach_signal.get_signal(session, coach.team_id, signal_id)
    if signal is None:
        return _render(
            request,
            "error.html",
            status_code=404,
            coach=coach,
            title="Niet gevonden",
            message="Dit signaal bestaat niet in uw team.",
        )
    coach_signal.mark_handled(session, signal, coach)
    session.commit()
    return RedirectResponse("/coach", status_code=303)
