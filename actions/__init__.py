"""Rasa custom actions: thin glue between the conversation and `bot/`.

The event contract (read this before an action reads `tracker.events`)
------------------------------------------------------------------------
In production the Rasa server is started through `rasa_addons.server`, which sends the
action server a shortened history (`rasa_addons.server.events_for_actions`): every event of
the youth's latest turn, and before it only the latest `slot` event of each slot and the
latest one that named a question (`requested_slot`). The slots, the active form, the latest
message and the latest action are sent in full. So an action that walks back through
older events (earlier messages, earlier bot texts, the order of older slot changes) passes
its unit tests with a whole tracker and sees less in production.

Read older history only through a helper listed in `EVENT_READERS`: tests/test_history.py
runs each of them on every state of every story, rule and conversation test, with the
whole history and with the shortened one, and fails when they differ; it also fails when
code in `actions/` reads events anywhere else.
"""

# Every function in actions/ that reads `tracker.events` (module.function).
EVENT_READERS = (
    "actions.start.open_question",
    "actions.jim_form.value_before_message",
    "actions.handoff.consent_given",
)
