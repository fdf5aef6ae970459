"""A body's records are its own: the area's officers and the sending body's responders read
them; another body, or anyone of another area, gets 404. Every read is audited."""

import pytest
from django.urls import reverse

from agencies.models import RoleAssignment
from audit.models import AccessRecord
from tests.factories import user_with_role
from tests.incidents.records import record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("linker")]


@pytest.fixture
def council_responder(north):
    return user_with_role(
        RoleAssignment.Role.AGENCY_RESPONDER, agency=north.council, email="resp@nc.example.org"
    )


def test_the_sending_body_and_the_area_s_officers_read_a_record(client, north):
    police_record = record(north)
    for user in (north.responder, north.officer, north.admin):
        client.force_login(user)
        url = reverse("incidents:record_detail", args=[police_record.pk])
        assert client.get(url).status_code == 200


def test_another_body_of_the_same_area_cannot_read_it(client, north, council_responder):
    police_record = record(north)
    client.force_login(council_responder)
    assert (
        client.get(reverse("incidents:record_detail", args=[police_record.pk])).status_code == 404
    )
    assert "R-1" not in client.get(reverse("incidents:records")).content.decode()
    own = record(north, body=north.council, ref="C-1")
    assert client.get(reverse("incidents:record_detail", args=[own.pk])).status_code == 200


def test_nobody_of_another_area_can_read_it(client, north, south):
    police_record = record(north)
    feed_page = reverse("incidents:record_detail", args=[police_record.pk])
    for role in ("officer", "admin", "responder", "chair", "pcc_officer"):
        client.force_login(getattr(south, role))
        assert client.get(feed_page).status_code == 404, role
        assert "R-1" not in client.get(reverse("incidents:records")).content.decode()
    refused = AccessRecord.objects.filter(action="refused", object_type="incident record")
    assert refused.count() == 5 and {r.object_id for r in refused} == {str(police_record.pk)}


def test_a_chair_or_pcc_officer_of_the_same_area_cannot_read_it(client, north):
    police_record = record(north)
    for user in (north.chair, north.pcc_officer):
        client.force_login(user)
        url = reverse("incidents:record_detail", args=[police_record.pk])
        assert client.get(url).status_code == 404


def test_every_read_is_written_to_the_access_audit(client, north):
    police_record = record(north)
    client.force_login(north.officer)
    client.get(reverse("incidents:records"))
    client.get(reverse("incidents:record_detail", args=[police_record.pk]))
    rows = AccessRecord.objects.filter(user=north.officer, action="view")
    assert {r.object_type for r in rows} >= {"incident records", "incident record"}
    assert rows.get(object_type="incident record").object_id == str(police_record.pk)
