"""A Welsh case's private-link sub-pages and its appeal page in a browser (issue #19), with
JavaScript on and off, at 320 px: taking part, withdrawing, the draft action plan and the
appeal, each and its error summary with lang="cy" and axe-clean. Screenshots go to
var/screenshots/welsh/ to be looked at."""

from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone

from agencies.models import Area
from tests.conftest import build_side
from tests.factories import complaint_data, make_case
from triggers.meetings import services as meetings
from triggers.reviews import services as reviews
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "welsh"
PROBLEM = "Mae problem wedi codi"


def shot(page, name, javascript):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SHOTS / f"{name}-320-{'js' if javascript else 'nojs'}.png"), full_page=True
    )


def in_welsh(page):
    assert page.get_attribute("html", "lang") == "cy"


def submit(page):
    with page.expect_navigation():
        page.click("#id_submit")


def welsh_cases():
    side = build_side("cardiff", with_case=False)
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    side.area.refresh_from_db()
    cy = {"applicant_language": "cy"}

    arranged = make_case(side.area, applicant_name="Eleri Jones", data=cy)
    decide_threshold(arranged, "met", by=side.officer)
    starts = timezone.now() + timedelta(days=5)
    meetings.schedule_review(
        arranged,
        meetings.MeetingData(
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            chair=side.chair,
            venue="Neuadd y Ddinas, Ystafell 2",
            agencies=[side.police],
            emails=["eiriolwr@example.net"],
        ),
        by=side.officer,
    )

    reviewed = make_case(side.area, applicant_name="Siôn Davies", data=cy)
    decide_threshold(reviewed, "met", by=side.officer)
    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=8)):
        meetings.schedule_review(
            reviewed,
            meetings.MeetingData(
                starts_at=now - timedelta(days=1),
                ends_at=now - timedelta(hours=23),
                chair=side.chair,
                venue="Neuadd y Ddinas",
            ),
            by=side.officer,
        )
    reviews.record_review(
        reviewed,
        reviews.ReviewData(
            without_missing_returns=True,
            attendance="Cadeirydd, cyngor, heddlu.",
            findings="Sŵn parhaus yn y nos.",
            actions=[
                reviews.ActionData(
                    side.police, "Patrolau hwyr.", timezone.localdate() + timedelta(days=30)
                )
            ],
        ),
        by=side.officer,
    )

    refused = make_case(
        side.area, applicant_name="Gwen Evans", complaints=[complaint_data(20)], data=cy
    )
    decide_threshold(refused, "not_met", by=side.officer, reasons="Un adroddiad yn unig.")
    return arranged, reviewed, refused


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_welsh_cases_tracking_pages_and_appeal_in_welsh(
    browser, live_server, axe_check, javascript
):
    from tests.e2e.conftest import _page

    arranged, reviewed, refused = welsh_cases()
    context, page = _page(browser, javascript=javascript)
    page.set_viewport_size({"width": 320, "height": 800})
    try:
        page.goto(f"{live_server.url}/track/{arranged.token}/")
        page.click("a[hreflang=cy]")
        in_welsh(page)
        assert "Y cyfarfod adolygu" in page.content()
        axe_check(page)
        shot(page, "track-case-meeting", javascript)

        # Taking part in the review meeting, and its errors.
        page.click("text=Dywedwch wrthym sut rydych am gymryd rhan")
        in_welsh(page)
        assert page.locator("h1").inner_text() == "Cymryd rhan yn eich adolygiad achos"
        axe_check(page)
        shot(page, "track-involvement", javascript)
        submit(page)
        in_welsh(page)
        assert PROBLEM in page.content()
        assert "Dewiswch sut hoffech gymryd rhan yn y cyfarfod adolygu" in page.content()
        axe_check(page)
        shot(page, "track-involvement-errors", javascript)

        # Asking to withdraw, and its check.
        page.goto(f"{live_server.url}/track/")
        page.click("text=Gofyn am dynnu eich cais yn ôl")
        in_welsh(page)
        assert page.locator("h1").inner_text() == "Gofyn am dynnu eich cais yn ôl"
        axe_check(page)
        shot(page, "track-withdraw", javascript)
        submit(page)
        assert "Cadarnhewch eich bod am dynnu eich cais yn ôl" in page.content()
        axe_check(page)
        shot(page, "track-withdraw-errors", javascript)

        # The draft action plan and the comment form.
        page.goto(f"{live_server.url}/track/{reviewed.token}/")
        in_welsh(page)  # the choice is remembered
        page.click("text=Darllenwch y cynllun gweithredu drafft a dywedwch wrthym")
        in_welsh(page)
        assert page.locator("h1").inner_text() == "Y cynllun gweithredu drafft"
        axe_check(page)
        shot(page, "track-plan", javascript)
        submit(page)
        assert "Ysgrifennwch eich sylwadau ar y cynllun gweithredu drafft" in page.content()
        axe_check(page)
        shot(page, "track-plan-errors", javascript)

        # The appeal, reached from the private link, and its errors.
        page.goto(f"{live_server.url}/track/{refused.token}/")
        in_welsh(page)
        page.click("a[href='/appeals/track/']")
        in_welsh(page)
        assert page.locator("h1").inner_text() == "Apelio yn erbyn y penderfyniad"
        axe_check(page)
        shot(page, "track-appeal", javascript)
        submit(page)
        in_welsh(page)
        content = page.content()
        assert PROBLEM in content and "Dewiswch o leiaf un rheswm dros apelio" in content
        axe_check(page)
        shot(page, "track-appeal-errors", javascript)
    finally:
        context.close()
