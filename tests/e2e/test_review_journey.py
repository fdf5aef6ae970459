"""The review in the browser: the victim's part, recording the review (with its errors), the
case page, the draft plan, and an agency's action; axe-core finds nothing, with JS on and off."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from tests.factories import TEST_PASSWORD
from triggers.meetings import services as meetings
from triggers.models import Action, Case
from triggers.reviews import services as reviews
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scheduled(north):
    decide_threshold(north.case, "met", by=north.officer)
    # Arranged a week ago for yesterday: a review is recorded on or after its meeting's day.
    now = timezone.now()
    starts = now - timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=8)):
        meetings.schedule_review(
            north.case,
            meetings.MeetingData(
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                chair=north.chair,
                venue="Town Hall",
                agencies=[north.police],
            ),
            by=north.officer,
        )
    return north.case


def case_path(live_server, case, rest=""):
    return f"{live_server.url}/cases/{case.area.slug}/{case.reference}/{rest}"


def record_the_review(page, live_server, north, case, axe_check=None):
    page.goto(case_path(live_server, case, "review/"))
    page.click("#id_submit")  # empty: the error summary
    page.locator(".govuk-error-summary").wait_for(state="visible")
    if axe_check:
        axe_check(page)
    due = timezone.localdate() + timedelta(days=30)
    page.fill("textarea[name=attendance]", "Chair, council and police.")
    page.fill("textarea[name=findings]", "The noise is persistent.")
    page.select_option("select[name=rec_1_agency]", str(north.police.pk))
    page.fill("textarea[name=rec_1_text]", "Patrol at night.")
    page.fill("textarea[name=action_1_description]", "Late-night patrols.")
    page.select_option("select[name=action_1_agency]", str(north.police.pk))
    page.fill("input[name=action_1_due_0]", str(due.day))
    page.fill("input[name=action_1_due_1]", str(due.month))
    page.fill("input[name=action_1_due_2]", str(due.year))
    page.check("input[name=confirm_missing]")  # the agencies have not returned information
    page.click("#id_submit")
    page.wait_for_selector(".govuk-notification-banner")
    assert Case.objects.get(pk=case.pk).status == Status.REVIEW_HELD


def test_recording_a_review_passes_axe(page, live_server, axe_check, north, scheduled):
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.goto(case_path(live_server, scheduled, "review/victim/"))
    page.check("input[name=way][value=advocate]")
    page.click("#id_submit")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    record_the_review(page, live_server, north, scheduled, axe_check)
    axe_check(page)  # the case page with the review, its plan and deadlines
    assert "Patrol at night." in page.content()


def test_recording_a_review_without_javascript(
    page_without_js, page, live_server, axe_check, north, scheduled
):
    sign_in(page_without_js, live_server, north.officer.email, TEST_PASSWORD)
    page_without_js.wait_for_url("**/cases/")
    record_the_review(page_without_js, live_server, north, scheduled)
    assert "Draft: the victim is being consulted." in page_without_js.content()
    # axe needs JavaScript to run, so the pages are checked as a browser without it shows
    # them: in a page whose own scripts are all blocked (no js-enabled class, no modules).
    page.route("**/*.js", lambda route: route.abort())
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.goto(case_path(live_server, scheduled))
    assert "js-enabled" not in page.evaluate("document.body.className")
    axe_check(page)
    page.locator("text=Finalise the action plan").wait_for(state="visible")


def test_victim_and_agency_pages_pass_axe(page, live_server, axe_check, north, scheduled):
    # The victim says how they take part, then comments on the draft plan.
    page.goto(f"{live_server.url}/track/{north.case.token}/")
    page.click("text=Tell us how you want to take part")
    page.check("input[name=way][value=written]")
    page.click("#id_submit")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.fill("textarea[name=statement]", "It has gone on for a year.")
    page.click("#id_submit")
    page.wait_for_selector("text=Taking part in the review meeting")
    axe_check(page)
    review = reviews.record_review(
        Case.objects.get(pk=scheduled.pk),
        reviews.ReviewData(
            without_missing_returns=True,
            attendance="Chair and police.",
            findings="Persistent noise.",
            actions=[
                reviews.ActionData(
                    north.police, "Late-night patrols.", timezone.localdate() + timedelta(days=9)
                )
            ],
        ),
        by=north.officer,
    )
    page.goto(f"{live_server.url}/track/review/plan/")
    axe_check(page)
    page.fill("textarea[name=text]", "Please patrol at weekends too.")
    page.click("#id_submit")
    page.wait_for_selector(".govuk-notification-banner")
    reviews.finalise_plan(review, by=north.officer)
    reviews.send_outcome(review, by=north.officer)
    # The police responder records progress on their action.
    action = Action.objects.get()
    page.context.clear_cookies()
    sign_in(page, live_server, north.responder.email, TEST_PASSWORD)
    page.wait_for_url("**/requests/")  # its home page (issue #17)
    page.goto(f"{live_server.url}/actions/")
    axe_check(page)
    page.click("text=Late-night patrols.")
    page.click("#id_submit")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.fill("textarea[name=note]", "Patrols done.")
    page.check("input[name=done]")
    page.click("#id_submit")
    page.wait_for_selector(".govuk-notification-banner")
    axe_check(page)
    action.refresh_from_db()
    assert action.status == Action.Status.DONE


def test_recording_views_given_by_post_or_phone_passes_axe_at_320(
    page, live_server, axe_check, north, scheduled
):
    """The page where the officer records the victim's views on the draft plan given by
    letter, phone or in person (someone consulted by post has no private link): its error
    summary and its form, on a phone, axe-clean; the comment then shows on the case page."""
    from tests.e2e.test_layout_widths import check_layout

    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    record_the_review(page, live_server, north, scheduled)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(case_path(live_server, scheduled, "review/plan/comments/"))
    page.click("button:has-text('Save the comments')")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    check_layout(page, axe_check, "plan-response-320-errors", 320)
    page.check("input[name=party][value=applicant]")
    page.check("input[name=received][value=phone]")
    page.fill("textarea[name=text]", "Please add a patrol on Fridays.")
    page.click("button:has-text('Save the comments')")
    page.wait_for_selector(".govuk-notification-banner")
    assert "Please add a patrol on Fridays." in page.content()
    axe_check(page)
