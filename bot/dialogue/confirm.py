"""What a message that would remove or replace the youth's choice leads to (issue 22).

Pure logic, no Rasa: `actions/confirm.py` is the glue. Nothing that removes or replaces
what the youth gave is done on one message. A message that asks for it gets one
question first: what will happen, "Weet je het zeker?" (`confirm`). When the NLU is
not sure enough of it, the bot asks what the youth means, with the likely options as
buttons (`clarify`). Only a clear yes right after the question acts (`is_clear_yes`).
"""

from __future__ import annotations

from dataclasses import dataclass

# Below this the bot asks what the youth means instead of asking to confirm.
# Chosen with bench/after_handoff.py (README, "Benchmarks"): of 40 real acts 33 are at
# or above 0.8, of 8 misread messages 3 are below it (2026-12-04).
MIN_CONFIDENCE = 0.8
# A typed yes to a confirmation question acts only at or above this (a button: 1.0).
MIN_YES_CONFIDENCE = 0.8

# What each act is; the confirmation question for it is utter_confirm_<act>.
ACTS = ("withdraw", "change", "restart", "decline")
# Choices a youth can tap when the bot is not sure (button titles are in bot/dialogue/texts.py).
OPTIONS = ("withdraw", "change", "restart", "status")
IN_PROGRESS = ("summary", "consent")
FALLBACK = "nlu_fallback"
# An act among the guesses of an unsure NLU is offered as an option from this on.
MIN_GUESS = 0.1


@dataclass(frozen=True)
class Decision:
    """`confirm` (ask "Weet je het zeker?"), `clarify` (ask what the youth means),
    `nothing` (there is nothing to remove: go on as before) or `fallback` (an unsure
    message that asks for no act: "say it differently", as before)."""

    kind: str
    act: str | None = None
    options: tuple[str, ...] = ()


def act_for(intent: str | None, stage: str | None, sent: bool) -> str | None:
    """The act a message asks for at this stage, or None when it asks for nothing.

    `sent`: a nomination of this conversation was handed to the coach (stage done).
    """
    if intent == "withdraw_consent":
        if sent:
            return "withdraw"
        return "decline" if stage in IN_PROGRESS else None
    if intent == "change_choice":
        return "change" if sent else None
    if intent == "start":
        return "restart" if sent or stage in IN_PROGRESS else None
    if intent == "deny":
        return "decline" if stage == "consent" else None
    if intent == "inform_mentor":
        return "change" if sent else None  # naming another person after the handoff
    return None


def _option_for(intent: str, stage: str | None, sent: bool) -> str | None:
    if intent == "ask_status":
        return "status"
    act = act_for(intent, stage, sent)
    return "withdraw" if act == "decline" else act


def likely_options(
    ranking: list[tuple[str, float]], stage: str | None, sent: bool, first: str | None = None
) -> tuple[str, ...]:
    """Up to 3 options, likeliest first (the act the top intent asks for always in)."""
    options: list[str] = []
    if first:
        options.append("withdraw" if first == "decline" else first)
    for intent, _confidence in ranking:
        option = _option_for(intent, stage, sent)
        if option in OPTIONS and option not in options:
            options.append(option)
    if sent and "status" not in options:
        options.append("status")
    return tuple(options[:3])


def decide(
    intent: str | None,
    confidence: float,
    ranking: list[tuple[str, float]],
    stage: str | None,
    sent: bool,
    typed: bool,
    threshold: float = MIN_CONFIDENCE,
) -> Decision:
    """What to do with a message that may remove or replace the choice.

    `typed`: the youth typed it (a button's payload is certain). `ranking`: the NLU's
    (intent, confidence) pairs, likeliest first.
    """
    if intent == FALLBACK:
        # The NLU is unsure of everything: when an act is among its guesses, ask what
        # the youth means; otherwise the kind "say it differently" as before.
        for guess, guess_confidence in ranking:
            act = act_for(guess, stage, sent)
            if act is not None and guess_confidence >= MIN_GUESS:
                return Decision("clarify", act, likely_options(ranking, stage, sent, first=act))
        return Decision("fallback")
    act = act_for(intent, stage, sent)
    if act is None:
        return Decision("nothing")
    if typed and confidence < threshold:
        return Decision("clarify", act, likely_options(ranking, stage, sent, first=act))
    return Decision("confirm", act)


def is_clear_yes(intent: str | None, confidence: float, typed: bool) -> bool:
    """Only a yes the NLU is sure of, or the yes button, acts."""
    if intent != "affirm":
        return False
    return (not typed) or confidence >= MIN_YES_CONFIDENCE
