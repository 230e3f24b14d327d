"""The data of the trainer demo: what the coach side shows live, and the one-button reset.

Demo conversations are made by the server for one trainer's demo session (bot/web/demo.py;
ids `demo-...`, listed in demo_conversations); their nominations always land in the demo
team, marked `demo: true`, and never get a notification (bot/coach/handoff.py). The reset removes
the conversations of one demo session, and their nominations, through
`privacy.delete_conversation`, the same path a deletion request takes.
Imports nothing from Rasa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.dialogue import conversation
from bot.storage import privacy, repo
from bot.storage.models import Nomination, OutboxMessage, StatusChange
from bot.vocabulary import (
    ASKED_BY_LABELS,
    GROUP_NAMES,
    KNOWS_LABELS,
    RELATION_NAMES,
    SUPPORT_LABELS,
    relation_name,
)

DEMO_SENDER_RE = re.compile(r"demo-[A-Za-z0-9_-]{8,75}")

CRISIS_RESPONSES = {"utter_help_112", "utter_help_offer"}
# The slot the bot asks for -> the row of the coach panel it fills.
ASKED_ROW = {
    "youth_name": "youth_name",
    "youth_age": "youth_age",
    "relation": "relation",
    "mentor_name": "mentor_name",
    "mentor_adult": "mentor_adult",
    "mentor_reason": "support",
    "knows_already": "knows_already",
    "asked_by": "asked_by",
    "contact": "contact",
}


def is_demo_sender(sender: Any) -> bool:
    return isinstance(sender, str) and DEMO_SENDER_RE.fullmatch(sender) is not None


def crisis_shown(events: Any) -> bool:
    """Whether the help lines were shown in this conversation (from Rasa's tracker events)."""
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict):
            continue
        if event.get("event") == "bot":
            metadata = event.get("metadata") if isinstance(event.get("metadata"), dict) else {}
            if metadata.get("utter_action") in CRISIS_RESPONSES:
                return True
        if event.get("event") == "user":
            parse = event.get("parse_data") if isinstance(event.get("parse_data"), dict) else {}
            intent = parse.get("intent") if isinstance(parse.get("intent"), dict) else {}
            if intent.get("name") == "crisis":
                return True
    return False


def _row(key: str, label: str, value: str | None) -> dict[str, Any]:
    return {"key": key, "label": label, "value": value}


def coach_rows(
    slots: dict[str, Any], nomination: dict | None, active_loop: str | None = None
) -> list[dict[str, Any]]:
    """The nomination as it fills in while the youth answers: one row per field.

    `value` is None for a field the youth has not answered yet; `asked` marks the field
    the bot is asking for right now.
    """
    slot = slots.get
    if nomination and nomination.get("status") != "ingetrokken":
        youth, mentor = nomination["youth"], nomination["mentor"]
        values = {
            "youth_name": youth.get("name") or "wil de jongere niet zeggen",
            "youth_age": str(youth["age"]) if youth.get("age") is not None else "niet gezegd",
            "relation": relation_name(mentor.get("relation")),
            "mentor_name": mentor.get("name"),
            "mentor_adult": None,
            "support": _support_text(mentor.get("support"), mentor.get("reason")),
            "knows_already": KNOWS_LABELS.get(mentor.get("knows_already"), "niet gezegd"),
            "asked_by": ASKED_BY_LABELS.get(mentor.get("asked_by"), "niet gezegd"),
            "contact": mentor.get("contact") or "niet gegeven",
            "alternatives": _alternatives_text(nomination.get("alternatives")),
        }
        age = youth.get("age")
    else:
        name = slot("youth_name")
        relation = slot("relation")
        group = slot("relation_group")
        values = {
            "youth_name": "wil de jongere niet zeggen" if name == conversation.SKIPPED else name,
            "youth_age": slot("youth_age"),
            "relation": RELATION_NAMES.get(relation)
            or (f"{GROUP_NAMES[group]} (welke?)" if group in GROUP_NAMES else None),
            "mentor_name": slot("mentor_name"),
            "mentor_adult": {"ja": "ja", "weet_niet": "weet de jongere niet"}.get(
                slot("mentor_adult")
            ),
            "support": _support_text(slot("mentor_support"), slot("mentor_reason"))
            if slot("mentor_reason")
            else None,
            "knows_already": KNOWS_LABELS.get(slot("knows_already")),
            "asked_by": ASKED_BY_LABELS.get(slot("asked_by")),
            "contact": "niet gegeven"
            if slot("contact") == conversation.SKIPPED
            else slot("contact"),
            "alternatives": _alternatives_text(slot("alternatives")),
        }
        age = conversation.parse_age(slot("youth_age"))
        if slot("youth_age") is None:
            age = None
    stage = slot("stage")
    if nomination and nomination.get("status") != "ingetrokken":
        consent = "ja, de jongere gaf toestemming"
    elif nomination:
        consent = "ingetrokken: de jongere nam de keuze terug"
    elif stage == "consent":
        consent = "wordt nu gevraagd"
    elif stage == "declined":
        consent = "nee: er is niets gestuurd en niets bewaard"
    else:
        consent = None
    known_age = values["youth_age"] is not None and (age is not None or nomination)
    if not known_age:
        parents = None
    elif age is None or age < 16:
        parents = "ja: jonger dan 16, of leeftijd onbekend"
    else:
        parents = "nee: 16 of ouder, de jongere beslist zelf"
    rows = [
        _row("youth_name", "Naam jongere", values["youth_name"]),
        _row("youth_age", "Leeftijd", values["youth_age"]),
        _row("relation", "Relatie", values["relation"]),
        _row("mentor_name", "Naam JIM", values["mentor_name"]),
        _row("support", "Soort steun", values["support"]),
        _row("knows_already", "Weet het al", values["knows_already"]),
        _row("asked_by", "Wie vraagt het", values["asked_by"]),
        _row("contact", "Telefoon of e-mail", values["contact"]),
        _row("alternatives", "Andere mensen", values["alternatives"]),
        _row("consent", "Toestemming", consent),
        _row("parents", "Ouders ook akkoord nodig", parents),
    ]
    if values.get("mentor_adult") or slot("requested_slot") == "mentor_adult":
        rows.insert(4, _row("mentor_adult", "JIM is 18 of ouder", values["mentor_adult"]))
    asked = ASKED_ROW.get(slot("requested_slot")) if active_loop and not nomination else None
    if stage == "consent" and not nomination:
        asked = "consent"
    for row in rows:
        row["asked"] = row["key"] == asked
    return rows


