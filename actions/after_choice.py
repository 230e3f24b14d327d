"""issue 18: after the choice. "Ik vraag het zelf", a code typed in the chat, choosing again.

Thin glue: what a code opens and who may choose again from what is decided in
`bot/coach/followup.py`; the code itself is found in NLU (`bot/nlu/status_code.py`).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.common import engine, settings
from actions.start import reset_choice, resume
from bot.coach import followup
from bot.coach.jim_text import first_name
from bot.dialogue import texts
from bot.nlu.status_code import words_beside_code
from bot.storage import repo

logger = logging.getLogger(__name__)

CHOOSE_AGAIN_RESPONSE = "utter_choose_again_who"  # holds the payloads (bot/web/chat.py)
KEEP_ON_CHOOSE_AGAIN = ("youth_name", "youth_age")


def jim_page_link() -> str:
    return f"{settings().public_url}/jim"


def choose_again_payload(number: int) -> str:
    return '/choose_again{"alternative":"' + str(int(number)) + '"}'


def offer_choose_again(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], people: list[followup.Person]
) -> None:
    """ "Wil je iemand anders kiezen?" with the people named before first (their names as
    titles, only a number in the payload), then someone else, then "not now"."""
    later = {"title": texts.CHOOSE_AGAIN_LATER, "payload": "/goodbye"}
    if not people:
        dispatcher.utter_message(
            text=texts.CHOOSE_AGAIN_ASK,
            buttons=[{"title": texts.CHOOSE_AGAIN_YES, "payload": choose_again_payload(0)}, later],
        )
        return
    buttons = [
        {
            "title": texts.CHOOSE_AGAIN_PERSON.format(name=" ".join(p.name.split()[:3])),
            "payload": choose_again_payload(p.number),
        }
        for p in people
    ]
    buttons += [{"title": texts.CHOOSE_AGAIN_OTHER, "payload": choose_again_payload(0)}, later]
    dispatcher.utter_message(response=CHOOSE_AGAIN_RESPONSE, buttons=buttons)


def offer_after_invite(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], code: str
) -> bool:
    """A chat opened by the coach's choose-again invite: "Je coach vraagt of je opnieuw wilt
    kiezen." and the people named before as buttons. False for any other invite."""
    try:
        with Session(engine()) as session:
            again = followup.choose_again(session, tracker.sender_id, code)
    except SQLAlchemyError:
        logger.exception("choose-again invite lookup failed; the form starts as usual")
        return False
    if again is None:
        return False
    dispatcher.utter_message(text=texts.CHOOSE_AGAIN_INVITE)
    offer_choose_again(dispatcher, domain, again.people)
    return True


def tell_status(
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
    status: str,
    reference: str | None,
    people: list[followup.Person] | None,
) -> None:
    """The status in plain, kind words. With `reference` (the conversation's own choice)
    the code and the usual buttons follow; `people`: offer to choose again (niet_gelukt)."""
    dispatcher.utter_message(text=texts.STATUS[status])
    if status == "ingetrokken":
        dispatcher.utter_message(response="utter_ask_restart")
    elif status == "niet_gelukt" and people is not None:
        offer_choose_again(dispatcher, domain, people)
    elif reference:
        dispatcher.utter_message(
            text=texts.STATUS_CODE.format(reference=reference),
            buttons=_domain_buttons(domain, "utter_already_sent"),
        )


def _domain_buttons(domain: dict[str, Any], response: str) -> list[dict[str, str]]:
    variants = (domain.get("responses") or {}).get(response) or [{}]
    return list(variants[0].get("buttons") or [])


class ActionAskSelf(Action):
    """ "Ik vraag het zelf": a short message the youth can send the chosen person.

    The product sends nothing itself; the chat page shows copy and share buttons (the
    browser's share sheet) for the message (`custom.share`).
    """

    def name(self) -> str:
        return "action_ask_self"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.active_loop.get("name") and tracker.get_slot("requested_slot") == "asked_by":
            # issue 25's question "Wie vraagt het aan Riet?": "ik vraag het zelf" answers it
            return [SlotSet("asked_by", "jongere")]
        mentor = None
        sent = tracker.get_slot("stage") == "done" and tracker.get_slot("reference")
        if sent:
            mentor = first_name(tracker.get_slot("mentor_name"))
        if not mentor:
            dispatcher.utter_message(text=texts.ASK_SELF_NOT_YET)
            if tracker.active_loop.get("name"):
                return []  # the rule asks the form's question again
            return resume(dispatcher, tracker, note_kept=False)
        message = texts.ASK_SELF_MESSAGE.format(name=mentor, link=jim_page_link())
        dispatcher.utter_message(text=texts.ASK_SELF_INTRO.format(name=mentor))
        dispatcher.utter_message(text=message, json_message={"share": message})
        dispatcher.utter_message(
            text=texts.ASK_SELF_AFTER, buttons=_domain_buttons(domain, "utter_already_sent")
        )
        return []


