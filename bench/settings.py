"""The production settings, plus what only the bench needs: the bare view's URL and a header
that counts the request's queries. Nothing else differs, so the pages are measured as they
are served (DEBUG off, sessions, second factor, audit, CSP)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# First, so that it counts every statement of the request, the session's and audit's too.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
