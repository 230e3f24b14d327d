"""A youth talking to the real Rasa server over the REST channel (e2e tests, benches)."""

from __future__ import annotations

import re
import uuid

from bot.rasa_client import Rasa

# The reference the youth gets at the handoff, e.g. JIM-7K3Q.
CODE = re.compile(r"JIM-[2-9A-Z]{4}")

# The happy paths (README "The conversation"), step by step: "tap:<title>" taps a button,
# anything else is typed. The tests and the benches play the same steps.
BY_BUTTONS = [
    "/start",
    "Sam",
    "tap:15",
    "tap:Oma of opa",
    "tap:Oma",
    "Riet",
    "tap:alles zeggen",
    "tap:Ja",
    "tap:Samen met mijn coach",  # issue 25: who asks Riet
    "tap:sla over",  # the summary: "Je kiest oma Riet."
    "tap:klopt",  # under 16, the parents question before the yes (issue 25)
    "tap:Ja, dat is goed",  # the consent question: "Mag dat?"
    "tap:Ja, dat mag",  # the handoff, with the code
]
TO_SUMMARY = BY_BUTTONS[: BY_BUTTONS.index("tap:sla over") + 1]
TO_CONSENT = BY_BUTTONS[:-1]
BY_TYPING = [
    "/start",
    "ik heet noor",
    "17",
    "mn oppa",
    "hij heet ahmed",
    "hij helpt me met huiswerk",
    "nee",
    "ik vraag het zelf",  # issue 25: who asks Ahmed
    "0612345678",
    "ja",
    "ja dat mag",
]


class Chat:
    """One conversation: send text, tap buttons by their title, read what the bot said."""

    def __init__(self, rasa_url: str, sender: str | None = None, timeout: float = 60) -> None:
        self.rasa = Rasa(rasa_url, timeout=timeout)  # send() goes here; a subclass may swap it
        self.sender = sender or "test-" + uuid.uuid4().hex[:12]
        self.last: list[dict] = []
        self.transcript: list[tuple[str, str]] = []
        self.turns = 0

    def send(self, message: str) -> list[dict]:
        self.last = self.rasa.send(self.sender, message)
        self.turns += 1
        self.transcript.append(("youth", message))
        for reply in self.last:
            self.transcript.append(("bot", reply.get("text", "")))
        return self.last

    def play(self, steps: list[str]) -> list[dict]:
        """Play steps as in BY_BUTTONS: "tap:<title>" taps that button, the rest is typed."""
        for step in steps:
            self.tap(step[4:]) if step.startswith("tap:") else self.send(step)
        return self.last

    @property
    def text(self) -> str:
        return "\n".join(reply.get("text", "") for reply in self.last)

    @property
    def buttons(self) -> list[dict]:
        return [b for reply in self.last for b in reply.get("buttons", [])]

    def tap(self, title_part: str) -> list[dict]:
        """Tap the button whose title contains `title_part` (case-insensitive)."""
        for button in self.buttons:
            if title_part.lower() in button["title"].lower():
                return self.send(button["payload"])
        raise AssertionError(
            f"no button {title_part!r} in {[b['title'] for b in self.buttons]}; "
            f"bot said: {self.text!r}"
        )

    def dump(self) -> str:
        return "\n".join(f"{who:>5}: {text}" for who, text in self.transcript)
