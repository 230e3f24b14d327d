"""Notifications to coaches through an outbox: stored with the nomination, sent afterwards.

`enqueue` runs inside the handoff transaction, so a nomination and its notifications are
stored together or not at all. `dispatch_pending` sends due rows later — from a background
loop in the web app and from `jim notify --once` — never while the youth waits.

Delivery is at-most-once on success: a row is claimed (leased) with a conditional update
before sending, so two dispatchers never send it at the same time, and it is marked sent
in its own transaction. A failure leaves it pending with exponential backoff. Each request
carries the row id as `X-JIM-Delivery` so a receiver can drop the rare duplicate after a
crash between sending and marking.

Webhooks are signed against forgery and replay: `X-JIM-Timestamp` holds the time of
sending (Unix seconds) and `X-JIM-Signature` is `sha256=` HMAC-SHA256 of
`"<timestamp>.<body>"` with the team's secret. A receiver recomputes it, refuses a time more
than five minutes off (`verify_webhook` is the check, README "Notifications"), and drops a
delivery id it has seen. A retry is signed anew with its own time.

E-mails hold no personal details: only that there is a new nomination, its reference and
a link to the portal. Log lines hold ids and references only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import smtplib
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from email.message import EmailMessage

import httpx
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.settings import Settings
from bot.storage import Nomination, OutboxMessage, SafetySignal, Team, repo
from bot.storage.models import utcnow

logger = logging.getLogger(__name__)

BASE_DELAY = timedelta(seconds=5)
MAX_DELAY = timedelta(hours=1)
LEASE = timedelta(seconds=60)
POLL_SECONDS = 2.0
TIMEOUT_SECONDS = 10.0


def email_recipient(team: Team, settings: Settings) -> str | None:
    """The team's address, or NOTIFY_EMAIL for the default team."""
    if team.notify_email:
        return team.notify_email
    if team.slug == settings.default_team and settings.notify_email:
        return settings.notify_email
    return None


def _enqueue(session: Session, settings: Settings, team: Team, **about: str) -> int:
    """One outbox row for each way the team is told (e-mail, webhook), about a nomination
    or a signal (`nomination_id=` or `signal_id=`), in the caller's transaction."""
    rows = []
    if settings.smtp_host and email_recipient(team, settings):
        rows.append(OutboxMessage(kind="email", team_id=team.id, **about))
    if team.webhook_url:
        rows.append(OutboxMessage(kind="webhook", team_id=team.id, **about))
    session.add_all(rows)
    return len(rows)


def enqueue(session: Session, settings: Settings, team: Team, nomination: Nomination) -> int:
    """Add the outbox rows for a new nomination to the caller's transaction; returns count."""
    return _enqueue(session, settings, team, nomination_id=nomination.id)


# --- issue 24, item 6: the coach signal `safety.contact_requested` ------------------------
# A youth said yes to "Mag je coach je snel bellen?" (bot/coach/coach_signal.py). The e-mail says
# only that a youth asks to be called soon, the team and a portal link; the webhook holds
# the event, the nomination's reference (or null), the team and the time. Never a name,
# never a message. Same outbox, same retries and signature as the nomination rows.
SIGNAL_EVENT = "safety.contact_requested"


def enqueue_signal(session: Session, settings: Settings, team: Team, signal: SafetySignal) -> int:
    """Add the outbox rows for a new coach signal to the caller's transaction; returns count."""
    return _enqueue(session, settings, team, signal_id=signal.id)


# --- issue 22: a withdrawal reaches every receiver that was told --------------------------

CREATED = "nomination.created"
WITHDRAWN = "nomination.withdrawn"


def enqueue_withdrawn(session: Session, team: Team, nomination: Nomination) -> int:
    """One `nomination.withdrawn` row for each kind (e-mail, webhook) told of the nomination.

    Runs when a withdrawal is final (its undo time is over), in the caller's transaction;
    a withdrawal undone in time never gets here, so receivers hear nothing more. Sent,
    signed and retried like the first notification. Returns the number of rows added.
    """
    told = session.execute(
        select(OutboxMessage.kind)
        .where(OutboxMessage.nomination_id == nomination.id, OutboxMessage.event == CREATED)
        .distinct()
    ).scalars()
    already = set(
        session.execute(
            select(OutboxMessage.kind).where(
                OutboxMessage.nomination_id == nomination.id, OutboxMessage.event == WITHDRAWN
            )
        ).scalars()
    )
    rows = [
        OutboxMessage(kind=kind, event=WITHDRAWN, team_id=team.id, nomination_id=nomination.id)
        for kind in sorted(set(told) - already)
    ]
    session.add_all(rows)
    return len(rows)


