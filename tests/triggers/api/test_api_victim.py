"""An application recorded through the API for someone else (DOMAIN.md §5.9): the victim's
consent (what, how, when, by whom) and their own contact details are kept, each broken rule
is a 400 naming its field, and partner agencies read the victim without email or phone."""

import pytest
from rest_framework.test import APIClient

from triggers.models import Case, SendTo

from .test_api_cases import application, create, days_ago

pytestmark = pytest.mark.django_db

# Built when the module is read; the assertions compare with what was sent, not with a date
# worked out again (a run that passes midnight would be a day out).
ON_BEHALF = {
    "on_behalf": True,
    "victim_name": "Val Victim",
    "relationship": "Councillor",
    "victim_consent": True,
    "victim_consent_share": True,
    "victim_consent_contact": True,
    "victim_consent_how": "writing",
    "victim_consent_on": days_ago(3),
    "victim_email": "Val@Example.com",
    "victim_phone": "07700 900 982",
    "victim_address": "9 Elm Street\nNorthtown",
    "victim_postcode": "nt3 3cc",
    "victim_contact_method": "post",
    "victim_adjustments": "Large print",
    "send_to": "victim",
}
CONSENT_ON = ON_BEHALF["victim_consent_on"]


@pytest.fixture
def api():
    return APIClient()


def test_the_victims_consent_and_details_are_recorded_and_read_back(api, north):
    api.force_login(north.officer)
    response = create(api, application(north.area, **ON_BEHALF))
    assert response.status_code == 201, response.content
    case = Case.objects.get(area=north.area, reference=response.json()["reference"])
    assert (case.victim_consent_how, str(case.victim_consent_on)) == ("writing", CONSENT_ON)
    assert case.victim_consent_share and case.victim_consent_contact
    assert case.victim_consent_recorded_by == north.officer
    assert (case.victim_email, case.victim_postcode) == ("val@example.com", "NT3 3CC")
    assert (case.victim_contact_method, case.send_to) == ("post", SendTo.VICTIM)
    assert case.victim_adjustments == "Large print"
    victim = response.json()["victim"]
    assert victim["email"] == "val@example.com" and victim["phone"] == "07700 900 982"
    assert victim["consent_how"] == "In writing" and victim["consent_on"] == CONSENT_ON
    assert victim["consent_recorded_by"] == north.officer.full_name
    assert "9 Elm Street" in victim["address"]
    # A partner agency's responder reads the victim, never their email or phone.
    partner = APIClient()
    partner.force_login(north.responder)
    seen = partner.get(response["Location"])
    assert seen.status_code == 200, seen.content
    read = seen.json()["victim"]
    assert read["email"] is None and read["phone"] is None
    assert read["name"] == "Val Victim" and read["consent_how"] == "In writing"


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"victim_consent": False}, {"victim_consent"}),
        ({"victim_consent_share": False}, {"victim_consent_share"}),
        ({"victim_consent_how": ""}, {"victim_consent_how"}),
        ({"victim_consent_on": None}, {"victim_consent_on"}),
        ({"victim_consent_on": days_ago(-3)}, {"victim_consent_on"}),
        ({"victim_consent_how": "telepathy"}, {"victim_consent_how"}),
        ({"victim_name": ""}, {"victim_name"}),
        ({"victim_address": ""}, {"victim_address"}),  # post needs the address
        ({"victim_contact_method": "text"}, {"victim_contact_method"}),  # no Notify here
        ({"victim_email": "", "victim_address": "", "victim_contact_method": ""}, {"send_to"}),
        ({"victim_consent_contact": False}, {"send_to"}),
        ({"send_to": "everyone"}, {"send_to"}),
        ({"victim_email": "val-at-example"}, {"victim_email"}),
    ],
)
def test_each_broken_rule_is_a_400_under_its_field(api, north, change, fields):
    api.force_login(north.officer)
    before = Case.objects.count()
    response = create(api, application(north.area, **{**ON_BEHALF, **change}))
    assert response.status_code == 400, response.content
    assert set(response.json()) == fields, response.json()
    assert all(response.json()[name] for name in fields)
    assert Case.objects.count() == before


def test_an_application_for_oneself_keeps_no_victim_details(api, north):
    api.force_login(north.officer)
    mine = {**ON_BEHALF, "on_behalf": False, "victim_consent": False}
    response = create(api, application(north.area, **mine))
    assert response.status_code == 201, response.content
    case = Case.objects.get(area=north.area, reference=response.json()["reference"])
    assert (case.victim_email, case.victim_consent_how, case.send_to) == ("", "", "applicant")
    assert response.json()["victim"] is None


def test_the_victim_may_choose_texts_where_the_area_sends_them(api, north, monkeypatch):
    from triggers.api import victim

    monkeypatch.setattr(victim, "texts_available", lambda area: True)
    api.force_login(north.officer)
    texts = {**ON_BEHALF, "victim_contact_method": "text"}
    response = create(api, application(north.area, **texts))
    assert response.status_code == 201, response.content
    refused = create(api, application(north.area, **{**texts, "victim_phone": ""}))
    assert set(refused.json()) == {"victim_phone"}
