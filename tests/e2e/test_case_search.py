"""The case list in the browser at a phone's width (390 px), JavaScript off: search, sort by a
heading, save the filter; the page never scrolls sideways (the table scrolls in its own box)
and axe-core finds nothing."""

import pytest

from tests.factories import TEST_PASSWORD, make_case

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def test_search_and_sort_at_390px_without_javascript(
    page_without_js, live_server, axe_check, north
):
    page = page_without_js
    page.set_viewport_size({"width": 390, "height": 844})
    for name in ("Alice Morgan", "Bryony Morgan"):
        make_case(
            north.area,
            applicant_name=name,
            data={
                "applicant_postcode": "NT1 4AB",
                "behaviour_location": "The long passage behind Beaconsfield Parade",
            },
        )
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    axe_check(page)

    page.fill("#case-search", "Morgan")
    page.click("main button:has-text('Search')")
    page.wait_for_url("**/cases/?q=Morgan")
    body = page.content()
    assert "Alice Morgan" in body and "Bryony Morgan" in body
    assert north.case.reference not in body
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    axe_check(page)

    page.click("th >> a:has-text('Applicant')")
    heading = page.locator("th:has(a:has-text('Applicant'))")
    assert heading.get_attribute("aria-sort") == "ascending"
    names = page.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert names[0].startswith("Alice") and names[1].startswith("Bryony")
    page.click("th >> a:has-text('Applicant')")
    assert heading.get_attribute("aria-sort") == "descending"
    names = page.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert names[0].startswith("Bryony")
    assert "q=Morgan" in page.url
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    axe_check(page)

    page.click("text=Save this filter")
    page.fill("input[name=name]", "Morgans")
    page.click("#id_save")
    page.wait_for_url("**/cases/?q=Morgan*")
    page.locator("text=Your saved filters").wait_for(state="visible")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    axe_check(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_header_search_at_320px_finds_the_case_from_any_page(
    page, page_without_js, live_server, axe_check, north, javascript
):
    """The staff's search in the header (issue #17): one row at 320 px, from a page that is not
    the case list (the requests), to the case list's results."""
    tab = page if javascript else page_without_js
    tab.set_viewport_size({"width": 320, "height": 700})
    make_case(north.area, applicant_name="Carys Pritchard")
    sign_in(tab, live_server, north.officer.email, TEST_PASSWORD)
    tab.wait_for_url("**/cases/")
    tab.goto(f"{live_server.url}/requests/")
    field = tab.locator("#header-search")
    button = tab.locator(".app-header__search-button")
    assert field.is_visible() and button.is_visible()
    assert abs(field.bounding_box()["y"] - button.bounding_box()["y"]) < 4  # one row
    assert button.bounding_box()["x"] + button.bounding_box()["width"] <= 320
    assert tab.evaluate(NO_SIDEWAYS_SCROLL)
    axe_check(tab)
    field.fill("Pritchard")
    button.click()
    tab.wait_for_url("**/cases/?q=Pritchard")
    body = tab.locator("main").inner_text()
    assert "Carys Pritchard" in body and north.case.reference not in body
    tab.goto(f"{live_server.url}/check/")
    assert tab.locator("#header-search").count() == 0  # not on the public's pages
