"""The case workspace in the browser (issue #17), with JavaScript off: the officer adds a
private note and records a shared contact (with its errors first), hands the case to a
colleague, and the police responder sees the shared contact but never the private note.
axe-core finds nothing on any page."""

import pytest

from agencies.models import RoleAssignment
from tests.factories import TEST_PASSWORD, user_with_role

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PRIVATE = "Known to the team from an earlier case."
SHARED = "Asked the police to visit this week."


def test_officer_adds_notes_and_hands_over_without_javascript(
    page_without_js, live_server, axe_check, north
):
    page = page_without_js
    colleague = user_with_role(
        RoleAssignment.Role.CASE_OFFICER,
        area=north.area,
        agency=north.council,
        full_name="Colleague Officer",
    )
    case_url = f"{live_server.url}/cases/{north.area.slug}/{north.case.reference}/"
    sign_in(page, live_server, north.officer.email, TEST_PASSWORD)
    page.wait_for_url("**/cases/")
    page.goto(case_url)
    axe_check(page)

    page.click("text=Add a note")
    page.fill("textarea[name=text]", PRIVATE)
    page.check("input[name=visibility][value=private]")
    page.click("#id_submit")
    page.wait_for_url(case_url)
    assert "Note added." in page.content()

    page.click("text=Record a contact")
    axe_check(page)
    page.click("#id_submit")  # nothing filled in: the error summary
    page.locator(".govuk-error-summary").wait_for(state="visible")
    assert "Enter who the contact was with" in page.content()
    axe_check(page)
    page.fill("input[name=contact_on_0]", "2")
    page.fill("input[name=contact_on_1]", "11")
    page.fill("input[name=contact_on_2]", "2026")
    page.fill("input[name=contact_with]", "PC Smith, North Police")
    page.check("input[name=channel][value=phone]")
    page.check("input[name=direction][value=out]")
    page.fill("textarea[name=text]", SHARED)
    page.check("input[name=visibility][value=shared]")
    page.click("#id_submit")
    page.wait_for_url(case_url)
    chronology = page.locator("table").last.inner_text()
    assert PRIVATE in chronology and SHARED in chronology
    axe_check(page)

    page.click("text=Hand over the case")
    axe_check(page)
    page.select_option("select[name=officer]", str(colleague.pk))
    page.fill("textarea[name=reason]", "Going on leave")
    page.click("#id_submit")
    page.wait_for_url(case_url)
    assert "Handed over." in page.content()
    officer_row = page.locator(
        ".govuk-summary-list__row", has=page.locator("dt", has_text="Officer")
    )
    assert "Colleague Officer" in officer_row.last.inner_text()
    north.case.refresh_from_db()
    assert north.case.assigned_officer == colleague

    page.context.clear_cookies()
    sign_in(page, live_server, north.responder.email, TEST_PASSWORD)
    page.wait_for_url("**/requests/")  # a responder starts on their requests
    page.goto(case_url)
    content = page.content()
    assert SHARED in content and PRIVATE not in content
    assert "Add a note" not in content
    axe_check(page)
