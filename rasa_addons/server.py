"""`python -m rasa_addons.server run ...`: Rasa's own command line, with seven repairs.

Each one removes repeated work and changes nothing of what Rasa accepts, says or predicts
(tests/test_rasa_addons.py, tests/test_tracker_store.py):

1. Action-server answers: for every answer Rasa calls `jsonschema.validate()`, and
   jsonschema 4.17 (what Rasa 3.6 installs) first checks Rasa's fixed schema itself against
   the meta-schema, every single time (python-jsonschema/jsonschema#853): 13.7 of 17.7 ms
   per action call. The validator is built once; answers are checked as before.
2. Event classes: Rasa finds the class of every event it reads by walking all subclasses
   of Event again (7% of the CPU time at 20 conversations at once). Answers are remembered.
3. Loading the model: Rasa trains DIET for one step only to make its weights (see
   `load_model_for_prediction`): 29 s and 510 MB of the server's start, never used.
4. Calls to the action server: their JSON bodies are written by ujson (3x faster).
5. A conversation's history and past states: worked out once per new event instead of
   from the start at every question (rasa_addons/history.py).
6. Button answers (`/intent{...}`): read straight away by Rasa's own rule for them, without
   running the whole NLU pipeline first (DIET and all), whose answer that rule replaces.
7. Calls to the action server carry the events the actions read, not the whole session
   (`action_call_format`): the one place where what is sent differs from Rasa's.

And one addition (issue 20): the NLU reads a message with the form's open question in its
metadata (`with_the_question`), so that an answer is read as an answer.

And two for privacy and secrets (tests/test_privacy_logs.py, tests/test_binding.py):

- Logs: Rasa's structured log lines carry the youth's message under keys such as `text`
  (the REST channel writes `rest.message.received.failure text=...` when handling a
  message fails), and its JSON tracebacks list every frame's local variables, message
  and tracker included. Here those keys are replaced by "[hidden]" and tracebacks are
  written without local variables (`hide_personal_data`).
- `--auth-token`: taken from the environment (RASA_AUTH_TOKEN, set by `jim run`) and
  never from the command line, which every user of the machine can read in the process
  list.

Everything else is `rasa` itself: the other arguments are passed on unchanged.
"""

from __future__ import annotations

import copy
import logging
import os
import sys
from functools import lru_cache
from typing import Any

import aiohttp
import jsonschema
import tensorflow as tf
import ujson
from rasa.core.actions.action import RemoteAction
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.core.processor import MessageProcessor
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import EventVerbosity
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.models import RasaModel

