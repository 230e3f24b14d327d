"""Safety actions. Issue 24, item 6: the coach signal after the youth's yes."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.common import engine, settings
from bot import coach_signal

logger = logging.getLogger(__name__)


class ActionRequestCoachContact(Action):
    """Asks the youth's coach to call them soon, after the youth said yes to that.

    The bot is a computer and cannot call; a coach can. Only this action stores a signal
    (bot/coach_signal.py), so without the youth's yes nothing is sent or kept. If the
    database is away the youth hears it kindly and the help lines stay in sight.
    """

    def name(self) -> str:
        return "action_request_coach_contact"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            coach_signal.request_contact(
                engine(), settings(), tracker.sender_id, tracker.get_slot("invite_code")
            )
        except (SQLAlchemyError, OSError):
            logger.exception("coach signal not stored; the youth keeps the help lines")
            dispatcher.utter_message(response="utter_coach_contact_failed")
            return []
        dispatcher.utter_message(response="utter_coach_contact_sent")
        return []
