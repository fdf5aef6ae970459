"""Sign staff out after SESSION_COOKIE_AGE of inactivity, without a write on every request.

Django's SESSION_SAVE_EVERY_REQUEST would keep the expiry exact by rewriting the session row
(and resending the cookie) on every request: one UPDATE per page and API call (issue #18).
Instead the session is saved, and so its expiry pushed back, only when the last save is
more than SESSION_REFRESH_SECONDS old. Someone who stops working is signed out between
SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS and SESSION_COOKIE_AGE after their last
request; someone working is never signed out. Requests with no session (the public pages,
the eligibility API, token calls) are not touched, so they never create one.
"""

from __future__ import annotations

import time

from django.conf import settings

# The stamp of the last save, in the session itself (seconds since the epoch).
REFRESHED_KEY = "_refreshed_at"


def refresh_seconds() -> int:
    return getattr(settings, "SESSION_REFRESH_SECONDS", 60)


class SlidingSessionMiddleware:
    """Between SessionMiddleware and the views: marks the session for saving when due."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # An empty session is a visitor who never signed in or started anything: nothing to
        # keep alive. A session already being saved gets its stamp for free.
        if session is None or session.is_empty():
            return response
        now = time.time()
        refreshed = session.get(REFRESHED_KEY)
        due = not isinstance(refreshed, int | float) or now - refreshed >= refresh_seconds()
        if due or session.modified:
            session[REFRESHED_KEY] = int(now)
        return response


def stamp_at_sign_in(sender, request, user, **kwargs):
    """Signing in saves the session anyway: stamp it then, so the first page after signing
    in does not save it a second time (connected in agencies.apps on user_logged_in)."""
    session = getattr(request, "session", None)
    if session is not None:
        session[REFRESHED_KEY] = int(time.time())
