"""The staff and partner API: case list and detail, recording an application, and the
OpenAPI schema and docs. Tenancy: another area's case is a 404, another area is "unknown"."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.pagination import PageNumberPagination
from rest_framework.test import APIClient

from agencies import tokens
from tests.factories import complaint_data, make_case
from triggers.models import Case, Channel
from triggers.threshold import services
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def detail_url(case):
    return reverse("api:case_detail", args=[case.area.slug, case.reference])


def days_ago(n: int) -> str:
    return str(timezone.localdate() - timedelta(days=n))


def application(where, **extra):
    body = {
        "area": where.slug,
        "channel": "phone",
        "applicant_name": "Pat Caller",
        "applicant_phone": "01632 960 001",
        "contact_method": "phone",
        "complaints": [
            {
                "incident_date": days_ago(20),
                "reported_date": days_ago(19),
                "reported_to": f"{where.slug}-police",
                "description": "Music until 3am.",
                "reference_number": "POL-123",
            },
            {
                "incident_date": days_ago(20),
                "reported_date": days_ago(18),
                "reported_to": "The housing officer",
                "incident": "night-of-music",
            },
            {"incident_date": days_ago(10), "reported_date": days_ago(10), "hate_related": True},
        ],
    }
    return {**body, **extra}


def create(api, body):
    return api.post(reverse("api:application_create"), body, format="json")


# --- The case list ------------------------------------------------------------------------


def references(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [case["reference"] for case in response.json()["results"]]


def test_the_officers_list_holds_their_areas_cases_only(api, north, south):
    api.force_login(north.officer)
    listed = references(api.get(reverse("api:case_list")))
    assert north.case.reference in listed
    assert south.case.reference not in listed


def test_creating_in_another_area_is_an_unknown_area(api, north, south):
    api.force_login(north.officer)
    before = Case.objects.count()
    response = create(api, application(south.area))
    assert response.status_code == 400
    assert response.json() == {"area": ["Unknown area 'south'."]}
    assert Case.objects.count() == before


@pytest.mark.parametrize("role", ["responder", "chair", "pcc_officer"])
def test_roles_without_areas_cannot_create_anywhere(api, north, role):
    api.force_login(getattr(north, role))
    response = create(api, application(north.area))
    assert response.status_code == 400
    assert response.json() == {"area": ["Unknown area 'north'."]}


def test_the_list_shows_what_a_case_list_needs(api, north):
    api.force_login(north.officer)
    response = api.get(reverse("api:case_list"))
    page = response.json()
    assert set(page) == {"count", "next", "previous", "results"}
    (case,) = page["results"]
    assert case["reference"] == north.case.reference
    assert (case["area"], case["area_name"]) == ("north", "North")
    assert (case["status"], case["status_label"]) == ("submitted", "Application received")
    assert case["complaint_count"] == 3
    assert case["applicant_name"] == "North Applicant"
    assert case["url"].endswith(detail_url(north.case))


def test_the_list_filters_by_status_and_area(api, north, south):
    services.decide_threshold(north.case, "met", by=north.officer)
    decided = Case.objects.get(pk=north.case.pk).status
    waiting = make_case(north.area)
    api.force_login(north.officer)
    list_url = reverse("api:case_list")
    assert references(api.get(list_url, {"status": decided})) == [north.case.reference]
    assert references(api.get(list_url, {"status": "submitted"})) == [waiting.reference]
    assert references(api.get(list_url, {"status": "closed"})) == []
    assert len(references(api.get(list_url, {"area": "north"}))) == 2
    assert references(api.get(list_url, {"area": "south"})) == []  # not theirs: simply empty
    bad = api.get(list_url, {"status": "nonsense"})
    assert bad.status_code == 400 and "status" in bad.json()


def test_the_list_is_paginated(api, north, monkeypatch):
    # DRF's paginator copies PAGE_SIZE when it is imported, so the setting cannot be changed.
    monkeypatch.setattr(PageNumberPagination, "page_size", 2)
    for _ in range(2):
        make_case(north.area)
    api.force_login(north.officer)
    first = api.get(reverse("api:case_list")).json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert api.get(reverse("api:case_list"), {"page": 9}).status_code == 404


def list_queries(api) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(reverse("api:case_list"))
    assert response.status_code == 200
    return len(captured)


def test_the_list_takes_the_same_number_of_queries_for_3_and_30_cases(api, north):
    for _ in range(2):
        make_case(north.area)
    api.force_login(north.officer)
    with_three = list_queries(api)
    assert api.get(reverse("api:case_list")).json()["count"] == 3
    for _ in range(27):
        make_case(north.area)
    with_thirty = list_queries(api)
    assert api.get(reverse("api:case_list")).json()["count"] == 30
    assert with_three == with_thirty


def test_the_api_needs_a_signed_in_user(api, north):
    assert api.get(reverse("api:case_list")).status_code in (401, 403)
    assert api.get(detail_url(north.case)).status_code in (401, 403)
    before = Case.objects.count()
    assert create(api, application(north.area)).status_code in (401, 403)
    assert Case.objects.count() == before


def test_a_token_signs_in(api, north, south):
    _, secret = tokens.create_token(north.officer, name="Test", scope="read_write")
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert references(api.get(reverse("api:case_list"))) == [north.case.reference]
    assert create(api, application(north.area)).status_code == 201
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api.get(reverse("api:case_list")).status_code in (401, 403)


def test_a_session_needs_its_csrf_token_to_write(north):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(north.officer)
    response = browser.post(
        reverse("api:application_create"),
        application(north.area),
        content_type="application/json",
    )
    assert response.status_code == 403


# --- The case detail ----------------------------------------------------------------------


def test_the_detail_explains_every_complaint(api, north):
    case = make_case(north.area, complaints=[complaint_data(20), complaint_data(400)])
    api.force_login(north.officer)
    detail = api.get(detail_url(case)).json()
    assert detail["reference"] == case.reference
    assert [c["qualifies"] for c in detail["complaints"]] == [True, False]
    assert detail["complaints"][0]["reason"].startswith("Counts")
    assert detail["complaints"][1]["reason"].startswith("Does not count")
    assert detail["eligibility"]["route"] == "not_met"
    assert detail["eligibility"]["qualifying_complaints"] == 1
    assert detail["threshold_decision"] is None
    # Received, then passed on to the relevant bodies (an event with no status change).
    assert [e["to_status"] for e in detail["events"]] == ["submitted", ""]
    assert detail["events"][0]["summary"].startswith("Application received")


def test_the_detail_shows_the_threshold_decision_and_history(api, north):
    services.decide_threshold(north.case, "met", by=north.officer)
    api.force_login(north.officer)
    detail = api.get(detail_url(north.case)).json()
    assert detail["status"] == Case.objects.get(pk=north.case.pk).status
    decision = detail["threshold_decision"]
    assert (decision["outcome"], decision["engine_route"], decision["engine_qualifying"]) == (
        "met",
        "complaints",
        3,
    )
    assert decision["decided_by"] == north.officer.full_name
    met = [e for e in detail["events"] if e["to_status"] == Status.THRESHOLD_MET]
    assert met and met[0]["by"] == north.officer.full_name
    assert detail["events"][0]["to_status"] == Status.SUBMITTED


@pytest.mark.parametrize("role", ["officer", "admin", "responder", "chair", "pcc_officer"])
def test_another_areas_case_is_not_found(api, north, south, role):
    api.force_login(getattr(north, role))
    assert api.get(detail_url(south.case)).status_code == 404


def test_a_case_that_does_not_exist_is_not_found(api, north):
    api.force_login(north.officer)
    for area, reference in (("north", "NOR-1999-0001"), ("south", north.case.reference)):
        assert api.get(reverse("api:case_detail", args=[area, reference])).status_code == 404


# --- Recording an application -------------------------------------------------------------


def test_an_officer_records_a_phone_application(api, north, django_capture_on_commit_callbacks):
    api.force_login(north.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = create(api, application(north.area))
    assert response.status_code == 201, response.content
    detail = response.json()
    case = Case.objects.get(area=north.area, reference=detail["reference"])
    assert response["Location"].endswith(detail_url(case))
    assert (case.channel, case.recorded_by, case.status) == (
        Channel.PHONE,
        north.officer,
        Status.SUBMITTED,
    )
    assert case.application_date == timezone.localdate()
    assert (case.applicant_name, case.contact_method) == ("Pat Caller", "phone")
    first, second, third = case.complaints.order_by("position")
    assert first.reported_to == north.police and first.reported_to_other == ""
    assert (first.description, first.reference_number) == ("Music until 3am.", "POL-123")
    assert second.reported_to is None and second.reported_to_other == "The housing officer"
    assert second.incident_key == "night-of-music"
    assert third.hate_related is True
    assert [c["qualifies"] for c in detail["complaints"]] == [True, True, True]
    assert detail["eligibility"]["route"] == "complaints"
    assert detail["events"][0]["summary"] == "Application received (phone)"
    # Recorded through the service: its history and the applicant's clock started.
    assert case.acknowledge_due and case.next_due


def test_an_area_admin_may_record_an_application(api, north):
    api.force_login(north.admin)
    assert create(api, application(north.area, channel="paper")).status_code == 201


def test_one_incident_reported_twice_by_one_person_counts_once_on_the_case(api, north):
    api.force_login(north.officer)
    twice = [
        {"incident_date": days_ago(9), "reported_date": days_ago(8), "incident": "x" * 150},
        {"incident_date": days_ago(9), "reported_date": days_ago(7), "incident": "x" * 150},
    ]
    detail = create(api, application(north.area, complaints=twice)).json()
    assert [c["counted"] for c in detail["complaints"]] == [True, False]
    assert detail["eligibility"]["qualifying_complaints"] == 1


def test_applying_for_a_victim_needs_their_consent(api, north):
    api.force_login(north.officer)
    on_behalf = {"on_behalf": True, "victim_name": "Sam Victim", "relationship": "Councillor"}
    refused = create(api, application(north.area, **on_behalf))
    assert refused.status_code == 400
    assert set(refused.json()) == {
        "victim_consent",
        "victim_consent_share",
        "victim_consent_how",
        "victim_consent_on",
    }
    consent = {
        "victim_consent": True,
        "victim_consent_share": True,
        "victim_consent_how": "verbal",
        "victim_consent_on": days_ago(2),
    }
    accepted = create(api, application(north.area, **on_behalf, **consent))
    assert accepted.status_code == 201
    assert accepted.json()["on_behalf"] is True and accepted.json()["victim_consent"] is True


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"area": "nowhere"}, ["area"]),
        ({"channel": "carrier_pigeon"}, ["channel"]),
        ({"channel": None}, ["channel"]),
        ({"applicant_name": ""}, ["applicant_name"]),
        ({"applicant_email": "not-an-email"}, ["applicant_email"]),
        ({"contact_method": "post"}, ["applicant_address"]),
        ({"on_behalf": "yes", "victim_consent": True}, ["on_behalf"]),
        ({"complaints": []}, ["complaints"]),
        ({"complaints": "three"}, ["complaints"]),
        ({"complaints": [{"incident_date": days_ago(3)}]}, ["complaints", "0", "reported_date"]),
        (
            {"complaints": [{"incident_date": days_ago(3), "reported_date": days_ago(4)}]},
            ["complaints", "0", "reported_date"],
        ),
        (
            {"complaints": [{"incident_date": days_ago(-7), "reported_date": days_ago(-7)}]},
            ["complaints", "0", "incident_date"],
        ),
        (
            {
                "complaints": [
                    {"incident_date": days_ago(3), "reported_date": days_ago(2), "hate_related": 1}
                ]
            },
            ["complaints", "0", "hate_related"],
        ),
    ],
)
def test_bad_applications_are_400_naming_the_field(api, north, change, path):
    api.force_login(north.officer)
    before = Case.objects.count()
    response = create(api, application(north.area, **change))
    assert response.status_code == 400, response.content
    errors = response.json()
    for key in path:
        errors = errors[key]
    assert errors
    assert Case.objects.count() == before


def test_a_body_that_is_not_json_is_a_400(api, north):
    api.force_login(north.officer)
    url = reverse("api:application_create")
    assert api.post(url, "{nope", content_type="application/json").status_code == 400
    assert api.post(url, "area=north", content_type="text/plain").status_code == 400
    assert api.post(url, [], format="json").status_code == 400


def test_the_contact_method_defaults_to_the_details_given(api, north):
    api.force_login(north.officer)
    body = application(north.area, applicant_email="Pat@Example.com")
    del body["contact_method"]
    detail = create(api, body).json()
    assert (detail["contact_method"], detail["applicant_email"]) == ("email", "pat@example.com")


# --- The schema and the docs --------------------------------------------------------------


def test_the_schema_generates_without_warnings_and_has_the_api(tmp_path):
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    text = schema.read_text()
    for path in (
        "/api/v1/eligibility/",
        "/api/v1/cases/",
        "/api/v1/cases/{area}/{reference}/",
        "/api/v1/applications/",
    ):
        assert f"  {path}:" in text
    assert "tokenAuth" in text


def test_the_schema_is_served_to_anyone(client):
    response = client.get(reverse("api_schema"), {"format": "json"})
    assert response.status_code == 200
    assert "/api/v1/eligibility/" in response.json()["paths"]


def test_the_docs_page_has_no_inline_script(client):
    response = client.get(reverse("api_docs"))
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.DOTALL | re.IGNORECASE)
    assert scripts, "Swagger UI needs its scripts"
    for attributes, body in scripts:
        assert "src=" in attributes, attributes
        assert not body.strip(), f"inline script: {body[:80]}"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    # Its assets come from drf-spectacular-sidecar on our own origin, not a CDN.
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn." not in html and "//unpkg" not in html


def test_the_docs_start_up_script_is_served_as_a_file(client):
    html = client.get(reverse("api_docs")).content.decode()
    init = re.search(r'<script src="([^"]*script=[^"]*)"', html).group(1).replace("&amp;", "&")
    response = client.get(init)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert reverse("api_schema") in response.content.decode()
