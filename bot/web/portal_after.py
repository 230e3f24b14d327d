"""The portal's side of issue 18 (after the choice), apart from `portal.py`:

- the letter for the JIM (`/coach/nominations/{id}/letter`): the /jim text with the youth's
  first name, the coach's name and way of contact; opening it is recorded in the history;
- reviews of a started JIM: when the next one is due, recording one with a short note,
  overdue ones at the top of the list (`list_context`);
- choosing again: for a nomination that did not work out, an invite whose chat offers the
  people named before first.

Uses the portal's login, CSRF and rendering (`bot.web.portal`); same rules: a coach only
sees their own team, anything else is 404.
"""

from __future__ import annotations

import segno
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from bot.coach import coaching, followup, jim_text, reviews
from bot.storage import Coach, Team, repo
from bot.storage.models import Nomination, utcnow
from bot.web import portal
from bot.web.deps import get_session
from bot.web.jim_page import TEMPLATES as JIM_TEMPLATES

router = APIRouter(prefix="/coach", include_in_schema=False)
MAX_CONTACT = 120
NOTE_LABELS = {reviews.LETTER: "Brief voor de JIM gemaakt", reviews.REVIEW: "Evaluatiegesprek"}


def detail_context(session: Session, coach: Coach, nomination: Nomination) -> dict:
    """What the detail page shows of issue 18: notes, the next review, the letter's contact."""
    team = session.get(Team, coach.team_id)
    months = team.review_months if team else 2
    next_review = reviews.next_review(session, nomination, months)
    return {
        "notes": reviews.notes(session, nomination),
        "note_label": lambda kind: NOTE_LABELS.get(kind, kind),
        "next_review": next_review,
        "review_overdue": bool(next_review and next_review <= utcnow()),
        "review_months": months,
        "letter_contact": coach.email or (team.notify_email if team else None) or "",
        "can_choose_again": nomination.status == "niet_gelukt",
    }


def list_context(session: Session, coach: Coach) -> dict:
    """Overdue reviews, for the top of the list."""
    team = session.get(Team, coach.team_id)
    return {"overdue_reviews": reviews.overdue_reviews(session, team) if team else []}


def _nomination(request: Request, session: Session, nomination_id: str):
    coach = portal._logged_in_coach(request, session)
    if coach is None:
        return None, None, portal._to_login(f"/coach/nominations/{nomination_id}")
    nomination = repo.get_nomination(session, coach.team_id, nomination_id)
    if nomination is None:
        return coach, None, portal._not_found(request, coach)
    return coach, nomination, None


@router.get("/nominations/{nomination_id}/letter", response_class=HTMLResponse)
def letter(
    request: Request,
    nomination_id: str,
    contact: str | None = Query(None, max_length=MAX_CONTACT),
    session: Session = Depends(get_session),
) -> Response:
    """The letter for the JIM, ready to print or save as PDF; recorded in the history."""
    coach, nomination, refused = _nomination(request, session, nomination_id)
    if refused is not None:
        return refused
    if nomination.status == "ingetrokken":
        return portal._render(
            request,
            "error.html",
            status_code=409,
            coach=coach,
            title="Geen brief",
            message="De jongere heeft de keuze ingetrokken. Er is geen brief.",
        )
    team = session.get(Team, coach.team_id)
    way = (contact or "").strip() or coach.email or (team.notify_email if team else None)
    text = jim_text.render(
        youth=jim_text.first_name(nomination.youth_name),
        mentor=nomination.mentor_name,
        coach=coach.name,
        contact=way,
        letter=True,
        months=team.review_months if team else 2,
    )
    reviews.record_letter(session, nomination, coach)
    portal.log_access(request, session, coach, "letter", nomination=nomination)
    session.commit()
    return JIM_TEMPLATES.TemplateResponse(
        request,
        "jim.html",
        {
            "t": text,
            "letter": True,
            "nomination_id": nomination.id,
            "reference": nomination.reference,
        },
        headers={"Cache-Control": "no-store"},
    )


@router.post("/nominations/{nomination_id}/review")
def record_review(
    request: Request,
    nomination_id: str,
    note: str = Form(""),
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    """The review with youth and JIM took place: recorded with a short note."""
    coach, nomination, refused = _nomination(request, session, nomination_id)
    if refused is not None:
        return refused
    if not portal._check_csrf(request, csrf):
        return portal._refused(request)
    try:
        reviews.record_review(session, nomination, coach, note)
    except ValueError:
        return portal._detail_page(
            request,
            session,
            coach,
            nomination,
            error="Een evaluatiegesprek kan pas als de JIM is gestart.",
            status_code=409,
        )
    portal.log_access(request, session, coach, "review", nomination=nomination)
    session.commit()
    return RedirectResponse(f"/coach/nominations/{nomination_id}", status_code=303)


@router.post("/nominations/{nomination_id}/choose-again", response_class=HTMLResponse)
def choose_again_invite(
    request: Request,
    nomination_id: str,
    csrf: str = Form(""),
    session: Session = Depends(get_session),
) -> Response:
    """An invite for the youth to choose again; the chat offers the people named before."""
    coach, nomination, refused = _nomination(request, session, nomination_id)
    if refused is not None:
        return refused
    if not portal._check_csrf(request, csrf):
        return portal._refused(request)
    settings = request.app.state.settings
    try:
        invite = followup.create_choose_again_invite(
            session, coach, nomination, settings.invite_days
        )
    except ValueError:
        return portal._detail_page(
            request,
            session,
            coach,
            nomination,
            error="Opnieuw kiezen kan alleen als de status Niet gelukt is.",
            status_code=409,
        )
    code, expires_at = invite.code, invite.expires_at
    portal.log_access(request, session, coach, "invite", nomination=nomination)
    session.commit()
    url = coaching.invite_url(settings.public_url, code)
    qr_svg = segno.make(url, error="m").svg_inline(scale=5, title="QR-code van de uitnodiging")
    return portal._render(
        request,
        "invite.html",
        coach=coach,
        url=url,
        expires_at=expires_at,
        qr_svg=qr_svg,
        choose_again=nomination.reference,
    )
