"""The victim's private-link page with its meeting and action plan, and the demo mailbox, in
a browser with JavaScript off: axe-core finds nothing, and a link in the mailbox opens the
victim's page."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from agencies.models import RoleAssignment
from tests.factories import TEST_PASSWORD, make_case, user_with_role
from triggers.meetings import services as meetings
from triggers.reviews import services as reviews
from triggers.threshold.services import decide_threshold

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def arrange(side, case, starts):
    return meetings.schedule_review(
        case,
        meetings.MeetingData(
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            chair=side.chair,
            venue="Town Hall, Committee Room 2",
            online=True,
            online_link="https://meet.example.org/review-room-with-a-long-address-0123456789",
            agencies=[side.police, side.council],
        ),
        by=side.officer,
    )


def test_the_victims_page_with_meeting_and_plan_passes_axe(
    page_without_js, live_server, axe_check, north
):
    page = page_without_js
    decide_threshold(north.case, "met", by=north.officer)
    arrange(north, north.case, timezone.now() + timedelta(days=5))
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/track/{north.case.token}/")
    assert "The review meeting" in page.content()
    page.locator("a[href$='meeting.ics']").wait_for(state="visible")
    axe_check(page)

    reviewed = make_case(north.area)
    decide_threshold(reviewed, "met", by=north.officer)
    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=8)):
        arrange(north, reviewed, now - timedelta(days=1))
    due = timezone.localdate() + timedelta(days=30)
    reviews.record_review(
        reviewed,
        reviews.ReviewData(
            without_missing_returns=True,
            attendance="Chair, council, police.",
            findings="Persistent noise at night.",
            actions=[
                reviews.ActionData(north.police, "Late-night patrols.", due),
                reviews.ActionData(north.council, "Noise monitoring.", due),
            ],
        ),
        by=north.officer,
    )
    page.goto(f"{live_server.url}/track/{reviewed.token}/")
    content = page.content()
    assert "Late-night patrols." in content and "Not started yet" in content
    axe_check(page)
    page.click("text=Read the draft action plan and tell us what you think")
    page.fill("textarea[name=text]", "Please add weekends.")
    page.click("#id_submit")
    content = page.content()
    assert "Your comments on the draft action plan" in content
    assert "tell us what you think" not in content
    axe_check(page)


def test_the_demo_mailbox_passes_axe_and_opens_the_victims_link(
    page_without_js, live_server, axe_check, settings, north
):
    settings.DEBUG = True
    settings.SITE_URL = live_server.url  # as `make run` sets it to the address it serves
    page = page_without_js
    admin = user_with_role(
        RoleAssignment.Role.PLATFORM_ADMIN, email="platform.admin@example.org", is_superuser=True
    )
    case = make_case(north.area, applicant_email="victim@example.net")
    decide_threshold(case, "met", by=north.officer)
    sign_in(page, live_server, admin.email, TEST_PASSWORD)
    page.wait_for_load_state()
    page.click("text=Demo mailbox")
    content = page.content()
    assert "victim@example.net" in content and ".pdf" in content
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 800})
    axe_check(page)
    page.locator("a[href*='/track/']").first.click()
    assert case.reference in page.content()
    axe_check(page)
