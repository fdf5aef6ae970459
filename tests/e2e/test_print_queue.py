"""The print queue in the browser with JavaScript off: an officer follows the header's link,
adds an address to a letter that could not be sent, prints the letters and marks them posted;
axe-core finds nothing on any page."""

import pytest

from tests.factories import TEST_PASSWORD
from tests.triggers.post.helpers import postal_case
from triggers.models import LetterDelivery

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_print_queue_without_javascript_passes_axe(page_without_js, live_server, axe_check, north):
    page = page_without_js
    case = postal_case(north)
    unsent = postal_case(north, name="Nora Noaddress", address="", postcode="")
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.click("text=Print queue (2)")
    page.wait_for_url(f"**/print-queue/{north.area.slug}/")
    assert case.reference in page.content() and "Nora Noaddress" in page.content()
    axe_check(page)

    page.click("text=Add an address")
    page.click("#id_submit")  # nothing given: the error summary
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.fill("textarea[name=address]", "3 New Road\nNorthtown")
    page.fill("input[name=postcode]", "NT9 9ZZ")
    page.click("#id_submit")
    page.wait_for_url(f"**/print-queue/{north.area.slug}/")
    assert "Letters that cannot be sent" not in page.content()

    with page.expect_download() as download:
        page.click("text=Print all 2 letters (PDF)")
    assert download.value.suggested_filename.endswith(".pdf")

    page.click("#mark-posted")  # nothing selected: the error summary
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.check(f"input[name=delivery][value='{LetterDelivery.objects.get(case=case).pk}']")
    page.check(f"input[name=delivery][value='{LetterDelivery.objects.get(case=unsent).pk}']")
    page.click("#mark-posted")
    assert "2 letters marked posted on" in page.content()
    assert "No letters are waiting to be posted." in page.content()
    axe_check(page)
    page.goto(f"{live_server.url}/cases/{north.area.slug}/{case.reference}/")
    assert "posted on" in page.content() and "served on" in page.content()
    axe_check(page)


def test_the_area_admin_sets_the_return_address_without_javascript(
    page_without_js, live_server, axe_check, north
):
    page = page_without_js
    postal_case(north)
    sign_in(page, live_server, north.admin.email, TEST_PASSWORD)
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/print-queue/{north.area.slug}/")
    assert "None set" in page.content()
    page.click("text=Change the return address")
    page.wait_for_url(f"**/areas/{north.area.slug}/return-address/")
    axe_check(page)
    page.fill("textarea[name=return_address]", "Town Hall\nNowhere")  # no postcode
    page.click("#id_save")
    page.locator(".govuk-error-summary").wait_for(state="visible")
    assert "real postcode" in page.content()
    axe_check(page)
    page.fill("textarea[name=return_address]", "Town Hall\nNorthtown\nNT1 1AA")
    page.click("#id_save")
    page.wait_for_url(f"**/areas/{north.area.slug}/return-address/")
    assert "return address is saved" in page.content()
    axe_check(page)
    page.goto(f"{live_server.url}/print-queue/{north.area.slug}/")
    assert "Town Hall" in page.content() and "NT1 1AA" in page.content()
    axe_check(page)