def _support_text(kinds: Any, reason: Any) -> str | None:
    labels = [SUPPORT_LABELS.get(k, k) for k in kinds or [] if isinstance(k, str)]
    text = ", ".join(labels)
    if isinstance(reason, str) and reason and reason != conversation.DONT_KNOW:
        known = {t.casefold() for t in conversation.REASON_TEXT.values()}
        if reason.casefold() not in known:
            text = f"{text} (\u201c{reason}\u201d)" if text else f"\u201c{reason}\u201d"
    if not text and reason == conversation.DONT_KNOW:
        return "weet de jongere niet"
    return text or None


def _alternatives_text(alternatives: Any) -> str | None:
    parts = []
    for alt in alternatives or []:
        if not isinstance(alt, dict):
            continue
        relation = relation_name(alt.get("relation")) or ""
        name = alt.get("name")
        parts.append(f"{relation} {name}".strip() if name else relation)
    return ", ".join(p for p in parts if p) or None


@dataclass(frozen=True)
class ResetResult:
    """What the reset removed, so the trainer sees that it worked (counts, never names)."""

    conversations: int
    nominations: int


def reset(
    engine: Engine, conversation_ids: list[str], secret_key: str | None = None
) -> ResetResult:
    """Remove these demo conversations (one trainer's session), their nominations and,
    with `secret_key`, their coach signals (issue 24).

    Only conversations the demo made are touched, whatever ids are passed: a real
    conversation is never removed here.
    """
    with Session(engine) as session, session.begin():
        demo_ids = [c for c in conversation_ids if repo.is_demo_conversation(session, c)]
        ids = list(
            session.execute(
                select(Nomination.id).where(Nomination.conversation_id.in_(demo_ids))
            ).scalars()
        )
        if ids:  # belt and braces: demo nominations never get notifications or history rows
            session.execute(delete(OutboxMessage).where(OutboxMessage.nomination_id.in_(ids)))
            session.execute(delete(StatusChange).where(StatusChange.nomination_id.in_(ids)))
    nominations = 0
    for sender in demo_ids:
        nominations += privacy.delete_conversation(engine, sender, secret_key).nominations
    return ResetResult(conversations=len(demo_ids), nominations=nominations)


def team_list(engine: Engine, conversation_ids: list[str], limit: int = 8) -> list[dict]:
    """This demo session's nominations as the coach's list shows them, newest first.

    Only demo nominations of these conversations: another trainer's demo stays theirs.
    """
    if not conversation_ids:
        return []
    with Session(engine) as session:
        rows = session.execute(
            select(Nomination)
            .where(Nomination.demo.is_(True), Nomination.conversation_id.in_(conversation_ids))
            .order_by(Nomination.created_at.desc())
            .limit(limit)
        ).scalars()
        return [repo.nomination_to_dict(n) for n in rows]
