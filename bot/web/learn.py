"""Portal page "Leren" (issue 19): the beheerder labels messages the bot did not understand.

Only a beheerder (a coach or a teamleider gets 403): the queue holds masked messages of
every team, so it is no team's page. Lists the queue (oldest first), labels an item with
an intent of `domain.yml` and simple entities (entity name plus the exact substring of
the masked text), throws an item away (deleted), and exports the labelled items as a Rasa
NLU YAML file (`bot/review/export.py`). Every form has CSRF. Nothing here is written to
the access log: the queue names no youth and no nomination.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from bot.review import export, queue
from bot.storage import Coach
from bot.web.deps import app_settings, get_session
from bot.web.portal import _check_csrf, _logged_in_coach, _refused, _render, _to_login

router = APIRouter(prefix="/coach", include_in_schema=False)
ENTITY_ROWS = 2
REASON_LABELS = {
    "fallback": "niet begrepen",
    "not_understood": "snap ik niet",
    "low_confidence": "twijfel",
    "refused": "antwoord niet bruikbaar",
}


@lru_cache(maxsize=4)
def domain_names(domain_file: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(intents, entities) of the domain, in its order."""
    domain = yaml.safe_load(domain_file.read_text(encoding="utf-8"))
    intents = tuple(i if isinstance(i, str) else next(iter(i)) for i in domain["intents"])
    entities = tuple(e if isinstance(e, str) else next(iter(e)) for e in domain["entities"])
    return intents, entities


def _names(request: Request) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return domain_names(app_settings(request).project_dir / "domain.yml")


def _beheerder(request: Request, session: Session) -> tuple[Coach | None, Response | None]:
    coach = _logged_in_coach(request, session)
    if coach is None:
        return None, _to_login("/coach/leren")
    if coach.role != "beheerder":
        return coach, _render(
            request,
            "error.html",
            status_code=403,
            coach=coach,
            title="Geen toegang",
            message="Alleen een beheerder kan deze pagina zien.",
        )
    return coach, None


def _page(request, session, coach, status_code=200, error=None, notice=None) -> HTMLResponse:
    intents, entities = _names(request)
    return _render(
        request,
        "learn.html",
        status_code=status_code,
        coach=coach,
        items=queue.open_items(session),
        labelled=queue.labelled_items(session),
        intents=intents,
        entities=entities,
        entity_rows=range(ENTITY_ROWS),
        reasons=REASON_LABELS,
        learning=app_settings(request).learn_from_chats,
        keep_days=app_settings(request).review_keep_days,
        error=error,
        notice=notice,
    )


@router.get("/leren", response_class=HTMLResponse)
def learn_page(request: Request, session: Session = Depends(get_session)) -> Response:
    coach, refused = _beheerder(request, session)
    return refused or _page(request, session, coach)


@router.post("/leren/{item_id}/label", response_class=HTMLResponse)
async def label_item(
    request: Request,
    item_id: int,
    session: Session = Depends(get_session),
) -> Response:
    coach, refused = _beheerder(request, session)
    if refused:
        return refused
    form = await request.form()
    if not _check_csrf(request, str(form.get("csrf") or "")):
        return _refused(request)
    intents, entities = _names(request)
    chosen = [
        (str(form.get(f"entity_{i}") or "").strip(), str(form.get(f"value_{i}") or "").strip())
        for i in range(ENTITY_ROWS)
    ]
    try:
        queue.label(
            session,
            item_id,
            str(form.get("intent") or ""),
            chosen,
            frozenset(intents),
            frozenset(entities),
            coach.id,
        )
    except queue.LabelError as problem:
        session.rollback()
        return _page(request, session, coach, 400, error=str(problem))
    session.commit()
    return _page(request, session, coach, notice="Opgeslagen.")


@router.post("/leren/{item_id}/weg", response_class=HTMLResponse)
def throw_away(
    request: Request,
    item_id: int,
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    coach, refused = _beheerder(request, session)
    if refused:
        return refused
    if not _check_csrf(request, csrf):
        return _refused(request)
    queue.throw_away(session, item_id)
    session.commit()
    return _page(request, session, coach, notice="Weggegooid.")


@router.get("/leren/export.yml")
def export_labelled(request: Request, session: Session = Depends(get_session)) -> Response:
    coach, refused = _beheerder(request, session)
    if refused:
        return refused
    body = export.to_yaml(queue.labelled_items(session), app_settings(request).project_dir / "data")
    return Response(
        body,
        media_type="application/x-yaml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="geleerd.yml"'},
    )
