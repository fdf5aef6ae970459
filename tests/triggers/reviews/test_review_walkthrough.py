"""A case from threshold met to closed, through the pages each person uses."""

import io
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from agencies.models import RoleAssignment
from agencies.working_days import add_working_days
from notifications.models import Message
from tests.factories import user_with_role
from tests.triggers.meetings.test_review_meeting import form_data
from triggers.closing.services import close_cases_due
from triggers.information.services import ReturnData, submit_return
from triggers.models import Action, Letter, ReviewRecord
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

pytestmark = pytest.mark.django_db

STATEMENT = "Every night since March the music starts at midnight and my children cannot sleep."
REC_POLICE = "Patrol the street between 11pm and 2am for six weeks."
REC_COUNCIL = "Consider a noise abatement notice against the flat above."


@contextmanager
def clock(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def due_parts(prefix: str, day) -> dict:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def case_url(case, name="case_detail"):
    return reverse(name, args=[case.area.slug, case.reference])


def test_a_case_from_threshold_met_to_closed(client, north):
    case = north.case
    officer = Client()
    officer.force_login(north.officer)
    victim = Client()

    # Threshold met: the agencies are asked; the police send their return.
    decide_threshold(case, "met", by=north.officer)
    police_request = case.information_requests.get(agency=north.police)
    submit_return(
        police_request,
        ReturnData(actions_taken="Two visits, warning letter sent."),
        by=north.responder,
    )

    # The meeting is arranged; the applicant's invitation carries a calendar file.
    response = officer.post(case_url(case, "case_meeting_schedule"), form_data(north))
    assert response.status_code == 302
    invitation = Message.objects.get(topic="Review meeting", to_address="applicant@example.com")
    calendar = Calendar.from_ical(bytes(invitation.attachments.get().content))
    (event,) = calendar.walk("VEVENT")
    meeting = case.review_meetings.get()
    assert str(event["UID"]) == meeting.uid and calendar["METHOD"] == "REQUEST"

    # The victim says, through their private link, how they take part and what to say.
    assert victim.get(reverse("track:open", args=[case.token])).status_code == 302
    assert "how you want to take part" in victim.get(reverse("track:case")).content.decode()
    response = victim.post(
        reverse("track:involvement"),
        {"way": "written", "statement": STATEMENT, "impact": "No sleep.", "resolution": "Quiet."},
    )
    assert response.status_code == 302
    assert STATEMENT in officer.get(case_url(case)).content.decode()

    # The chair downloads the pack: it holds the statement and the police return, and is
    # marked as the chair's copy.
    chair = Client()
    chair.force_login(north.chair)
    pack = chair.get(case_url(case, "case_review_pack"))
    assert pack.status_code == 200 and pack["Content-Type"] == "application/pdf"
    text = pdf_text(pack.content)
    assert "midnight" in text and "Two visits, warning letter sent." in text
    assert f"Copy for {north.chair.full_name}" in text

    # The review is recorded: two recommendations, three actions.
    due = timezone.localdate() + timedelta(days=40)
    record = {
        "attendance": "Chair, council, police; the victim sent a statement.",
        "findings": "The agencies did not share what they knew; the noise is persistent.",
        "rec_1_agency": str(north.police.pk),
        "rec_1_text": REC_POLICE,
        "rec_2_agency": str(north.council.pk),
        "rec_2_text": REC_COUNCIL,
        "action_1_description": "Fit noise monitoring equipment.",
        "action_1_agency": str(north.council.pk),
        **due_parts("action_1_due", due),
        "action_2_description": "Write to the tenant of the flat above.",
        "action_2_agency": str(north.council.pk),
        **due_parts("action_2_due", due),
        "action_3_description": "Run late-night patrols.",
        "action_3_agency": str(north.police.pk),
        **due_parts("action_3_due", due),
    }
    # Not before the meeting's day: the page says from when it can be recorded.
    held = timezone.localtime(meeting.starts_at).date()
    response = officer.post(case_url(case, "case_review_record"), record, follow=True)
    assert f"can be recorded from {held.day} {held:%B %Y}" in response.content.decode()
    assert case.reviews.count() == 0
    with clock(meeting.starts_at + timedelta(hours=3)):
        officer.force_login(north.officer)  # a week on: a new session
        # The council has not returned its information: the officer must confirm.
        response = officer.post(case_url(case, "case_review_record"), record)
        assert response.status_code == 200 and case.reviews.count() == 0
        page = response.content.decode()
        assert "govuk-error-summary" in page and f"{north.council.name} has not returned" in page
        response = officer.post(
            case_url(case, "case_review_record"), {**record, "confirm_missing": "on"}
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.status == Status.REVIEW_HELD
    review = ReviewRecord.objects.get(case=case)
    assert review.recommendations_made and review.recommendations.count() == 2
    assert review.actions.count() == 3 and review.meeting == meeting
    assert review.held_on == held
    # The council's request ended with the meeting: no longer needed.
    council_request = case.information_requests.get(agency=north.council)
    assert council_request.get_status_display() == "No longer needed"
    assert case.next_due == review.outcome_due
    assert Message.objects.filter(topic="Draft action plan", to_address="applicant@example.com")

    # The victim comments on the draft plan; the officer sees it before finalising.
    assert "Fit noise monitoring" in victim.get(reverse("track:plan")).content.decode()
    victim.post(reverse("track:plan"), {"text": "Please include weekends in the patrols."})
    assert "include weekends" in officer.get(case_url(case)).content.decode()
    # Check before you commit (issue #17): the plan, then the outcome, are shown first.
    page = officer.get(case_url(case, "case_plan_finalise")).content.decode()
    assert "Fit noise monitoring equipment." in page and "is told the actions it owns" in page
    review.refresh_from_db()
    assert review.plan_finalised_at is None
    assert officer.post(case_url(case, "case_plan_finalise")).status_code == 302
    review.refresh_from_db()
    assert review.victim_response == ReviewRecord.VictimResponse.COMMENTED

    # The outcome letter: findings, both recommendations and the appeal deadline.
    page = officer.get(case_url(case, "case_outcome_send")).content.decode()
    assert REC_POLICE in page.split('id="letter-preview"')[1]
    assert not case.letters.filter(kind=Letter.Kind.OUTCOME).exists()
    assert officer.post(case_url(case, "case_outcome_send")).status_code == 302
    case.refresh_from_db()
    assert case.status == Status.ACTIONS_IN_PROGRESS
    letter = case.letters.get(kind=Letter.Kind.OUTCOME)
    review.refresh_from_db()
    assert review.appeal_by == add_working_days(timezone.localdate(), case.area.appeal_window_days)
    text = " ".join(pdf_text(bytes(letter.pdf)).split())
    assert REC_POLICE in text and REC_COUNCIL in text
    assert f"{review.appeal_by.day} {review.appeal_by:%B %Y}" in text
    assert "Fit noise monitoring equipment." in text
    assert f"took place on {held.day} {held:%B %Y}" in text
    outcome_email = Message.objects.get(topic="Outcome of the review")
    assert outcome_email.to_address == "applicant@example.com"
    assert outcome_email.attachments.get().mimetype == "application/pdf"

    # The owner agencies complete their own actions.
    council_responder = user_with_role(
        RoleAssignment.Role.AGENCY_RESPONDER,
        agency=north.council,
        email="housing@north.example.org",
    )
    for user in (north.responder, council_responder):
        agency = Client()
        agency.force_login(user)
        mine = Action.objects.filter(owner_agency=user.agency)
        listed = agency.get(reverse("actions")).content.decode()
        for action in Action.objects.all():
            assert (action.description in listed) == (action.owner_agency_id == user.agency_id)
        for action in mine:
            url = reverse("action_detail", args=[action.pk])
            response = agency.post(url, {"note": "Done as agreed.", "done": "on"})
            assert response.status_code == 302
    assert not Action.objects.filter(status=Action.Status.OPEN).exists()
    assert Message.objects.filter(topic="Case review", to_address=north.officer.email).exists()

    # The officer confirms; the case closes once the time to appeal has ended, and the victim
    # is told when and why.
    assert officer.get(case_url(case, "case_close")).status_code == 200
    assert officer.post(case_url(case, "case_close"), {"reason": ""}).status_code == 302
    case.refresh_from_db()
    assert case.status == Status.ACTIONS_IN_PROGRESS and case.closes_on > review.appeal_by
    close_cases_due(case.closes_on)
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.closed_at
    closure = Message.objects.get(topic="Case closed")
    assert closure.to_address == "applicant@example.com"
    assert "completed" in pdf_text(bytes(case.letters.get(kind=Letter.Kind.CLOSURE).pdf))

    # Every step is in the timeline.
    summaries = list(case.events.values_list("summary", flat=True))
    for step in (
        "how the victim takes part",
        "Meeting pack downloaded",
        "Review meeting held and recorded",
        "commented on the draft action plan",
        "Action plan finalised",
        "Outcome letter sent",
        "Action plan started",
        "Action done",
        "Closure set for when the time to appeal ends",
        "Case closed",
    ):
        assert any(step in s for s in summaries), step
