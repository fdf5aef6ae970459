"""The case list as CSV (issue #17): every row of the current filter, only the area's, only
the columns the user may see, safe to open in a spreadsheet, and audited."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AccessRecord
from tests.factories import make_case
from triggers.cases.export import CONTACT_HEADINGS, HEADINGS

pytestmark = pytest.mark.django_db


def download(client, **params):
    response = client.get(reverse("case_list_export"), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="cases-')
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_officer_gets_every_row_of_the_filter_with_contact_details(client, north, south):
    for _ in range(30):  # more than a page of the list
        make_case(north.area)
    client.force_login(north.officer)
    rows = download(client)
    assert rows[0] == HEADINGS + CONTACT_HEADINGS
    references = {row[0] for row in rows[1:]}
    assert len(references) == 31 and north.case.reference in references
    assert south.case.reference not in references
    mine = next(row for row in rows if row[0] == north.case.reference)
    assert mine[6] == "North Applicant" and mine[-2] == "applicant@example.com"


def test_the_export_follows_the_search_and_filter(client, north):
    other = make_case(north.area, applicant_name="Zed Quinn")
    client.force_login(north.officer)
    assert [row[0] for row in download(client, q="Zed Quinn")[1:]] == [other.reference]
    assert download(client, status="closed")[1:] == []


def test_a_responder_gets_no_contact_columns(client, north, south):
    client.force_login(north.responder)
    rows = download(client)
    assert rows[0] == HEADINGS
    assert [row[0] for row in rows[1:]] == [north.case.reference]
    text = "\n".join(",".join(row) for row in rows)
    assert "applicant@example.com" not in text and south.case.reference not in text


def test_cells_are_safe_in_a_spreadsheet(client, north):
    make_case(
        north.area,
        applicant_name='=HYPERLINK("http://evil.example","x")',
        data={"behaviour_location": "+44 car park", "applicant_address": "@SUM(1)"},
    )
    client.force_login(north.officer)
    row = next(r for r in download(client)[1:] if "HYPERLINK" in r[6])
    assert row[6] == '\'=HYPERLINK("http://evil.example","x")'
    assert row[8] == "'@SUM(1)" and row[10] == "'+44 car park"


def test_the_download_is_audited(client, north):
    client.force_login(north.officer)
    download(client, q="North")
    row = AccessRecord.objects.get(url_name="case_list_export")
    assert row.action == AccessRecord.Action.DOWNLOAD
    assert row.object_type == "case search" and row.object_id == "North"
    assert row.area_id == north.area.pk


def test_the_export_reads_a_constant_number_of_queries(client, north):
    client.force_login(north.officer)

    def count():
        with CaptureQueriesContext(connection) as captured:
            download(client)
        return len(captured)

    few = count()
    for _ in range(20):
        make_case(north.area)
    assert count() == few


def test_the_download_link_counts_its_cases_in_words(client, north):
    client.force_login(north.officer)
    one = client.get(reverse("home")).content.decode()
    assert "Download this case (CSV)" in one
    make_case(north.area)
    two = client.get(reverse("home")).content.decode()
    assert "Download these 2 cases (CSV)" in two
