"""The trainer demo at /demo: the youth's chat and what the coach receives, side by side.

Only in demo mode (JIM_DEMO=true, the default). The page plays scenario files
(`demo/scenarios/*.yaml`, see bot/demo/demo_scenarios.py) or lets a trainer type as the youth.
Everything goes through the real Rasa server and action server, exactly as the youth's
chat does; the coach side reads the conversation's slots from Rasa's HTTP API (server side,
with RASA_AUTH_TOKEN, which never reaches the browser) plus the stored nomination.
Demo data and real data never mix. The server makes every demo conversation
(`POST /demo/api/new`, an unguessable `demo-...` id) and lists it under the trainer's demo
session: a random cookie (HttpOnly, SameSite=Strict, path /demo) whose hash is a row of
demo_sessions, with the conversations in demo_conversations. Every other call reads,
continues, forgets or resets only conversations listed under the caller's own session; an
id from anywhere else (a real chat, another trainer's demo, a guessed `demo-` id) gets 404
and Rasa is not even asked. Only listed conversations are demo conversations: their
nominations go to the demo team without notifications (bot/coach/handoff.py); real chats never.

Why the database and not memory or a signed cookie: the list must hold for every web
process (README "Growing": several workers), survive a restart of the web app during a
training, and be readable by the action server's handoff, which decides demo or real from
the same table. Sessions and their conversations are purged with the rest (`jim privacy
purge`) and removed with a conversation (`privacy.delete_conversation`).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from bot.coach import coach_signal, notify
from bot.demo import demo_data, demo_scenarios
from bot.rasa_client import RasaError
from bot.settings import Settings
from bot.storage import privacy, repo
from bot.storage.models import utcnow
from bot.web import chat, portal
from bot.web.deps import app_engine, app_settings

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
EXAMPLE_ADDRESS = "team@voorbeeld.nl"
OFF = "De demo staat uit. Zet JIM_DEMO=true in .env om hem te gebruiken."
NOT_DEMO = "Alleen demogesprekken (sender begint met demo-) kunnen hier."
NOT_YOURS = "Dit demogesprek hoort niet bij deze browser. Start een nieuw demogesprek."
DEMO_COOKIE = "jim_demo"

router = APIRouter(prefix="/demo", include_in_schema=False)


class DemoError(Exception):
    """A request the demo refuses or cannot serve; carries the HTTP status and a Dutch text."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(text)
        self.status = status
        self.text = text


def _error(status: int, text: str) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=status, headers=chat.NO_STORE)


def _json(data: Any) -> JSONResponse:
    return JSONResponse(data, headers=chat.NO_STORE)


def _check_demo(request: Request) -> None:
    if not app_settings(request).demo:
        raise DemoError(404, OFF)


async def _body(request: Request) -> dict:
    # JSON only: a form on another site cannot post here without a CORS preflight.
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise DemoError(415, "Stuur JSON (Content-Type: application/json).")
    try:
        body = await request.json()
    except ValueError:
        raise DemoError(400, "De inhoud is geen JSON.") from None
    if not isinstance(body, dict):
        raise DemoError(400, "De inhoud moet een JSON-object zijn.")
    return body


def _sender(value: Any) -> str:
    if not demo_data.is_demo_sender(value):
        raise DemoError(422, NOT_DEMO)
    return value


def _session_id(request: Request) -> str | None:
    """The caller's demo session (the hash of its cookie), if it is a known one."""
    with Session(app_engine(request)) as session:
        found = repo.get_demo_session(session, request.cookies.get(DEMO_COOKIE))
        return found.id if found else None


def _own_ids(request: Request) -> list[str]:
    session_id = _session_id(request)
    if session_id is None:
        return []
    with Session(app_engine(request)) as session:
        return repo.demo_conversation_ids(session, session_id)


async def _own(request: Request, value: Any) -> str:
    """The sender, if the caller's demo session made it; else 404 without asking Rasa."""
    sender = _sender(value)
    if sender not in await run_in_threadpool(_own_ids, request):
        raise DemoError(404, NOT_YOURS)
    return sender


def _start_conversation(request: Request) -> tuple[str, str | None]:
    """A new demo conversation in the caller's session (made if needed): (id, new cookie)."""
    cookie = None
    with Session(app_engine(request)) as session, session.begin():
        demo_session = repo.get_demo_session(session, request.cookies.get(DEMO_COOKIE))
        if demo_session is None:
            demo_session, cookie = repo.new_demo_session(session)
        return repo.new_demo_conversation(session, demo_session), cookie


def _set_cookie(request: Request, response: JSONResponse, cookie: str) -> None:
    response.set_cookie(
        DEMO_COOKIE,
        cookie,
        path="/demo",
        httponly=True,
        samesite="strict",
        secure=app_settings(request).public_url.startswith("https://"),
    )


