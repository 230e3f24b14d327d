"""A conversation's history, worked out once per new event instead of at every question.

Why: Rasa asks a tracker for its `applied_events()` (the events with undone and repeated
form turns taken out) many times per message: for every policy, at every prediction, and
once more for each past state. Each time it walks the whole conversation from the start,
and for each turn of a form it copies the whole list again, so the work grows with the
square of the conversation's length. Measured in-process on a 50-message conversation
(bench/load.py's long conversation), messages 40-50: `applied_events` was 35% of all time,
and a reply took three times as long as in the first 10 messages.

Here the answer is kept with the tracker and only the events that are new since the last
call are walked, with Rasa's own rules and helpers, so the answer is the same list.
Anything else (another event list, a first event that changed, a form name that was not
seen before, which changes how earlier events count) makes it walk from the start as Rasa
does. tests/test_history.py compares both on real conversations, event by event.

The same goes for the past states the policies ask for, and for `copy()`, which Rasa makes
before every action by replaying the whole conversation (see below).
"""

from __future__ import annotations

import copy
import itertools
from collections import deque
from typing import Any

from rasa.shared.core.constants import PREVIOUS_ACTION
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    EntitiesAdded,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

_ATTRIBUTE = "_jim_applied_events"
RASA_APPLIED_EVENTS = DialogueStateTracker.applied_events  # Rasa's own, for comparison


class _Progress:
    """How far the walk through one tracker's events got, and what it found."""

    __slots__ = ("events", "count", "last", "loop_names", "applied")

    def __init__(self, events: Any) -> None:
        self.events = events
        self.count = 0
        self.last: Event | None = None
        self.loop_names: set[str] = set()
        self.applied: list[Event] = []

    def __deepcopy__(self, memo: dict) -> None:
        return None  # a copied tracker walks its own events again

    def __copy__(self) -> None:
        return None

    def fits(self, events: Any) -> bool:
        """The tracker still holds the same events, with only new ones after them."""
        count = len(events)
        return (
            events is self.events
            and count >= self.count
            and (self.count == 0 or events[self.count - 1] is self.last)
        )


def _loop_names(events: Any) -> set[str]:
    return {e.name for e in events if isinstance(e, ActiveLoop) and e.name}


def _walk(tracker: DialogueStateTracker, progress: _Progress, new_events: Any) -> None:
    """Rasa's DialogueStateTracker.applied_events() loop, continued over `new_events`."""
    applied = progress.applied
    loop_names = progress.loop_names
    for event in new_events:
        if isinstance(event, (Restarted, SessionStarted)):
            applied.clear()
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied)
            tracker._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)


def applied_events(self: DialogueStateTracker) -> list[Event]:
    """DialogueStateTracker.applied_events(), walking only the events added since last time."""
    events = self.events
    count = len(events)
    progress: _Progress | None = self.__dict__.get(_ATTRIBUTE)
    if progress is not None and progress.fits(events):
        new_events = list(itertools.islice(events, progress.count, count))
        if not _loop_names(new_events) <= progress.loop_names:
            progress = None  # a new form: earlier turns of its name count differently
    else:
        progress = None
    if progress is None:
        progress = _Progress(events)
        progress.loop_names = _loop_names(events)
        new_events = list(events)
        self.__dict__[_ATTRIBUTE] = progress
    _walk(self, progress, new_events)
    progress.count = count
    progress.last = events[count - 1] if count else None
    return list(progress.applied)


# --- past states ---------------------------------------------------------------------------
#
# Why: every policy asks for the conversation's past states at every prediction (4 times
# per message here), and Rasa makes them by replaying the whole conversation from its first
# event on a fresh tracker. After `applied_events` this was the largest part that grows with
# the conversation's length: 24% of the time at messages 40-50 (in-process profile).
#
# Here the replay is kept with the tracker: what each past state needs is noted once (the
# state and the few facts Rasa's loop reads), and copies of the replaying tracker are kept
# at a few points. At the next call the replay goes on from the last kept point that the
# history still shares (a form turn can take back the last few events), and Rasa's loop
# runs over the notes. Nothing is shared with the caller: every state is a fresh copy.

_STATES_ATTRIBUTE = "_jim_past_states"
_CHECKPOINT_EVERY = 16  # applied events between two kept copies of the replaying tracker
_CHECKPOINTS_KEPT = 4  # besides the start
RASA_STATES_FOR_TRACKER_HISTORY = Domain.states_for_tracker_history


class _Note:
    """What Rasa's loop in `states_for_tracker_history` reads of one past tracker."""

    __slots__ = ("state", "hide_rule_turn", "followup_action", "action_is_loop", "prev_action")

    def __init__(self, domain: Domain, tracker: DialogueStateTracker, hide_rule_turn: bool,
                 omit_unset_slots: bool) -> None:  # fmt: skip
        self.state = domain.get_active_state(tracker, omit_unset_slots=omit_unset_slots)
        self.hide_rule_turn = hide_rule_turn
        self.followup_action = tracker.followup_action
        self.action_is_loop = tracker.latest_action_name == tracker.active_loop_name
        prev_action = domain._get_prev_action_sub_state(tracker)
        self.prev_action = None if prev_action is None else dict(prev_action)


