"""Passing the application on, in the browser: the police responder finds a new application
in their inbox and records their check (with its errors); the officer's threshold page shows
it beside the engine's count. axe-core finds nothing, with JavaScript on and off."""

import pytest

from tests.factories import TEST_PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def record_a_check(page, live_server, north, axe_check):
    sign_in(page, live_server, north.responder.email, TEST_PASSWORD)
    page.wait_for_url("**/requests/")  # its home page (issue #17)
    page.goto(f"{live_server.url}/requests/")
    assert "Applications to check" in page.content()
    if axe_check:
        axe_check(page)
    page.click(f"#applications-to-check a:text('{north.case.reference}')")
    assert north.case.applicant_name in page.content()
    assert north.case.applicant_email not in page.content()
    page.click("#id_submit")  # nothing chosen: the error summary
    page.locator(".govuk-error-summary").wait_for(state="visible")
    if axe_check:
        axe_check(page)
    for complaint in north.case.complaints.all():
        page.check(f"input[name=finding_{complaint.pk}][value=found]")
        page.fill(f"input[name=reference_{complaint.pk}]", f"CAD-{complaint.position + 100}")
    page.click("#id_submit")
    page.wait_for_selector(".govuk-notification-banner")
    if axe_check:
        axe_check(page)
    check = north.case.threshold_checks.get(agency=north.police)
    assert check.status == "checked"


def officer_sees_it(page, live_server, north, axe_check):
    page.context.clear_cookies()
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.goto(f"{live_server.url}/cases/{north.area.slug}/{north.case.reference}/threshold/")
    findings = page.locator("#findings").inner_text()
    assert "North Police: found in our records (ref CAD-100)" in findings
    assert "North Council: not checked" in findings
    if axe_check:
        axe_check(page)


def test_responder_records_a_check_and_the_officer_sees_it(page, live_server, axe_check, north):
    record_a_check(page, live_server, north, axe_check)
    officer_sees_it(page, live_server, north, axe_check)


def test_the_same_without_javascript(page_without_js, page, live_server, axe_check, north):
    record_a_check(page_without_js, live_server, north, None)
    officer_sees_it(page_without_js, live_server, north, None)
    # axe needs JavaScript to run, so the pages are checked as a browser without it shows
    # them: in a page whose own scripts are all blocked (no js-enabled class, no modules).
    page.route("**/*.js", lambda route: route.abort())
    check = north.case.threshold_checks.get(agency=north.police)
    sign_in(page, live_server, north.responder.email, TEST_PASSWORD)
    page.wait_for_url("**/requests/")  # its home page (issue #17)
    page.goto(f"{live_server.url}/checks/{check.pk}/")
    assert "js-enabled" not in page.evaluate("document.body.className")
    axe_check(page)
    officer_sees_it(page, live_server, north, axe_check)
