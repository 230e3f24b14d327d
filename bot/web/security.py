"""Security headers on every response of the web app, set in one place.

Each page used to carry its own headers; a route that forgot them (an error page, the API,
a static file) went out without any. This middleware adds them to every HTTP response, so a
new route is covered without thinking about it.

Two Content-Security-Policies:

- the youth's chat page `/`: strict (nothing from other hosts, no inline script or style),
  and the only page that other sites may show in a frame: partner sites embed it through
  /static/embed.js, so it has no frame-ancestors and no X-Frame-Options;
- everything else (portal, demo, API, the API's documentation `/docs`, static files, health
  check): strict and never framed. `/docs` is a plain page without scripts
  (bot/web/api_docs.py), so no page of this origin loads code from another host.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_STRICT = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
]
# frame-ancestors is left open on purpose: partner sites show the chat in an iframe.
CHAT_PAGE_CSP = "; ".join(_STRICT)
STRICT_CSP = "; ".join([*_STRICT, "frame-ancestors 'none'"])
CHAT_PAGE = "/"

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # Invite codes are in page addresses: never hand an address on to another site.
    "Referrer-Policy": "no-referrer",
    # The chat reads aloud with the browser's own voice; it needs none of these.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
# A year; only sent when PUBLIC_URL is https, where the browser will honour it.
HSTS = "max-age=31536000"


def headers_for(path: str, https: bool) -> dict[str, str]:
    """The security headers of a response to this path."""
    headers = dict(COMMON_HEADERS)
    if path == CHAT_PAGE:
        headers["Content-Security-Policy"] = CHAT_PAGE_CSP
    else:
        headers["Content-Security-Policy"] = STRICT_CSP
        headers["X-Frame-Options"] = "DENY"
    if https:
        headers["Strict-Transport-Security"] = HSTS
    return headers


class SecurityHeaders:
    """Pure ASGI middleware (no BaseHTTPMiddleware: streaming and background tasks stay as
    they are) that adds :func:`headers_for` to each response; a header a route set stays."""

    def __init__(self, app: ASGIApp, https: bool) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = headers_for(scope["path"], self.https)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
