"""Handing a case over (issue #17): to another officer of the area, and the review to another
chair chosen from the area's staff and its named independent chairs."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from agencies.models import RoleAssignment
from notifications.models import Message
from tests.factories import user_with_role
from triggers.cases import handover
from triggers.meetings import services as meetings
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def url(side):
    return reverse("case_handover", args=[side.area.slug, side.case.reference])


@pytest.fixture
def colleague(north):
    return user_with_role(
        Role.CASE_OFFICER, area=north.area, agency=north.council, full_name="Colleague Officer"
    )


@pytest.fixture
def assigned(north):
    north.case.assigned_officer = north.officer
    north.case.save()
    return north


def test_handing_over_changes_the_officer_with_history_and_tells_both(client, assigned, colleague):
    north = assigned
    client.force_login(north.admin)
    response = client.post(url(north), {"officer": colleague.pk, "reason": "Leave"})
    assert response.status_code == 302
    north.case.refresh_from_db()
    assert north.case.assigned_officer == colleague
    event = north.case.events.last()
    assert event.summary == f"Case handed over from {north.officer.full_name} to Colleague Officer"
    assert event.by == north.admin and event.reasons == "Leave"
    told = {m.to_address: m for m in Message.objects.filter(topic="Case handed over")}
    assert set(told) == {colleague.email, north.officer.email}
    assert "is now yours" in told[colleague.email].subject
    assert "no longer its officer" in told[north.officer.email].body


def test_handing_over_to_someone_of_another_area_is_refused(client, assigned, south):
    north = assigned
    client.force_login(north.officer)
    response = client.post(url(north), {"officer": south.officer.pk})
    assert response.status_code == 200
    assert "Choose an officer from the list" in response.content.decode()
    with pytest.raises(handover.HandoverRefused):
        handover.hand_over(north.case, south.officer, by=north.officer)
    north.case.refresh_from_db()
    assert north.case.assigned_officer == north.officer
    assert not Message.objects.filter(topic="Case handed over").exists()


def test_a_responder_or_chair_cannot_be_handed_the_case(assigned):
    for person in (assigned.responder, assigned.chair):
        with pytest.raises(handover.HandoverRefused):
            handover.hand_over(assigned.case, person, by=assigned.officer)


def test_another_areas_staff_cannot_open_the_hand_over(client, north, south):
    for user in (south.officer, south.admin, south.chair, north.responder, north.chair):
        client.force_login(user)
        assert client.get(url(north)).status_code == 404


@pytest.fixture
def meeting(north):
    decide_threshold(north.case, "met", by=north.officer)
    north.case.refresh_from_db()
    starts = timezone.now() + timedelta(days=5)
    data = meetings.MeetingData(
        starts_at=starts, ends_at=starts + timedelta(hours=1), chair=north.chair, venue="Hall"
    )
    return meetings.schedule_review(north.case, data, by=north.officer)


def test_the_chair_list_is_the_areas_staff_and_its_named_independent_chairs(north, south):
    independent_elsewhere = user_with_role(Role.REVIEW_CHAIR, area=south.area)
    global_chair = user_with_role(Role.REVIEW_CHAIR)
    # A case officer of another area of the same force area is no longer offered.
    neighbour = build_neighbour(north)
    chairs = set(meetings.possible_chairs(north.case))
    assert chairs == {north.officer, north.admin, north.chair}
    for outsider in (independent_elsewhere, global_chair, neighbour, south.officer):
        assert outsider not in chairs
    assert north.responder not in chairs


def build_neighbour(north):
    from tests.factories import AreaFactory

    area = AreaFactory(slug="west", name="West", reference_prefix="WES", force_area=north.force)
    return user_with_role(Role.CASE_OFFICER, area=area, agency=north.council)


def test_the_schedule_form_offers_only_those_chairs(client, north, south):
    decide_threshold(north.case, "met", by=north.officer)
    client.force_login(north.officer)
    page = client.get(
        reverse("case_meeting_schedule", args=[north.area.slug, north.case.reference])
    ).content.decode()
    assert north.chair.email in page and north.admin.email in page
    assert south.chair.email not in page and south.officer.email not in page


def test_handing_over_the_chair_invites_the_new_one_and_lets_the_old_one_go(
    client, north, meeting, colleague
):
    client.force_login(north.officer)
    before = Message.objects.count()
    response = client.post(url(north), {"officer": north.officer.pk, "chair": colleague.pk})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.chair == colleague and meeting.sequence == 1
    sent = {m.to_address: m for m in Message.objects.order_by("pk")[before:]}
    assert sent[colleague.email].subject.startswith(f"{north.case.reference}: ASB case review")
    assert "You are chairing" in sent[colleague.email].body
    assert "taken off the invitation" in sent[north.chair.email].body
    ics = Calendar.from_ical(bytes(sent[north.chair.email].attachments.get().content))
    assert str(ics["method"]) == "CANCEL"
    assert "to Colleague Officer to chair" in north.case.events.last().summary
    # The new chair now sees the case they chair; the old one no longer does.
    from agencies import access

    assert not access.cases_for(north.chair).filter(pk=north.case.pk).exists()


def test_a_chair_from_another_area_is_refused(client, north, meeting, south):
    client.force_login(north.officer)
    response = client.post(url(north), {"officer": north.officer.pk, "chair": south.chair.pk})
    assert response.status_code == 200
    assert "Choose a chair from the list" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.chair == north.chair


def test_a_named_independent_chair_sees_the_cases_they_chair(north, meeting):
    from agencies import access

    assert access.cases_for(north.chair).filter(pk=north.case.pk).exists()
    assert not access.can_work_on(north.chair, north.case)


def chairs_url(side):
    return reverse("area_independent_chairs", args=[side.area.slug])


def test_the_area_admin_names_and_withdraws_an_independent_chair(client, north, south):
    outsider = user_with_role(Role.REVIEW_CHAIR, email="independent@example.org")
    assert outsider not in meetings.possible_chairs(north.case)
    client.force_login(north.admin)
    response = client.post(chairs_url(north), {"email": "Independent@example.org"})
    assert response.status_code == 302
    assert outsider in meetings.possible_chairs(north.case)
    assert outsider not in meetings.possible_chairs(south.case)
    assert outsider.email in client.get(chairs_url(north)).content.decode()
    client.post(chairs_url(north), {"withdraw": str(outsider.pk)})
    assert outsider not in meetings.possible_chairs(north.case)
    # The role they hold elsewhere (or globally) is not touched.
    assert outsider.roles.filter(area__isnull=True).exists()


def test_naming_an_unknown_chair_shows_a_govuk_error(client, north):
    client.force_login(north.admin)
    for data, message in (
        ({"email": "nobody@example.org"}, "There is no active staff account"),
        ({"email": "not an email"}, "Enter an email address in the correct format"),
        ({"email": ""}, "Enter the email address of the chair"),
    ):
        page = client.post(chairs_url(north), data).content.decode()
        assert "govuk-error-summary" in page and message in page


def test_only_the_areas_admins_keep_its_chairs(client, north, south):
    for user in (north.officer, north.chair, north.responder, south.admin):
        client.force_login(user)
        assert client.get(chairs_url(north)).status_code == 404
        client.post(chairs_url(north), {"withdraw": str(north.chair.pk)})
    assert north.chair in meetings.possible_chairs(north.case)
