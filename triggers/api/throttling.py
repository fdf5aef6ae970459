"""The public eligibility check's throttle: per client address, a fixed window in the cache."""

from __future__ import annotations

import math
import time

from django.core.exceptions import ImproperlyConfigured
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from agencies.cache import count as cache_count
from agencies.client_ip import client_ip

# Where a request keeps the count it was given, (allowed, window end): the fast path of the
# check (triggers.api.eligibility_fast) counts before it hands a request to DRF, and DRF's
# own throttle check then reads that answer rather than count the request a second time.
COUNTED = "eligibility_throttle_counted"


class EligibilityThrottle(BaseThrottle):
    """Per client address, at the rate settings give the "eligibility" scope.

    A fixed window counted in the cache, as agencies.ratelimit counts the forms: one round
    trip to Redis a request and a counter of constant size. DRF's SimpleRateThrottle kept the
    time of every request of the window in one cached list, read and written whole (two
    round trips, and a list as long as the rate allows) (issue #18).
    """

    scope = "eligibility"
    cache_format = "throttle_%(scope)s_%(ident)s_%(window)s"

    def get_rate(self) -> tuple[int, int]:
        # Read the rates now, not when DRF is imported, so a changed setting applies to the
        # next request.
        try:
            rate = api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError as missing:
            raise ImproperlyConfigured(f"No throttle rate set for '{self.scope}'.") from missing
        return SimpleRateThrottle.parse_rate(None, rate)

    def get_ident(self, request):
        """The client's address, worked out as for every other limit (agencies.client_ip):
        only X-Forwarded-For entries our own TRUSTED_PROXY_COUNT proxies added are believed."""
        return client_ip(request)

    def allow_request(self, request, view):
        counted = getattr(request, COUNTED, None)
        if counted is not None:  # counted once already, on the way in: never twice
            allowed, self.window_ends = counted
            return allowed
        allowed, seconds = self.get_rate()
        if allowed is None:
            return True
        bucket = int(time.time() // seconds)
        self.window_ends = (bucket + 1) * seconds
        key = self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
            "window": bucket,
        }
        within = cache_count(key, seconds + 1) <= allowed
        setattr(request, COUNTED, (within, self.window_ends))
        return within

    def wait(self):
        return max(1, math.ceil(self.window_ends - time.time()))
