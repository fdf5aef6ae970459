"""Withdrawal (DOMAIN.md §5.5): at any time before closure, with a reason from a fixed list,
a letter, the history, any meeting cancelled, and a check page that changes nothing until
the officer confirms. The applicant asks through their link; the officer confirms."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from notifications.models import Message
from triggers.closing import services as closing
from triggers.meetings import services as meetings
from triggers.models import Case, Letter, ReviewMeeting, WithdrawalReason
from triggers.threshold.services import decide_threshold
from triggers.workflow import ALLOWED, OPEN_STATUSES, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(north):
    decide_threshold(north.case, "met", by=north.officer)
    starts = timezone.now() + timedelta(days=7)
    meetings.schedule_review(
        north.case,
        meetings.MeetingData(
            starts_at=starts, ends_at=starts + timedelta(hours=1), chair=north.chair, venue="Hall"
        ),
        by=north.officer,
    )
    return Case.objects.get(pk=north.case.pk)


def test_the_workflow_allows_withdrawal_from_every_open_status():
    assert all(Status.WITHDRAWN in ALLOWED[status] for status in OPEN_STATUSES)


def test_officer_withdraws_with_a_reason_letter_history_and_the_meeting_cancelled(north, scheduled):
    data = closing.WithdrawalData(WithdrawalReason.BEHAVIOUR_STOPPED, "The neighbours moved.")
    letter = closing.withdraw_case(scheduled, data, by=north.officer)
    case = Case.objects.get(pk=scheduled.pk)
    assert case.status == Status.WITHDRAWN and case.closed_at is not None
    assert case.withdrawal_reason == WithdrawalReason.BEHAVIOUR_STOPPED
    assert letter.kind == Letter.Kind.WITHDRAWAL
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(letter.pdf))).pages)
    assert "The behaviour has stopped: The neighbours moved." in text
    event = case.events.get(to_status=Status.WITHDRAWN)
    assert event.by == north.officer and "The neighbours moved." in event.reasons
    assert case.review_meetings.get().status == ReviewMeeting.Status.CANCELLED
    assert case.events.filter(summary="Review meeting cancelled").exists()
    message = Message.objects.get(topic="Case withdrawn")
    assert message.to_address == case.applicant_email


def test_another_reason_needs_words_and_a_closed_case_cannot_be_withdrawn(north, scheduled):
    with pytest.raises(closing.ClosingRefused, match="Say why"):
        closing.withdraw_case(scheduled, closing.WithdrawalData("other"), by=north.officer)
    with pytest.raises(closing.ClosingRefused, match="Choose why"):
        closing.withdraw_case(scheduled, closing.WithdrawalData("bored"), by=north.officer)
    data = closing.WithdrawalData(WithdrawalReason.NO_CONTACT)
    closing.withdraw_case(scheduled, data, by=north.officer)
    with pytest.raises(closing.ClosingRefused, match="no longer open"):
        closing.withdraw_case(scheduled, data, by=north.officer)


def test_the_check_page_changes_nothing_until_confirmed(client, north, scheduled):
    client.force_login(north.officer)
    args = [scheduled.area.slug, scheduled.reference]
    form = client.post(reverse("case_withdraw", args=args), {"reason": "other"})
    assert "Say why the case is being withdrawn" in form.content.decode()
    assert "govuk-error-summary" in form.content.decode()
    response = client.post(
        reverse("case_withdraw", args=args),
        {"reason": "applicant_asked", "details": "They phoned."},
    )
    assert response.url == reverse("case_withdraw_check", args=args)
    page = client.get(response.url).content.decode()
    assert "The applicant asked to withdraw" in page and "They phoned." in page
    assert "The review meeting on" in page and "cannot be undone" in page
    case = Case.objects.get(pk=scheduled.pk)
    assert case.status == Status.REVIEW_SCHEDULED and not case.withdrawal_reason
    assert not case.letters.filter(kind=Letter.Kind.WITHDRAWAL).exists()
    assert case.review_meetings.get().status == ReviewMeeting.Status.SCHEDULED
    client.post(reverse("case_withdraw_check", args=args))
    case.refresh_from_db()
    assert case.status == Status.WITHDRAWN
    assert case.withdrawal_reason == WithdrawalReason.APPLICANT_ASKED


def test_the_applicant_asks_and_the_officer_is_told(client, north):
    client.get(reverse("track:open", args=[north.case.token]))
    assert reverse("track:withdraw") in client.get(reverse("track:case")).content.decode()
    refused = client.post(reverse("track:withdraw"), {"details": "Stopped."})
    assert "Confirm that you want to withdraw" in refused.content.decode()
    client.post(reverse("track:withdraw"), {"details": "Stopped.", "confirm": "on"})
    case = Case.objects.get(pk=north.case.pk)
    assert case.withdrawal_requested_at is not None and case.is_open  # the officer confirms
    assert case.events.filter(summary="The applicant asked to withdraw the case").exists()
    assert Message.objects.filter(topic="Withdrawal requested").exists()
    client.force_login(north.officer)
    page = client.get(reverse("case_detail", args=[case.area.slug, case.reference]))
    assert "The applicant asked to withdraw on" in page.content.decode()
