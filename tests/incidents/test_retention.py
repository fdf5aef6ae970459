"""Records are kept for the area's set period (default 13 months from the date reported),
then deleted by the nightly task, with their links and, once empty, the file they came in."""

import os
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from incidents import services
from incidents.models import IncidentFeed, IncidentRecord, LinkCluster, LinkedPair
from incidents.tasks import delete_expired_records
from tests.incidents.helpers import MAPPING, csv_file, row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("linker")]


def test_default_retention_is_thirteen_months(north):
    assert north.area.incident_retention_months == 13


def test_records_past_the_area_s_retention_are_deleted_and_others_kept(north, south):
    today = timezone.localdate()
    feed = services.receive_upload(
        csv_file(row("OLD", incident="2020-01-01", reported="2020-01-02"), row("NEW")),
        area=north.area,
        body=north.police,
        by=north.responder,
    )
    services.import_upload(feed, MAPPING, by=north.responder)
    south.area.incident_retention_months = 7
    south.area.save()
    edge = today - relativedelta(months=7)
    IncidentRecord.objects.create(
        area=south.area,
        body=south.police,
        reference="EDGE",
        surname="Doe",
        incident_date=edge,
        reported_date=edge,
    )
    IncidentRecord.objects.create(
        area=south.area,
        body=south.police,
        reference="GONE",
        surname="Doe",
        incident_date=edge - timedelta(days=1),
        reported_date=edge - timedelta(days=1),
    )
    services.relink_area(north.area)
    assert LinkedPair.objects.filter(area=north.area).count() == 1  # OLD ~ NEW: one person

    assert delete_expired_records.delay().get() == 2
    assert sorted(IncidentRecord.objects.values_list("reference", flat=True)) == ["EDGE", "NEW"]
    assert not LinkedPair.objects.exists()  # its links went with it
    assert LinkCluster.objects.get(area=north.area).members.count() == 1
    assert IncidentFeed.objects.filter(pk=feed.pk).exists()  # still holds NEW


def test_a_file_whose_records_have_all_gone_is_deleted_too(north):
    feed = services.receive_upload(
        csv_file(row("OLD", incident="2020-01-01", reported="2020-01-02")),
        area=north.area,
        body=north.police,
        by=north.responder,
    )

    services.import_upload(feed, MAPPING, by=north.responder)
    path = feed.file.path
    assert services.delete_expired_records() == 1
    assert not IncidentFeed.objects.exists()
    assert not os.path.exists(path)


def test_the_task_is_on_the_nightly_schedule():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "incidents.tasks.delete_expired_records" in tasks
