"""Rate limits on the public forms and the private link, counted in Django's cache.

A fixed window per client address and group: simple, shared between web workers when the
cache is Redis, and enough to stop a script filling the application form or guessing private
links. The eligibility API has its own DRF throttle (triggers/api.py). Limits come from
`RATE_LIMITS` as "requests/seconds". While the cache is unreachable the limits are not
enforced (agencies.cache answers as an empty cache, and logs it): better a public page without
its limit for a while than no public page at all.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .client_ip import client_ip

# Which requests count against which limit: (URL namespace or name, methods).
LIMITED = {
    "apply": ("apply", {"POST"}),
    "track": ("track:open", {"GET", "POST", "HEAD"}),
}


def parse_rate(rate: str) -> tuple[int, int]:
    count, _, seconds = rate.partition("/")
    return int(count), int(seconds)


def allow(group: str, ident: str, now: float | None = None) -> bool:
    """Count one request of `ident` in `group`'s current window; False once over the limit."""
    limit, window = parse_rate(settings.RATE_LIMITS[group])
    bucket = int((now or time.time()) // window)
    key = f"ratelimit:{group}:{ident}:{bucket}"
    if cache.add(key, 1, timeout=window + 1):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the key expired between add and incr: a new window
        cache.add(key, 1, timeout=window + 1)
        return True


def group_for(request) -> str | None:
    match = request.resolver_match
    if match is None:
        return None
    for group, (name, methods) in LIMITED.items():
        if request.method in methods and name in (match.namespace, match.view_name):
            return group
    return None


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        group = group_for(request)
        if group is None or allow(group, client_ip(request)):
            return None
        return render(request, "429.html", status=429)
