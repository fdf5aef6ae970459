import pytest
from django.db import IntegrityError

from agencies import access
from agencies.models import Area, RoleAssignment
from tests.factories import AreaFactory, UserFactory, make_case, user_with_role

Role = RoleAssignment.Role
pytestmark = pytest.mark.django_db


def test_officer_sees_every_case_of_own_area_and_none_of_another(north, south):
    second = make_case(north.area)
    assert set(access.cases_for(north.officer)) == {north.case, second}
    assert south.case not in access.cases_for(north.officer)


def test_officer_of_two_areas_sees_both(north, south):
    RoleAssignment.objects.create(user=north.officer, role=Role.CASE_OFFICER, area=south.area)
    assert set(access.cases_for(north.officer)) == {north.case, south.case}


def test_area_admin_sees_own_area_cases(north, south):
    assert list(access.cases_for(north.admin)) == [north.case]
    assert list(access.administered_areas_for(north.admin)) == [north.area]
    assert not access.administered_areas_for(north.officer).exists()


@pytest.mark.parametrize("role", ["chair", "pcc_officer"])
def test_partner_roles_see_no_case_without_a_meeting_or_appeal(north, role):
    # Chairs see the meetings they chair, PCC officers appealed cases: none exist yet.
    assert not access.cases_for(getattr(north, role)).exists()


def test_responder_of_a_relevant_body_sees_the_application_from_receipt(north, south):
    # Every application is passed on to every relevant body on receipt (s104(3)(b)).
    assert list(access.cases_for(north.responder)) == [north.case]
    assert list(access.threshold_checks_for(north.responder)) == [
        north.case.threshold_checks.get(agency=north.police)
    ]
    assert south.case not in access.cases_for(north.responder)


def test_responder_of_a_partner_that_is_no_relevant_body_sees_no_application(north):
    from agencies.models import Agency, AreaMembership
    from tests.factories import AgencyFactory, MembershipFactory

    fire = AgencyFactory(slug="fire", kind=Agency.Kind.FIRE, force_area=north.force)
    MembershipFactory(area=north.area, agency=fire, role=AreaMembership.Role.PARTNER)
    responder = user_with_role(Role.AGENCY_RESPONDER, agency=fire)
    make_case(north.area)
    assert not access.cases_for(responder).exists()
    assert not access.threshold_checks_for(responder).exists()


def test_only_the_full_view_sees_contact_details(north):
    """The partner view's rule (applied by triggers/people.py to pages, API and packs)."""
    assert access.sees_contact_details(north.officer, north.case)
    assert not access.sees_contact_details(north.responder, north.case)


def test_platform_admin_sees_configuration_not_cases(north):
    platform = user_with_role(Role.PLATFORM_ADMIN, is_staff=True)
    assert not access.cases_for(platform).exists()


def test_user_without_roles_or_signed_out_sees_nothing(north):
    from django.contrib.auth.models import AnonymousUser

    assert not access.cases_for(UserFactory()).exists()
    assert not access.cases_for(AnonymousUser()).exists()


def test_inactive_user_sees_nothing(north):
    north.officer.is_active = False
    north.officer.save()
    assert not access.cases_for(north.officer).exists()


def test_pcc_officer_force_area_is_their_offices(north, south):
    assert list(access.pcc_force_areas_for(north.pcc_officer)) == [north.force]
    # A PCC-officer role held by someone outside a PCC office gives no force area.
    stray = user_with_role(Role.PCC_OFFICER, agency=north.council)
    assert not access.pcc_force_areas_for(stray).exists()


def test_can_work_on_only_own_area(north, south):
    assert access.can_work_on(north.officer, north.case)
    assert not access.can_work_on(north.officer, south.case)
    assert not access.can_work_on(north.responder, north.case)


def test_area_role_needs_an_area(db):
    with pytest.raises(IntegrityError):
        RoleAssignment.objects.create(user=UserFactory(), role=Role.CASE_OFFICER, area=None)


@pytest.mark.parametrize("threshold", [0, 4])
def test_database_refuses_unlawful_thresholds(db, threshold):
    area = AreaFactory()
    with pytest.raises(IntegrityError):
        Area.objects.filter(pk=area.pk).update(complaint_threshold=threshold)


def test_area_changes_are_recorded_in_history(db):
    area = AreaFactory(complaint_threshold=3)
    area.complaint_threshold = 2
    area.save()
    assert [h.complaint_threshold for h in area.history.all()] == [2, 3]
