"""What the web routes depend on, in one place, in the FastAPI style (`Depends`).

The settings and the engine the app was made with (`bot/web/app.py` keeps them on
`app.state`), one database session per request, and the coach of the API's bearer token.
The API, the portal, the demo and the youth chat take them from here, so a test or a new
route finds them in one file.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.accounts import tokens
from bot.accounts.tokens import Caller
from bot.settings import Settings
from bot.web import ratelimit

TOO_MANY = "Too many wrong tokens; try again after Retry-After seconds."
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="coachToken",
    description="A team integration token (portal, Team page) or a coach token from "
    "`jim coach add` / `jim coach rotate`.",
)


def app_settings(request: Request) -> Settings:
    """The settings the app was made with (not re-read from the environment)."""
    return request.app.state.settings


def app_engine(request: Request) -> Engine:
    """The app's one engine (its pool is shared by every request)."""
    return request.app.state.engine


def get_session(request: Request) -> Iterator[Session]:
    """A new session per request, closed when the answer is sent."""
    with Session(app_engine(request)) as session:
        yield session


def current_coach(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
    session: Session = Depends(get_session),
) -> Caller:
    """The caller of the bearer token: a team's integration token or a coach token (issue
    17). After RATE_API_FAILURES wrong tokens for one account
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
    coach = tokens.authenticate(session, token)
    if coach is None:
        if token:  # no token at all is a mistake, not a guess
            ratelimit.record_failure(limits.api_failures, limits.api_failures_ip, ip, token)
        raise HTTPException(
            status_code=401,
            detail="A valid coach token is needed (Authorization: Bearer <token>).",
            headers={"WWW-Authenticate": "Bearer"},
        )
    limits.api_failures.clear(ratelimit.account_key(token))
    request.state.caller = coach
    return coach
