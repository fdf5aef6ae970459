"""The bodies' incident records in the browser, JavaScript off: the police upload a CSV with
bad rows, match its columns and read the row-by-row report; the officer finds Jane Doe on the
list of possible case reviews with the evidence; on its check page the police confirm a
suggested record of their own. axe-core finds nothing on any of those pages."""

import pytest

from tests.factories import TEST_PASSWORD
from tests.incidents.helpers import days_ago, stand_in_linker
from tests.incidents.records import record

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# Headers that read as ours, but for two the police name their own way.
HEADERS = "reference,incident_date,reported_date,first_name,surname,postcode,Crime type,Hate"


def csv_content() -> bytes:
    rows = [
        f"P-1,{days_ago(70)},{days_ago(69)},Jane,Doe,L1 8JQ,Noise,no",
        f"P-2,{days_ago(45)},{days_ago(44)},Jayne,Doe,L1 8JQ,Noise,no",
        f"P-3,not a date,{days_ago(30)},Jane,Doe,L1 8JQ,Noise,no",
        f"P-4,{days_ago(15)},{days_ago(14)},Jane,Doe,L1 8JQ,Noise,yes",
        f"P-5,{days_ago(10)},{days_ago(9)},Jane,,NOWHERE,Noise,no",
    ]
    return "\n".join([HEADERS, *rows]).encode()


@pytest.fixture(autouse=True)
def linker(monkeypatch):
    import incidents.linking

    monkeypatch.setattr(incidents.linking, "link_records", stand_in_linker, raising=False)


def upload_with_errors(page, live_server, north, axe_check):
    sign_in(page, live_server, north.responder.email, TEST_PASSWORD)
    page.wait_for_url("**/requests/")
    page.goto(f"{live_server.url}/incidents/upload/")
    page.click("#id_submit")  # nothing chosen: the error summary
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    page.check("input[name=membership]")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "police.csv", "mimeType": "text/csv", "buffer": csv_content()}],
    )
    page.click("#id_submit")
    page.wait_for_url("**/columns/")
    assert page.locator("select[name=reference]").input_value() == "reference"
    axe_check(page)
    page.select_option("select[name=category]", "Crime type")
    page.select_option("select[name=hate_related]", "Hate")
    page.click("#id_submit")
    page.wait_for_selector("#row-errors")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "2 rows could not be imported" in summary
    assert "Row 4: Date of the incident must be a date" in summary
    errors = page.locator("#row-errors").inner_text()
    assert "Reporter's surname" in errors and "Postcode must be a UK postcode" in errors
    axe_check(page)


def officer_finds_a_possible_review(page, live_server, north, axe_check):
    page.context.clear_cookies()
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.goto(f"{live_server.url}/possible-reviews/")
    page.click("#possible-reviews a:text('Jayne Doe'), #possible-reviews a:text('Jane Doe')")
    evidence = page.locator("#link-evidence").inner_text()
    assert "North Police P-1" in evidence and "likely the same person" in evidence
    assert "The threshold is met: 3 complaints count" in page.content()
    axe_check(page)
    page.goto(f"{live_server.url}/possible-reviews/")
    axe_check(page)


def police_confirm_a_suggestion(page, live_server, north, axe_check):
    page.context.clear_cookies()
    complaint = north.case.complaints.order_by("incident_date").first()
    record(north, ref="CAD-77", days=50, first_name="North", surname="Applicant", postcode="")
    check = north.case.threshold_checks.get(agency=north.police)
    sign_in(page, live_server, north.responder.email, TEST_PASSWORD)
    page.wait_for_url("**/requests/")
    page.goto(f"{live_server.url}/checks/{check.pk}/")
    assert "Possible match: 70%" in page.content()
    axe_check(page)
    page.click("button:has-text('Confirm CAD-77')")
    page.wait_for_selector(".govuk-notification-banner")
    assert page.locator(f"input[name=reference_{complaint.pk}]").input_value() == "CAD-77"
    assert page.locator(f"#id_finding_{complaint.pk}[value=found]").is_checked()
    axe_check(page)


def test_upload_possible_reviews_and_suggestions_without_javascript(
    page_without_js, live_server, axe_check, north
):
    upload_with_errors(page_without_js, live_server, north, axe_check)
    officer_finds_a_possible_review(page_without_js, live_server, north, axe_check)
    police_confirm_a_suggestion(page_without_js, live_server, north, axe_check)
