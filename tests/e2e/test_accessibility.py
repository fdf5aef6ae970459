"""Every page a journey visits passes axe-core with zero violations, and works without JS."""

import pytest

from tests.factories import TEST_PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = ["/", "/accessibility/", "/privacy/", "/sign-in/", "/no-such-page/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_pass_axe(page, live_server, axe_check, path):
    page.goto(f"{live_server.url}{path}")
    axe_check(page)


def test_sign_in_error_passes_axe(page, live_server, axe_check, north):
    page.goto(f"{live_server.url}/sign-in/")
    page.click("#id_submit")
    assert page.locator(".govuk-error-summary").is_visible()
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
    page.click("button:has-text('Record decision')")
    assert page.locator(".govuk-error-summary").is_visible()
    axe_check(page)


def test_officer_decides_threshold_without_javascript(page_without_js, live_server, north):
    page = page_without_js
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/cases/{north.area.slug}/{north.case.reference}/threshold/")
    page.check("input[name=outcome][value=met]")
    page.click("button:has-text('Record decision')")
    page.wait_for_selector(".govuk-notification-banner")
    assert "Threshold met" in page.content()
    north.case.refresh_from_db()
    assert north.case.status == "threshold_met"
