"""The outbox: written with the state change, sent once after commit, retried, never lost."""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from notifications import delivery, services, tasks
from notifications.models import Message
from tests.factories import AreaFactory

from .helpers import queue

pytestmark = pytest.mark.django_db


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
    assert delivery.deliver(message.pk) == Message.Status.SENT
    assert delivery.deliver(message.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_requeue_sends_only_what_is_due(monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    due, later = queue("due"), queue("later")
    Message.objects.filter(pk=later.pk).update(
        next_attempt_at=timezone.now() + timedelta(minutes=5)
    )
    batches = []
    monkeypatch.setattr(tasks.deliver_due, "delay", lambda: batches.append(1))
    assert tasks.requeue_pending() == 1 and len(batches) == 1
    assert delivery.deliver_due() == 1
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.status == Message.Status.SENT
    assert later.status == Message.Status.PENDING and later.attempts == 0
    assert len(mail.outbox) == 1


def test_broker_down_leaves_the_message_pending(monkeypatch, django_capture_on_commit_callbacks):
    def broker_down(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(services, "current_app", SimpleNamespace(signature=broker_down))
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()
    message.refresh_from_db()
    assert message.status == Message.Status.PENDING and message.attempts == 0


def test_area_admin_resends_a_failed_message(client, north, django_capture_on_commit_callbacks):
    message = queue(area=north.area)
    Message.objects.filter(pk=message.pk).update(status=Message.Status.FAILED, attempts=12)
    client.force_login(north.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("message_resend", args=[message.pk]))
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and message.attempts == 1


def test_other_areas_admin_cannot_resend(client, north, south):
    message = queue(area=AreaFactory())
    client.force_login(north.admin)
    assert client.post(reverse("message_resend", args=[message.pk])).status_code == 404


@pytest.mark.django_db
def test_plain_text_emails_are_not_html_escaped():
    """A text email shows "Brighton & Hove", never "Brighton &amp; Hove"."""
    from agencies.models import Area
    from notifications.services import queue_email

    area = Area(name="Brighton & Hove", slug="brighton-hove")
    message = queue_email(
        key="escape-test",
        to="someone@example.org",
        template="figures_due",
        context={"area": area, "overdue": True, "due": None, "url": "https://x/?a=1&b=2"},
        topic="Figures due",
    )
    assert "Brighton & Hove" in message.subject + message.body
    assert "&amp;" not in message.subject + message.body


def test_recording_a_sent_message_writes_every_column_a_send_changes(settings):
    """The sent path is hand-written SQL (issue #18): it must write what the ORM path did."""
    settings.DEBUG = False
    message = queue()
    Message.objects.filter(pk=message.pk).update(private_link="https://example.org/track/x")
    assert delivery.deliver(message.pk) == "sent"
    message.refresh_from_db()
    assert message.attempts == 1 and message.sent_at and message.first_attempt_at
    assert message.private_link == "" and message.last_error == ""
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_waiting_less_for_the_disk_applies_to_the_sent_record_alone():
    """`synchronous_commit` is off for the one transaction that records a send, never for
    the connection: every other write still waits for the disk."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("synchronous_commit is PostgreSQL's")
    message = queue()
    delivery.deliver(message.pk)  # or already sent by the task queued at its commit
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"


@pytest.mark.django_db(transaction=True)
def test_recording_a_send_in_one_round_trip_counts_only_a_row_it_still_holds():
    """On PostgreSQL outside a transaction the sent record is one query of two statements
    (issue #18); what it answers must still be the UPDATE's row count, so a message whose
    lease ran out (another worker holds it now) is reported as not recorded."""
    from django.db import connection
    from django.utils import timezone

    if connection.vendor != "postgresql":
        pytest.skip("the one-round-trip path is PostgreSQL's")
    now = timezone.now()
    message = queue()  # sent at once by the task its commit queued: made due again here
    Message.objects.filter(pk=message.pk).update(status=Message.Status.PENDING, next_attempt_at=now)
    claimed, lease = delivery._claim(now, ids=[message.pk])
    assert [m.pk for m in claimed] == [message.pk]
    assert not connection.in_atomic_block
    stale = lease - delivery.LEASE
    assert delivery._mark_sent(claimed[0], stale, now, now, "") == 0
    assert Message.objects.get(pk=message.pk).status == Message.Status.PENDING
    assert delivery._mark_sent(claimed[0], lease, now, now, "") == 1
    assert Message.objects.get(pk=message.pk).status == Message.Status.SENT
