"""`make run` loads the demo on every start: it must be idempotent and give every demo user
a sign-in that sees only their own area's cases."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from agencies import demo_wales
from agencies.demo import COUNCILS, demo_users
from agencies.models import Agency, Area, AreaMembership, RoleAssignment, User
from triggers.models import Case

pytestmark = pytest.mark.django_db


def load_twice():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (User.objects.count(), Case.objects.count(), AreaMembership.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return counts


def test_demo_loads_merseyside_and_twice_changes_nothing():
    first = load_twice()
    assert (User.objects.count(), Case.objects.count(), AreaMembership.objects.count()) == first
    merseyside = Area.objects.filter(force_area__slug="merseyside")
    assert sorted(merseyside.values_list("slug", flat=True)) == sorted(c[0] for c in COUNCILS)
    assert set(Area.objects.values_list("complaint_threshold", "hate_incident_threshold")) == {
        (3, 1)
    }
    assert Agency.objects.filter(kind=Agency.Kind.PCC_OFFICE).count() == 2
    assert Agency.objects.filter(kind=Agency.Kind.HOUSING).count() == 3
    assert Case.objects.values("area").distinct().count() >= 3
    assert Case.objects.values("status").distinct().count() >= 4
    # One case a councillor applied for, for a victim with their own email and link (§5.9).
    applied_for = Case.objects.get(on_behalf=True)
    assert applied_for.victim_email and applied_for.send_to == "both"
    assert applied_for.victim_tracking_token_hash and applied_for.victim_consent_how


def expected_visible(demo, case) -> bool:
    """Officers and admins see their area's cases; responders every application passed on
    to their agency as a relevant body, and the cases their agency was asked about; nobody
    else sees a case in this demo."""
    if demo.role in RoleAssignment.AREA_ROLES:
        return case.area.slug == demo.area_slug
    if demo.role == RoleAssignment.Role.AGENCY_RESPONDER:
        return (
            case.threshold_checks.filter(agency__slug=demo.agency_slug).exists()
            or case.information_requests.filter(agency__slug=demo.agency_slug).exists()
        )
    if demo.role == RoleAssignment.Role.PCC_OFFICER:  # their own force area's appealed cases
        pcc = Agency.objects.get(slug=demo.agency_slug)
        return case.appeals.exists() and case.area.force_area_id == pcc.force_area_id
    return False


def test_every_demo_user_signs_in_and_sees_only_own_area(client):
    load_twice()
    for demo in demo_users():
        client.logout()
        response = client.post(
            reverse("signin"), {"username": demo.email, "password": settings.DEMO_PASSWORD}
        )
        assert response.status_code == 302, demo.email
        page = client.get(reverse("home"), {"cases": "1"}).content.decode()
        for case in Case.objects.select_related("area"):
            visible = expected_visible(demo, case)
            assert (case.reference in page) == visible, (demo.email, case.reference)


def test_demo_prints_the_sign_ins(capsys):
    from io import StringIO

    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "officer.liverpool@example.org" in text
    assert "officer.cardiff@example.org" in text and "South Wales" in text
    assert settings.DEMO_PASSWORD in text


def test_demo_has_a_liverpool_appeal_for_the_pcc(client):
    from appeals.models import Appeal

    load_twice()
    appeal = Appeal.objects.get()
    assert appeal.area.slug == "liverpool" and appeal.status == Appeal.Status.LODGED
    client.post(
        reverse("signin"),
        {"username": "pcc.officer@example.org", "password": settings.DEMO_PASSWORD},
    )
    assert appeal.case.reference in client.get(reverse("appeals:list")).content.decode()


def test_demo_areas_have_published_last_years_figures_once(client):
    from figures.models import Publication

    load_twice()
    assert Publication.objects.count() == len(COUNCILS)
    page = client.get(reverse("figures:area", args=["liverpool"])).content.decode()
    published = Publication.objects.get(area__slug="liverpool")
    assert f"Published {timezone.localtime(published.published_at):%-d %B %Y}" in page


def test_demo_has_a_welsh_region_with_a_case_applied_for_in_welsh():
    load_twice()
    wales = Area.objects.filter(force_area__slug="south-wales").order_by("slug")
    assert [a.slug for a in wales] == ["cardiff", "swansea"]
    assert {a.nation for a in wales} == {Area.Nation.WALES}
    assert {(a.complaint_threshold, a.hate_incident_threshold) for a in wales} == {(3, 1)}
    assert Agency.objects.get(slug="south-wales-pcc").kind == Agency.Kind.PCC_OFFICE
    health = AreaMembership.objects.filter(area__in=wales, agency__kind=Agency.Kind.HEALTH)
    assert sorted(health.values_list("area__slug", "agency__name")) == [
        ("cardiff", "Cardiff and Vale University Health Board"),
        ("swansea", "Swansea Bay University Health Board"),
    ]
    assert (
        AreaMembership.objects.filter(area__in=wales, agency__kind=Agency.Kind.HOUSING).count() == 2
    )
    welsh = Case.objects.get(area__slug="cardiff")
    assert welsh.applicant_language == "cy"
    assert welsh.events.filter(summary="The applicant applied in Cymraeg").exists()
    # Merseyside's demo is untouched by the Welsh one, and every Welsh sign-in is printed.
    assert Case.objects.filter(area__slug="swansea").get().applicant_language == "en"
    emails = {u.email for u in demo_users()}
    assert {"officer.cardiff@example.org", "pcc.south-wales@example.org"} <= emails
    assert {u.email for u in demo_wales.demo_users(type(demo_users()[0]))} <= emails


def test_demo_lists_one_possible_case_review_in_liverpool_from_three_bodies_records():
    """The demo's incident records link with the default model (no training) to one person
    who reported to the police, the council and their landlord: one possible case review."""
    from incidents.models import AreaLinkModel
    from triggers.models import PossibleReview

    load_twice()
    possible = PossibleReview.objects.get()
    assert possible.area.slug == "liverpool" and possible.name.endswith("Okafor")
    bodies = {r.body.slug for r in possible.records.all()}
    assert bodies == {"merseyside-police", "liverpool-council", "mersey-vale-homes"}
    assert (possible.engine_route, possible.engine_qualifying) == ("complaints", 3)
    assert AreaLinkModel.objects.get(area__slug="liverpool").trained_at is None
