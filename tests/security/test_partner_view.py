"""One partner view (ARCHITECTURE.md, Tenancy): a partner agency sees the names, addresses
and postcodes of the people in a case, to find them in its own records, never their email
or phone; the same on the case page, in the API and in the meeting pack. Letters are the
applicant's: partner agencies cannot open them."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import make_case
from triggers.meetings.pack import pack_context
from triggers.threshold.services import decide_threshold

EMAIL, PHONE, POSTCODE = "rowan@example.com", "07700 900123", "L1 8JQ"


@pytest.fixture
def shared(north):
    """A case the police have been asked about (so their responder may open it)."""
    case = make_case(
        north.area,
        applicant_name="Rowan Applicant",
        applicant_email=EMAIL,
        data={
            "applicant_phone": PHONE,
            "applicant_address": "12 Paradise Street",
            "applicant_postcode": POSTCODE,
        },
    )
    decide_threshold(case, "met", by=north.officer)
    return case


def api_detail(user, case) -> dict:
    api = APIClient()
    api.force_login(user)
    response = api.get(reverse("api:case_detail", args=[case.area.slug, case.reference]))
    assert response.status_code == 200
    return response.json()


def test_the_api_shows_a_responder_no_email_or_phone(north, shared):
    detail = api_detail(north.responder, shared)
    assert (detail["applicant_email"], detail["applicant_phone"]) == (None, None)
    assert detail["applicant_name"] == "Rowan Applicant"
    assert detail["applicant_postcode"] == POSTCODE
    assert EMAIL not in str(detail) and PHONE not in str(detail)


def test_the_api_shows_the_officer_everything(north, shared):
    detail = api_detail(north.officer, shared)
    assert (detail["applicant_email"], detail["applicant_phone"]) == (EMAIL, PHONE)


def test_the_case_page_shows_a_responder_what_the_api_shows(client, north, shared):
    client.force_login(north.responder)
    page = client.get(reverse("case_detail", args=[north.area.slug, shared.reference]))
    text = page.content.decode()
    assert "Rowan Applicant" in text and POSTCODE in text
    assert EMAIL not in text and PHONE not in text


def test_the_case_page_shows_the_officer_the_contact_details(client, north, shared):
    client.force_login(north.officer)
    text = client.get(reverse("case_detail", args=[north.area.slug, shared.reference]))
    assert EMAIL in text.content.decode() and PHONE in text.content.decode()


def test_letters_are_the_applicants(client, north, shared):
    letter = shared.letters.get()
    url = reverse("case_letter", args=[north.area.slug, shared.reference, letter.pk])
    client.force_login(north.responder)
    page = client.get(reverse("case_detail", args=[north.area.slug, shared.reference]))
    assert url not in page.content.decode()
    assert client.get(url).status_code == 404
    client.force_login(north.officer)
    assert client.get(url).status_code == 200


def test_the_meeting_pack_follows_the_partner_view(north, shared):
    for_responder = pack_context(shared, north.responder)["applicant"]
    for_officer = pack_context(shared, north.officer)["applicant"]
    assert (for_responder.email, for_responder.phone) == (None, None)
    assert for_responder.postcode == POSTCODE
    assert (for_officer.email, for_officer.phone) == (EMAIL, PHONE)