from bot.nlu.at_the_question import QUESTION
from bot.nlu.button_words import BUTTONS
from rasa_addons import history, rasa_matches

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """The validator of Rasa's action-server answers, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@lru_cache(maxsize=1)
def event_validators() -> tuple[Any, dict[str, Any]] | None:
    """Rasa's schema split in two: the answer without the `oneOf` over event kinds, and for
    each kind of event the one alternative it can match. None if the schema cannot be split
    exactly (an alternative without its own `event` constant).

    Why: to check `oneOf`, jsonschema tries every event against every kind of event (about
    20) to make sure exactly one fits: 11% of the Rasa server's CPU at 20 conversations at
    once (py-spy), with the validator already made once. An event whose `event` names one
    kind can only fit that kind's alternative (the others ask for another constant), so
    checking that one alternative gives the same yes. A no is checked again in full, so an
    answer is refused exactly as Rasa refuses it, with Rasa's own error.
    """
    full = action_response_validator()  # checks the schema (once)
    schema = copy.deepcopy(full.schema)
    items = schema["properties"]["events"]["items"]
    kinds: dict[str, Any] = {}
    for alternative in items.pop("oneOf"):
        kind = alternative.get("properties", {}).get("event", {}).get("const")
        if not isinstance(kind, str) or kind in kinds:
            return None
        kinds[kind] = alternative
    validator_class = type(full)
    per_kind = {kind: validator_class({"allOf": [items, alt]}) for kind, alt in kinds.items()}
    return validator_class(schema), per_kind


def _surely_valid(result: Any) -> bool:
    """True only if Rasa's schema accepts `result` (checked per kind of event)."""
    split = event_validators()
    if split is None or not split[0].is_valid(result):
        return False
    per_kind = split[1]
    for event in result.get("events") or []:
        validator = per_kind.get(event.get("event"))
        if validator is None or not validator.is_valid(event):
            return False
    return True


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result with the validator made once."""
    if _surely_valid(result):
        return True
    error = jsonschema.exceptions.best_match(action_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response "
        "from the Action endpoint is valid."
    )
    raise error


_EVENT_CLASSES: dict[str, type] = {}
_resolve_event_class = Event.resolve_by_type


def resolve_event_class(type_name: str, default: type | None = None) -> type | None:
    """Event.resolve_by_type, remembering each answer.

    Why: Rasa finds the class of every event it reads (from the tracker store, from each
    action-server answer) by walking all subclasses of Event again: 7% of the Rasa
    server's CPU time at 20 conversations at once. The classes do not change while it runs.
    """
    found = _EVENT_CLASSES.get(type_name)
    if found is None:
        found = _resolve_event_class(type_name, default)
        if found is not None and found is not default:
            _EVENT_CLASSES[type_name] = found
    return found


_rasa_model_load = RasaModel.load.__func__


def load_model_for_prediction(
    cls: type[RasaModel],
    model_file_name: str,
    model_data_example: Any,
    predict_data_example: Any = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    """RasaModel.load for a server that only predicts: no training step to make the weights.

    Why: Rasa makes the model's weights by training it on one example (Keras `fit`), then
    overwrites them with the trained ones. That builds the whole training graph (gradients,
    optimizer) that a server never uses: measured here 41 s of the Rasa server's 42 s load
    and 510 MB of its 1.4 GB. Here the weights are made by the one prediction Rasa does
    anyway to warm up, and filled from the same file as they are made (TensorFlow restores
    a checkpoint into variables made after `load_weights`). Every weight the prediction
    uses must come from the file, or this falls back to Rasa's own load. Predictions are
    the same to the last digit (tests/test_rasa_addons.py compares all of data/nlu).
    Fine-tuning and a load without an example take Rasa's own way.
    """
    if finetune_mode or predict_data_example is None:
        return _rasa_model_load(
            cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
            *args, **kwargs,
        )  # fmt: skip
    try:
        model = cls(*args, **kwargs)
        config = kwargs.get("config", {})
        model.compile(
            optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)),
            run_eagerly=config.get(RUN_EAGERLY),
        )
        restored = model.load_weights(model_file_name)
        model.run_inference(predict_data_example)
        restored.expect_partial()  # the optimizer's training state is not needed
        restored.assert_existing_objects_matched()
        return model
    except (AssertionError, ValueError, tf.errors.OpError) as error:
        logger.warning("Loading %s the quick way failed (%s); using Rasa's load.", cls.__name__,
                       type(error).__name__)  # fmt: skip
        return _rasa_model_load(
            cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
            *args, **kwargs,
        )  # fmt: skip


def action_server_session(self: EndpointConfig) -> aiohttp.ClientSession:
    """EndpointConfig.session, with the request bodies written by ujson.

    Why: each call to the action server sends the whole conversation session as JSON;
    writing it with the standard library's encoder was 11.6% of the Rasa server's CPU time
    at 20 conversations at once. ujson (which Rasa and Sanic already install) writes the
    same JSON values about three times faster; the action server reads them the same.
    """
    auth = None
    if self.basic_auth:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
    return aiohttp.ClientSession(
        headers=self.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        json_serialize=ujson.dumps,
    )


_rasa_parse_message_with_graph = MessageProcessor._parse_message_with_graph
_PAYLOAD_HANDLER = f"run_{RegexMessageHandler.__name__}"
_PAYLOAD_EXTRACTOR = RegexMessageHandler().name  # what Rasa writes as the entities' extractor


def parse_message_with_graph(
    self: MessageProcessor, message: Any, tracker: Any, only_output_properties: bool = True
) -> dict[str, Any]:
    """MessageProcessor._parse_message_with_graph, with button answers read at once.

    Why: a button sends its answer as `/intent{"entity": "value"}`. Rasa runs the whole NLU
    pipeline on that text (the spaCy tokenizer, the featurizers, DIET: 40% of the Rasa
    server's CPU at 20 conversations at once, measured with py-spy), and then its last
    step, RegexMessageHandler, throws that result away and makes a new message from the
    payload alone. Here that last step's own function makes the same message directly, for
    the payloads it accepts (the pattern matches and the intent is in the domain); any other
    text, and any pipeline that does not end in that step, goes through the whole pipeline.
    """
    text = (message.text or "").strip()
    if text.startswith(INTENT_MESSAGE_PREFIX) and self.model_metadata.nlu_target == (
        _PAYLOAD_HANDLER
    ):
        match = YAMLStoryReader._regex_message_pattern().match(text)
        if match and match.group(INTENT_NAME_KEY).strip() in self.domain.intents:
            parsed = YAMLStoryReader.unpack_regex_message(
                Message(data={TEXT: message.text}), self.domain, _PAYLOAD_EXTRACTOR
            )
            parse_data = {TEXT: "", INTENT: {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0},
                          ENTITIES: []}  # fmt: skip
            parse_data.update(parsed.as_dict(only_output_properties=only_output_properties))
            return parse_data
    return _rasa_parse_message_with_graph(
        self, with_the_question(message, tracker), tracker, only_output_properties
    )


FORM = "jim_form"


def with_the_question(message: Any, tracker: Any) -> Any:
    """The message as the NLU reads it: with the form's open question in its metadata.

    Why (issue 20): the classifier reads a message alone, so "mn opa hij is de beste" at
    "Wie vind jij fijn om mee te praten?" was out of scope and "sixteen" at "Hoe oud ben
    je?" no age. The NLU steps read the question (`bot/nlu/at_the_question.py`). A copy:
    the message that Rasa stores keeps the metadata the channel sent.
    """
    if tracker is None:
        return message
    added: dict = {}
    question = tracker.get_slot(REQUESTED_SLOT)
    if getattr(tracker, "active_loop_name", None) == FORM and isinstance(question, str):
        added[QUESTION] = question
    shown = buttons_shown(tracker)
    if shown:
        added[BUTTONS] = shown  # "ja" to "Wil je een JIM kiezen?" (stop 39)
    if not added:
        return message
    copied = copy.copy(message)
    copied.metadata = {**(message.metadata or {}), **added}
    return copied


def buttons_shown(tracker: Any) -> list[dict]:
    """The buttons of the bot's last message since the youth's last one (title, payload)."""
    for event in reversed(list(getattr(tracker, "events", None) or [])):
        if isinstance(event, UserUttered):
            return []
        if isinstance(event, BotUttered):
            buttons = (event.data or {}).get("buttons") or []
            if buttons:
                return [
                    {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
                    for b in buttons
                    if isinstance(b, dict)
                ]
    return []


_rasa_action_call_format = RemoteAction._action_call_format


def events_for_actions(events: Any) -> list[Event]:
    """The events an action reads: all since the youth's latest message, and before it
    only the latest `slot` event of each slot and the latest one that named a question.

    Why: each call to the action server carried the whole session as JSON, so a reply got
    slower as a conversation went on (at 450 events about 2.4 ms to write and as much to
    read, per call). The actions read the current turn (rasa_sdk's `slots_to_validate`,
    the latest message), each slot's value before the message (`value_before_message`)
    and the question asked last (`open_question`): these events give them the same answers
    (tests/test_history.py checks it on every story, rule and conversation test). The slots
    themselves, the form, the latest message and action are sent in full as before.
    """
    events = list(events)
    last_user = next(
        (i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), None
    )
    if last_user is None:
        return events
    keep: set[int] = set()
    seen: set[str] = set()
    question_seen = False
    for index in range(last_user - 1, -1, -1):
        event = events[index]
        if not isinstance(event, SlotSet):
            continue
        if event.key not in seen:
            seen.add(event.key)
            keep.add(index)
        if event.key == REQUESTED_SLOT and event.value and not question_seen:
            question_seen = True
            keep.add(index)
    return [events[i] for i in sorted(keep)] + events[last_user:]


def action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> dict[str, Any]:
    """RemoteAction._action_call_format, with `events_for_actions` as the events."""
    result = _rasa_action_call_format(self, _WithoutEvents(tracker), domain)
    result["tracker"]["events"] = [e.as_dict() for e in events_for_actions(tracker.events)]
    return result


class _WithoutEvents:
    """A tracker as Rasa's call format sees it, whose event list it does not write out."""

    def __init__(self, tracker: Any) -> None:
        self._tracker = tracker

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tracker, name)

    def current_state(self, event_verbosity: Any = None) -> dict[str, Any]:
        return self._tracker.current_state(EventVerbosity.NONE)


