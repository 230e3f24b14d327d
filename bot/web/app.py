"""The web app: youth chat page, JSON API for coaches, health check.

`create_app()` is a factory (uvicorn --factory): the engine is made when the app is
made, never at import time, and every request gets its own Session.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.orm import Session

from bot.accounts.sso import SsoConfig
from bot.coach import notify
from bot.settings import Settings, get_settings
from bot.storage import make_engine
from bot.web import (
    api,
    api_docs,
    chat,
    demo,
    insight,
    jim_page,
    learn,
    portal,
    portal_after,
    team_portal,
)
from bot.web.deps import get_session
from bot.web.ratelimit import Limits
from bot.web.security import SecurityHeaders

STATIC_DIR = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for these settings (default: the process settings from .env)."""
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)
    app = FastAPI(
        title="JIM-kiezer API",
        description=(
            "Coach API: nominations of your own team. Bearer token per coach.\n\n"
            "A nomination is the JSON of DESIGN.md. Its `youth.conversation_id` is a "
            "pseudonym (`gesprek-` and 32 hex characters, stable per conversation): it "
            "names the conversation for your records and for a deletion request "
            "(`jim privacy delete --conversation gesprek-...`), but opens nothing: the "
            "chat itself is reachable only from the youth's own browser."
        ),
        version="1.0",
        # No Swagger UI or ReDoc (they load an unpinned script from a CDN): /docs is a plain
        # page made from the description (bot/web/api_docs.py); /openapi.json stays.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.limits = Limits.from_settings(settings)
    app.state.sso = SsoConfig.from_settings(settings)  # issue 17: None when OIDC_ISSUER is empty

    dispatcher = notify.Dispatcher(engine, settings)  # sends outbox rows every ~2 s
    app.add_event_handler("startup", dispatcher.start)
    app.add_event_handler("shutdown", dispatcher.stop)

    @app.on_event("shutdown")
    def _dispose() -> None:
        engine.dispose()

    @app.get("/healthz", include_in_schema=False)
    def healthz(session: Session = Depends(get_session)) -> dict:
        session.execute(text("SELECT 1"))
        return {"status": "ok"}

    app.include_router(chat.router)
    app.include_router(api.router)
    app.include_router(api_docs.router)
    app.include_router(portal.router)
    app.include_router(portal_after.router)  # issue 18: letter, reviews, choosing again
    app.include_router(jim_page.router)  # issue 18: the page for the chosen person
    app.include_router(team_portal.router)
    app.include_router(learn.router)  # issue 19: the review queue, beheerder only
    app.include_router(insight.api_router)  # issue 19: insight
    app.include_router(insight.portal_router)
    app.include_router(insight.demo_router)
    app.include_router(demo.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # Only the configured origins may call the app from another page (ALLOWED_ORIGINS);
    # the API uses bearer tokens, never cookies, so no credentials cross origins.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_methods=["GET", "POST", "PATCH"],
        allow_headers=["Authorization", "Content-Type", chat.SECRET_HEADER],
        expose_headers=["X-Total-Count", "Retry-After"],
    )
    # Added last, so it is outermost: CORS answers and 429s get the headers too.
    app.add_middleware(SecurityHeaders, https=settings.public_url.startswith("https://"))
    return app
