"""Coach portal at /coach: server-rendered pages over the same rules as the JSON API.

Issue 17: a coach signs in with a personal account: e-mail and password, then a second
factor (an authenticator app code, or a one-time recovery code). The session lives on the
server (bot/accounts/sessions.py); the cookie holds only a random value (HttpOnly,
SameSite=Lax, Secure on https), so sign-out, "sign out everywhere", a role change and a
disabled account end it at once. Every POST form carries a CSRF token that must match the
signed CSRF cookie. A coach only ever sees their own team; anything else is 404. Every
list view, detail view, export and status change goes into the access log (NEN 7513).
"""

from __future__ import annotations

import hmac
import logging
import math
import secrets
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
import segno
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, Signer, URLSafeTimedSerializer
from sqlalchemy.orm import Session, object_session

from bot import vocabulary
from bot.accounts import access_log, accounts, links, passkeys, second_factor, sessions, sso
from bot.coach import coach_signal, coaching
from bot.storage import Coach, Team, repo
from bot.storage.models import STATUSES
from bot.web import ratelimit
from bot.web.deps import app_settings, get_session

logger = logging.getLogger(__name__)
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
SESSION_COOKIE = "jim_coach"
CSRF_COOKIE = "jim_csrf"
PAGE_SIZE = 25
SECOND_STEP = "/coach/tweede-stap"
WRONG_SIGN_IN = "Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw."
WRONG_CODE = "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in uw app."

try:
    LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
except ZoneInfoNotFoundError:  # pragma: no cover - systems without time zone data
    LOCAL_TZ = timezone.utc

router = APIRouter(prefix="/coach", include_in_schema=False)


def when(moment: datetime | None) -> str:
    """A date and time as Dutch professionals read it, in Dutch local time."""
    return moment.astimezone(LOCAL_TZ).strftime("%d-%m-%Y %H:%M") if moment else ""


def _csrf_signer(request: Request) -> Signer:
    return Signer(app_settings(request).secret_key, salt="coach-csrf")


def _secure(request: Request) -> bool:
    return app_settings(request).public_url.startswith("https://")


def _limits(request: Request) -> tuple[timedelta, timedelta]:
    settings = request.app.state.settings
    return (
        timedelta(minutes=settings.session_idle_minutes),
        timedelta(hours=settings.session_max_hours),
    )


def _portal_session(request: Request, session: Session):
    idle, absolute = _limits(request)
    return sessions.find(session, request.cookies.get(SESSION_COOKIE), idle, absolute)


def _logged_in_coach(request: Request, session: Session) -> Coach | None:
    """The coach of a live, fully signed-in (both steps) session, or None."""
    row = _portal_session(request, session)
    if row is None or not row.verified:
        return None
    return session.get(Coach, row.coach_id)


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
            "relation": lambda r: vocabulary.relation_name(r) or "onbekend",
            "support": vocabulary.SUPPORT_LABELS,
            "knows": vocabulary.KNOWS_LABELS,
            "asked_by": vocabulary.ASKED_BY_LABELS,
            "parents": vocabulary.PARENTS_LABELS,
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


def log_access(request: Request, session: Session, coach: Coach, action: str, **about) -> None:
    """One access-log entry for this portal request (the caller commits)."""
    access_log.record(
        session,
        team_id=about.pop("team_id", coach.team_id),
        actor_id=coach.id,
        actor_name=f"{coach.name} <{coach.email or '-'}>",
        channel="portal",
        action=action,
        address=ratelimit.client_ip(request),
        **about,
    )


@router.get("", response_class=HTMLResponse)
def home(
    request: Request,
    status: str | None = Query(None),
    page: int = Query(1, ge=1),
    next: str | None = Query(None),  # noqa: A002 - the query parameter's name
    session: Session = Depends(get_session),
) -> Response:
    row = _portal_session(request, session)
    if row is not None and not row.verified:
        return RedirectResponse(f"{SECOND_STEP}?next={_safe_next(next)}", status_code=303)
    coach = session.get(Coach, row.coach_id) if row is not None else None
    if coach is None:
        return _login_page(request, next)
    if status not in STATUSES:
        status = None
    from bot.web import portal_after  # issue 18; imported here: it imports this module

    total = coaching.count_nominations(session, coach.team_id, status)
    rows = repo.list_nominations(session, coach.team_id, status, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    log_access(request, session, coach, "list", detail=f"status={status or 'alle'} pagina={page}")
    session.commit()
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
        **portal_after.list_context(session, coach),  # issue 18: overdue reviews on top
    )


