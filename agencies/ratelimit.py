"""Rate limits on the public forms and the private link, counted in Django's cache.

Limits stop scripts, not people. A library or council office sends many people's
applications from one address, so the application form is counted per browser session (a
script hammering from one session is stopped early) and, far more generously, per address (a
script that throws its cookies away is stopped there). A signed-in member of staff filling the
form for callers has their own, higher allowance. Private links are guessed by scripts that
keep no session, so they are counted per address only.

Each limit is a fixed window counted in the cache: simple, and shared between web workers
when the cache is Redis. Limits come from `RATE_LIMITS` as "requests/seconds". The
eligibility API has its own DRF throttle (triggers/api). While the cache is unreachable the
limits are not enforced (agencies.cache answers as an empty cache, and logs it): better a
public page without its limit for a while than no public page at all.
"""

from __future__ import annotations

import hashlib
import math
import time
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone

from .client_ip import client_ip

# Which requests count against which limits: (URL namespace or name, methods).
LIMITED = {
    "apply": ("apply", {"POST"}),
    "track": ("track:open", {"GET", "POST", "HEAD"}),
}


def parse_rate(rate: str) -> tuple[int, int]:
    count, _, seconds = rate.partition("/")
    return int(count), int(seconds)


def allow(limit: str, ident: str, now: float | None = None) -> bool:
    """Count one request of `ident` against `limit`'s current window; False once over it."""
    return _count(limit, ident, now or time.time()) is None


def _count(limit: str, ident: str, now: float) -> float | None:
    """Count one request; None while within the limit, else when its window ends. A limit
    missing from RATE_LIMITS is not enforced."""
    rate = settings.RATE_LIMITS.get(limit)
    if not rate:
        return None
    allowed, window = parse_rate(rate)
    bucket = int(now // window)
    key = f"ratelimit:{limit}:{ident}:{bucket}"
    if cache.add(key, 1, timeout=window + 1):
        return None
    try:
        over = cache.incr(key) > allowed
    except ValueError:  # the key expired between add and incr: a new window
        cache.add(key, 1, timeout=window + 1)
        return None
    return (bucket + 1) * window if over else None


def group_for(request) -> str | None:
    match = request.resolver_match
    if match is None:
        return None
    for group, (name, methods) in LIMITED.items():
        if request.method in methods and name in (match.namespace, match.view_name):
            return group
    return None


def browser(request) -> str:
    """The browser, as far as we can tell: its session, else its CSRF cookie (every form
    page sets one), hashed so that no live session key is written to the cache."""
    found = request.session.session_key or request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return hashlib.sha256(found.encode()).hexdigest()[:32] if found else "none"


def counters(group: str, request) -> list[tuple[str, str]]:
    """The (limit, who) pairs one request of `group` counts against."""
    address = client_ip(request)
    if group != "apply":
        return [(group, address)]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # Staff filling the form for callers: counted as themselves, not their office.
        return [("apply_staff", f"user:{user.pk}")]
    return [("apply_session", f"{address}:{browser(request)}"), ("apply", address)]


def refused_until(group: str, request, now: float | None = None) -> float | None:
    """Count the request against each of its limits; None if all allow it, else the time
    (epoch seconds) when every limit it is over has a new window."""
    now = now or time.time()
    ends = [_count(limit, who, now) for limit, who in counters(group, request)]
    over = [end for end in ends if end is not None]
    return max(over) if over else None


def area_of(request):
    """The area whose phone number the refusal page gives, if we know it: the one chosen on
    the application form, or the case of the private link this browser opened."""
    from .access import APPLICANT_SESSION_KEY
    from .models import Area

    start = request.session.get("apply", {})
    start = start.get("steps", {}).get("start", {}) if isinstance(start, dict) else {}
    slugs = start.get("area") if isinstance(start, dict) else None
    if isinstance(slugs, list) and slugs and isinstance(slugs[0], str):
        return Area.objects.filter(slug=slugs[0]).first()
    case_id = request.session.get(APPLICANT_SESSION_KEY)
    if isinstance(case_id, int):
        return Area.objects.filter(cases__pk=case_id).first()
    return None


def clock_time(moment: datetime) -> str:
    """How GOV.UK writes a time: "4:47pm"."""
    local = timezone.localtime(moment)
    hour = local.hour % 12 or 12
    return f"{hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


def refusal(request, until: float):
    wait = max(1, math.ceil(until - time.time()))
    retry_at = datetime.fromtimestamp(until, tz=timezone.get_current_timezone())
    response = render(
        request,
        "429.html",
        {
            "retry_at": clock_time(retry_at),
            "retry_today": timezone.localdate(retry_at) == timezone.localdate(),
            "retry_date": retry_at,
            "area": area_of(request),
            "applying": group_for(request) == "apply",
        },
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        group = group_for(request)
        if group is None:
            return None
        until = refused_until(group, request)
        return None if until is None else refusal(request, until)
