"""The youth's chat page and its same-origin proxy to Rasa's REST channel.

The page talks only to its own origin: the Rasa port stays private (it needs no CORS and
no public address), and the page can send a strict Content-Security-Policy. The proxy
checks what comes in, forwards it to Rasa and hands back only what the page shows.
Message texts are never logged: they may hold a youth's personal story.

A conversation belongs to the browser that holds it: `POST /chat/new` makes the id and a
secret (only its hash is stored, table conversation_keys); every `/chat/send` and
`/chat/history` must carry the secret in the X-Chat-Secret header, or gets 403/404 and
nothing of the conversation. The id alone (a coach never sees it: nominations carry a
pseudonym) opens nothing.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from bot.dialogue import held_answer
from bot.nlu.status_code import find_reference
from bot.rasa_client import AsyncRasa, RasaError
from bot.settings import Settings
from bot.storage import repo
from bot.web import ratelimit
from bot.web.deps import app_engine, app_settings

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
SENDER_RE = re.compile(r"[A-Za-z0-9_-]{8,80}")
MAX_MESSAGE = 5000
# 5000 characters of 4-byte UTF-8, JSON-escaped (\uXXXX\uXXXX: 12 bytes each), fits.
MAX_BODY = 64 * 1024
KEEP_CHARACTERS = {"\n", "\t"}
DROP_CATEGORIES = {"Cc", "Cs"}  # control characters, lone surrogates

# The security headers (a strict Content-Security-Policy, no referrer, ...) are set for
# every response in bot/web/security.py; pages and answers here are only kept from caches.
NO_STORE = {"Cache-Control": "no-store"}

UNREACHABLE = "De chat is nu even niet bereikbaar."
# Rasa answered, but with nothing (a step of the bot failed, such as the action server being
# down): the youth is never left without a word, and is asked to send it again.
NO_REPLY = "Dat ging even mis bij mij. Stuur je bericht nog een keer."
# 429 for the youth: kind, short, and the page sends the message again by itself.
TOO_MANY = "Je stuurt veel berichten snel achter elkaar. Wacht even. Dan gaat het verder."
# The conversation's secret travels in this header, never in the URL (logs, history).
SECRET_HEADER = "X-Chat-Secret"
# 403/404: the page starts a new conversation itself; a client that shows this text shows
# it to the youth.
NOT_YOURS = "Dit gesprek kan ik hier niet openen. Begin een nieuw gesprek."
# What Rasa reads as a payload (rasa/shared/core/training_data/story_reader/
# yaml_story_reader.py _regex_message_pattern): /intent@confidence{entities}rest.
PAYLOAD_RE = re.compile(
    r"/(?P<intent>[^{@]+)(?P<confidence>@[0-9.]+)?(?P<entities>\{.+\})?(?P<rest>.*)", re.DOTALL
)
# Buttons that actions build themselves (actions/summary.py); the rest are in domain.yml.
ACTION_PAYLOADS = ("/affirm", "/change_choice")
router = APIRouter(include_in_schema=False)


class ChatInputError(ValueError):
    """Input the proxy refuses; the message says what is wrong (shown to developers)."""


def check_sender(sender: Any) -> str:
    if not isinstance(sender, str) or not SENDER_RE.fullmatch(sender):
        raise ChatInputError("sender must be 8-80 characters: letters, digits, _ or -")
    return sender


def clean_message(message: Any) -> str:
    """The message without control characters (newlines and tabs stay), trimmed.

    Lone surrogates (JSON allows "\\ud800") go too: they are no text, and a database that
    stores UTF-8 would refuse the whole conversation event.
    """
    if not isinstance(message, str):
        raise ChatInputError("message must be a string")
    if len(message) > MAX_MESSAGE:
        raise ChatInputError(f"message must be at most {MAX_MESSAGE} characters")
    cleaned = "".join(
        ch
        for ch in message
        if ch in KEEP_CHARACTERS or unicodedata.category(ch) not in DROP_CATEGORIES
    ).strip()
    if not cleaned:
        raise ChatInputError("message is empty")
    return cleaned


def _payload_key(message: str) -> tuple[str, str | None] | None:
    """(intent, entities as canonical JSON) of a message Rasa would read as a payload.

    None when it is not one this proxy can read: no match, a confidence, text after the
    entities, or entities that are no JSON object. The JSON is decoded, so an escaped key
    (\\u0069nvite_code) is the key Rasa will see (invite_code).
    """
    match = PAYLOAD_RE.fullmatch(message)
    if match is None or match["confidence"] or match["rest"]:
        return None
    entities = None
    if match["entities"]:
        try:
            entities = json.loads(match["entities"])
        except (ValueError, RecursionError):
            return None
        if not isinstance(entities, dict):
            return None
        entities = json.dumps(entities, sort_keys=True, separators=(",", ":"))
    return match["intent"].strip(), entities


@lru_cache(maxsize=4)
def button_payloads(domain_file: Path) -> frozenset:
    """Every button payload of the domain's responses (and of the actions), as payload keys.

    Responses write entities with double braces ({{...}}: Rasa fills {slot} placeholders),
    so these are undone before reading.
    """
    import yaml  # PyYAML comes with Rasa; imported here so the app starts fast without it

    domain = yaml.safe_load(domain_file.read_text(encoding="utf-8")) or {}
    payloads = list(ACTION_PAYLOADS)
    for variations in (domain.get("responses") or {}).values():
        for variation in variations or []:
            for button in (variation or {}).get("buttons") or []:
                if isinstance(button, dict) and isinstance(button.get("payload"), str):
                    payloads.append(button["payload"].replace("{{", "{").replace("}}", "}"))
    keys = {_payload_key(p) for p in payloads if p.startswith("/")}
    keys.discard(None)
    return frozenset(keys)


def screen_payload(settings: Settings, message: str) -> tuple[str, bool]:
    """What to forward for this (cleaned) message, and whether it tries an invite code.

    Only the payloads of the domain's buttons and the /start forms of DESIGN.md
    (`/start`, `/start{"invite_code": "<code>"}`) reach Rasa as payloads: anything else that
    starts with "/" is forwarded as the plain text after the slashes, so a youth who types
    "/stop" is understood and nobody can call an intent the bot did not offer.
    """
    if not message.startswith("/"):
        return message, False
    key = _payload_key(message)
    if key is not None:
        intent, entities = key
        if intent == "start":
            if entities is None:
                return message, False
            code = json.loads(entities)
            if set(code) == {"invite_code"} and isinstance(code["invite_code"], str):
                return message, True
        elif key in button_payloads(settings.project_dir / "domain.yml"):
            return message, False
    text = message
    while text.startswith("/"):
        text = text[1:].lstrip()
    return text, False


def _error(status: int, text: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=status, headers=headers)


def _too_many(wait: float) -> JSONResponse:
    return _error(429, TOO_MANY, ratelimit.retry_after_header(wait))


def _buttons(raw: Any) -> list[dict[str, str]]:
    buttons = []
    for button in raw if isinstance(raw, list) else []:
        if isinstance(button, dict) and isinstance(button.get("title"), str):
            payload = button.get("payload")
            buttons.append(
                {
                    "title": button["title"],
                    "payload": payload if isinstance(payload, str) else button["title"],
                }
            )
    return buttons


def _share(custom: Any) -> str | None:
    """issue 18: the text of a message the youth may copy or share ("Ik vraag het zelf")."""
    if isinstance(custom, dict) and isinstance(custom.get("share"), str):
        return custom["share"][:1000]
    return None


def bot_messages(replies: Any) -> list[dict[str, Any]]:
    """Rasa's REST replies as the page shows them: text and buttons, and (issue 18) a text
    to copy or share, which Rasa sends as a custom reply after its text; nothing else."""
    messages: list[dict[str, Any]] = []
    for reply in replies if isinstance(replies, list) else []:
        if not isinstance(reply, dict):
            continue
        share = _share(reply.get("custom"))
        if share is not None:
            if messages and messages[-1]["text"] == share:
                messages[-1]["share"] = share
            else:
                messages.append({"from": "bot", "text": share, "buttons": [], "share": share})
            continue
        text = reply.get("text") if isinstance(reply.get("text"), str) else ""
        buttons = _buttons(reply.get("buttons"))
        if text or buttons:
            messages.append({"from": "bot", "text": text, "buttons": buttons})
    return messages


def conversation(events: Any) -> list[dict[str, Any]]:
    """The user and bot messages of a Rasa tracker, as the page shows them.

    A tapped button is stored by Rasa as its payload; it is shown with the button's title,
    as it was shown when the youth tapped it. Other commands (``/start`` with an invite
    code) are not shown at all.
    """
    messages: list[dict[str, Any]] = []
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict):
            continue
        kind = event.get("event")
        text = event.get("text")
        if kind == "bot":
            data = event.get("data") if isinstance(event.get("data"), dict) else {}
            buttons = _buttons(data.get("buttons"))
            share = _share(data.get("custom"))
            if isinstance(text, str) and text or buttons:
                message = {"from": "bot", "text": text or "", "buttons": buttons}
                if share is not None:
                    message["share"] = share
                messages.append(message)
        elif kind == "user" and held_answer.played_back(event):
            continue  # issue 24: an answer read again after the check was shown once
        elif kind == "user" and isinstance(text, str) and text.strip():
            shown: str | None = text
            if text.startswith("/"):
                shown = _title_for_payload(messages, text)
            if shown is not None:
                messages.append({"from": "user", "text": shown})
    return messages


def _title_for_payload(messages: list[dict[str, Any]], payload: str) -> str | None:
    for message in reversed(messages):
        if message["from"] == "user":
            return None  # only the buttons shown since the last answer could be tapped
        for button in message.get("buttons", []):
            if button["payload"] == payload:
                button["chosen"] = True
                return button["title"]
    return None


def rasa(settings: Settings) -> AsyncRasa:
    """The Rasa server of these settings (bot/rasa_client.py)."""
    return AsyncRasa(settings.rasa_url, settings.rasa_auth_token)


def rasa_failure(where: str, exc: RasaError) -> int:
    """503 when Rasa did not answer, 502 when its answer was no use; logged without content."""
    if exc.unreachable:
        log.warning("%s: Rasa did not answer (%s)", where, exc.reason)
        return 503
    log.warning("%s: Rasa answered %s (%s)", where, exc.status, exc.reason)
    return 502


@router.get("/", response_class=HTMLResponse)
def chat_page() -> HTMLResponse:
    """The chat page for youths (plain HTML; the script and styles are static files)."""
    return HTMLResponse((STATIC_DIR / "chat.html").read_text(encoding="utf-8"), headers=NO_STORE)


def _key_check(request: Request, sender: str, secret: str) -> bool | None | str:
    """The stored key's verdict (True, False, None: no key), or "down" when the database
    does not answer.

    Without the database Rasa still replies, but from an empty stand-in conversation ("Dat
    snap ik niet"), and forgets that message. The page instead hears 503: it tells the youth
    there is no connection for a moment and sends the message again, so the conversation
    goes on where it was once the database is back.
    """
    try:
        with Session(app_engine(request)) as session:
            return repo.conversation_secret_ok(session, sender, secret)
    except SQLAlchemyError:
        return "down"


async def _owner_error(request: Request, sender: str, where: str) -> JSONResponse | None:
    """None when the request carries this conversation's secret; else the answer to give."""
    secret = request.headers.get(SECRET_HEADER, "")
    verdict = await run_in_threadpool(_key_check, request, sender, secret)
    if verdict == "down":
        log.warning("%s: the database does not answer; the page keeps the message", where)
        return _error(503, UNREACHABLE, NO_STORE)
    if verdict is None:
        log.info("%s: no such conversation (or one from before secrets)", where)
        return _error(404, NOT_YOURS, NO_STORE)
    if verdict is False:
        log.warning("%s: a wrong or missing conversation secret", where)
        return _error(403, NOT_YOURS, NO_STORE)
    return None


def _new_conversation(request: Request) -> tuple[str, str] | None:
    try:
        with Session(app_engine(request)) as session, session.begin():
            return repo.new_conversation(session)
    except SQLAlchemyError:
        return None


@router.post("/chat/new")
async def new_conversation(request: Request) -> JSONResponse:
    """A new conversation for this browser: its id and its secret (kept by the page).

    JSON only, so another site's form cannot make conversations; counted in the per-address
    chat limit, and at most RATE_CHAT_PER_IP new conversations an hour per address.
    """
    limits = ratelimit.limits(request)
    ip = ratelimit.client_ip(request)
    wait = limits.chat_ip.hit(ip) or limits.new_conversation_ip.hit(ip)
    if wait:
        log.warning("chat: too many new conversations from one address")
        return _too_many(wait)
    if not request.headers.get("content-type", "").startswith("application/json"):
        return _error(415, "send JSON (Content-Type: application/json)")
    made = await run_in_threadpool(_new_conversation, request)
    if made is None:
        log.warning("chat: the database does not answer; no new conversation")
        return _error(503, UNREACHABLE, NO_STORE)
    sender, secret = made
    return JSONResponse({"sender": sender, "secret": secret}, headers=NO_STORE)


@router.post("/chat/send")
async def send(request: Request) -> JSONResponse:
    """Forward one message of the youth to Rasa; answer with the bot's messages.

    Only with the conversation's secret (X-Chat-Secret). Rate limits (per client address,
    per conversation, and for starts with an invite code) answer 429 with Retry-After; the
    page keeps the message and sends it again later.
    """
    limits = ratelimit.limits(request)
    ip = ratelimit.client_ip(request)
    wait = limits.chat_ip.hit(ip)
    if wait:
        log.warning("chat: too many messages from one address")
        return _too_many(wait)
    raw = await _read_body(request)
    if raw is None:
        return _error(413, f"body must be at most {MAX_BODY} bytes")
    try:
        body = json.loads(raw)
    # ValueError: not JSON, invalid UTF-8, a number of more than 4300 digits;
    # RecursionError: thousands of nested brackets.
    except (ValueError, RecursionError):
        return _error(400, "body must be JSON: {sender, message}")
    if not isinstance(body, dict):
        return _error(400, "body must be a JSON object: {sender, message}")
    try:
        sender = check_sender(body.get("sender"))
        message = clean_message(body.get("message"))
    except ChatInputError as exc:
        return _error(422, str(exc))
    refused = await _owner_error(request, sender, "chat")
    if refused is not None:
        return refused
    # Keyed on the conversation the server made and the secret proved, not a chosen id.
    wait = limits.chat_sender.hit(sender)
    if wait:
        log.warning("chat: too many messages in one conversation")
        return _too_many(wait)
    message, invite_try = screen_payload(app_settings(request), message)
    if not message:
        return _error(422, "message is empty")
    if invite_try:
        wait = limits.invite_ip.hit(ip)
        if wait:
            log.warning("chat: too many invite codes tried from one address")
            return _too_many(wait)
    if find_reference(message) is not None:
        # issue 18: a code opens a status only with the chosen person's first name, and
        # the action server allows few wrong checks per conversation; this limits codes per
        # address, so new conversations do not buy more guesses.
        wait = limits.status_code_ip.hit(ip)
        if wait:
            log.warning("chat: too many reference codes from one address")
            return _too_many(wait)
    try:
        replies = await rasa(app_settings(request)).send(sender, message)
    except RasaError as exc:
        return _error(rasa_failure("chat", exc), UNREACHABLE)
    messages = bot_messages(replies)
    if not messages:
        log.warning("chat: Rasa gave no reply")
        messages = [{"from": "bot", "text": NO_REPLY, "buttons": []}]
    return JSONResponse({"messages": messages}, headers=NO_STORE)


async def _read_body(request: Request) -> bytes | None:
    """The body, or None when it is larger than MAX_BODY: read no further than that, so a
    huge upload costs no memory (a body without Content-Length is counted as it streams)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


@router.get("/chat/history")
async def history(request: Request, sender: str = "") -> JSONResponse:
    """The conversation so far, so a reload of the page shows it again.

    Only with the conversation's secret; limited per client address (before anything is
    looked up) and per conversation (after the secret matched, so a stranger who knows an
    id cannot use up the youth's reloads).
    """
    limits = ratelimit.limits(request)
    wait = limits.history_ip.hit(ratelimit.client_ip(request))
    if wait:
        log.warning("chat history: too many reads from one address")
        return _too_many(wait)
    try:
        check_sender(sender)
    except ChatInputError as exc:
        return _error(422, str(exc))
    refused = await _owner_error(request, sender, "chat history")
    if refused is not None:
        return refused
    wait = limits.history_conversation.hit(sender)
    if wait:
        log.warning("chat history: too many reads of one conversation")
        return _too_many(wait)
    settings = app_settings(request)
    try:
        tracker = await rasa(settings).tracker(sender)
    except RasaError as exc:
        return _error(rasa_failure("chat history", exc), UNREACHABLE)
    events = tracker.get("events") if isinstance(tracker, dict) else None
    return JSONResponse({"messages": conversation(events)}, headers=NO_STORE)
