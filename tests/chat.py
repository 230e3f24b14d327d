"""A youth talking to the real Rasa server over the REST channel (for e2e tests)."""

from __future__ import annotations

import uuid

import httpx


class Chat:
    """One conversation: send text, tap buttons by their title, read what the bot said."""

    def __init__(self, rasa_url: str, sender: str | None = None) -> None:
        self.url = f"{rasa_url}/webhooks/rest/webhook"
        self.sender = sender or "test-" + uuid.uuid4().hex[:12]
        self.last: list[dict] = []
        self.transcript: list[tuple[str, str]] = []
        self.turns = 0

    def send(self, message: str) -> list[dict]:
        response = httpx.post(
            self.url, json={"sender": self.sender, "message": message}, timeout=60
        )
        response.raise_for_status()
        self.last = response.json()
        self.turns += 1
        self.transcript.append(("youth", message))
        for reply in self.last:
            self.transcript.append(("bot", reply.get("text", "")))
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