def _login_page(request: Request, next_path=None, error=None, status_code=200, notice=None):
    return _render(
        request,
        "login.html",
        status_code=status_code,
        next=_safe_next(next_path),
        error=error,
        notice=notice,
        sso=getattr(request.app.state, "sso", None) is not None,
    )


def _start_session(request: Request, response: Response, value: str) -> None:
    _, absolute = _limits(request)
    _set_cookie(request, response, SESSION_COOKIE, value, max_age=int(absolute.total_seconds()))
    # A fresh CSRF token for every new session.
    fresh = _csrf_signer(request).sign(secrets.token_urlsafe(24)).decode()
    _set_cookie(request, response, CSRF_COOKIE, fresh)


@router.post("/login")
def login(
    request: Request,
    email: str = Form(""),
    password: str = Form(""),
    csrf: str = Form(""),
    next: str = Form("/coach"),  # noqa: A002 - the form field's name
    session: Session = Depends(get_session),
) -> Response:
    """Step one: e-mail and password. The answer is the same for an unknown address, a
    wrong password and a locked account, so it tells nobody who has an account. Besides the
    account's own lockout (ACCOUNT_LOCK_AFTER, a growing wait, in the database), the
    address typed and the client address have the per-process limits of before."""
    limits = ratelimit.limits(request)
    ip = ratelimit.client_ip(request)
    typed = accounts.normalise_email(email)
    wait = ratelimit.failure_wait(limits.login_failures, limits.login_failures_ip, ip, typed)
    if wait:
        response = _login_page(
            request,
            next,
            status_code=429,
            error=f"Te vaak geprobeerd. Probeer het over {math.ceil(wait / 60)} "
            "minuten opnieuw.",
        )
        response.headers.update(ratelimit.retry_after_header(wait))
        return response
    if not _check_csrf(request, csrf):
        return _refused(request)
    settings = request.app.state.settings
    result = accounts.check_password(session, typed, password, settings.account_lock_after)
    if result.coach is None:
        session.commit()  # the failure count
        ratelimit.record_failure(limits.login_failures, limits.login_failures_ip, ip, typed)
        return _login_page(request, next, status_code=401, error=WRONG_SIGN_IN)
    value = sessions.start(session, result.coach, verified=False)
    session.commit()
    response = RedirectResponse(f"{SECOND_STEP}?next={_safe_next(next)}", status_code=303)
    _start_session(request, response, value)
    return response


def _setup_signer(request: Request, session_value: str) -> Signer:
    # The secret being set up travels in the form, signed for this session only.
    return Signer(request.app.state.settings.secret_key, salt="totp-setup:" + session_value)


def _pending(request: Request, session: Session):
    """(portal session, coach) between the password and the second factor, or None."""
    row = _portal_session(request, session)
    if row is None:
        return None, None
    return row, session.get(Coach, row.coach_id)


def _second_step_page(request, coach, next_path, error=None, status_code=200):
    with_passkey = bool(passkeys.of(object_session(coach), coach.id))
    if coach.totp_secret or with_passkey:
        return _render(
            request,
            "second_factor.html",
            status_code=status_code,
            next=_safe_next(next_path),
            error=error,
            with_passkey=with_passkey,
            with_totp=bool(coach.totp_secret),
        )
    secret = second_factor.new_secret()
    uri = second_factor.provisioning_uri(secret, coach.email or coach.name)
    signed = _setup_signer(request, request.cookies.get(SESSION_COOKIE, "")).sign(secret).decode()
    return _render(
        request,
        "totp_setup.html",
        status_code=status_code,
        next=_safe_next(next_path),
        error=error,
        secret=secret,
        signed=signed,
        qr_svg=segno.make(uri, error="m").svg_inline(scale=4, title="QR-code voor uw app"),
    )


@router.get("/tweede-stap", response_class=HTMLResponse)
def second_step(
    request: Request,
    next: str | None = Query(None),  # noqa: A002 - the query parameter's name
    session: Session = Depends(get_session),
) -> Response:
    row, coach = _pending(request, session)
    if row is None:
        return _to_login(_safe_next(next))
    if row.verified:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _second_step_page(request, coach, next)


