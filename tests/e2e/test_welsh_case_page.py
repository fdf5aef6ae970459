# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""The case page in Welsh for an officer of a Welsh area who chose Cymraeg (issue #19), with
JavaScript on and off, on a desktop and at 320 px: the timeline's entries (recorded once, in
English) read in Welsh, lang="cy", and axe finds nothing. Screenshots go to
var/screenshots/welsh/ to be looked at."""

import pytest

from tests.factories import TEST_PASSWORD
from tests.welsh.staff import in_wales
from triggers.threshold.services import decide_threshold

from .conftest import _page, sign_in
from .test_welsh_pages import shot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_case_page_and_its_timeline_in_welsh(
    browser, live_server, axe_check, north, javascript
):
    in_wales(north)
    decide_threshold(north.case, "met", by=north.officer, reasons="Three reports in May.")
    case_url = f"{live_server.url}/cases/{north.area.slug}/{north.case.reference}/"
    context, page = _page(browser, javascript=javascript)
    try:
        sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
        page.wait_for_url("**/cases/")
        page.goto(case_url)
        page.click("a[hreflang=cy]")  # the header's switch
        page.wait_for_url(case_url)
        assert page.get_attribute("html", "lang") == "cy"
        timeline = page.locator(".app-timeline").inner_text()
        assert "Cais wedi’i anfon ymlaen i’r cyrff perthnasol" in timeline
        assert "Penderfynodd y cyrff perthnasol: trothwy wedi’i gyrraedd" in timeline
        assert "Gofynnwyd i asiantaethau am wybodaeth (rownd 1)" in timeline
        assert "Three reports in May." in timeline  # the officer's own words, as written
        assert "Application passed on" not in timeline
        axe_check(page)
        shot(page, "case-page", javascript)
        page.set_viewport_size({"width": 320, "height": 900})
        axe_check(page)
        shot(page, "case-page-320", javascript)
    finally:
        context.close()
