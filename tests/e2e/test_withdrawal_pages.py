"""Withdrawal in the browser: the applicant asks through their link, the
officer gives the reason (with its errors), checks, and confirms; axe-core finds nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import TEST_PASSWORD
from triggers.meetings import services as meetings
from triggers.models import Case
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_asking_checking_and_withdrawing_pass_axe(page, live_server, axe_check, north):
    decide_threshold(north.case, "met", by=north.officer)
    starts = timezone.now() + timedelta(days=7)
    meetings.schedule_review(
        north.case,
        meetings.MeetingData(
            starts_at=starts, ends_at=starts + timedelta(hours=1), chair=north.chair, venue="Hall"
        ),
        by=north.officer,
    )
    page.goto(f"{live_server.url}/track/{north.case.token}/")
    page.click("text=Ask to withdraw your application")
    page.click("#id_submit")  # not confirmed: the error summary
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.check("input[name=confirm]")
    page.click("#id_submit")
    assert "We have your request to withdraw" in page.content()

    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    case_url = f"{live_server.url}/cases/{north.area.slug}/{north.case.reference}/"
    page.goto(case_url)
    assert "The applicant asked to withdraw on" in page.content()
    axe_check(page)
    page.goto(case_url + "withdraw/")
    page.check("input[value=other]")
    page.click("#id_submit")  # "another reason" needs words
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.check("input[value=applicant_asked]")
    page.fill("textarea[name=details]", "Confirmed by phone.")
    page.click("#id_submit")
    page.wait_for_url("**/withdraw/check/")
    assert "cannot be undone" in page.content()
    axe_check(page)
    assert Case.objects.get(pk=north.case.pk).status == Status.REVIEW_SCHEDULED
    page.click("button.govuk-button--warning")
    page.wait_for_url(case_url)
    assert Case.objects.get(pk=north.case.pk).status == Status.WITHDRAWN
    axe_check(page)