def build_signal_email(settings: Settings, team: Team, to: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = f"Dringend: een jongere vraagt om snel gebeld te worden ({team.name})"
    message.set_content(
        f"Een jongere in de JIM-kiezer vraagt of een coach van {team.name} "
        "snel belt.\n\n"
        "De jongere kreeg in de chat hulplijnen te zien en zei ja op de vraag\n"
        "of de coach snel mag bellen. Bij direct gevaar: bel 112.\n\n"
        "Bekijk het signaal bovenaan in het coachportaal (inloggen nodig) en zet het op\n"
        f"'Gedaan' als er contact is geweest:\n{settings.public_url}/coach\n\n"
        "In deze e-mail staan bewust geen namen en geen berichten van de jongere.\n"
    )
    return message


def signal_payload(signal: SafetySignal) -> dict:
    """The webhook body: event, reference (or null), team and time only."""
    return {
        "event": SIGNAL_EVENT,
        "reference": signal.reference,
        "team": signal.team_id,
        "created_at": signal.created_at.isoformat(),
    }


def _send_signal(settings: Settings, row: OutboxMessage, team: Team, signal: SafetySignal) -> None:
    if signal is None:
        raise RuntimeError("the signal is gone")
    if row.kind == "email":
        _send_mail(settings, team, lambda to: build_signal_email(settings, team, to))
    else:
        _post_webhook(team, row.id, SIGNAL_EVENT, signal_payload(signal))


# --- end issue 24, item 6 ------------------------------------------------------------------


# --- issue 18, item 6: the team's e-mail names the reviews that are due -------------------

DIGEST_EVENT = "reviews.due"
DIGEST_CHECK_SECONDS = 600.0  # how often the web app's sender looks for due reviews


def queue_review_digests(engine: Engine, settings: Settings) -> int:
    """One `reviews.due` e-mail per team with reviews due (at most one a day); the count."""
    from bot.coach import reviews  # imported here: reviews is imported by the portal only

    with Session(engine) as session, session.begin():
        return reviews.queue_digests(
            session, lambda team: bool(settings.smtp_host and email_recipient(team, settings))
        )


def _send_review_digest(settings: Settings, session: Session, team: Team) -> None:
    from bot.coach import reviews

    now = utcnow()
    _send_mail(
        settings,
        team,
        lambda to: reviews.build_digest_email(
            session, team, settings.smtp_from, to, settings.public_url, now
        ),
    )


def backoff(attempts: int) -> timedelta:
    """Delay after the n-th failed attempt: 5 s, 10 s, 20 s, ... up to one hour."""
    return min(BASE_DELAY * (2 ** max(attempts - 1, 0)), MAX_DELAY)


# How far a receiver lets a webhook's timestamp be off its own clock (README).
WEBHOOK_TOLERANCE_SECONDS = 300


def sign(body: bytes, secret: str, timestamp: int) -> str:
    """The X-JIM-Signature of `body` sent at `timestamp`: HMAC-SHA256 of "<timestamp>.<body>"."""
    message = str(int(timestamp)).encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify_webhook(
    body: bytes,
    signature: str,
    timestamp: str,
    secret: str,
    now: float | None = None,
    tolerance: int = WEBHOOK_TOLERANCE_SECONDS,
) -> bool:
    """What a receiver checks: the signature matches the body and the timestamp, and the
    timestamp is within `tolerance` seconds of `now` (a replayed old request fails)."""
    try:
        sent = int(timestamp)
    except (TypeError, ValueError):
        return False
    now = time.time() if now is None else now
    if abs(now - sent) > tolerance:
        return False
    return hmac.compare_digest(sign(body, secret, sent), signature or "")


def portal_link(settings: Settings, nomination_id: str) -> str:
    return f"{settings.public_url}/coach/nominations/{nomination_id}"


def build_email(settings: Settings, team: Team, nomination: Nomination, to: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = f"Nieuwe JIM-nominatie voor {team.name} ({nomination.reference})"
    message.set_content(
        f"Er is een nieuwe JIM-nominatie voor {team.name}.\n\n"
        f"Referentie: {nomination.reference}\n"
        f"Bekijk de nominatie in het coachportaal (inloggen nodig):\n"
        f"{portal_link(settings, nomination.id)}\n\n"
        "In deze e-mail staan bewust geen namen of andere gegevens.\n"
    )
    return message


def build_withdrawn_email(
    settings: Settings, team: Team, nomination: Nomination, to: str
) -> EmailMessage:
    """Only that a reference was withdrawn: no name, no detail, no link to details."""
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = f"JIM-nominatie ingetrokken ({nomination.reference})"
    message.set_content(
        f"De jongere heeft JIM-nominatie {nomination.reference} ingetrokken.\n\n"
        "De gegevens zijn verwijderd. In deze e-mail staan bewust geen namen.\n"
    )
    return message


def _send_mail(settings: Settings, team: Team, build: Callable[[str], EmailMessage]) -> None:
    """Send one e-mail, built for the team's address, through SMTP_HOST."""
    to = email_recipient(team, settings)
    if not settings.smtp_host or not to:
        raise RuntimeError("no SMTP_HOST or no e-mail address for this team")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT_SECONDS) as smtp:
        smtp.send_message(build(to))


def _post_webhook(team: Team, delivery: str, event: str, payload: dict) -> None:
    """POST the payload to the team's webhook, signed with a timestamp (against replay)."""
    if not team.webhook_url:
        raise RuntimeError("the team has no webhook URL any more")
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    timestamp = int(time.time())
    response = httpx.post(
        team.webhook_url,
        content=body,
        headers={
            "Content-Type": "application/json",
            "X-JIM-Timestamp": str(timestamp),
            "X-JIM-Signature": sign(body, team.webhook_secret or "", timestamp),
            "X-JIM-Delivery": delivery,
            "X-JIM-Event": event,
        },
        timeout=TIMEOUT_SECONDS,
    )
    if not 200 <= response.status_code < 300:
        raise RuntimeError(f"webhook answered HTTP {response.status_code}")


def _send_email(
    settings: Settings, team: Team, nomination: Nomination, event: str = "nomination.created"
) -> None:
    build = build_withdrawn_email if event == WITHDRAWN else build_email
    _send_mail(settings, team, lambda to: build(settings, team, nomination, to))


def _send_webhook(row: OutboxMessage, team: Team, nomination: Nomination) -> None:
    _post_webhook(team, row.id, row.event or CREATED, repo.nomination_to_dict(nomination))


# --- issue 17: one-time sign-in links -------------------------------------------------------

LINK_SUBJECTS = {
    "welkom": "Uw account voor het JIM-kiezer coachportaal",
    "reset": "Nieuw wachtwoord voor het JIM-kiezer coachportaal",
}


def build_link_email(settings: Settings, to: str, purpose: str, url: str, hours: int):
    """The mail with a one-time link: no names, nothing about any youth."""
    message = EmailMessage()
    message["Subject"] = LINK_SUBJECTS.get(purpose, LINK_SUBJECTS["reset"])
    message["From"] = settings.smtp_from
    message["To"] = to
    first = (
        "Er is een account voor u gemaakt in het JIM-kiezer coachportaal."
        if purpose == "welkom"
        else "U vroeg om een nieuw wachtwoord voor het JIM-kiezer coachportaal."
    )
    message.set_content(
        f"{first}\n\nOpen deze link om een wachtwoord te kiezen (werkt één keer, "
        f"{hours} uur lang):\n{url}\n\nVroeg u hier niet om? Dan kunt u deze mail negeren."
    )
    return message


def _send_link(settings: Settings, session: Session, link_id: str) -> None:
    from bot.accounts import links
    from bot.storage.models import Coach, LoginLink

    link = session.get(LoginLink, link_id)
    coach = session.get(Coach, link.coach_id) if link else None
    if link is None or coach is None or not coach.email:
        raise RuntimeError("the link or its account is gone")
    if not settings.smtp_host:
        raise RuntimeError("no SMTP_HOST")
    url = links.url_for(settings.public_url, links.token_for(settings.secret_key, link.id))
    message = build_link_email(
        settings, coach.email, link.purpose, url, settings.account_link_hours
    )
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT_SECONDS) as smtp:
        smtp.send_message(message)


