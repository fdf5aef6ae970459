"""A co-opted housing provider a complaint was reported to is relevant to the application
(our rule, DOMAIN.md §5.1 and Sch 4 para 5): it is passed the application on receipt, asked
to check, sees the case as the other bodies do, and is asked for information without being
chosen. Other co-opted providers are not asked on receipt."""

import pytest
from django.urls import reverse

from agencies import access
from agencies.models import Agency, AreaMembership, RoleAssignment
from notifications.models import Message
from tests.factories import (
    AgencyFactory,
    MembershipFactory,
    complaint_data,
    make_case,
    user_with_role,
)
from triggers.threshold import checks
from triggers.threshold import services as threshold_services

pytestmark = pytest.mark.django_db


def provider(side, slug, name):
    agency = AgencyFactory(slug=slug, name=name, kind=Agency.Kind.HOUSING, force_area=side.force)
    MembershipFactory(
        area=side.area,
        agency=agency,
        role=AreaMembership.Role.CO_OPTED_HOUSING,
        contact_email=f"checks@{slug}.example",
    )
    return agency


@pytest.fixture
def landlord(north):
    """Jane's landlord, whom she told, and another provider of the area whom she did not."""
    north.homes = provider(north, "north-homes", "North Homes")
    north.other = provider(north, "other-homes", "Other Homes")
    north.case = make_case(
        north.area,
        data={"applicant_phone": "07700 900123"},
        complaints=[
            complaint_data(50, reported_to=north.police),
            complaint_data(30, reported_to=north.council),
            complaint_data(10, reported_to=north.homes),
        ],
    )
    north.tenancy_officer = user_with_role(RoleAssignment.Role.AGENCY_RESPONDER, agency=north.homes)
    return north


def test_the_provider_reported_to_is_asked_to_check_on_receipt(landlord):
    asked = set(landlord.case.threshold_checks.values_list("agency__slug", flat=True))
    assert asked == {"north-council", "north-police", "north-homes"}  # not other-homes
    request = Message.objects.get(
        topic="Threshold check requested", to_address="checks@north-homes.example"
    )
    assert landlord.case.reference in request.subject
    assert "applicant@example.com" not in request.body and "07700" not in request.body
    complaints = list(landlord.case.complaints.all())
    assert checks.reported_elsewhere(landlord.case, complaints) == set()


def test_its_responders_see_the_case_and_record_its_check_without_contact_details(client, landlord):
    case = landlord.case
    assert access.cases_for(landlord.tenancy_officer).filter(pk=case.pk).exists()
    client.force_login(landlord.tenancy_officer)
    assert case.reference in client.get(reverse("inbox")).content.decode()
    check = case.threshold_checks.get(agency=landlord.homes)
    page = client.get(reverse("threshold_check", args=[check.pk])).content.decode()
    assert case.applicant_name in page
    assert "applicant@example.com" not in page and "07700 900123" not in page
    api = client.get(reverse("api:case_detail", args=[case.area.slug, case.reference])).json()
    assert api["applicant_email"] is None and api["applicant_phone"] is None
    # A provider nobody reported to is not passed the application.
    client.force_login(user_with_role(RoleAssignment.Role.AGENCY_RESPONDER, agency=landlord.other))
    assert client.get(reverse("threshold_check", args=[check.pk])).status_code == 404
    assert case.reference not in client.get(reverse("inbox")).content.decode()


def test_the_threshold_page_lists_its_check(client, landlord):
    client.force_login(landlord.officer)
    url = reverse("case_threshold", args=[landlord.area.slug, landlord.case.reference])
    page = client.get(url).content.decode()
    checks_list = page.split('id="body-checks"')[1].split("</dl>")[0]
    assert "North Homes" in checks_list and "Other Homes" not in checks_list
    assert "Not made to a relevant body" not in page


def test_it_is_asked_for_information_without_being_chosen(landlord):
    threshold_services.decide_threshold(landlord.case, "met", by=landlord.officer)
    asked = set(landlord.case.information_requests.values_list("agency__slug", flat=True))
    assert asked == {"north-council", "north-police", "north-homes"}
