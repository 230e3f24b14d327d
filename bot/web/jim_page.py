"""The page for the chosen person, `/jim` (issue 18): what a JIM is and does, what is asked
and what is not, what stays private, how to say yes or no. Public, no cookies, no data:
the youth's message ("Ik vraag het zelf") links here. The text is `bot/coach/jim_text.py`;
the portal's letter is the same text filled in (`bot/web/portal_after.py`).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from bot.coach import jim_text

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)


@router.get("/jim", response_class=HTMLResponse)
def jim_page(request: Request) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(
        request, "jim.html", {"t": jim_text.render(), "letter": False}
    )
