"""Retries back off over a day; only real tries count; failed means a day of tries ran out."""

import itertools
import random
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from notifications import delivery, services, tasks
from notifications.models import PRIVATE_LINK_PLACEHOLDER, Message

from .helpers import TOKEN, queue, queue_link

pytestmark = pytest.mark.django_db
SMTP_DOWN = override_settings(EMAIL_BACKEND="tests.notifications.failing_backend.Backend")


def test_backoff_grows_from_a_minute_to_twelve_hours_with_jitter():
    rng = random.Random(15)
    for failures in range(1, 20):
        nominal = min(timedelta(hours=12), timedelta(minutes=1) * 2 ** (failures - 1))
        delays = [delivery.backoff(failures, rng) for _ in range(200)]
        assert all(nominal * 0.8 <= delay <= nominal * 1.2 for delay in delays), failures
        assert len(set(delays)) > 100  # jittered, not one value for every message
    assert delivery.backoff(1, rng) <= timedelta(minutes=1.2)
    assert delivery.backoff(30, rng) >= timedelta(hours=12) * 0.8


@SMTP_DOWN
def test_requeue_and_duplicate_tasks_do_not_spend_attempts():
    message = queue()
    assert delivery.deliver(message.pk) == Message.Status.PENDING  # one real, failed try
    message.refresh_from_db()
    assert message.attempts == 1 and "SMTP is down" in message.last_error
    retry_at = message.next_attempt_at
    for _ in range(10):  # ten minutes of beat, and duplicated tasks, before the retry is due
        assert tasks.requeue_pending() == 0
        assert tasks.deliver_message(message.pk) == "skipped"
    message.refresh_from_db()
    assert message.attempts == 1 and message.next_attempt_at == retry_at
    assert message.status == Message.Status.PENDING


@SMTP_DOWN
def test_failed_only_when_a_day_of_tries_has_run_out(client, north):
    Message.objects.all().delete()  # the fixture case's receipt; this test follows one message
    message = queue_link(area=north.area)
    now, gaps = message.next_attempt_at, []
    while True:
        assert delivery.deliver_due(now=now) == 1
        message.refresh_from_db()
        if message.status != Message.Status.PENDING:
            break
        assert now - message.first_attempt_at < timedelta(days=1)
        assert message.private_link  # still needed for the next try
        gaps.append(message.next_attempt_at - now)
        now = message.next_attempt_at
    assert message.status == Message.Status.FAILED
    assert message.failed_at - message.first_attempt_at == timedelta(days=1)
    assert 10 <= message.attempts <= 14  # not six tries in five minutes
    assert gaps[0] < timedelta(minutes=2) and max(gaps) <= timedelta(hours=12) * 1.2
    assert all(later > earlier for earlier, later in itertools.pairwise(gaps[:9]))
    # Failed for good: the live link is gone; the page does not show it, and says so.
    assert message.private_link == "" and TOKEN not in message.body
    client.force_login(north.admin)
    page = client.get(reverse("messages_failed")).content.decode()
    assert "New private link" in page and TOKEN not in page
    assert "Its private link was not kept" in page


@SMTP_DOWN
def test_resend_starts_a_new_day_of_tries(north, django_capture_on_commit_callbacks):
    message = queue(area=north.area)
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.FAILED,
        attempts=12,
        first_attempt_at=message.created_at - timedelta(days=3),
        failure_reported_at=message.created_at,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.resend(message)
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING and message.attempts == 1
    assert message.failure_reported_at is None
    assert message.next_attempt_at - message.first_attempt_at < timedelta(minutes=2)


def test_a_batch_hands_back_what_it_had_no_time_to_send(monkeypatch):
    first, second = queue("a"), queue("b")
    start = first.next_attempt_at + timedelta(seconds=1)
    # Claim, check the lease and send the first, record it; then the SMTP server was slow.
    later = start + delivery.LEASE * 0.6
    times = itertools.chain([start] * 3, itertools.repeat(later))
    monkeypatch.setattr(delivery, "_clock", lambda now: lambda: next(times))
    assert delivery.deliver_due() == 2
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Message.Status.SENT
    assert second.status == Message.Status.PENDING and second.attempts == 0
    assert second.next_attempt_at == later  # due again at once
    assert len(mail.outbox) == 1
    assert PRIVATE_LINK_PLACEHOLDER not in mail.outbox[0].body
