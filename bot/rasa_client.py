"""The one HTTP client for the Rasa server: send a message, read a tracker, parse, health.

The web app (youth chat, demo), the launcher, the tests and the benches all talk to Rasa
through here, so the addresses, the token and what counts as "no answer" are written once.
`AsyncRasa` is for the web app (one short-lived client per call, one shared TLS context);
`Rasa` is the blocking twin for the launcher, tests and benches.

Rasa's HTTP API: `POST /webhooks/rest/webhook` (REST channel, no token: only the web app
reaches it), `GET /conversations/{id}/tracker`, `POST /model/parse` and `GET /status`
(with `RASA_AUTH_TOKEN` as `?token=`).
"""

from __future__ import annotations

import ssl
from functools import lru_cache
from typing import Any

import httpx

TIMEOUT = 30.0


class RasaError(Exception):
    """Rasa did not answer (`status` None: `reason` names the error) or answered with a
    status other than 200 or with something that is not JSON (`status` the code)."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason if status is None else f"{reason} ({status})")
        self.reason = reason
        self.status = status

    @property
    def unreachable(self) -> bool:
        return self.status is None


@lru_cache(maxsize=1)
def ssl_context() -> ssl.SSLContext:
    # Building a context costs ~25 ms; one shared context keeps a client per request cheap.
    return ssl.create_default_context()


def _paths(rasa_url: str, token: str | None) -> tuple[str, dict[str, str]]:
    return rasa_url.rstrip("/"), ({"token": token} if token else {})


def _json(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise RasaError("answered", response.status_code)
    try:
        return response.json()
    except ValueError:
        raise RasaError("not JSON", response.status_code) from None


class AsyncRasa:
    """Rasa for the web app: each call opens one client and raises RasaError on failure.

    A caller that keeps many conversations going at once (bench/load.py) passes its own
    shared `client` (its connection limits are part of what it measures); the web app
    does not.
    """

    def __init__(
        self,
        rasa_url: str,
        token: str | None = None,
        timeout: float = TIMEOUT,
        client: httpx.AsyncClient | None = None,
    ):
        self.url, self.params = _paths(rasa_url, token)
        self.timeout = timeout
        self.client = client

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self.timeout, verify=ssl_context())

    async def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            if self.client is not None:
                response = await self.client.request(method, f"{self.url}{path}", **kwargs)
            else:
                async with self._client() as client:
                    response = await client.request(method, f"{self.url}{path}", **kwargs)
        except httpx.HTTPError as exc:
            raise RasaError(type(exc).__name__) from None
        return _json(response)

    async def send(self, sender: str, message: str) -> Any:
        """The bot's replies (Rasa's JSON list) to one message over the REST channel."""
        return await self._call(
            "POST", "/webhooks/rest/webhook", json={"sender": sender, "message": message}
        )

    async def tracker(self, sender: str) -> Any:
        """The conversation's tracker (Rasa's JSON: events, slots, active_loop)."""
        return await self._call("GET", f"/conversations/{sender}/tracker", params=self.params)


class Rasa:
    """Rasa, blocking: for the launcher, the tests and the benches."""

    def __init__(
        self,
        rasa_url: str,
        token: str | None = None,
        timeout: float = 60.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.url, self.params = _paths(rasa_url, token)
        self.timeout = timeout
        self.client = client

    def _call(self, method: str, path: str, timeout: float | None = None, **kwargs: Any) -> Any:
        url = f"{self.url}{path}"
        timeout = self.timeout if timeout is None else timeout
        try:
            if self.client is not None:
                response = self.client.request(method, url, timeout=timeout, **kwargs)
            else:
                response = httpx.request(method, url, timeout=timeout, **kwargs)
        except httpx.HTTPError as exc:
            raise RasaError(type(exc).__name__) from None
        return _json(response)

    def send(self, sender: str, message: str, timeout: float | None = None) -> list[dict]:
        """The bot's replies to one message over the REST channel."""
        body = {"sender": sender, "message": message}
        return self._call("POST", "/webhooks/rest/webhook", timeout, json=body)

    def tracker(self, sender: str, timeout: float | None = None) -> dict:
        return self._call("GET", f"/conversations/{sender}/tracker", timeout, params=self.params)

    def parse(self, text: str, timeout: float | None = None) -> dict:
        """What the NLU makes of one message (intent, ranking, entities); nothing is stored."""
        return self._call("POST", "/model/parse", timeout, params=self.params, json={"text": text})

    def status(self, timeout: float | None = None) -> dict:
        return self._call("GET", "/status", timeout, params=self.params)

    def healthy(self, timeout: float = 2.0) -> bool:
        """Rasa answers /status (with the token, when one is set)."""
        try:
            self.status(timeout)
        except RasaError:
            return False
        return True

    def model_loaded(self, timeout: float = 2.0) -> bool:
        """Rasa answers /status and names a loaded model."""
        try:
            status = self.status(timeout)
        except RasaError:
            return False
        return bool(isinstance(status, dict) and status.get("model_file"))
