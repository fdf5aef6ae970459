"""The area admin's GOV.UK Notify settings page: axe-clean, errors in the summary, and the key
never shown back (issue #16)."""

import pytest

from tests.factories import TEST_PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"north_live-26785a09-ab16-4eb0-8407-a37497a57506-{SECRET}"


def test_notify_settings_pass_axe_and_hide_the_key(page, live_server, axe_check, north):
    sign_in(page, live_server, north.admin.email, TEST_PASSWORD)
    page.wait_for_url("**/attention/")  # an area admin starts on what needs attention
    page.goto(f"{live_server.url}/messages/failed/")
    page.click("text=Send North's messages through GOV.UK Notify")
    page.wait_for_selector("h1")
    axe_check(page)
    page.check("input[name=use_for_email]")
    page.click("button:has-text('Save settings')")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.fill("input[name=api_key]", API_KEY)
    page.fill("input[name=email_template_id]", "11111111-2222-3333-4444-555555555555")
    page.click("button:has-text('Save settings')")
    page.wait_for_selector(".govuk-notification-banner")
    assert "A key is saved" in page.content() and SECRET not in page.content()
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 800})
    axe_check(page)
