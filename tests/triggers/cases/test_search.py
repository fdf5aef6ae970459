"""Searching the case list (issue #17): every field it reads, only within what the user may
see, never by what the partner view hides, and every search in the access audit."""

from datetime import date

import pytest
from django.urls import reverse

from agencies.models import RoleAssignment
from audit.models import AccessRecord
from tests.factories import make_case, user_with_role
from triggers.selectors import CaseFilters, case_list

pytestmark = pytest.mark.django_db


def found(user, words, **filters):
    return {c.reference for c in case_list(user, CaseFilters(q=words, **filters))}


@pytest.fixture
def person(north):
    """A case about a named victim, with the applicant's address, postcode and place."""
    return make_case(
        north.area,
        applicant_name="Priya Raman",
        applicant_email="priya@example.net",
        data={
            "applicant_phone": "07700 900123",
            "applicant_address": "12 Acacia Avenue, Northtown",
            "applicant_postcode": "NT1 4AB",
            "on_behalf": True,
            "victim_name": "Edith Okafor",
            "victim_consent": True,
            "relationship": "Neighbour",
            "behaviour_location": "Beacon Court stairwell",
        },
    )


@pytest.mark.parametrize(
    "words",
    [
        "Priya Raman",
        "raman",
        "Edith Okafor",
        "acacia avenue",
        "NT1 4AB",
        "nt14ab",
        "beacon court",
    ],
)
def test_finds_a_case_by_each_of_its_fields(north, person, words):
    assert found(north.officer, words) == {person.reference}


def test_finds_a_case_by_its_reference(north, person):
    assert found(north.officer, person.reference.lower()) == {person.reference}


def record_police_check(north, case, reference):
    from triggers.threshold import checks

    check = case.threshold_checks.get(agency=north.police)
    findings = [checks.FindingData(c.pk, "found", reference) for c in case.complaints.all()]
    checks.record_check(check, findings, by=north.responder)


def test_finds_a_case_by_a_bodys_threshold_check_reference(north, person):
    record_police_check(north, person, "CAD-7781")
    assert found(north.officer, "cad-7781") == {person.reference}
    assert found(north.responder, "CAD-7781") == {person.reference}


def send_police_return(north, case, reference):
    from triggers.information.services import ReportData, ReturnData, submit_return
    from triggers.threshold.services import decide_threshold

    decide_threshold(case, "met", by=north.officer)
    request = case.information_requests.get(agency=north.police)
    report = ReportData(reported_on=date(2026, 1, 5), summary="Noise.", reference=reference)
    submit_return(request, ReturnData(reports=[report]), by=north.responder)


def test_finds_a_case_by_an_information_return_reference(north, person):
    send_police_return(north, person, "POL/2026/55")
    assert found(north.officer, "POL/2026/55") == {person.reference}
    assert found(north.responder, "pol/2026/55") == {person.reference}


def test_a_responder_finds_no_case_by_another_agencys_reference(north, person):
    from triggers.threshold import checks

    council_responder = user_with_role(
        RoleAssignment.Role.AGENCY_RESPONDER, agency=north.council, email="c@north.example.org"
    )
    check = person.threshold_checks.get(agency=north.council)
    findings = [checks.FindingData(c.pk, "found", "HSG-0042") for c in person.complaints.all()]
    checks.record_check(check, findings, by=council_responder)
    assert found(council_responder, "HSG-0042") == {person.reference}
    assert found(north.officer, "HSG-0042") == {person.reference}
    assert found(north.responder, "HSG-0042") == set()


def test_never_finds_another_areas_case(north, south):
    twin = make_case(south.area, applicant_name="Priya Raman")
    make_case(north.area, applicant_name="Someone Else")
    assert twin.reference not in found(north.officer, "Priya Raman")
    assert found(north.officer, twin.reference) == set()
    assert found(north.responder, "Priya Raman") == set()
    assert found(south.officer, "Priya Raman") == {twin.reference}


def test_a_responder_cannot_find_by_email_or_phone(north, person):
    assert found(north.responder, "Priya Raman") == {person.reference}  # sees the case
    assert found(north.responder, "priya@example.net") == set()
    assert found(north.responder, "07700 900123") == set()
    # The area's officer sees them on the case page, and so may search by them.
    assert found(north.officer, "priya@example.net") == {person.reference}
    assert found(north.officer, "07700 900123") == {person.reference}


def test_search_includes_closed_cases_and_keeps_filters(north, person):
    from triggers.models import Case

    Case.objects.filter(pk=person.pk).update(status="closed")
    assert found(north.officer, "Priya") == {person.reference}
    assert found(north.officer, "Priya", status="submitted") == set()


def test_search_page_shows_results_and_is_audited(client, north, person):
    client.force_login(north.officer)
    response = client.get(reverse("home"), {"q": "  Edith   Okafor "})
    page = response.content.decode()
    assert person.reference in page and north.case.reference not in page
    assert "Cases found for 'Edith Okafor'" in page
    assert 'value="Edith Okafor"' in page  # the box keeps the words
    row = AccessRecord.objects.get(url_name="home", object_type="case search")
    assert row.object_id == "Edith Okafor"
    assert row.who == north.officer.email and row.area_id == north.area.pk


def test_a_search_that_finds_nothing_says_so(client, north):
    client.force_login(north.officer)
    page = client.get(reverse("home"), {"q": "Nobody Atall"}).content.decode()
    assert "No cases found for 'Nobody Atall'" in page


def test_search_box_keeps_the_filters_and_filters_keep_the_search(client, north):
    client.force_login(north.officer)
    page = client.get(reverse("home"), {"q": "Applicant", "status": "submitted"}).content
    page = page.decode()
    assert '<input type="hidden" name="status" value="submitted">' in page  # in the search box
    assert 'type="hidden" name="q" value="Applicant"' in page  # in the filter form


def test_search_reads_a_constant_number_of_queries(client, north, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(north.officer)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("home"), {"q": "Applicant"}).status_code == 200
        return len(captured)

    for _ in range(2):
        make_case(north.area)
    few = count()
    for _ in range(30):
        make_case(north.area)
    with django_assert_max_num_queries(few):
        many = count()
    assert few == many


def test_a_nul_in_the_words_is_dropped_not_an_error(client, north, person):
    assert found(north.officer, "Priya\x00 Raman") == {person.reference}
    client.force_login(north.officer)
    assert client.get(reverse("home"), {"q": "Priya\x00"}).status_code == 200


def test_the_api_list_searches_the_same_way_and_is_audited(client, north, south, person):
    twin = make_case(south.area, applicant_name="Priya Raman")
    client.force_login(north.responder)
    listed = client.get(reverse("api:case_list"), {"q": "Priya Raman"}).json()["results"]
    assert [c["reference"] for c in listed] == [person.reference]
    assert twin.reference not in str(listed)
    by_email = client.get(reverse("api:case_list"), {"q": "priya@example.net"}).json()
    assert by_email["results"] == []
    row = AccessRecord.objects.filter(url_name="api:case_list").latest("pk")
    assert (row.object_type, row.object_id) == ("case search", "priya@example.net")
