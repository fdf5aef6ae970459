"""A fake GOV.UK Notify API on loopback, for the tests: never the real service.

A small WSGI app served by wsgiref in a thread. Like Notify, it refuses any request whose
bearer JWT is not HS256-signed with the service's secret key, with `iss` the service id and
`iat` within 30 seconds of now; it records every accepted payload, answers with a new
notification id, and finds notifications by their `reference`. `fail_next` makes the next
sends answer 500, as an outage would.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server

import jwt

SENDS = {
    "/v2/notifications/email": "email",
    "/v2/notifications/sms": "sms",
    "/v2/notifications/letter": "letter",
}
IAT_LEEWAY = 30  # seconds either side of now, as Notify allows


@dataclass
class Received:
    kind: str
    payload: dict
    notify_id: str


@dataclass
class FakeNotify:
    service_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    secret: str = field(default_factory=lambda: str(uuid.uuid4()))
    received: list[Received] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # why each refused request was refused
    failures_left: int = 0
    url: str = ""

    @property
    def api_key(self) -> str:
        return f"portal_test-{self.service_id}-{self.secret}"

    def fail_next(self, count: int = 1) -> None:
        self.failures_left = count

    def of_kind(self, kind: str) -> list[Received]:
        return [r for r in self.received if r.kind == kind]

    # --- WSGI -------------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        status, body = self._answer(environ)
        start_response(status, [("Content-Type", "application/json")])
        return [json.dumps(body).encode()]

    def _answer(self, environ) -> tuple[str, dict]:
        problem = self._token_problem(environ.get("HTTP_AUTHORIZATION", ""))
        if problem:
            self.refused.append(problem)
            return "403 Forbidden", _error(403, "AuthError", f"Invalid token: {problem}")
        path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
        if method == "GET" and path == "/v2/notifications":
            reference = parse_qs(environ.get("QUERY_STRING", "")).get("reference", [""])[0]
            found = [r for r in self.received if r.payload.get("reference") == reference]
            return "200 OK", {"notifications": [{"id": r.notify_id} for r in found]}
        if method != "POST" or path not in SENDS:
            return "404 Not Found", _error(404, "NotFound", "Not found")
        if self.failures_left:
            self.failures_left -= 1
            return "500 Internal Server Error", _error(500, "Exception", "Internal server error")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        payload = json.loads(environ["wsgi.input"].read(length))
        received = Received(SENDS[path], payload, str(uuid.uuid4()))
        self.received.append(received)
        return "201 Created", {"id": received.notify_id, "reference": payload.get("reference")}

    def _token_problem(self, authorization: str) -> str:
        scheme, _, token = authorization.partition(" ")
        if scheme != "Bearer" or not token:
            return "no bearer token"
        try:
            claims = jwt.decode(
                token,
                key=self.secret,
                algorithms=["HS256"],
                options={"require": ["iss", "iat"], "verify_iat": False},
            )
        except jwt.InvalidTokenError as error:
            return f"signature ({type(error).__name__})"
        if claims["iss"] != self.service_id:
            return "iss is not this service"
        if abs(time.time() - claims["iat"]) > IAT_LEEWAY:
            return "iat is not recent"
        return ""


def _error(status: int, kind: str, message: str) -> dict:
    return {"status_code": status, "errors": [{"error": kind, "message": message}]}


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


def serve(fake: FakeNotify):
    """Serve `fake` on a free loopback port in a daemon thread; returns the server."""
    server = make_server("127.0.0.1", 0, fake, handler_class=_Quiet)
    fake.url = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
