"""The settings the test suite runs with: the project's own, plus a throwaway key.

config.settings refuses to start with DEBUG off and no SECRET_KEY, and the suite runs with
DEBUG off, as production does. The key goes into the environment so that a process a test
starts (the Celery worker of tests/notifications/test_real_services.py) gets it too.
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", f"tests-only-{secrets.token_urlsafe(40)}")

from config.settings import *  # noqa: F403

# Each run keeps its own keys in a shared Redis, so nothing a previous run remembered (the
# figures' sums, keyed by area ids that restart with every test database) answers this one.
CACHES["default"]["KEY_PREFIX"] = f"tests-{secrets.token_hex(6)}"  # noqa: F405