def _verified(request: Request, session: Session, row, coach: Coach, next_path: str) -> Response:
    """Both steps done: a new session value (the half-way one ends), then onward."""
    old = request.cookies.get(SESSION_COOKIE)
    sessions.end(session, old)
    value = sessions.start(session, coach, verified=True, method=row.method)
    session.commit()
    response = RedirectResponse(_safe_next(next_path), status_code=303)
    _start_session(request, response, value)
    return response


@router.post("/tweede-stap")
def second_step_check(
    request: Request,
    code: str = Form(""),
    recovery: str = Form(""),
    csrf: str = Form(""),
    next: str = Form("/coach"),  # noqa: A002 - the form field's name
    session: Session = Depends(get_session),
) -> Response:
    """Step two: a fresh authenticator code (never one used before) or a recovery code.
    Wrong codes count toward the account's lockout like wrong passwords."""
    if not _check_csrf(request, csrf):
        return _refused(request)
    row, coach = _pending(request, session)
    if row is None:
        return _to_login(_safe_next(next))
    if row.verified:
        return RedirectResponse(_safe_next(next), status_code=303)
    settings = request.app.state.settings
    if coach.locked_until and coach.locked_until > datetime.now(timezone.utc):
        return _second_step_page(request, coach, next, error=WRONG_CODE, status_code=401)
    ok = False
    if coach.totp_secret and code.strip():
        ok = second_factor.verify(coach, code)
    elif recovery.strip():
        ok = second_factor.use_recovery_code(session, coach, recovery)
    if not ok:
        coach.failed_logins = (coach.failed_logins or 0) + 1
        wait = accounts.lock_wait(coach, settings.account_lock_after)
        if wait:
            coach.locked_until = datetime.now(timezone.utc) + wait
        session.commit()
        return _second_step_page(request, coach, next, error=WRONG_CODE, status_code=401)
    coach.failed_logins = 0
    coach.locked_until = None
    return _verified(request, session, row, coach, next)


@router.post("/tweede-stap/instellen")
def second_step_setup(
    request: Request,
    signed: str = Form(""),
    code: str = Form(""),
    csrf: str = Form(""),
    next: str = Form("/coach"),  # noqa: A002 - the form field's name
    session: Session = Depends(get_session),
) -> Response:
    """First time: the app's first code proves the secret was copied; then the recovery
    codes are shown, once."""
    if not _check_csrf(request, csrf):
        return _refused(request)
    row, coach = _pending(request, session)
    if row is None:
        return _to_login(_safe_next(next))
    if row.verified or coach.totp_secret:
        return RedirectResponse(SECOND_STEP, status_code=303)
    try:
        secret = (
            _setup_signer(request, request.cookies.get(SESSION_COOKIE, "")).unsign(signed).decode()
        )
    except BadSignature:
        return _refused(request)
    codes = second_factor.enable(session, coach, secret, code)
    if codes is None:
        return _second_step_page(request, coach, next, error=WRONG_CODE, status_code=401)
    response = _verified(request, session, row, coach, next)
    page = _render(request, "recovery_codes.html", codes=codes, next=_safe_next(next))
    for header in response.headers.getlist("set-cookie"):
        page.headers.append("set-cookie", header)
    page.headers["Cache-Control"] = "no-store"
    return page


