"""Add another on the information return: without JavaScript the server adds the block; with
it the block is cloned on the page, renumbered, with no round trip; both pass axe."""

import pytest

from tests.factories import TEST_PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def open_return(page, live_server, north):
    from triggers.threshold.services import decide_threshold

    decide_threshold(north.case, "met", by=north.officer)
    request = north.case.information_requests.get(agency=north.police)
    sign_in(page, live_server, north.responder.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/requests/{request.pk}/")
    return request


def blocks(page):
    return page.locator('[data-add-another-item="report"]')


def test_without_javascript_the_server_adds_a_block(page_without_js, live_server, axe_check, north):
    page = page_without_js
    open_return(page, live_server, north)
    assert blocks(page).count() == 1
    page.fill("textarea[name=report_1_summary]", "Noise reported")
    with page.expect_navigation():
        page.click("button:has-text('Add another report')")
    assert blocks(page).count() == 2
    assert page.input_value("textarea[name=report_1_summary]") == "Noise reported"
    assert page.locator(".govuk-error-summary").count() == 0
    axe_check(page)


def test_with_javascript_a_block_is_added_without_a_round_trip(page, live_server, axe_check, north):
    request = open_return(page, live_server, north)
    posts = []
    page.on("request", lambda sent: posts.append(sent) if sent.method == "POST" else None)
    page.fill("input[name=report_1_date_0]", "3")
    page.fill("input[name=report_1_date_1]", "10")
    page.fill("input[name=report_1_date_2]", "2026")
    page.fill("textarea[name=report_1_summary]", "First report")
    page.click("button:has-text('Add another report')")
    page.click("button:has-text('Add another report')")
    assert blocks(page).count() == 3 and posts == []
    assert page.locator("textarea[name=report_3_summary]").input_value() == ""
    assert page.locator("#id_report_3_date_0").count() == 1
    page.click("button[value=report-2]")  # remove the middle one: the last becomes 2
    assert blocks(page).count() == 2 and posts == []
    assert page.locator("button[value=report-2]").count() == 1
    axe_check(page)
    page.fill("input[name=report_2_date_0]", "4")
    page.fill("input[name=report_2_date_1]", "10")
    page.fill("input[name=report_2_date_2]", "2026")
    page.fill("textarea[name=report_2_summary]", "Second report")
    with page.expect_navigation():
        page.click("button:has-text('Send your information')")
    request.refresh_from_db()
    summaries = list(request.information_return.reports.values_list("summary", flat=True))
    assert summaries == ["First report", "Second report"]


# The public eligibility check (issue #17): the same pattern, for the incidents.


def incidents(page):
    return page.locator('[data-add-another-item="incident"]')


def fill_incident(page, n, day):
    for field in ("happened", "reported"):
        page.fill(f"input[name=incident_{n}_{field}_0]", day)
        page.fill(f"input[name=incident_{n}_{field}_1]", "10")
        page.fill(f"input[name=incident_{n}_{field}_2]", "2026")


def test_the_check_adds_an_incident_on_the_server_without_javascript(
    page_without_js, live_server, axe_check, north
):
    page = page_without_js
    page.goto(f"{live_server.url}/check/")
    assert incidents(page).count() == 1
    page.select_option("select[name=area]", north.area.slug)
    fill_incident(page, 1, "3")
    with page.expect_navigation():
        page.click("button:has-text('Add another incident')")
    assert incidents(page).count() == 2
    assert page.input_value("input[name=incident_1_happened_0]") == "3"
    assert page.locator(".govuk-error-summary").count() == 0
    axe_check(page)
    with page.expect_navigation():
        page.click("button[value=incident-1]")  # Remove the first: the empty one moves up
    assert incidents(page).count() == 1
    assert page.input_value("input[name=incident_1_happened_0]") == ""


def test_the_check_adds_incidents_in_the_page_with_javascript(page, live_server, axe_check, north):
    page.goto(f"{live_server.url}/check/")
    posts = []
    page.on("request", lambda sent: posts.append(sent) if sent.method == "POST" else None)
    page.select_option("select[name=area]", north.area.slug)
    fill_incident(page, 1, "3")
    page.click("button:has-text('Add another incident')")
    page.click("button:has-text('Add another incident')")
    assert incidents(page).count() == 3 and posts == []
    fill_incident(page, 2, "4")
    page.click("button[value=incident-3]")
    assert incidents(page).count() == 2 and posts == []
    axe_check(page)
    # Enter in a date submits the check, not the first block's Remove.
    with page.expect_navigation():
        page.press("input[name=incident_2_reported_2]", "Enter")
    page.locator(".govuk-panel").wait_for(state="visible")
    assert page.locator(".govuk-panel + h2 + ol li").count() == 2
