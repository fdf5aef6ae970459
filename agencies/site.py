"""The address the portal is served on, for links written into messages and letters.

In production that is `SITE_URL`, set by whoever deploys it: a request's Host header is the
client's to choose, so it never decides where a link in an email points. While developing
(DEBUG), the portal is reached on whatever host and port `runserver` was given, so a link
in a message queued during a request uses that request's own address: a person following
the demo opens the link on the portal they are looking at.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import DisallowedHost

_served_on: ContextVar[str | None] = ContextVar("served_on", default=None)


def site_url() -> str:
    """The portal's address without a trailing slash, e.g. "http://127.0.0.1:8000"."""
    if settings.DEBUG:
        current = _served_on.get()
        if current:
            return current
    return settings.SITE_URL.rstrip("/")


class ServedOnMiddleware:
    """Remembers, for the length of a request in DEBUG, the address it came in on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.DEBUG:
            return self.get_response(request)
        try:
            # get_host() checks ALLOWED_HOSTS: a host Django would refuse is never used.
            address = f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            address = None
        token = _served_on.set(address)
        try:
            return self.get_response(request)
        finally:
            _served_on.reset(token)