class ActionStatusCode(Action):
    """A reference code typed in the chat: the status, never anything more.

    The conversation's own code: its status at once. Another code (a new conversation):
    only with the chosen person's first name, in the same message or the next; a wrong
    code and a wrong name get the same answer, and after `followup.MAX_TRIES` failed
    checks this conversation is told to ask the coach (the web app also limits codes per
    address). Shows no name, no reference, no detail.
    """

    def name(self) -> str:
        return "action_status_code"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        code = next(tracker.get_latest_entity_values("reference"), None)
        named_later = code is None  # the name after "Wie had je toen gekozen?"
        code = code or tracker.get_slot("status_reference")
        tries = int(tracker.get_slot("status_tries") or 0)
        text = str(tracker.latest_message.get("text") or "")
        if not code:
            return resume(dispatcher, tracker, note_kept=False)
        try:
            with Session(engine()) as session:
                own = followup.own_reference(session, tracker.sender_id)
                if own == code.upper():
                    nomination = repo.get_nomination_by_conversation(session, tracker.sender_id)
                    people = None
                    if nomination.status == "niet_gelukt":
                        source = followup.choose_again(session, tracker.sender_id, None)
                        people = source.people if source else []
                    tell_status(dispatcher, domain, nomination.status, own, people)
                    return [SlotSet("status_reference", None)]
                if tries >= followup.MAX_TRIES:
                    dispatcher.utter_message(text=texts.CODE_LOCKED)
                    return [SlotSet("status_reference", None)] + self._go_on(dispatcher, tracker)
                words = words_beside_code(text)
                if not words and not named_later:
                    dispatcher.utter_message(text=texts.CODE_ASK_NAME)
                    return [SlotSet("status_reference", code.upper())]
                status = followup.status_by_code(session, code, words)
        except SQLAlchemyError:
            logger.exception("status by code failed")
            dispatcher.utter_message(response="utter_handoff_failed")
            return [SlotSet("status_reference", None)]
        events: list[dict[str, Any]] = [SlotSet("status_reference", None)]
        if status is None:
            tries += 1
            events.append(SlotSet("status_tries", float(tries)))
            locked = tries >= followup.MAX_TRIES
            dispatcher.utter_message(text=texts.CODE_LOCKED if locked else texts.CODE_WRONG)
            return events + self._go_on(dispatcher, tracker)
        dispatcher.utter_message(text=texts.CODE_FOUND)
        # Status only: no code, no name, and no people named before (status_by_code).
        tell_status(dispatcher, domain, status, None, [] if status == "niet_gelukt" else None)
        if status in ("niet_gelukt", "ingetrokken"):
            return events
        return events + self._go_on(dispatcher, tracker)

    @staticmethod
    def _go_on(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
        stage = tracker.get_slot("stage")
        if stage in ("form", "summary", "consent"):
            dispatcher.utter_message(text=texts.CODE_GO_ON)
        if stage == "form":
            # The form's question again, never `resume`'s "the message answers the open
            # question": the first name typed for the check is not the youth's own name.
            return [FollowupAction("jim_form")]
        return resume(dispatcher, tracker, note_kept=False)


class ActionChooseAgain(Action):
    """Choosing again after "niet gelukt": the person tapped (named before) or someone new.

    Allowed for the conversation's own nomination that did not work out, or in a chat opened
    by the coach's choose-again invite (`followup.choose_again_source`). The youth's name and
    age stay; a person tapped is filled in, the form asks the rest.
    """

    def name(self) -> str:
        return "action_choose_again"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        number = next(tracker.get_latest_entity_values("alternative"), None)
        try:
            with Session(engine()) as session:
                source = followup.choose_again(
                    session, tracker.sender_id, tracker.get_slot("invite_code")
                )
        except SQLAlchemyError:
            logger.exception("choose again failed")
            dispatcher.utter_message(response="utter_handoff_failed")
            return []
        if source is None:
            if tracker.get_slot("stage") == "done":
                dispatcher.utter_message(text=texts.CHOOSE_AGAIN_NOT_NOW)
            return resume(dispatcher, tracker, note_kept=False)
        person = None
        if number is not None and str(number).isdigit():
            person = next((p for p in source.people if p.number == int(number)), None)
        dispatcher.utter_message(response="utter_choose_again_start")
        keep = {s: tracker.get_slot(s) for s in KEEP_ON_CHOOSE_AGAIN}
        events = [e for e in reset_choice() if e.get("name") not in KEEP_ON_CHOOSE_AGAIN]
        if not keep["youth_name"] and source.youth_name:
            events.append(SlotSet("youth_name", source.youth_name))
        if not keep["youth_age"] and source.youth_age:
            events.append(SlotSet("youth_age", str(source.youth_age)))
        if person is not None:
            events += [SlotSet("mentor_name", person.name), SlotSet("relation", person.relation)]
        return events + [
            SlotSet("reference", None),
            SlotSet("pending_act", None),
            SlotSet("stage", "form"),
            FollowupAction("jim_form"),
        ]
