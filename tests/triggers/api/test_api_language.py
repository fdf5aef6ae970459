"""Each person's language, recorded through the API (DOMAIN.md §5.12): "en" or "cy", every
other value a 400 naming its field; "cy" only where Welsh is offered (an area in Wales)."""

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from notifications.models import Message
from tests.welsh.staff import in_wales
from triggers.models import Case

from .test_api_cases import application, create
from .test_api_victim import ON_BEHALF

pytestmark = pytest.mark.django_db

# The victim emailed, so that their receipt can be read.
FOR_A_VICTIM = {**ON_BEHALF, "victim_contact_method": "email", "send_to": "both"}
WELSH_AREA_ONLY = [
    "Cymraeg is offered only in areas in Wales: this area writes in English. "
    'Use "en" or leave it out.'
]


@pytest.fixture
def api(north):
    client = APIClient()
    client.force_login(north.officer)
    return client


def by_email(body, **extra):
    return {**body, "applicant_email": "pat@example.com", "contact_method": "email", **extra}


def test_welsh_chosen_in_wales_is_recorded_and_every_receipt_is_welsh(api, north):
    in_wales(north)
    body = by_email(
        application(north.area, **FOR_A_VICTIM), applicant_language="cy", victim_language="cy"
    )
    response = create(api, body)
    assert response.status_code == 201, response.content
    case = Case.objects.get(reference=response.json()["reference"])
    assert (case.applicant_language, case.victim_language) == ("cy", "cy")
    for person in ("pat@example.com", "val@example.com"):  # the victim's, as the case keeps it
        receipt = Message.objects.get(to_address=person, topic="Application received")
        assert receipt.subject.startswith("Rydym wedi cael eich cais"), receipt.subject


def test_left_out_both_are_english(api, north):
    in_wales(north)
    response = create(api, by_email(application(north.area, **FOR_A_VICTIM)))
    assert response.status_code == 201, response.content
    case = Case.objects.get(reference=response.json()["reference"])
    assert (case.applicant_language, case.victim_language) == ("en", "en")
    receipt = Message.objects.get(to_address="pat@example.com", topic="Application received")
    assert receipt.subject.startswith("Your application"), receipt.subject


@pytest.mark.parametrize("value", ["fr", "CY", "welsh", ""])
def test_any_other_value_is_a_400_naming_the_field(api, north, value):
    in_wales(north)
    body = application(north.area, **FOR_A_VICTIM, applicant_language=value, victim_language=value)
    response = create(api, body)
    assert response.status_code == 400, response.content
    expected = [f'Use "en" (English) or "cy" (Cymraeg), not "{value}".']
    assert response.json() == {"applicant_language": expected, "victim_language": expected}
    assert not Case.objects.filter(applicant_name="Pat Caller").exists()


def test_welsh_for_an_area_outside_wales_is_refused_not_stored(api, north):
    body = application(north.area, **FOR_A_VICTIM, applicant_language="cy", victim_language="cy")
    response = create(api, body)
    assert response.status_code == 400, response.content
    assert response.json() == {
        "applicant_language": WELSH_AREA_ONLY,
        "victim_language": WELSH_AREA_ONLY,
    }
    assert not Case.objects.filter(applicant_name="Pat Caller").exists()
    english = application(north.area, applicant_language="en")
    assert create(api, english).status_code == 201


def test_the_schema_documents_both_fields(tmp_path):
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    text = schema.read_text()
    create_request = text.split("    ApplicationCreateRequest:")[1].split("\n    Application")[0]
    for name in ("applicant_language", "victim_language"):
        assert f"        {name}:" in create_request, name
    assert "only for an area in Wales" in create_request
