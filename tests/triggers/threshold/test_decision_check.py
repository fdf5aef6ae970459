"""Check before you commit (issue #17): the threshold decision is shown with its reasons and
the applicant's letter before anything is recorded; only the confirmation records it."""

import re

import pytest
from django.urls import reverse

from notifications.models import Message
from tests.factories import complaint_data, make_case
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


def form_url(case):
    return reverse("case_threshold", args=[case.area.slug, case.reference])


def check_url(case):
    return reverse("case_threshold_decision_check", args=[case.area.slug, case.reference])


DISCRETION = {
    "outcome": "met_on_discretion",
    "grounds": ["vulnerability"],
    "reasons": "The victim is disabled and lives alone.",
}


def unchanged(case, messages_before):
    case.refresh_from_db()
    return (
        case.status == Status.SUBMITTED
        and not case.threshold_decisions.exists()
        and not case.letters.exists()
        and not case.information_requests.exists()
        and Message.objects.count() == messages_before
    )


def test_nothing_is_recorded_until_the_officer_confirms(client, north):
    case = make_case(north.area, complaints=[complaint_data(20)])
    before = Message.objects.count()
    client.force_login(north.officer)
    response = client.post(form_url(case), DISCRETION)
    assert response.status_code == 302 and response.url == check_url(case)
    page = client.get(check_url(case)).content.decode()
    assert unchanged(case, before)
    assert "Check the threshold decision before you record it" in page
    assert "Review ordered on discretion" in page
    assert "The victim&#x27;s vulnerability" in page
    assert "The victim is disabled and lives alone." in page
    # The letter, from the same template as the PDF, and who it goes to.
    letter = page.split('id="letter-preview"')[1].split("govuk-warning-text")[0]
    assert "Your case review will go ahead" in letter
    assert "vulnerability" in letter.lower()
    assert "applicant@example.com" in page
    assert "North Council" in page and "North Police" in page  # asked for information
    # Going back keeps what the officer typed.
    back = client.get(form_url(case)).content.decode()
    assert "The victim is disabled and lives alone." in back
    [ground] = re.findall(r'<input[^>]*value="vulnerability"[^>]*>', back)
    assert "checked" in ground
    assert unchanged(case, before)
    # Confirming records it, and forgets the typed answers.
    response = client.post(check_url(case))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.AGENCIES_NOTIFIED
    assert case.threshold_decisions.get().reasons == DISCRETION["reasons"]
    assert case.letters.count() == 1
    assert Message.objects.filter(topic="Threshold decision").exists()
    assert client.session.get(f"threshold_decision:{case.pk}") is None


def test_the_check_page_refuses_what_the_service_would_refuse(client, north):
    """Bad answers stay on the form with an error summary; the check page is never shown."""
    case = make_case(north.area, complaints=[complaint_data(20)])
    client.force_login(north.officer)
    page = client.post(form_url(case), {"outcome": "met"}).content.decode()
    assert "govuk-error-summary" in page and "do not meet the threshold" in page
    assert client.get(check_url(case)).url == form_url(case)  # nothing to check
    assert client.post(check_url(case)).url == form_url(case)
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED and not case.letters.exists()


def test_a_case_decided_meanwhile_is_not_decided_twice(client, north):
    client.force_login(north.officer)
    client.post(form_url(north.case), {"outcome": "met"})
    other = client.__class__()
    other.force_login(north.admin)
    other.post(form_url(north.case), {"outcome": "met"})
    assert other.post(check_url(north.case)).status_code == 302
    response = client.post(check_url(north.case))
    assert response.status_code == 302
    assert north.case.threshold_decisions.count() == 1
