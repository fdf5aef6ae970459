"""Check before you commit (issue #17): finalising the action plan and sending the outcome
letter each show what they will do, and change nothing until the officer confirms."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from agencies.working_days import add_working_days
from notifications.models import Message
from tests.triggers.reviews.test_review import review_data, schedule
from triggers.models import Letter, ReviewRecord
from triggers.reviews import services as reviews_services
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(north):
    """A review recorded today, after yesterday's meeting; its plan still a draft."""
    decide_threshold(north.case, "met", by=north.officer)
    schedule(north, north.case)
    north.case.refresh_from_db()
    return reviews_services.record_review(north.case, review_data(north), by=north.officer)


def url(case, name):
    return reverse(name, args=[case.area.slug, case.reference])


def snapshot(case):
    case.refresh_from_db()
    review = ReviewRecord.objects.get(case=case)
    return (
        case.status,
        review.plan_finalised_at,
        review.outcome_sent_at,
        case.letters.count(),
        Message.objects.count(),
        case.events.count(),
    )


def test_finalising_the_plan_is_checked_first(client, north, held):
    reviews_services.comment_on_plan(held.case, "Please add weekends.")
    client.force_login(north.officer)
    before = snapshot(held.case)
    page = client.get(url(held.case, "case_plan_finalise")).content.decode()
    assert snapshot(held.case) == before
    assert "Check the action plan before you finalise it" in page
    table = page.split('id="plan-actions"')[1].split("</table>")[0]
    assert "Late-night patrols." in table and "North Police" in table
    assert f"{timezone.localdate() + timedelta(days=30):%-d %b %Y}" in table
    told = page.split('id="who-is-told"')[1].split("</ul>")[0]
    assert "North Police" in told and "North Council" in told and "applicant@example.com" in told
    assert "The victim commented" in page
    assert client.post(url(held.case, "case_plan_finalise")).status_code == 302
    held.refresh_from_db()
    assert held.plan_finalised_at is not None
    assert held.case.events.filter(summary="Action plan finalised").exists()


def test_a_plan_that_cannot_be_finalised_yet_says_why_without_a_check_page(client, north, held):
    client.force_login(north.officer)  # no comment, consultation still open
    response = client.get(url(held.case, "case_plan_finalise"), follow=True)
    assert "to comment on the draft action plan" in response.content.decode()
    held.refresh_from_db()
    assert held.plan_finalised_at is None


def test_sending_the_outcome_is_checked_first_with_the_letter_and_its_pdf(client, north, held):
    reviews_services.comment_on_plan(held.case, "Please add weekends.")
    reviews_services.finalise_plan(held, by=north.officer)
    client.force_login(north.officer)
    before = snapshot(held.case)
    page = client.get(url(held.case, "case_outcome_send")).content.decode()
    letter = page.split('id="letter-preview"')[1].split("govuk-warning-text")[0]
    assert "The outcome of your case review" in letter and "Persistent noise at night." in letter
    appeal_by = add_working_days(timezone.localdate(), north.area.appeal_window_days)
    assert f"{appeal_by:%-d %B %Y}" in page.split('id="appeal-by"')[1].split("</dd>")[0]
    assert "applicant@example.com" in page
    pdf = client.get(url(held.case, "case_outcome_letter_preview"))
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Persistent noise at night." in " ".join(text.split())
    assert snapshot(held.case) == before  # nothing stored, sent or recorded
    assert client.post(url(held.case, "case_outcome_send")).status_code == 302
    held.case.refresh_from_db()
    assert held.case.status == Status.ACTIONS_IN_PROGRESS
    assert held.case.letters.filter(kind=Letter.Kind.OUTCOME).count() == 1
    assert Message.objects.filter(topic="Outcome of the review").count() == 1
    # Sent: no check page and no preview any more.
    response = client.get(url(held.case, "case_outcome_send"), follow=True)
    assert "can be sent once" in response.content.decode()
    assert client.get(url(held.case, "case_outcome_letter_preview")).status_code == 302


def test_the_outcome_waits_for_the_final_plan(client, north, held):
    client.force_login(north.officer)
    response = client.get(url(held.case, "case_outcome_send"), follow=True)
    assert "Finalise the action plan before sending the outcome" in response.content.decode()
    assert not held.case.letters.filter(kind=Letter.Kind.OUTCOME).exists()