@router.post("/logout")
def logout(
    request: Request, csrf: str = Form(""), session: Session = Depends(get_session)
) -> Response:
    if not _check_csrf(request, csrf):
        return _refused(request)
    sessions.end(session, request.cookies.get(SESSION_COOKIE))
    session.commit()
    response = RedirectResponse("/coach", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/coach")
    response.delete_cookie(CSRF_COOKIE, path="/coach")
    return response


@router.post("/logout-everywhere")
def logout_everywhere(
    request: Request, csrf: str = Form(""), session: Session = Depends(get_session)
) -> Response:
    """Sign out on every browser and device at once (a lost phone, a shared computer)."""
    if not _check_csrf(request, csrf):
        return _refused(request)
    row = _portal_session(request, session)
    if row is not None:
        accounts.end_all_sessions(session, row.coach_id)
        session.commit()
    response = RedirectResponse("/coach", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/coach")
    response.delete_cookie(CSRF_COOKIE, path="/coach")
    return response


# --- passkeys (WebAuthn): the second step without a code ----------------------------------

PASSKEY_COOKIE = "jim_wa"


def _challenge_serializer(request: Request) -> URLSafeTimedSerializer:
    salt = "passkey:" + request.cookies.get(SESSION_COOKIE, "")
    return URLSafeTimedSerializer(request.app.state.settings.secret_key, salt=salt)


def _json_csrf_ok(request: Request) -> bool:
    return _check_csrf(request, request.headers.get("x-csrf-token", ""))


def _challenge_response(request: Request, options: str, challenge: str, kind: str) -> Response:
    response = Response(options, media_type="application/json")
    response.headers["Cache-Control"] = "no-store"
    value = _challenge_serializer(request).dumps({"c": challenge, "k": kind})
    _set_cookie(request, response, PASSKEY_COOKIE, value, max_age=300)
    return response


def _kept_challenge(request: Request, kind: str) -> str | None:
    try:
        kept = _challenge_serializer(request).loads(
            request.cookies.get(PASSKEY_COOKIE, ""), max_age=300
        )
    except BadSignature:
        return None
    return kept.get("c") if kept.get("k") == kind else None


def _json_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


PASSKEY_FAILED = (
    "Dat lukte niet met deze passkey. Probeer het opnieuw of gebruik de code uit uw app."
)


@router.get("/passkeys", response_class=HTMLResponse)
def passkeys_page(request: Request, session: Session = Depends(get_session)) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login("/coach/passkeys")
    return _render(request, "passkeys.html", coach=coach, passkeys=passkeys.of(session, coach.id))


@router.post("/passkeys/register/options")
def passkey_register_options(request: Request, session: Session = Depends(get_session)) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _json_error(401, "Log eerst in.")
    if not _json_csrf_ok(request):
        return _json_error(403, "Laad de pagina opnieuw.")
    options, challenge = passkeys.registration_options(
        session, coach, request.app.state.settings.public_url
    )
    return _challenge_response(request, options, challenge, "register")


@router.post("/passkeys/register")
async def passkey_register(request: Request) -> Response:
    body = await request.body()
    with Session(request.app.state.engine) as session:
        coach = _logged_in_coach(request, session)
        if coach is None:
            return _json_error(401, "Log eerst in.")
        challenge = _kept_challenge(request, "register")
        if not _json_csrf_ok(request) or challenge is None:
            return _json_error(403, "Laad de pagina opnieuw.")
        try:
            passkeys.register(
                session,
                coach,
                passkeys.parse(body),
                challenge,
                request.app.state.settings.public_url,
            )
        except passkeys.PasskeyError as error:
            logger.warning("passkey registration refused: %s", error)
            return _json_error(400, PASSKEY_FAILED)
        session.commit()
    response = JSONResponse({"next": "/coach/passkeys"})
    response.delete_cookie(PASSKEY_COOKIE, path="/coach")
    return response


@router.post("/passkeys/login/options")
def passkey_login_options(request: Request, session: Session = Depends(get_session)) -> Response:
    row, coach = _pending(request, session)
    if row is None or row.verified:
        return _json_error(401, "Log eerst in met uw wachtwoord.")
    if not _json_csrf_ok(request):
        return _json_error(403, "Laad de pagina opnieuw.")
    options, challenge = passkeys.authentication_options(
        session, coach, request.app.state.settings.public_url
    )
    return _challenge_response(request, options, challenge, "login")


@router.post("/passkeys/login")
async def passkey_login(request: Request) -> Response:
    """The second step with a passkey: the signed challenge, then a fresh session value."""
    body = await request.body()
    with Session(request.app.state.engine) as session:
        row, coach = _pending(request, session)
        if row is None or row.verified:
            return _json_error(401, "Log eerst in met uw wachtwoord.")
        challenge = _kept_challenge(request, "login")
        if not _json_csrf_ok(request) or challenge is None:
            return _json_error(403, "Laad de pagina opnieuw.")
        try:
            passkeys.authenticate(
                session,
                coach,
                passkeys.parse(body),
                challenge,
                request.app.state.settings.public_url,
            )
        except passkeys.PasskeyError as error:
            logger.warning("passkey sign-in refused: %s", error)
            return _json_error(401, PASSKEY_FAILED)
        coach.failed_logins = 0
        coach.locked_until = None
        redirect = _verified(request, session, row, coach, request.query_params.get("next"))
    response = JSONResponse({"next": redirect.headers["location"]})
    for header in redirect.headers.getlist("set-cookie"):
        response.headers.append("set-cookie", header)
    response.delete_cookie(PASSKEY_COOKIE, path="/coach")
    return response


# --- single sign-on (OpenID Connect, authorization code + PKCE) -----------------------------

SSO_COOKIE = "jim_sso"
SSO_FAILED = (
    "Inloggen via uw organisatie lukte niet. Probeer het opnieuw, of log in met uw "
    "e-mailadres en wachtwoord."
)


def _sso_serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(request.app.state.settings.secret_key, salt="coach-sso")


def _sso_redirect_uri(request: Request) -> str:
    return request.app.state.settings.public_url + "/coach/sso/callback"


@router.get("/sso")
def sso_start(
    request: Request,
    next: str | None = Query(None),  # noqa: A002 - the query parameter's name
) -> Response:
    """Off to the organisation's identity provider; state, nonce and PKCE verifier wait
    in a signed, short-lived cookie of this browser."""
    config = request.app.state.sso
    if config is None:
        return _login_page(request, next, status_code=404)
    try:
        url, pending = sso.start(config, _sso_redirect_uri(request))
    except (sso.SsoError, httpx.HTTPError):
        logger.warning("sso: the identity provider could not be reached")
        return _login_page(request, next, status_code=503, error=SSO_FAILED)
    response = RedirectResponse(url, status_code=303)
    kept = {"s": pending.state, "n": pending.nonce, "v": pending.verifier, "x": _safe_next(next)}
    _set_cookie(request, response, SSO_COOKIE, _sso_serializer(request).dumps(kept), max_age=600)
    return response


@router.get("/sso/callback")
def sso_callback(
    request: Request,
    code: str = Query(""),
    state: str = Query(""),
    session: Session = Depends(get_session),
) -> Response:
    """Back from the provider: the state must be this browser's, the ID token must be
    signed by the provider, for us, with our nonce; then the account signs in."""
    config = request.app.state.sso
    if config is None:
        return _login_page(request, status_code=404)
    try:
        kept = _sso_serializer(request).loads(request.cookies.get(SSO_COOKIE, ""), max_age=600)
    except BadSignature:
        kept = None
    try:
        if not kept or not state or not hmac.compare_digest(str(kept.get("s", "")), state):
            raise sso.SsoError("state does not match")
        pending = sso.Pending(kept["s"], kept["n"], kept["v"])
        claims = sso.finish(config, _sso_redirect_uri(request), code, pending)
        coach = sso.account_for(session, config, claims)
    except (sso.SsoError, httpx.HTTPError, accounts.AccountError) as error:
        session.rollback()
        logger.warning("sso sign-in refused: %s", error)  # no names, no addresses
        response = _login_page(request, status_code=401, error=SSO_FAILED)
        response.delete_cookie(SSO_COOKIE, path="/coach")
        return response
    value = sessions.start(session, coach, verified=True, method="sso")
    session.commit()
    response = RedirectResponse(_safe_next(kept.get("x")), status_code=303)
    _start_session(request, response, value)
    response.delete_cookie(SSO_COOKIE, path="/coach")
    return response


# --- first sign-in and password reset by one-time e-mail link ------------------------------

LINK_GONE = (
    "Deze link werkt niet meer. Hij is al gebruikt of verlopen. "
    "Vraag hieronder een nieuwe link aan."
)
LINK_SENT = (
    "Als dit adres bij een account hoort, krijgt u binnen een paar minuten een mail met "
    "een link."
)


@router.get("/wachtwoord-vergeten", response_class=HTMLResponse)
def forgot_page(request: Request) -> Response:
    return _render(request, "forgot.html", error=None, notice=None)


@router.post("/wachtwoord-vergeten", response_class=HTMLResponse)
def forgot(
    request: Request,
    email: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    """Always the same answer: nobody learns from it whether an address has an account."""
    if not _check_csrf(request, csrf):
        return _refused(request)
    limits = ratelimit.limits(request)
    ip = ratelimit.client_ip(request)
    typed = accounts.normalise_email(email)
    if not ratelimit.failure_wait(limits.login_failures, limits.login_failures_ip, ip, typed):
        ratelimit.record_failure(limits.login_failures, limits.login_failures_ip, ip, typed)
        coach = accounts.find_by_email(session, typed)
        if coach is not None and coach.active:
            settings = request.app.state.settings
            purpose = "reset" if coach.password_hash else "welkom"
            links.issue(session, settings.secret_key, coach, purpose, settings.account_link_hours)
            session.commit()
    return _render(request, "forgot.html", error=None, notice=LINK_SENT)


@router.get("/link/{token}", response_class=HTMLResponse)
def link_page(request: Request, token: str, session: Session = Depends(get_session)) -> Response:
    link = links.find(session, token)
    if link is None:
        return _render(request, "forgot.html", status_code=410, error=LINK_GONE, notice=None)
    response = _render(request, "set_password.html", token=token, error=None)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/link/{token}", response_class=HTMLResponse)
def link_use(
    request: Request,
    token: str,
    password: str = Form(""),
    repeat: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    """Choose a password through the link; every other session of the account ends, and
    the second step (set up or asked) follows."""
    if not _check_csrf(request, csrf):
        return _refused(request)
    link = links.find(session, token)
    if link is None:
        return _render(request, "forgot.html", status_code=410, error=LINK_GONE, notice=None)
    problem = accounts.password_problem(password)
    if problem is None and password != repeat:
        problem = "De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw."
    if problem:
        return _render(request, "set_password.html", status_code=400, token=token, error=problem)
    if not links.use(session, link):
        session.rollback()
        return _render(request, "forgot.html", status_code=410, error=LINK_GONE, notice=None)
    coach = session.get(Coach, link.coach_id)
    accounts.set_password(session, coach, password)
    accounts.end_all_sessions(session, coach.id)
    value = sessions.start(session, coach, verified=False)
    session.commit()
    response = RedirectResponse(SECOND_STEP, status_code=303)
    _start_session(request, response, value)
    return response


@router.get("/nominations/{nomination_id}", response_class=HTMLResponse)
def detail(
    request: Request, nomination_id: str, session: Session = Depends(get_session)
) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login(f"/coach/nominations/{nomination_id}")
    nomination = repo.get_nomination(session, coach.team_id, nomination_id)
    if nomination is None:
        return _not_found(request, coach)
    log_access(request, session, coach, "detail", nomination=nomination)
    session.commit()
    return _detail_page(request, session, coach, nomination)


def _detail_page(request, session, coach, nomination, error=None, status_code=200):
    from bot.web import portal_after  # issue 18; imported here: it imports this module

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
        **portal_after.detail_context(session, coach, nomination),  # issue 18
    )


@router.post("/nominations/{nomination_id}/status")
def change_status(
    request: Request,
    nomination_id: str,
    status: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
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
    log_access(request, session, coach, "status", nomination=nomination, detail=status)
    session.commit()
    return RedirectResponse(f"/coach/nominations/{nomination_id}", status_code=303)


@router.post("/invites", response_class=HTMLResponse)
def new_invite(
    request: Request, csrf: str = Form(""), session: Session = Depends(get_session)
) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login("/coach")
    if not _check_csrf(request, csrf):
        return _refused(request)
    settings = app_settings(request)
    invite = repo.create_invite(session, coach, settings.invite_days)
    code, expires_at = invite.code, invite.expires_at
    session.commit()
    url = coaching.invite_url(settings.public_url, code)
    qr_svg = segno.make(url, error="m").svg_inline(scale=5, title="QR-code van de uitnodiging")
    return _render(
        request, "invite.html", coach=coach, url=url, expires_at=expires_at, qr_svg=qr_svg
    )


@router.get("/export.csv")
def export(request: Request, session: Session = Depends(get_session)) -> Response:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return _to_login("/coach")
    content = coaching.export_csv(session, coach.team_id)
    log_access(request, session, coach, "export", detail="alle nominaties (CSV)")
    session.commit()
    return Response(
        content=content,
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
    session: Session = Depends(get_session),
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
