"""The outbox: written with the state change, sent once after commit, retried, never lost."""

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from notifications import services, tasks
from notifications.models import Message
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def queue(key="k1", to="victim@example.com", area=None):
    return services.queue_email(
        key=key,
        to=to,
        template="acknowledged",
        topic="Test",
        context={
            "case": {"reference": "T-1", "applicant_name": "Sam", "threshold_decision_due": None},
            "officer": {"full_name": "Officer"},
            "area": {"spoc_name": "Team"},
        },
        area=area,
    )


def test_message_is_sent_only_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = queue()
        assert len(mail.outbox) == 0  # nothing leaves inside the transaction
    assert len(callbacks) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and message.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["X-Idempotency-Key"] == "k1"


def test_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError("the state change failed")
    assert Message.objects.count() == 0 and len(mail.outbox) == 0


def test_same_key_is_queued_once():
    assert queue() is not None
    assert queue() is None
    assert Message.objects.count() == 1


def test_duplicate_delivery_sends_once():
    message = queue()
    assert services.deliver(message.pk) == Message.Status.SENT
    assert services.deliver(message.pk) == "skipped"
    assert len(mail.outbox) == 1


@override_settings(EMAIL_BACKEND="tests.notifications.failing_backend.Backend")
def test_failure_is_recorded_and_retried_until_it_fails():
    message = queue()
    for attempt in range(1, services.MAX_ATTEMPTS + 1):
        with pytest.raises(services.DeliveryFailed):
            services.deliver(message.pk)
        message.refresh_from_db()
        assert message.attempts == attempt
    assert message.status == Message.Status.FAILED
    assert "SMTP is down" in message.last_error


def test_requeue_picks_up_old_pending_messages(monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    old, new = queue("old"), queue("new")
    Message.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    sent = []
    monkeypatch.setattr(tasks.deliver_message, "delay", sent.append)
    assert tasks.requeue_pending() == 1
    assert sent == [old.pk]
    assert new.pk not in sent


def test_area_admin_resends_a_failed_message(client, north, django_capture_on_commit_callbacks):
    message = queue(area=north.area)
    Message.objects.filter(pk=message.pk).update(status=Message.Status.FAILED, attempts=6)
    client.force_login(north.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("message_resend", args=[message.pk]))
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Message.Status.SENT


def test_other_areas_admin_cannot_resend(client, north, south):
    message = queue(area=AreaFactory())
    client.force_login(north.admin)
    assert client.post(reverse("message_resend", args=[message.pk])).status_code == 404
