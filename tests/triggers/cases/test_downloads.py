"""The meeting's calendar file from the case page, and letters viewed in the browser, and the
housing provider the applicant reported to pre-selected on the threshold page (issue #17)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from agencies.models import Agency, AreaMembership
from tests.factories import AgencyFactory, MembershipFactory, complaint_data, make_case
from triggers.meetings import services as meetings
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db


def case_url(side, name, **kwargs):
    return reverse(
        name, kwargs={"area": side.area.slug, "reference": side.case.reference, **kwargs}
    )


@pytest.fixture
def meeting(north):
    decide_threshold(north.case, "met", by=north.officer)
    north.case.refresh_from_db()
    starts = timezone.now() + timedelta(days=5)
    data = meetings.MeetingData(
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        chair=north.chair,
        venue="Town Hall",
        agencies=[north.police],
    )
    return meetings.schedule_review(north.case, data, by=north.officer)


def test_staff_download_the_meetings_calendar_file(client, north, meeting):
    client.force_login(north.officer)
    page = client.get(case_url(north, "case_detail")).content.decode()
    assert case_url(north, "case_meeting_calendar") in page
    response = client.get(case_url(north, "case_meeting_calendar"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["method"]) == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == meeting.uid
    assert event.decoded("dtstart") == meeting.starts_at.replace(microsecond=0)
    assert north.case.reference in str(event["summary"])
    assert str(event["attendee"]) == f"mailto:{north.officer.email}"


def test_the_chair_and_invited_responders_may_download_it(client, north, meeting):
    for user in (north.chair, north.responder):
        client.force_login(user)
        assert client.get(case_url(north, "case_meeting_calendar")).status_code == 200


def test_no_meeting_sends_the_officer_back_and_others_get_404(client, north, south):
    client.force_login(north.officer)
    assert client.get(case_url(north, "case_meeting_calendar")).status_code == 302
    client.force_login(south.officer)
    assert client.get(case_url(north, "case_meeting_calendar")).status_code == 404


def test_a_letter_is_viewed_inline_beside_its_download(client, north):
    decide_threshold(north.case, "met", by=north.officer)
    letter = north.case.letters.get()
    client.force_login(north.officer)
    page = client.get(case_url(north, "case_detail")).content.decode()
    view_url = case_url(north, "case_letter_view", letter_id=letter.pk)
    download_url = case_url(north, "case_letter", letter_id=letter.pk)
    assert view_url in page and download_url in page and "Download PDF" in page
    viewed = client.get(view_url)
    assert viewed.status_code == 200
    assert viewed["Content-Type"] == "application/pdf"
    assert viewed["Content-Disposition"].startswith("inline;")
    # The letter exactly as sent: its stored PDF, not a new rendering.
    assert viewed.content == bytes(letter.pdf)
    assert client.get(download_url)["Content-Disposition"].startswith("attachment;")


def test_another_area_cannot_view_the_letter(client, north, south):
    decide_threshold(north.case, "met", by=north.officer)
    letter = north.case.letters.get()
    client.force_login(south.officer)
    assert client.get(case_url(north, "case_letter_view", letter_id=letter.pk)).status_code == 404


@pytest.fixture
def housing(north):
    homes = AgencyFactory(
        slug="north-homes", name="North Homes", kind=Agency.Kind.HOUSING, force_area=north.force
    )
    other = AgencyFactory(
        slug="north-flats", name="North Flats", kind=Agency.Kind.HOUSING, force_area=north.force
    )
    for agency in (homes, other):
        MembershipFactory(area=north.area, agency=agency, role=AreaMembership.Role.CO_OPTED_HOUSING)
    return homes, other


def checked_boxes(html: str) -> set[str]:
    import re

    return {
        m.group(1)
        for m in re.finditer(r'<input[^>]*name="also_ask"[^>]*value="(\d+)"[^>]*checked', html)
    }


def test_a_partner_reported_to_is_pre_selected(client, north, housing):
    """A co-opted housing provider reported to is always asked (DOMAIN.md §5.1: it was
    passed the application on receipt), so it is no choice; a partner reported to is one,
    ticked to start with."""
    homes, other = housing
    fire = AgencyFactory(slug="north-fire", kind=Agency.Kind.FIRE, force_area=north.force)
    MembershipFactory(area=north.area, agency=fire, role=AreaMembership.Role.PARTNER)
    north.case = make_case(
        north.area,
        complaints=[
            complaint_data(50, reported_to=homes),
            complaint_data(30, reported_to=north.police),
            complaint_data(10, reported_to=fire),
        ],
    )
    client.force_login(north.officer)
    page = client.get(case_url(north, "case_threshold")).content.decode()
    offered = set(re.findall(r'<input[^>]*name="also_ask"[^>]*value="(\d+)"', page))
    assert offered == {str(other.pk), str(fire.pk)}  # not North Homes: always asked
    assert checked_boxes(page) == {str(fire.pk)}  # the other provider offered, not ticked


def test_nothing_is_pre_selected_when_no_provider_was_reported_to(client, north, housing):
    client.force_login(north.officer)
    page = client.get(case_url(north, "case_threshold")).content.decode()
    assert 'name="also_ask"' in page
    assert checked_boxes(page) == set()
