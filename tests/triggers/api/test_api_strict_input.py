"""Input the schema calls malformed is refused, as the schema says (issue #15, finding 11):
a number where a string is promised, an empty or unknown status filter, a page that is not
a whole number from 1 or is past the end."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from agencies import tokens
from tests.triggers.api.test_api_cases import application

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def signed_in(api, user):
    """The one place a test signs in: with a personal API token, as partner systems do."""
    _, secret = tokens.create_token(user, name="Strict input", scope="read_write")
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return api


def test_an_integer_incident_is_refused_by_the_eligibility_check(api, north):
    complaint = {"incident_date": "2026-01-01", "reported_date": "2026-01-02", "incident": 7}
    response = api.post(
        reverse("api:eligibility"), {"area": "north", "complaints": [complaint]}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"complaints": {"0": {"incident": ["Must be text (a JSON string)."]}}}


def test_an_integer_incident_is_refused_on_an_application(api, north):
    body = application(north.area)
    body["complaints"][0]["incident"] = 7
    response = signed_in(api, north.officer).post(
        reverse("api:application_create"), body, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"complaints": {"0": {"incident": ["Must be text (a JSON string)."]}}}


@pytest.mark.parametrize("status", ["", "AAA"])
def test_an_empty_or_unknown_status_filter_is_refused(api, north, status):
    response = signed_in(api, north.officer).get(reverse("api:case_list"), {"status": status})
    assert response.status_code == 400
    assert response.json() == {"status": ["Choose a status from the list."]}


@pytest.mark.parametrize("page", ["0", "-1", "two", "", "2"])
def test_a_bad_page_or_one_past_the_end_is_not_found(api, north, page):
    response = signed_in(api, north.officer).get(reverse("api:case_list"), {"page": page})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_the_first_page_is_there(api, north):
    response = signed_in(api, north.officer).get(reverse("api:case_list"), {"page": "1"})
    assert response.status_code == 200
