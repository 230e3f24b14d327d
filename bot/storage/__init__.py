"""Storage: tables, engine, and plain functions that take a Session."""

from bot.storage.db import make_engine
from bot.storage.models import (
    Alternative,
    Base,
    Coach,
    ConversationKey,
    DemoConversation,
    DemoSession,
    Invite,
    Nomination,
    OutboxMessage,
    SafetySignal,
    StatusChange,
    Team,
)

__all__ = [
    "Alternative",
    "Base",
    "Coach",
    "ConversationKey",
    "DemoConversation",
    "DemoSession",
    "Invite",
    "Nomination",
    "OutboxMessage",
    "SafetySignal",
    "StatusChange",
    "Team",
    "make_engine",
]
