"""Storage: tables, engine, and plain functions that take a Session."""

from bot.storage.db import make_engine
from bot.storage.models import (
    AccessLogEntry,
    Alternative,
    Base,
    Coach,
    ConversationKey,
    DemoConversation,
    DemoSession,
    IntegrationToken,
    Invite,
    LoginLink,
    Nomination,
    OutboxMessage,
    PortalSession,
    RecoveryCode,
    SafetySignal,
    StatusChange,
    Team,
)

__all__ = [
    "AccessLogEntry",
    "Alternative",
    "Base",
    "Coach",
    "ConversationKey",
    "DemoConversation",
    "DemoSession",
    "IntegrationToken",
    "Invite",
    "LoginLink",
    "Nomination",
    "OutboxMessage",
    "PortalSession",
    "RecoveryCode",
    "SafetySignal",
    "StatusChange",
    "Team",
    "make_engine",
]
