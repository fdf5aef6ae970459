"""Check before you commit (issue #17), in a browser with JavaScript off: the threshold
decision, finalising the plan, sending the outcome and cancelling the meeting each show a
check page, axe-clean, and only its confirmation changes anything."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from tests.factories import TEST_PASSWORD, complaint_data, make_case
from triggers.meetings import services as meetings
from triggers.models import Case, ReviewRecord
from triggers.reviews import services as reviews
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def case_path(live_server, case, rest=""):
    return f"{live_server.url}/cases/{case.area.slug}/{case.reference}/{rest}"


def status_of(case):
    return Case.objects.get(pk=case.pk).status


def arrange_meeting(north, case, *, days):
    now = timezone.now()
    starts = now + timedelta(days=days)
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=8)):
        return meetings.schedule_review(
            case,
            meetings.MeetingData(
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                chair=north.chair,
                venue="Town Hall",
                agencies=[north.police],
            ),
            by=north.officer,
        )


def test_threshold_decision_and_meeting_cancellation_without_javascript(
    page_without_js, live_server, axe_check, north
):
    page = page_without_js
    case = make_case(north.area, complaints=[complaint_data(20)])
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.goto(case_path(live_server, case, "threshold/"))
    page.check("input[name=outcome][value=met_on_discretion]")
    page.check("input[name=grounds][value=vulnerability]")
    page.fill("textarea[name=reasons]", "The victim lives alone.")
    page.click("button:has-text('Continue')")
    page.wait_for_url("**/threshold/check/")
    axe_check(page)
    assert "The victim lives alone." in page.locator("#letter-preview").inner_text()
    assert status_of(case) == Status.SUBMITTED
    page.click("text=Change your answers")  # the officer's words are still there
    assert page.locator("textarea[name=reasons]").input_value() == "The victim lives alone."
    page.click("button:has-text('Continue')")
    page.click("button:has-text('Record the decision and send the letter')")
    page.wait_for_selector(".govuk-notification-banner")
    assert status_of(case) == Status.AGENCIES_NOTIFIED
    # Cancelling the meeting: a reason is required, and nothing changes without it.
    arrange_meeting(north, case, days=5)
    page.goto(case_path(live_server, case))
    page.click("text=Cancel the meeting")
    axe_check(page)
    page.click("#id_submit")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    assert status_of(case) == Status.REVIEW_SCHEDULED
    page.fill("textarea[name=reason]", "The chair is unwell.")
    page.click("#id_submit")
    page.wait_for_selector(".govuk-notification-banner")
    assert status_of(case) == Status.AGENCIES_NOTIFIED


def test_finalising_the_plan_and_sending_the_outcome_without_javascript(
    page_without_js, live_server, axe_check, north
):
    page = page_without_js
    decide_threshold(north.case, "met", by=north.officer)
    arrange_meeting(north, north.case, days=-1)
    review = reviews.record_review(
        Case.objects.get(pk=north.case.pk),
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
    reviews.comment_on_plan(north.case, "Please patrol at weekends too.")
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.goto(case_path(live_server, north.case))
    page.click("text=Finalise the action plan")
    page.wait_for_url("**/review/plan/finalise/")
    axe_check(page)
    assert "Late-night patrols." in page.locator("#plan-actions").inner_text()
    assert ReviewRecord.objects.get(pk=review.pk).plan_finalised_at is None
    page.click("button:has-text('Finalise the action plan')")
    page.wait_for_selector(".govuk-notification-banner")
    assert ReviewRecord.objects.get(pk=review.pk).plan_finalised_at is not None
    page.click("text=Send the outcome letter")
    page.wait_for_url("**/review/outcome/")
    axe_check(page)
    assert "Persistent noise." in page.locator("#letter-preview").inner_text()
    assert status_of(north.case) == Status.REVIEW_HELD
    page.click("button:has-text('Send the outcome letter')")
    page.wait_for_selector(".govuk-notification-banner")
    assert status_of(north.case) == Status.ACTIONS_IN_PROGRESS
