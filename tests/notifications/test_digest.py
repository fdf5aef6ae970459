"""Area admins hear of failed messages once a day: one email each, through the outbox."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from notifications import digest, tasks
from notifications.models import Message
from tests.factories import AreaFactory

from .helpers import queue

pytestmark = pytest.mark.django_db


def failed(key, area, topic="Application acknowledged", reference="NOR-2026-0042"):
    message = queue(key=key, to=f"{key}@example.com", area=area)
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.FAILED, failed_at=timezone.now(), topic=topic, reference=reference
    )
    return message


def digests():
    return Message.objects.filter(topic=digest.TOPIC).order_by("pk")


def test_each_area_admin_gets_one_digest_a_day(north, south, django_capture_on_commit_callbacks):
    failed("one", north.area)
    failed("two", north.area, topic="Information request", reference="NOR-2026-0043")
    failed("elsewhere", south.area)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_failure_digests() == 2  # one admin in each area
    north_digest = digests().get(to_address=north.admin.email)
    assert "2 messages in North could not be sent" in north_digest.subject
    assert "Application acknowledged, case NOR-2026-0042" in north_digest.body
    assert "Information request, case NOR-2026-0043" in north_digest.body
    assert "one@example.com" not in north_digest.body  # topic and case, not the recipient
    assert "elsewhere" not in north_digest.body
    assert north_digest.status == Message.Status.SENT  # delivered through the outbox
    assert sorted(m.to[0] for m in mail.outbox) == sorted([north.admin.email, south.admin.email])
    # The beat runs again the same day: nothing more is sent.
    assert digest.send_failure_digests() == 0
    assert digests().count() == 2


def test_a_message_that_fails_later_in_the_day_waits_for_tomorrow(north):
    failed("morning", north.area)
    assert digest.send_failure_digests() == 1
    late = failed("afternoon", north.area, reference="NOR-2026-0099")
    assert digest.send_failure_digests() == 0  # not a second email today
    late.refresh_from_db()
    assert late.failure_reported_at is None
    tomorrow = timezone.now() + timedelta(days=1)
    assert digest.send_failure_digests(now=tomorrow) == 1
    second = digests().last()
    assert "NOR-2026-0099" in second.body and "NOR-2026-0042" not in second.body
    assert digest.send_failure_digests(now=tomorrow) == 0


def test_an_area_without_admins_keeps_its_failures_for_later():
    area = AreaFactory()
    message = failed("orphan", area)
    assert digest.send_failure_digests() == 0
    message.refresh_from_db()
    assert message.failure_reported_at is None