# Rasa's own list of keys whose values may be a message, slots or entities
# (rasa.utils.log_utils._anonymizer), and a few more.
HIDDEN_KEYS = frozenset(
    {
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message",
        "prefilled_slots", "message", "response", "slot_candidates", "rasa_event",
        "rasa_events", "tracker_states", "current_states", "old_states", "successes",
        "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
        "json_message", "metadata", "entities", "slots", "events", "tracker",
    }
)  # fmt: skip
HIDDEN = "[hidden]"


def redact_event(_logger: Any, _name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor: values that may hold what the youth typed become "[hidden]"."""
    for key in HIDDEN_KEYS.intersection(event_dict):
        if event_dict[key] is not None:
            event_dict[key] = HIDDEN
    return event_dict


def hide_personal_data() -> None:
    """Rasa's structlog set-up with `redact_event` first and tracebacks without locals.

    Must run before Rasa configures logging (rasa.__main__.main does it after parsing the
    arguments): configure_structlog looks both names up when it runs.
    """
    import structlog
    from rasa.utils import log_utils
    from structlog.tracebacks import ExceptionDictTransformer

    log_utils._anonymizer = redact_event
    structlog.processors.dict_tracebacks = structlog.processors.ExceptionRenderer(
        ExceptionDictTransformer(show_locals=False)
    )


def with_auth_token(argv: list[str], environ: dict[str, str]) -> list[str]:
    """`argv` for `rasa run` with `--auth-token` from RASA_AUTH_TOKEN (kept in this process:
    Python's sys.argv is not what the process list shows)."""
    token = environ.get("RASA_AUTH_TOKEN", "")
    if len(argv) > 1 and argv[1] == "run" and token and "--auth-token" not in argv:
        return [*argv, "--auth-token", token]
    return list(argv)


def install() -> bool:
    """Put the repairs in place (idempotent); True if they are in place.

    Only on the Rasa version they were made for (`rasa_addons.RASA_VERSION`): on any other,
    Rasa is left untouched and one log line says so.
    """
    if not rasa_matches():
        return False
    EndpointConfig.session = action_server_session
    RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_event_class)
    RasaModel.load = classmethod(load_model_for_prediction)
    history.install()
    MessageProcessor._parse_message_with_graph = parse_message_with_graph
    RemoteAction._action_call_format = action_call_format
    hide_personal_data()
    return True


def main() -> int:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv = with_auth_token(["rasa", *sys.argv[1:]], os.environ)
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