async def _send_to_rasa(settings: Settings, sender: str, message: str) -> list[dict]:
    message, _invite = chat.screen_payload(settings, message)
    if not message:
        raise DemoError(422, "message is empty")
    try:
        return chat.bot_messages(await chat.rasa(settings).send(sender, message))
    except RasaError as exc:
        raise DemoError(chat.rasa_failure("demo", exc), chat.UNREACHABLE) from None


async def _tracker(settings: Settings, sender: str) -> dict:
    try:
        tracker = await chat.rasa(settings).tracker(sender)
    except RasaError as exc:
        raise DemoError(chat.rasa_failure("demo state", exc), chat.UNREACHABLE) from None
    return tracker if isinstance(tracker, dict) else {}


def _scenario(scenario_id: Any) -> demo_scenarios.Scenario:
    try:
        scenario = demo_scenarios.find(scenario_id if isinstance(scenario_id, str) else "")
    except demo_scenarios.ScenarioError as error:
        raise DemoError(422, str(error)) from None
    if scenario is None:
        raise DemoError(404, "Dit scenario bestaat niet (meer).")
    return scenario


def _last_buttons(messages: list[dict]) -> tuple[list[dict], str]:
    """The buttons the youth can tap now, and the bot's last words (for an error)."""
    buttons: list[dict] = []
    said: list[str] = []
    for message in reversed(messages):
        if message["from"] == "user":
            break
        buttons = message.get("buttons", []) + buttons
        if message.get("text"):
            said.insert(0, message["text"])
    return buttons, " ".join(said)


def _notification(settings: Settings, engine, nomination_id: str) -> dict | None:
    """The e-mail the coach would get (the demo never sends it)."""
    with Session(engine) as session:
        nomination = session.get(repo.Nomination, nomination_id)
        if nomination is None or nomination.status == "ingetrokken":
            return None
        team = session.get(repo.Team, nomination.team_id)
        message = notify.build_email(settings, team, nomination, EXAMPLE_ADDRESS)
        return {
            "to": EXAMPLE_ADDRESS,
            "subject": message["Subject"],
            "body": message.get_content().strip(),
        }


def _state(
    settings: Settings,
    engine,
    sender: str,
    tracker: dict,
    own: list[str],
    scenario_id: str = "",
) -> dict:
    events = tracker.get("events")
    slots = tracker.get("slots") if isinstance(tracker.get("slots"), dict) else {}
    loop = tracker.get("active_loop") if isinstance(tracker.get("active_loop"), dict) else {}
    messages = chat.conversation(events)
    with Session(engine) as session:
        found = repo.get_nomination_by_conversation(session, sender)
        nomination = repo.nomination_to_dict(found) if found is not None else None
    crisis = demo_data.crisis_shown(events)
    state = {
        "sender": sender,
        "messages": messages,
        "coach": demo_data.coach_rows(slots, nomination, loop.get("name")),
        "stage": slots.get("stage"),
        "crisis": crisis,
        "nomination": nomination,
        "notification": _notification(settings, engine, nomination["id"]) if nomination else None,
        "team_list": demo_data.team_list(engine, own),
        "signals": coach_signal.demo_view(engine, settings.secret_key, own, sender),  # issue 24
        "check": None,
    }
    if scenario_id:
        scenario = _scenario(scenario_id)
        bot_texts = [m["text"] for m in messages if m["from"] == "bot"]
        state["check"] = demo_scenarios.check_end(scenario.expected, nomination, crisis, bot_texts)
    return state


def _page(name: str) -> HTMLResponse:
    return HTMLResponse((STATIC_DIR / name).read_text(encoding="utf-8"), headers=chat.NO_STORE)


@router.get("", response_class=HTMLResponse)
def demo_page(request: Request) -> HTMLResponse:
    """The trainer's page (plain HTML; script and styles are static files)."""
    if not app_settings(request).demo:
        return HTMLResponse(f"<!doctype html><title>Demo</title><p>{OFF}</p>", status_code=404)
    return _page("demo.html")


@router.get("/api/scenarios")
def scenarios(request: Request) -> JSONResponse:
    """Every scenario file, read now, and the mistakes in files that could not be read."""
    try:
        _check_demo(request)
    except DemoError as error:
        return _error(error.status, error.text)
    found, errors = demo_scenarios.load_all()
    return _json(
        {
            "scenarios": [s.to_dict() for s in found],
            "errors": [
                {
                    "file": e.file,
                    "line": e.line,
                    "field": e.where,
                    "problem": e.problem,
                    "message": str(e),
                }  # fmt: skip
                for e in errors
            ],
        }
    )


@router.post("/api/new")
async def new(request: Request) -> JSONResponse:
    """A new demo conversation, made and listed by the server, started with /start.

    `start` may give another /start form of DESIGN.md (with an invite code, to show that a
    demo conversation stays in the demo whatever it opens with).
    """
    cookie = None
    try:
        _check_demo(request)
        body = await _body(request)
        start = body.get("start", "/start")
        if not isinstance(start, str) or not start.startswith("/start"):
            raise DemoError(422, "start moet /start zijn, eventueel met een uitnodigingscode.")
        sender, cookie = await run_in_threadpool(_start_conversation, request)
        messages = await _send_to_rasa(app_settings(request), sender, start)
        response = _json({"sender": sender, "messages": messages})
    except DemoError as error:
        response = _error(error.status, error.text)
    if cookie:
        _set_cookie(request, response, cookie)
    return response


