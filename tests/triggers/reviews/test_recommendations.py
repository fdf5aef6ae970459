"""Recommendations to any body exercising public functions, and their recipients' responses
(DOMAIN.md §5.11): stored, emailed at outcome, answered once through a private link or a
responder's page, shown to the officer and the applicant, and reminded after 20 working days."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from agencies.models import RoleAssignment
from agencies.working_days import add_working_days
from notifications.models import PRIVATE_LINK_PLACEHOLDER, Message
from tests.factories import user_with_role
from triggers.models import Case, Recommendation
from triggers.reviews import recommendations
from triggers.reviews import services as reviews_services
from triggers.threshold.services import decide_threshold

from .test_review import case_url, schedule

pytestmark = pytest.mark.django_db
SCHOOL, SCHOOL_EMAIL = "St Mary's Primary School", "head@stmarys.example.org"


@pytest.fixture
def outcome_sent(north):
    decide_threshold(north.case, "met", by=north.officer)
    schedule(north, north.case)
    Case.objects.filter(pk=north.case.pk).update(assigned_officer=north.officer)
    case = Case.objects.get(pk=north.case.pk)
    data = reviews_services.ReviewData(
        without_missing_returns=True,
        attendance="Chair, council, police.",
        findings="Children are harassed at the school gate.",
        recommendations=[
            recommendations.RecommendationData(north.police, "Patrol at home time."),
            recommendations.RecommendationData(None, "Staff the gate.", SCHOOL, SCHOOL_EMAIL),
        ],
    )
    review = reviews_services.record_review(case, data, by=north.officer)
    reviews_services.comment_on_plan(case, "Thank you.")
    reviews_services.finalise_plan(review, by=north.officer)
    reviews_services.send_outcome(review, by=north.officer)
    return review


def school(review) -> Recommendation:
    return review.recommendations.get(agency__isnull=True)


def school_link(message_key_part="sent") -> str:
    message = Message.objects.get(
        to_address=SCHOOL_EMAIL, idempotency_key__endswith=message_key_part
    )
    return message.private_link.removeprefix("http://testserver")


ACCEPT = {"accepted": "yes", "action": "Two staff at the gate.", "responder_name": "Ms Head"}


def accept(days=30):
    due = timezone.localdate() + timedelta(days=days)
    return ACCEPT | {"due_0": due.day, "due_1": due.month, "due_2": due.year}


def test_a_named_body_is_stored_and_emailed_a_private_link_at_outcome(north, outcome_sent):
    rec = school(outcome_sent)
    assert (rec.recipient_name, rec.recipient_email, rec.sent_at is not None) == (
        SCHOOL,
        SCHOOL_EMAIL,
        True,
    )
    message = Message.objects.get(to_address=SCHOOL_EMAIL)
    assert "/respond/" in message.private_link
    assert message.private_link not in message.body and PRIVATE_LINK_PLACEHOLDER in message.body
    assert "Staff the gate." in message.body
    assert rec.token_hash and rec.token_hash not in message.private_link
    police = outcome_sent.recommendations.get(agency=north.police)
    to_police = Message.objects.get(idempotency_key=f"recommendation:{police.pk}:sent")
    assert reverse("recommendation_respond", args=[police.pk]) in to_police.body


def test_the_named_body_responds_once_through_its_link(client, north, outcome_sent):
    link = school_link()
    assert client.get(link).status_code == 200
    incomplete = client.post(link, ACCEPT | {"action": ""})
    page = incomplete.content.decode()
    assert "govuk-error-summary" in page and "Enter what you will do" in page
    assert client.post(link, accept()).status_code == 200
    rec = school(outcome_sent)
    assert rec.response == Recommendation.Response.ACCEPTED
    assert rec.responder_name == "Ms Head" and rec.responded_by is None and not rec.token_hash
    assert Message.objects.filter(
        to_address=north.officer.email, idempotency_key=f"recommendation:{rec.pk}:response"
    ).exists()
    for method in ("get", "post"):
        used = getattr(client, method)(link, accept())
        assert used.status_code == 404 and "This link no longer works" in used.content.decode()
    assert client.get("/respond/not-a-real-token-at-all-000/").status_code == 404


def test_an_expired_link_no_longer_works(client, outcome_sent):
    link = school_link()
    Recommendation.objects.filter(pk=school(outcome_sent).pk).update(
        token_expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(link, accept())
    assert response.status_code == 404 and "This link no longer works" in response.content.decode()
    assert not school(outcome_sent).response


def test_a_member_agency_responds_on_its_page_and_another_agency_gets_404(
    client, north, outcome_sent
):
    police = outcome_sent.recommendations.get(agency=north.police)
    url = reverse("recommendation_respond", args=[police.pk])
    council_responder = user_with_role(
        RoleAssignment.Role.AGENCY_RESPONDER, area=north.area, agency=north.council
    )
    client.force_login(council_responder)
    assert client.get(url).status_code == 404
    assert client.post(url, {"accepted": "no", "reason": "Not ours."}).status_code == 404
    client.force_login(north.responder)  # police
    refused = client.post(url, {"accepted": "no"})
    assert "Enter why you do not accept the recommendation" in refused.content.decode()
    client.post(url, {"accepted": "no", "reason": "No officers at home time."})
    police.refresh_from_db()
    assert police.response == Recommendation.Response.NOT_ACCEPTED
    assert police.responded_by == north.responder

    client.force_login(north.officer)
    page = client.get(case_url(outcome_sent.case)).content.decode()
    assert "No officers at home time." in page and "Not accepted" in page
    client.logout()
    client.get(reverse("track:open", args=[north.case.token]))
    tracking = client.get(reverse("track:case")).content.decode()
    assert "No officers at home time." in tracking and escape(SCHOOL) in tracking


def test_the_record_form_asks_for_a_named_bodys_email(client, north):
    decide_threshold(north.case, "met", by=north.officer)
    schedule(north, north.case)
    client.force_login(north.officer)
    response = client.post(
        case_url(north.case, "case_review_record"),
        {
            "attendance": "Chair.",
            "findings": "Noise.",
            "confirm_missing": "on",
            "rec_1_agency": "named",
            "rec_1_name": SCHOOL,
            "rec_1_text": "Staff the gate.",
        },
    )
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Enter the email address of the body recommendation 1 is for" in page
    assert not Recommendation.objects.exists()


def test_a_recipient_without_a_response_is_reminded_once_after_20_working_days(north, outcome_sent):
    sent_on = timezone.localdate()
    assert recommendations.send_response_reminders(add_working_days(sent_on, 19)) == 0
    assert recommendations.send_response_reminders(add_working_days(sent_on, 20)) == 2
    assert recommendations.send_response_reminders(add_working_days(sent_on, 25)) == 0
    reminder = Message.objects.get(to_address=SCHOOL_EMAIL, idempotency_key__endswith="reminder")
    assert "/respond/" in reminder.private_link and reminder.private_link not in reminder.body
    assert (
        Message.objects.filter(
            to_address=north.officer.email, idempotency_key__endswith="reminder:officer"
        ).count()
        == 2
    )
