"""The PLEDGE pages in a browser: the questionnaire (also with errors), the results, the
organisation's page and the public register pass axe-core with zero violations; the
questionnaire also works without JavaScript (axe itself needs JavaScript, so not there)."""

import pytest

from pledge import services
from pledge.selectors import Organisation
from tests.factories import TEST_PASSWORD

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_assessment_form_results_and_register_pass_axe(page, live_server, axe_check, north):
    org = Organisation(area=north.area)
    assessment = services.start_assessment(org, by=north.admin)
    sign_in(page, live_server, north.admin.email, TEST_PASSWORD)
    page.wait_for_url("**/attention/")  # its home page (issue #17)
    page.goto(f"{live_server.url}/pledge/area/north/")
    axe_check(page)

    page.goto(f"{live_server.url}/pledge/assessments/{assessment.pk}/")
    assert "Threshold set to 3 complaints" in page.content()
    axe_check(page)

    # Answer "no" against the portal's "yes" without saying why: the error summary shows.
    page.check("#id_threshold-value_2")
    page.click("button[value=save]")
    page.wait_for_selector(".govuk-error-summary")
    axe_check(page)

    page.check("#id_threshold-value_0")
    for radio in page.locator("input[type=radio][value=yes]").all():
        radio.check()
    page.check("#id_staff-training-value_2")
    # Where the portal suggested something else (no housing provider co-opted here), say why.
    for override in page.locator("textarea[id$='-override']").all():
        override.fill("Agreed with the partnership, not yet in the portal.")
    page.click("button[value=submit]")
    page.wait_for_url(f"**/pledge/assessments/{assessment.pk}/results/")
    assert "Improvement plan" in page.content()
    assert "Train every member of staff" in page.content()
    axe_check(page)

    page.goto(f"{live_server.url}/pledge/area/north/sign/")
    page.fill("#id_signatory_name", "Ann Lee")
    page.fill("#id_job_title", "Chief Executive")
    page.fill("#id_procedure_url", "https://north.example.org/asb-case-review")
    page.click("text=Sign the pledge >> nth=-1")
    page.wait_for_url("**/pledge/area/north/")
    axe_check(page)

    page.goto(f"{live_server.url}/pledge/register/")
    assert "Ann Lee, Chief Executive" in page.content()
    assert "declare they have signed" in page.content()
    axe_check(page)


def test_questionnaire_works_without_javascript(page_without_js, live_server, north):
    page = page_without_js
    sign_in(page, live_server, north.admin.email, TEST_PASSWORD)
    page.wait_for_url("**/attention/")  # its home page (issue #17)
    page.goto(f"{live_server.url}/pledge/area/north/")
    page.click("text=Start a new self-assessment")
    page.wait_for_url("**/pledge/assessments/*/")
    page.check("#id_staff-training-value_1")
    page.fill("#id_staff-training-note", "Half the team trained.")
    page.click("button[value=save]")
    page.wait_for_selector(".govuk-notification-banner")
    assert page.is_checked("#id_staff-training-value_1")
    assert page.input_value("#id_staff-training-note") == "Half the team trained."


def test_public_register_without_signing_in(page, live_server, axe_check, db):
    page.goto(f"{live_server.url}/pledge/register/")
    assert "No organisation has declared it has signed yet." in page.content()
    axe_check(page)
