"""Incident feeds: the CSV upload with its column matching and row-by-row report, and the
batch API. Nothing is lost: the file is kept, good rows import, bad rows are listed; a body's
reference sent again updates its record in place."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agencies import tokens
from audit.models import AccessRecord
from incidents.models import ColumnMapping, IncidentFeed, IncidentRecord
from tests.incidents.helpers import MAPPING, api_row, csv_file, row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("linker")]


def upload(client, side, file):
    membership = side.area.memberships.get(agency=side.police)
    response = client.post(reverse("incidents:upload"), {"membership": membership.pk, "file": file})
    assert response.status_code == 302, response.content.decode()[:2000]
    return IncidentFeed.objects.latest("pk")


def match_columns(client, feed, mapping=MAPPING):
    return client.post(reverse("incidents:feed_columns", args=[feed.pk]), mapping)


def test_good_rows_import_and_bad_rows_are_listed_with_row_column_and_message(client, north):
    client.force_login(north.responder)
    file = csv_file(
        row("P-1"),
        row("P-2", incident="31/02/2026"),  # no such date
        row("P-3", surname=""),  # a required column left empty
        row("P-4", incident=10, reported=20),  # reported before it happened
        row("P-5", postcode="NOT A POSTCODE", hate="perhaps"),  # two errors on one row
        row("P-6", incident=5),
    )
    feed = upload(client, north, file)
    assert feed.file.read().startswith(b"Ref,Incident date")  # kept as received
    response = match_columns(client, feed)
    assert response.status_code == 302
    feed.refresh_from_db()
    assert sorted(IncidentRecord.objects.values_list("reference", flat=True)) == ["P-1", "P-6"]
    assert (feed.rows_total, feed.rows_created, feed.rows_failed) == (6, 2, 4)
    errors = {(e["row"], e["column"]) for e in feed.errors}
    # Row 1 is the header: the sender's first record is row 2, as their spreadsheet shows.
    assert errors == {
        (3, "incident_date"),
        (4, "surname"),
        (5, "reported_date"),
        (6, "postcode"),
        (6, "hate_related"),
    }
    page = client.get(reverse("incidents:feed_detail", args=[feed.pk])).content.decode()
    assert "4 rows could not be imported" in page
    assert "Row 3: Date of the incident must be a date like 2026-03-31 or 31/03/2026" in page
    assert "Row 6: Postcode must be a UK postcode" in page
    assert 'class="govuk-error-summary"' in page


def test_the_same_file_again_changes_nothing_and_a_changed_row_updates_in_place(client, north):
    client.force_login(north.responder)
    match_columns(client, upload(client, north, csv_file(row("P-1"), row("P-2"))))
    first = {r.reference: r.pk for r in IncidentRecord.objects.all()}
    feed = upload(client, north, csv_file(row("P-1"), row("P-2")))
    match_columns(client, feed)
    feed.refresh_from_db()
    assert (feed.rows_created, feed.rows_updated) == (0, 0)
    feed = upload(client, north, csv_file(row("P-1", surname="Smith"), row("P-2")))
    match_columns(client, feed)
    feed.refresh_from_db()
    assert (feed.rows_created, feed.rows_updated) == (0, 1)
    assert {r.reference: r.pk for r in IncidentRecord.objects.all()} == first
    assert IncidentRecord.objects.get(reference="P-1").surname == "Smith"


def test_the_body_s_column_matching_is_remembered_for_its_next_file(client, north):
    client.force_login(north.responder)
    feed = upload(client, north, csv_file(row("P-1")))
    match_columns(client, feed, {**MAPPING, "category": ""})
    assert ColumnMapping.objects.get(body=north.police).mapping["surname"] == "Surname"
    feed = upload(client, north, csv_file(row("P-2")))
    page = client.get(reverse("incidents:feed_columns", args=[feed.pk])).content.decode()
    # "Type" does not read as "category": only the remembered choice (none) could offer it.
    assert '<option value="Type">' in page and '<option value="Type" selected>' not in page
    assert '<option value="Surname" selected>' in page


def test_a_missing_required_column_is_an_error_on_the_form(client, north):
    client.force_login(north.responder)
    feed = upload(client, north, csv_file(row("P-1")))
    response = match_columns(client, feed, {**MAPPING, "surname": ""})
    assert response.status_code == 200
    assert "Choose the column that holds reporter&#x27;s surname" in response.content.decode()
    assert not IncidentRecord.objects.exists()


@pytest.mark.parametrize(
    "file, message",
    [
        (SimpleUploadedFile("r.pdf", b"%PDF-1.4", "application/pdf"), "must be a CSV file"),
        (SimpleUploadedFile("r.csv", b"", "text/csv"), "The submitted file is empty"),
        (SimpleUploadedFile("r.csv", b"\xff\xfe\x00a\x00b", "text/csv"), "must be a CSV file"),
        (SimpleUploadedFile("r.csv", b"\xe9t\xe9,x\n1,2", "text/csv"), "saved as UTF-8"),
    ],
)
def test_an_upload_that_is_not_a_csv_is_refused_and_nothing_kept(client, north, file, message):
    client.force_login(north.responder)
    membership = north.area.memberships.get(agency=north.police)
    response = client.post(reverse("incidents:upload"), {"membership": membership.pk, "file": file})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IncidentFeed.objects.exists()


def test_a_large_upload_is_refused(client, north, monkeypatch):
    from incidents import services

    monkeypatch.setattr(services, "MAX_CSV_BYTES", 100)
    client.force_login(north.responder)
    membership = north.area.memberships.get(agency=north.police)
    file = csv_file(*(row(f"P-{n}") for n in range(5)))
    response = client.post(reverse("incidents:upload"), {"membership": membership.pk, "file": file})
    assert "must be smaller than" in response.content.decode()


def test_only_areas_the_body_feeds_are_offered(client, north, south):
    client.force_login(north.responder)
    page = client.get(reverse("incidents:upload")).content.decode()
    assert "North (as North Police)" in page and "South" not in page
    client.force_login(north.chair)  # a chair's agency is the council, but no officer role
    assert client.get(reverse("incidents:upload")).status_code == 404


# --- The API --------------------------------------------------------------------------------


def api(client, user, area, rows, scope="read_write"):
    _, secret = tokens.create_token(user, name="Feed", scope=scope)
    return client.post(
        reverse("incidents:api_batch", args=[area]),
        rows,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {secret}",
    )


def test_a_batch_imports_and_sending_it_again_changes_nothing(client, north):
    rows = [api_row("A-1"), api_row("A-2", hate_related=True)]
    response = api(client, north.responder, "north", rows)
    assert response.status_code == 201
    assert response.json() | {"feed": 0} == {"feed": 0, "created": 2, "updated": 0, "rows": 2}
    assert IncidentRecord.objects.get(reference="A-2").hate_related is True
    again = api(client, north.responder, "north", rows)
    assert again.json()["created"] == 0 and again.json()["updated"] == 0
    assert IncidentRecord.objects.count() == 2


def test_a_batch_with_bad_rows_stores_nothing_and_names_each_row_and_field(client, north):
    rows = [
        api_row("A-1"),
        {**api_row("A-2"), "incident_date": "yesterday", "surname": ""},
        {**api_row("A-3"), "hate_related": "yes"},  # text where true or false belongs
        api_row("A-1"),  # the same reference twice in one batch
    ]
    response = api(client, north.responder, "north", rows)
    assert response.status_code == 400
    errors = response.json()["rows"]
    assert set(errors) == {"1", "2"}  # types first: nothing else is read until they are right
    assert errors["1"]["incident_date"] == ["Must be a date as YYYY-MM-DD"]
    assert errors["2"]["hate_related"] == ["Must be true or false"]
    del rows[1:3]
    response = api(client, north.responder, "north", rows)
    assert response.json() == {
        "rows": {"1": {"reference": ["Your reference A-1 is also on row 0"]}}
    }
    assert not IncidentRecord.objects.exists() and not IncidentFeed.objects.exists()


@pytest.mark.parametrize("body", [{}, [], "text", [1]])
def test_a_batch_that_is_not_a_list_of_rows_is_a_400(client, north, body):
    assert api(client, north.responder, "north", body).status_code == 400


def test_a_batch_to_an_area_the_body_does_not_feed_is_not_found(client, north, south):
    assert api(client, north.responder, "south", [api_row("A-1")]).status_code == 404
    assert api(client, north.chair, "north", [api_row("A-1")]).status_code == 404


def test_a_read_only_token_cannot_send_a_batch(client, north):
    assert api(client, north.responder, "north", [api_row("A-1")], scope="read").status_code == 403


def test_an_import_is_written_to_the_access_audit(client, north):
    api(client, north.responder, "north", [api_row("A-1")])
    assert AccessRecord.objects.filter(object_type="incident feed", action="change").exists()
