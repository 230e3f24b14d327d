"""A stand-in Rasa server for tests of the web app: a small real HTTP server on a free port.

The proxy (bot/web/chat.py, bot/web/demo.py, bot/rasa_client.py) is tested over real HTTP,
as it talks to Rasa in production; the test sets the answer and reads what was asked.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from testkit.env import free_port


class FakeRasa:
    """A stand-in Rasa server: records requests, answers with what the test set."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.reply_status = 200
        self.reply_body: object = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                url = urlparse(self.path)
                fake.requests.append(
                    {
                        "method": self.command,
                        "path": url.path,
                        "query": parse_qs(url.query),
                        "json": json.loads(raw) if raw else None,
                    }
                )
                body = json.dumps(fake.reply_body).encode()
                self.send_response(fake.reply_status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeRasa:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