def _claim(engine: Engine, row_id: str, due: datetime, now: datetime) -> bool:
    """Lease the row for this dispatcher; False if another one took it first."""
    with Session(engine) as session, session.begin():
        claimed = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == row_id,
                OutboxMessage.sent_at.is_(None),
                OutboxMessage.next_attempt_at == due,
            )
            .values(next_attempt_at=now + LEASE)
            .execution_options(synchronize_session=False)
        ).rowcount
    return claimed == 1


def _deliver_one(engine: Engine, settings: Settings, row_id: str) -> bool:
    with Session(engine) as session:
        row = session.get(OutboxMessage, row_id)
        team = session.get(Team, row.team_id)
        nomination = session.get(Nomination, row.nomination_id) if row.nomination_id else None
        error = None
        try:
            if row.event == DIGEST_EVENT:  # issue 18: reviews due, references only
                _send_review_digest(settings, session, team)
            elif row.link_id is not None:  # issue 17: a sign-in link, to the account itself
                _send_link(settings, session, row.link_id)
            elif row.signal_id is not None:  # issue 24: safety.contact_requested
                _send_signal(settings, row, team, session.get(SafetySignal, row.signal_id))
            elif row.kind == "email":
                _send_email(settings, team, nomination, row.event or CREATED)
            else:
                _send_webhook(row, team, nomination)
        except Exception as exc:  # noqa: BLE001 - any failure means: try again later
            error = f"{type(exc).__name__}: {exc}"[:1000]
    with Session(engine) as session, session.begin():
        row = session.get(OutboxMessage, row_id)
        row.attempts += 1
        if error is None:
            row.sent_at = utcnow()
            row.last_error = None
            logger.info("notification %s (%s) sent", row_id, row.kind)
            return True
        row.last_error = error
        row.next_attempt_at = utcnow() + backoff(row.attempts)
        logger.warning(
            "notification %s (%s) failed, attempt %d; retry later", row_id, row.kind, row.attempts
        )
        return False