@router.post("/api/send")
async def send(request: Request) -> JSONResponse:
    """One message of the youth (typed by the trainer) in the caller's demo conversation."""
    try:
        _check_demo(request)
        body = await _body(request)
        sender = await _own(request, body.get("sender"))
        try:
            message = chat.clean_message(body.get("message"))
        except chat.ChatInputError as exc:
            raise DemoError(422, str(exc)) from None
        messages = await _send_to_rasa(app_settings(request), sender, message)
    except DemoError as error:
        return _error(error.status, error.text)
    return _json({"messages": messages})


@router.post("/api/step")
async def step(request: Request) -> JSONResponse:
    """Play step `step` (0-based) of a scenario: type its text, or tap its button."""
    settings = app_settings(request)
    try:
        _check_demo(request)
        body = await _body(request)
        sender = await _own(request, body.get("sender"))
        scenario = _scenario(body.get("scenario"))
        index = body.get("step")
        if not isinstance(index, int) or isinstance(index, bool):
            raise DemoError(422, "step moet een getal zijn")
        if not 0 <= index < len(scenario.steps):
            raise DemoError(422, f"Dit scenario heeft {len(scenario.steps)} stappen.")
        current = scenario.steps[index]
        message = current.text
        if current.kind == "tik":
            tracker = await _tracker(settings, sender)
            buttons, said = _last_buttons(chat.conversation(tracker.get("events")))
            button = demo_scenarios.find_button(buttons, current.text)
            if button is None:
                titles = ", ".join(b["title"] for b in buttons) or "geen knoppen"
                raise DemoError(
                    409,
                    f"Stap {index + 1}: de knop '{current.text}' staat er niet. "
                    f"De bot zei: \u201c{said}\u201d Knoppen: {titles}.",
                )
            message = button["payload"]
        messages = await _send_to_rasa(settings, sender, message)
    except DemoError as error:
        return _error(error.status, error.text)
    return _json({"messages": messages, "step": index})


@router.get("/api/state")
async def state(request: Request, sender: str = "", scenario: str = "") -> JSONResponse:
    """What both sides show now: the youth's messages and the coach's view of them."""
    settings = app_settings(request)
    try:
        _check_demo(request)
        await _own(request, sender)
        own = await run_in_threadpool(_own_ids, request)
        tracker = await _tracker(settings, sender)
        data = _state(settings, app_engine(request), sender, tracker, own, scenario)
    except DemoError as error:
        return _error(error.status, error.text)
    return _json(data)


@router.post("/api/forget")
async def forget(request: Request) -> JSONResponse:
    """Remove one demo conversation (used by "Terug", which plays the steps again)."""
    try:
        _check_demo(request)
        sender = await _own(request, (await _body(request)).get("sender"))
    except DemoError as error:
        return _error(error.status, error.text)
    removed = privacy.delete_conversation(
        app_engine(request), sender, app_settings(request).secret_key
    )
    return _json({"nominations": removed.nominations})


@router.post("/api/reset")
async def reset(request: Request) -> JSONResponse:
    """The one reset button: every conversation of this demo session and its nominations go.

    Only this browser's demo conversations: never a real one, never another trainer's.
    """
    try:
        _check_demo(request)
        await _body(request)
    except DemoError as error:
        return _error(error.status, error.text)
    own = await run_in_threadpool(_own_ids, request)
    result = await run_in_threadpool(
        demo_data.reset, app_engine(request), own, app_settings(request).secret_key
    )
    log.info("demo reset: %d conversations removed", result.conversations)
    return _json({"conversations": result.conversations, "nominations": result.nominations})


@router.get("/samenvatting", response_class=HTMLResponse)
async def summary(request: Request, sender: str = "", scenario: str = "") -> HTMLResponse:
    """One printable page: what the youth saw and what the coach got."""
    settings = app_settings(request)
    try:
        _check_demo(request)
        await _own(request, sender)
        own = await run_in_threadpool(_own_ids, request)
        tracker = await _tracker(settings, sender)
        data = _state(settings, app_engine(request), sender, tracker, own, scenario)
        chosen = _scenario(scenario) if scenario else None
    except DemoError as error:
        return HTMLResponse(
            f"<!doctype html><title>Samenvatting</title><p>{html.escape(error.text)}</p>",
            status_code=error.status,
            headers=chat.NO_STORE,
        )
    response = TEMPLATES.TemplateResponse(
        "demo_summary.html",
        {
            "request": request,
            "state": data,
            "scenario": chosen,
            "printed_at": portal.when(utcnow()),
        },
    )
    response.headers.update(chat.NO_STORE)
    return response
