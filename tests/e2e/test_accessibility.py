"""Every page a journey visits passes axe-core with zero violations, and works without JS."""

import pytest

from tests.factories import TEST_PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = ["/", "/check/", "/accessibility/", "/privacy/", "/sign-in/", "/no-such-page/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_pass_axe(page, live_server, axe_check, path):
    page.goto(f"{live_server.url}{path}")
    axe_check(page)


def test_sign_in_error_passes_axe(page, live_server, axe_check, north):
    page.goto(f"{live_server.url}/sign-in/")
    page.click("#id_submit")
    page.wait_for_selector(".govuk-error-summary", state="visible")
    axe_check(page)


def test_officer_pages_pass_axe(page, live_server, axe_check, north):
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    axe_check(page)
    page.click(f"text={north.case.reference}")
    page.wait_for_selector("h1")
    axe_check(page)
    page.click("text=Decide the threshold")
    axe_check(page)
    page.click("button:has-text('Continue')")
    # Waits for the answer page: under load the click's navigation can still be on its way.
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)


def test_officer_decides_threshold_without_javascript(page_without_js, live_server, north):
    page = page_without_js
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/cases/{north.area.slug}/{north.case.reference}/threshold/")
    page.check("input[name=outcome][value=met]")
    page.click("button:has-text('Continue')")
    # Check before you commit (issue #17): nothing is recorded until confirmed.
    page.wait_for_url("**/threshold/check/")
    assert "Your case review will go ahead" in page.locator("#letter-preview").inner_text()
    north.case.refresh_from_db()
    assert north.case.status == "submitted"
    page.click("button:has-text('Record the decision and send the letter')")
    page.wait_for_selector(".govuk-notification-banner")
    assert "Threshold met" in page.content()
    north.case.refresh_from_db()
    assert north.case.status == "agencies_notified"


def test_eligibility_check_answer_passes_axe(page, live_server, axe_check, north):
    page.goto(f"{live_server.url}/check/")
    page.click("#id_check")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.select_option("select[name=area]", north.area.slug)
    for n, (day, month) in enumerate([("1", "1"), ("2", "1")], start=1):
        if n > 1:
            page.click("button:has-text('Add another incident')")
        for field in ("happened", "reported"):
            page.fill(f"input[name=incident_{n}_{field}_0]", day)
            page.fill(f"input[name=incident_{n}_{field}_1]", month)
            page.fill(f"input[name=incident_{n}_{field}_2]", "2026")
    page.click("#id_check")
    page.locator(".govuk-panel").wait_for(state="visible")
    axe_check(page)


def test_responder_pages_pass_axe(page, live_server, axe_check, north):
    from triggers.threshold.services import decide_threshold

    decide_threshold(north.case, "met", by=north.officer)
    request = north.case.information_requests.get(agency=north.police)
    sign_in(page, live_server, north.responder.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/requests/")
    axe_check(page)
    page.goto(f"{live_server.url}/requests/{request.pk}/")
    axe_check(page)
    page.fill("textarea[name=report_1_summary]", "Noise reported")
    page.click("button:has-text('Send your information')")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)


def test_meeting_scheduling_page_passes_axe(page, live_server, axe_check, north):
    from triggers.threshold.services import decide_threshold

    decide_threshold(north.case, "met", by=north.officer)
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/cases/{north.area.slug}/{north.case.reference}/meeting/")
    axe_check(page)
    page.click("#id_submit")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