def dispatch_pending(
    engine: Engine, settings: Settings, now: datetime | None = None, limit: int = 100
) -> tuple[int, int]:
    """Send every due, unsent row once; returns (sent, failed)."""
    now = now or utcnow()
    with Session(engine) as session:
        due = session.execute(
            select(OutboxMessage.id, OutboxMessage.next_attempt_at)
            .where(OutboxMessage.sent_at.is_(None), OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.next_attempt_at)
            .limit(limit)
        ).all()
    sent = failed = 0
    for row_id, due_at in due:
        if not _claim(engine, row_id, due_at, now):
            continue
        if _deliver_one(engine, settings, row_id):
            sent += 1
        else:
            failed += 1
    return sent, failed


def run_forever(
    engine: Engine, settings: Settings, stop: threading.Event | None = None, poll=POLL_SECONDS
):
    """Dispatch every `poll` seconds until `stop` is set (a database hiccup does not end it)."""
    stop = stop or threading.Event()
    from bot.coach import withdrawal  # issue 22; imported here: withdrawal imports this module

    digests_checked = 0.0
    while not stop.is_set():
        try:
            withdrawal.finish_due(engine, settings)
            if time.monotonic() - digests_checked >= DIGEST_CHECK_SECONDS:
                digests_checked = time.monotonic()
                queue_review_digests(engine, settings)  # issue 18
            dispatch_pending(engine, settings)
        except Exception:  # noqa: BLE001 - keep the loop alive; the next poll tries again
            logger.exception("notification dispatch failed; trying again")
        stop.wait(poll)


class Dispatcher:
    """The background sender inside the web app: a daemon thread started and stopped with it."""

    def __init__(self, engine: Engine, settings: Settings, poll: float = POLL_SECONDS):
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=run_forever,
            args=(engine, settings, self._stop, poll),
            name="jim-notify",
            daemon=True,
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=TIMEOUT_SECONDS + 5)
