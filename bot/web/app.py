"""The web app: youth chat page, JSON API for coaches, health check.

`create_app()` is a factory (uvicorn --factory): the engine is made when the app is
made, never at import time, and every request gets its own Session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.orm import Session

from bot.settings import Settings, get_settings
from bot.storage import Coach, make_engine, repo
from bot.storage.models import STATUSES
from bot.web import chat

STATIC_DIR = Path(__file__).parent / "static"
bearer = HTTPBearer(auto_error=False)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for these settings (default: the process settings from .env)."""
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)
    app = FastAPI(
        title="JIM-kiezer API",
        description="Coach API: nominations of your own team. Bearer token per coach.",
        version="1.0",
    )
    app.state.settings = settings
    app.state.engine = engine

    @app.on_event("shutdown")
    def _dispose() -> None:
        engine.dispose()

    def get_session() -> Iterator[Session]:
        with Session(engine) as session:
            yield session

    def current_coach(
        credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
        session: Session = Depends(get_session),
    ) -> Coach:
        coach = repo.coach_for_token(session, credentials.credentials if credentials else "")
        if coach is None:
            raise HTTPException(
                status_code=401,
                detail="A valid coach token is needed (Authorization: Bearer <token>).",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return coach

    @app.get("/healthz", include_in_schema=False)
    def healthz(session: Session = Depends(get_session)) -> dict:
        session.execute(text("SELECT 1"))
        return {"status": "ok"}

    @app.get("/api/nominations", tags=["nominations"])
    def list_nominations(
        status: str | None = Query(None, description="Only nominations with this status"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0),
        coach: Coach = Depends(current_coach),
        session: Session = Depends(get_session),
    ) -> list[dict]:
        """Your team's nominations, newest first."""
        if status is not None and status not in STATUSES:
            raise HTTPException(422, detail=f"status must be one of {', '.join(STATUSES)}")
        rows = repo.list_nominations(session, coach.team_id, status, limit, offset)
        return [repo.nomination_to_dict(n) for n in rows]

    @app.get("/api/nominations/{nomination_id}", tags=["nominations"])
    def get_nomination(
        nomination_id: str,
        coach: Coach = Depends(current_coach),
        session: Session = Depends(get_session),
    ) -> dict:
        """One nomination of your team (404 for anything else)."""
        nomination = repo.get_nomination(session, coach.team_id, nomination_id)
        if nomination is None:
            raise HTTPException(404, detail="No nomination with this id in your team.")
        return repo.nomination_to_dict(nomination)

    app.include_router(chat.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