def _clone(tracker: DialogueStateTracker) -> DialogueStateTracker:
    """A copy of a tracker that changing the copy does not change: the state as it is
    (the events with their slots, form, latest message and action), nothing replayed."""
    clone = copy.copy(tracker)
    clone.__dict__.pop(_ATTRIBUTE, None)
    clone.__dict__.pop(_STATES_ATTRIBUTE, None)
    clone.events = deque(tracker.events, tracker.events.maxlen)
    clone.slots = copy.copy(tracker.slots)
    for name, slot in tracker.slots.items():
        clone.slots[name] = copy.copy(slot)
    clone.active_loop = copy.copy(tracker.active_loop)
    clone.latest_action = copy.copy(tracker.latest_action)
    return clone


RASA_COPY = DialogueStateTracker.copy


def copy_tracker(self: DialogueStateTracker) -> DialogueStateTracker:
    """DialogueStateTracker.copy(), without replaying every event of the conversation.

    Why: Rasa copies the tracker before it runs each action (so that a rejected form can be
    undone) by replaying all events on a new tracker: 15% of the time at messages 40-50 of
    a long conversation (in-process profile), growing with its length. A tracker's state is
    what its events made of it (Rasa's own rule for trackers), so here that state is copied
    as it is. Like Rasa's copy, it does not carry over where the messages came from or
    which model and assistant wrote the events (`init_copy` leaves those out).
    """
    clone = _clone(self)
    clone.sender_source = None
    clone.model_id = None
    clone.assistant_id = None
    return clone


class _Replay:
    """One tracker's replay for one domain and one `omit_unset_slots`."""

    def __init__(self, domain: Domain, tracker: DialogueStateTracker, omit: bool) -> None:
        self.domain = domain
        self.omit = omit
        self.applied: list[Event] = []
        self.notes: list[_Note] = []
        # (index in applied, notes made before it, a copy of the replaying tracker there)
        self.checkpoints: list[tuple[int, int, DialogueStateTracker]] = [
            (0, 0, tracker.init_copy())
        ]

    def notes_for(self, applied: list[Event]) -> list[_Note]:
        shared = 0
        for old, new in zip(self.applied, applied, strict=False):
            if old is not new:
                break
            shared += 1
        if any(isinstance(event, EntitiesAdded) for event in applied[shared:]):
            # It adds to an earlier message in place: the notes since then are outdated.
            shared = 0
        while self.checkpoints[-1][0] > shared:
            self.checkpoints.pop()
        start, note_count, kept = self.checkpoints[-1]
        replaying = _clone(kept)
        del self.notes[note_count:]
        for index in range(start, len(applied)):
            event = applied[index]
            if index > start and index % _CHECKPOINT_EVERY == 0:
                self._keep(index, replaying)
            if isinstance(event, ActionExecuted):
                self.notes.append(_Note(self.domain, replaying, event.hide_rule_turn, self.omit))
            replaying.update(event)
        self.applied = applied
        return [*self.notes, _Note(self.domain, replaying, False, self.omit)]

    def _keep(self, index: int, replaying: DialogueStateTracker) -> None:
        self.checkpoints.append((index, len(self.notes), _clone(replaying)))
        if len(self.checkpoints) > _CHECKPOINTS_KEPT + 1:
            del self.checkpoints[1]


class _Replays(dict):
    """The replays kept with one tracker; a copied tracker replays on its own."""

    def __deepcopy__(self, memo: dict) -> None:
        return None

    def __copy__(self) -> None:
        return None


def states_for_tracker_history(
    self: Domain,
    tracker: DialogueStateTracker,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[dict]:
    """Domain.states_for_tracker_history(), replaying only what changed since last time.

    The loop below is Rasa's, over the notes instead of over freshly replayed trackers.
    """
    replays = tracker.__dict__.get(_STATES_ATTRIBUTE)
    if replays is None:
        replays = tracker.__dict__[_STATES_ATTRIBUTE] = _Replays()
    replay = replays.get(omit_unset_slots)
    if replay is None or replay.domain is not self:
        replay = replays[omit_unset_slots] = _Replay(self, tracker, omit_unset_slots)
    states: list[dict] = []
    last_ml_action_sub_state = None
    turn_was_hidden = False
    for note in replay.notes_for(tracker.applied_events()):
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action_sub_state = note.prev_action
            if not note.followup_action and not note.action_is_loop:
                turn_was_hidden = note.hide_rule_turn
            if turn_was_hidden:
                continue
        state = {key: dict(sub_state) for key, sub_state in note.state.items()}
        if ignore_rule_only_turns:
            self._remove_rule_only_features(state, rule_only_data)
            if states:
                self._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action_sub_state:
                state[PREVIOUS_ACTION] = dict(last_ml_action_sub_state)
        states.append(self._clean_state(state))
    return states


def install() -> None:
    """Put all three in place (idempotent)."""
    DialogueStateTracker.applied_events = applied_events
    DialogueStateTracker.copy = copy_tracker
    Domain.states_for_tracker_history = states_for_tracker_history
