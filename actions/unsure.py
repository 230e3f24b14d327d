"""The form's questions asked with more help after answers that could not be used (issue 20).

The plain questions carry their help as variations of their `utter_ask_<slot>` response
(condition: the `unsure` slot), so Rasa still asks them without a call to the action
server. The relation and name questions have their own ask actions in
`actions/jim_form.py`; they use `relation_prompt` and `mentor_name_prompt` here.
"""

from __future__ import annotations

import json

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue import texts, unsure
from bot.vocabulary import relation_label

RELATION_FEW_BUTTONS = "utter_unsure_relation_1"


def relation_payload(relation: str) -> str:
    return "/inform_mentor" + json.dumps({"relation": relation}, separators=(",", ":"))


def relation_prompt(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> bool:
    """Ask about a guess, or the relation question with more help; False: the usual way."""
    guess = tracker.get_slot(unsure.GUESS)
    if guess:
        dispatcher.utter_message(
            text=texts.RELATION_GUESS.format(label=relation_label(guess)),
            buttons=[
                {"title": texts.RELATION_GUESS_YES, "payload": relation_payload(guess)},
                {"title": texts.RELATION_GUESS_NO, "payload": relation_payload("anders")},
            ],
        )
        return True
    level = unsure.level_of(tracker.get_slot(unsure.UNSURE))
    shown = tracker.get_slot(unsure.UNUSABLE)
    if level == 1 and shown:
        few = (domain.get("responses") or {}).get(RELATION_FEW_BUTTONS) or [{}]
        others = [b for b in few[0].get("buttons", []) if "anders" not in b.get("payload", "")]
        dispatcher.utter_message(
            text=texts.RELATION_SHOWN_BACK.format(answer=shown),
            buttons=[
                {"title": texts.RELATION_SHOWN_BACK_YES, "payload": relation_payload("anders")},
                *[
                    {
                        "title": b["title"],
                        "payload": b["payload"].replace("{{", "{").replace("}}", "}"),
                    }
                    for b in others
                ],
            ],
        )
        return True
    response = unsure.ask_response("relation", level)
    if response:
        dispatcher.utter_message(response=response)
        return True
    return False


def mentor_name_prompt(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """The name question with more help; False: the usual way."""
    level = unsure.level_of(tracker.get_slot(unsure.UNSURE))
    if level <= 0:
        return False
    if level >= unsure.LAST_LEVEL:
        dispatcher.utter_message(response="utter_unsure_stop")
    else:
        label = relation_label(tracker.get_slot("relation"))
        dispatcher.utter_message(text=texts.ASK_MENTOR_NAME_UNSURE[level].format(label=label))
    return True
