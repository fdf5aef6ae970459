"""Django's Redis cache, made to behave like an empty cache while Redis is unreachable.

The cache holds nothing we cannot lose: the counters of the rate limits (agencies.ratelimit)
and of DRF's eligibility throttle, and the dashboards' added-up summary rows
(figures.remembered, added up again when missing). Sessions live in the database, messages in
the outbox. So
when Redis is down the right answer is to carry on without it, with the limits not enforced
(fail open), rather than to answer every public page with a 500 as the plain backend does.

Every operation then answers as if the key were missing: `get` gives the default, `add`
reports the key as added (so a rate limit counts a new window and lets the request through),
`incr` raises ValueError (Django's "no such key"). After a failure we stop asking Redis for
`pause_seconds`, so a flood of requests neither waits on timeouts nor floods the log: one
warning when the cache goes, one line when it is back.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


class FailOpenRedisCache(RedisCache):
    pause_seconds = 30.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until: float | None = None

    def _call(self, operation, args, missing):
        """Run `operation(*args)` against Redis; `missing()` is the answer of an empty cache."""
        if self._down_until is not None and time.monotonic() < self._down_until:
            return missing()
        try:
            result = operation(*args)
        except UNREACHABLE as error:
            if self._down_until is None:
                log.warning(
                    "Cache unreachable (%s): rate limits and the API throttle are not enforced "
                    "until it is back.",
                    type(error).__name__,
                )
            self._down_until = time.monotonic() + self.pause_seconds
            return missing()
        if self._down_until is not None:
            log.warning("Cache reachable again: rate limits are enforced.")
            self._down_until = None
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, (key, value, timeout, version), lambda: True)

    def get(self, key, default=None, version=None):
        return self._call(super().get, (key, default, version), lambda: default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, (key, value, timeout, version), lambda: None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, (key, timeout, version), lambda: False)

    def delete(self, key, version=None):
        return self._call(super().delete, (key, version), lambda: False)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, (keys, version), dict)

    def has_key(self, key, version=None):
        return self._call(super().has_key, (key, version), lambda: False)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, (key, delta, version), _no_such_key(key))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, (data, timeout, version), lambda: list(data))

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, (keys, version), lambda: None)

    def clear(self):
        return self._call(super().clear, (), lambda: False)

    def count(self, key, window: int, version=None) -> int:
        """Add one to a counter that lives `window` seconds from its first count, in one
        round trip (SET NX EX and INCR in a pipeline). Unreachable: 0, never over a limit."""

        def counted():
            made = self.make_and_validate_key(key, version=version)
            pipe = self._cache.get_client(made, write=True).pipeline(transaction=False)
            pipe.set(made, 0, ex=window, nx=True)
            pipe.incr(made)
            return int(pipe.execute()[1])

        return self._call(counted, (), lambda: 0)


def count(key: str, window: int) -> int:
    """One more request in a fixed window counted in the default cache: the count so far.
    On Redis one round trip; on other backends (tests' local memory) add, then incr."""
    from django.core.cache import cache

    if hasattr(cache, "count"):  # FailOpenRedisCache, through the connection proxy
        return cache.count(key, window)
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=window)
        return 1


def _no_such_key(key):
    def missing():
        raise ValueError(f"Key '{key}' not found.")

    return missing
