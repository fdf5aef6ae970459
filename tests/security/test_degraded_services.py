"""With Redis down (cache and broker), the public side still answers (issue #15, finding 4).

The cache only counts requests for the rate limits and the API throttle; the broker only
carries "send this message now". Neither is a store of record, so losing them must degrade the
service (limits not enforced, messages sent later), never break it.
"""

import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.cache import FailOpenRedisCache
from config.settings import redis_cache
from notifications.models import Message
from triggers.models import Case

# Nothing listens on port 1: every connection is refused at once.
CLOSED = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    """The cache as production configures it with REDIS_URL, pointed at a closed port, and
    Celery publishing to that port instead of running tasks in-process."""
    from config.celery import app

    settings.CACHES = {"default": redis_cache(CLOSED)}
    settings.RATE_LIMITS = {"apply": "3/3600", "track": "3/3600"}
    eager, broker = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager, app.conf.broker_url = False, CLOSED
    _forget_connections(app)
    yield
    app.conf.task_always_eager, app.conf.broker_url = eager, broker
    _forget_connections(app)


def _forget_connections(app):
    """The connection pool and the producer pool keep the broker address they were made with,
    and even an eager task takes a producer (to serialise its arguments): both are dropped, so
    the next test's tasks use the broker then configured."""
    from kombu import pools

    pools.reset()  # kombu's shared producer pools, keyed by connection
    app._pool = None
    app.amqp._producer_pool = None


def day_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def apply_online(client, side):
    """The public journey, from the first page to the confirmation."""
    incident = timezone.localdate() - timedelta(days=20)
    steps = [
        ("start", {"area": side.area.slug}),
        ("who", {"applying_for": "myself"}),
        (
            "complaint",
            {
                **day_fields("incident_date", incident),
                **day_fields("reported_date", incident + timedelta(days=1)),
                "description": "Loud music on the landing until 3am.",
                "reported_to": side.police.slug,
                "reported_to_other": "",
                "reference_number": "",
                "hate_related": "no",
            },
        ),
        (
            "impact",
            {"impact": "I cannot sleep.", "desired_outcome": "Quiet.", "others_affected": ""},
        ),
        (
            "contact",
            {
                "applicant_name": "Sam Down",
                "applicant_email": "sam@example.com",
                "contact_method": "email",
            },
        ),
        ("check", {}),
    ]
    for name, data in steps:
        response = client.post(reverse(f"apply:{name}"), data)
        assert response.status_code == 302, (name, response.content.decode()[:2000])
    return client.get(reverse("apply:done"))


def test_production_cache_is_the_fail_open_one():
    assert redis_cache("redis://redis:6379/0")["BACKEND"] == "agencies.cache.FailOpenRedisCache"


@pytest.mark.django_db
def test_public_pages_and_api_answer_with_redis_down(
    client, north, redis_down, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.WARNING)
    # More requests than the limits allow: with nothing to count in, they are not enforced.
    for _ in range(5):
        assert client.get(reverse("apply:start")).status_code == 200
        assert client.post(reverse("apply:start"), {}).status_code == 200  # "choose an area"
    with django_capture_on_commit_callbacks(execute=True):
        done = apply_online(client, north)
    assert done.status_code == 200 and "Application received" in done.content.decode()
    case = Case.objects.get(applicant_name="Sam Down")
    # The acknowledgement could not be queued: it waits in the outbox for the beat task.
    assert Message.objects.filter(reference=case.reference, status="pending").exists()

    tracking = client.get(reverse("track:open", args=[north.case.token]), follow=True)
    assert tracking.status_code == 200 and north.case.reference in tracking.content.decode()

    day = timezone.localdate() - timedelta(days=3)
    body = {
        "area": north.area.slug,
        "application_date": str(timezone.localdate()),
        "complaints": [{"incident_date": str(day), "reported_date": str(day)}],
    }
    for _ in range(3):
        response = client.post(reverse("api:eligibility"), body, content_type="application/json")
        assert response.status_code == 200, response.content
        assert "threshold_met" in response.json()

    warnings = [r for r in caplog.records if r.name == "agencies.cache"]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]  # once, not per request
    assert "rate limits" in warnings[0].getMessage()


@pytest.mark.django_db
def test_staff_sessions_do_not_live_in_the_cache(client, north, redis_down, settings):
    assert settings.SESSION_ENGINE in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    )
    client.force_login(north.officer)
    assert client.get(reverse("home")).status_code == 200


def test_the_cache_comes_back_after_the_pause(monkeypatch):
    backend = FailOpenRedisCache(CLOSED, {})
    clock = [1000.0]
    monkeypatch.setattr("agencies.cache.time.monotonic", lambda: clock[0])
    assert backend.get("k", "missing") == "missing"
    calls = []
    monkeypatch.setattr(
        "django.core.cache.backends.redis.RedisCacheClient.get",
        lambda self, key, default: calls.append(key) or "stored",
    )
    assert backend.get("k", "missing") == "missing"  # still pausing: Redis not asked
    assert calls == []
    clock[0] += backend.pause_seconds + 1
    assert backend.get("k", "missing") == "stored"
