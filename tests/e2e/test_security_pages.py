"""The security and privacy pages pass axe-core: second-factor set-up and codes, lockout,
the access audit, the private link and subject access pages, and the 429 page."""

import pytest
from django.core.cache import cache
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TEST_PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_second_factor_set_up_and_codes_pass_axe(page, live_server, axe_check, north, settings):
    from agencies import enrolment

    settings.REQUIRE_2FA = True
    # The password alone enrols nothing: the set-up page says whom to ask (issue #15).
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/sign-in/set-up/")
    assert "Ask your area admin" in page.content()
    axe_check(page)
    page.click("text=Back to sign in")
    _link, token = enrolment.issue_link(north.officer, by=north.admin)
    page.goto(f"{live_server.url}/sign-in/set-up/{token}/")
    page.wait_for_url("**/sign-in/")
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/sign-in/set-up/")
    page.locator("img[src^='data:image/svg+xml']").wait_for(state="visible")
    axe_check(page)
    page.click("#id_submit")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    device = TOTPDevice.objects.get(user=north.officer)
    page.fill("input[name=code]", code_for(device))
    page.click("#id_submit")
    page.wait_for_url("**/sign-in/backup-codes/")
    assert page.locator("#backup-codes li").count() == 10
    axe_check(page)
    page.click("text=Continue")
    page.wait_for_url("**/cases/")
    page.click("text=Sign out")
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/sign-in/code/")
    axe_check(page)


def test_api_token_pages_pass_axe_without_javascript(
    page_without_js, live_server, axe_check, north
):
    """Create, read once, confirm and revoke: plain forms, no script needed (issue #15)."""
    page = page_without_js
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.click("text=API tokens")
    page.wait_for_url("**/account/api-tokens/")
    page.click("#id_submit")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.fill("input[name=name]", "Housing import")
    page.check("input[value=read]")
    page.click("#id_submit")
    assert page.locator("#api-token").inner_text().startswith("asb_")
    axe_check(page)
    page.click("text=Back to your tokens")
    assert "Housing import" in page.locator("#api-tokens").inner_text()
    axe_check(page)
    page.click("#api-tokens a")
    assert "Are you sure" in page.content()
    axe_check(page)
    page.click("text=Revoke token")
    page.wait_for_url("**/account/api-tokens/")
    assert "has been revoked" in page.content()


def test_lockout_message_passes_axe(page, live_server, axe_check, north, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        sign_in(page, live_server, north.officer.email, "not-the-password")
    assert "too many times" in page.content()
    axe_check(page)


def test_privacy_pages_pass_axe(page, live_server, axe_check, north):
    sign_in(page, live_server, north.admin.email, TEST_PASSWORD)
    page.wait_for_url("**/attention/")  # its home page (issue #17)
    base = f"{live_server.url}/cases/{north.area.slug}/{north.case.reference}"
    page.goto(base + "/")
    page.click("text=switch it off or issue a new one")
    axe_check(page)
    page.goto(base + "/subject-access/")
    axe_check(page)
    page.goto(f"{live_server.url}/audit/")
    assert north.case.reference in page.content()
    axe_check(page)


def test_rate_limit_page_passes_axe(page, live_server, axe_check, settings):
    cache.clear()
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "track": "1/3600"}
    page.goto(f"{live_server.url}/track/guess-number-one-0000000000/")
    page.goto(f"{live_server.url}/track/guess-number-two-0000000000/")
    assert "too many attempts" in page.content()
    axe_check(page)
    cache.clear()
