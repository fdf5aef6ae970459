# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: the incident feed's pages, and what is wrong with an upload, are in Welsh for a
member of staff of a Welsh area who chose Cymraeg; the same pages stay English for one who
did not (tests/incidents/test_feeds.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from incidents.models import IncidentFeed
from tests.incidents.helpers import MAPPING, csv_file, row
from tests.welsh.staff import welsh_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("linker")]


@pytest.fixture
def welsh_responder(client, north):
    return welsh_staff(client, north, "responder")


def post_upload(client, side, file):
    membership = side.area.memberships.get(agency=side.police)
    return client.post(reverse("incidents:upload"), {"membership": membership.pk, "file": file})


def test_an_upload_that_is_not_a_csv_is_refused_in_welsh(client, welsh_responder):
    file = SimpleUploadedFile("r.pdf", b"%PDF-1.4", "application/pdf")
    response = post_upload(client, welsh_responder, file)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="cy"' in page
    assert "Rhaid i r.pdf fod yn ffeil CSV" in page
    assert "must be a CSV file" not in page
    assert not IncidentFeed.objects.exists()


def test_an_upload_with_no_file_chosen_is_refused_in_welsh(client, welsh_responder):
    membership = welsh_responder.area.memberships.get(agency=welsh_responder.police)
    response = client.post(reverse("incidents:upload"), {"membership": membership.pk})
    page = response.content.decode()
    assert "Dewiswch ffeil CSV i’w huwchlwytho" in page
    assert "Choose a CSV file to upload" not in page


def test_a_file_with_no_header_row_is_refused_in_welsh(client, welsh_responder):
    response = post_upload(client, welsh_responder, SimpleUploadedFile("r.csv", b"\n", "text/csv"))
    assert "Nid oes rhes pennawd yn y ffeil" in response.content.decode()


def test_a_missing_column_and_bad_rows_are_named_in_welsh(client, welsh_responder):
    response = post_upload(client, welsh_responder, csv_file(row("P-1"), row("P-2", surname="")))
    assert response.status_code == 302
    feed = IncidentFeed.objects.latest("pk")
    columns = reverse("incidents:feed_columns", args=[feed.pk])
    page = client.post(columns, {**MAPPING, "surname": ""}).content.decode()
    assert "Dewiswch y golofn sy’n dal cyfenw’r sawl a roddodd wybod" in page
    assert client.post(columns, MAPPING).status_code == 302
    page = client.get(reverse("incidents:feed_detail", args=[feed.pk])).content.decode()
    assert "Nid oedd modd mewnforio 1 rhes" in page
    assert "Rhes 3: Mae angen cyfenw’r sawl a roddodd wybod" in page


def test_a_link_s_reasons_are_shown_in_the_page_s_language():
    from django.utils import translation

    from incidents.linking.reasons import shown

    stored = "surname: Smyth ~ Smith; first name: Jo ~ Joe"
    with translation.override("cy"):
        assert shown(stored) == "cyfenw: Smyth ~ Smith; enw cyntaf: Jo ~ Joe"
        assert shown("same address and postcode") == "yr un cyfeiriad a chod post"
        assert shown("something new") == "something new"  # not known: as stored
    with translation.override("en-gb"):
        assert shown(stored) == stored
