"""Arranging the review meeting: invitations with calendar files, changes, cancellation."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from agencies import access
from notifications.models import Message
from triggers.meetings import services as meetings
from triggers.models import Case
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(north):
    decide_threshold(north.case, "met", by=north.officer)
    north.case.refresh_from_db()
    assert north.case.status == Status.AGENCIES_NOTIFIED
    return north.case


def meeting_day():
    return timezone.localdate() + timedelta(days=7)


def form_data(north, **overrides):
    day = meeting_day()
    data = {
        "date_0": str(day.day),
        "date_1": str(day.month),
        "date_2": str(day.year),
        "start_time": "10:00",
        "end_time": "11:30",
        "attend": ["in_person", "online"],
        "venue": "Town Hall, Room 2",
        "online_link": "https://meet.example.org/review-42",
        "chair": str(north.chair.pk),
        "chair_independent": "on",
        "agencies": [str(north.council.pk), str(north.police.pk)],
        "extra_emails": "victim.support@example.org",
    }
    data.update(overrides)
    return data


def schedule_url(case):
    return reverse("case_meeting_schedule", args=[case.area.slug, case.reference])


def cancel_url(case):
    return reverse("case_meeting_cancel", args=[case.area.slug, case.reference])


def meeting_messages():
    return Message.objects.filter(topic="Review meeting").order_by("pk")


def ics_of(message):
    attachment = message.attachments.get()
    assert attachment.mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(bytes(attachment.content))
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def expected_recipients(north):
    contacts = set(
        north.area.memberships.values_list("contact_email", flat=True)
    )  # council and police
    return {
        north.chair.email,
        *(e.lower() for e in contacts),
        "victim.support@example.org",
        "applicant@example.com",
    }


def schedule(client, north, case, **overrides):
    client.force_login(north.officer)
    return client.post(schedule_url(case), form_data(north, **overrides))


def test_schedule_invites_everyone_once_with_a_calendar_file(client, north, case):
    response = schedule(client, north, case)
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    assert case.status == Status.REVIEW_SCHEDULED
    assert case.next_due == meeting_day()
    meeting = case.review_meetings.get()
    assert meeting.chair == north.chair and meeting.chair_independent
    sent = list(meeting_messages())
    recipients = [m.to_address for m in sent]
    assert sorted(recipients) == sorted(expected_recipients(north))
    starts = timezone.make_aware(datetime.combine(meeting_day(), datetime.min.time()))
    starts = starts.replace(hour=10).astimezone(UTC)
    for message in sent:
        calendar, event = ics_of(message)
        assert calendar["METHOD"] == "REQUEST"
        assert str(event["UID"]) == meeting.uid
        assert event["SEQUENCE"] == 0
        assert event.decoded("DTSTART") == starts
        assert event.decoded("DTSTART").utcoffset() == timedelta(0)
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
        assert "Town Hall" in str(event["LOCATION"])
        assert "meet.example.org" in str(event["LOCATION"])
        assert str(event["ATTENDEE"]).lower() == f"mailto:{message.to_address}"
        assert str(event["ORGANIZER"]).startswith("mailto:")
        assert case.reference in message.subject
    applicant = next(m for m in sent if m.to_address == "applicant@example.com")
    assert "/cases/" not in applicant.body  # no staff link for the applicant
    assert case.events.filter(to_status=Status.REVIEW_SCHEDULED).exists()


def test_reschedule_keeps_the_uid_and_raises_the_sequence(client, north, case):
    schedule(client, north, case)
    meeting = case.review_meetings.get()
    first = meeting_messages().count()
    response = client.post(
        schedule_url(case), form_data(north, start_time="14:00", end_time="15:00")
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    updates = list(meeting_messages()[first:])
    assert sorted(m.to_address for m in updates) == sorted(expected_recipients(north))
    for message in updates:
        _, event = ics_of(message)
        assert str(event["UID"]) == meeting.uid
        assert event["SEQUENCE"] == 1
        assert timezone.localtime(event.decoded("DTSTART")).hour == 14
    case.refresh_from_db()
    assert case.status == Status.REVIEW_SCHEDULED


def test_reschedule_cancels_for_people_taken_off(client, north, case):
    schedule(client, north, case)
    first = meeting_messages().last().pk
    client.post(schedule_url(case), form_data(north, extra_emails=""))
    later = meeting_messages().filter(pk__gt=first)
    assert later.filter(to_address="victim.support@example.org").count() == 1
    assert later.count() == len(expected_recipients(north))  # the others get the update
    dropped = later.get(to_address="victim.support@example.org")
    calendar, event = ics_of(dropped)
    assert calendar["METHOD"] == "CANCEL" and event["STATUS"] == "CANCELLED"


def test_cancel_sends_cancellations_and_reopens_scheduling(client, north, case):
    schedule(client, north, case)
    meeting = case.review_meetings.get()
    first = meeting_messages().count()
    events = case.events.count()
    # Check before you cancel (issue #17): the page and a missing reason change nothing.
    page = client.get(cancel_url(case)).content.decode()
    assert "What happens when you cancel it" in page and north.chair.email in page
    page = client.post(cancel_url(case), {"reason": "  "}).content.decode()
    assert "govuk-error-summary" in page and "Give the reason the meeting is cancelled" in page
    meeting.refresh_from_db()
    assert meeting.status == "scheduled" and meeting_messages().count() == first
    assert case.events.count() == events
    case.refresh_from_db()
    assert case.status == Status.REVIEW_SCHEDULED
    response = client.post(cancel_url(case), {"reason": "The chair is unwell."})
    assert response.status_code == 302
    case.refresh_from_db()
    meeting.refresh_from_db()
    assert case.status == Status.AGENCIES_NOTIFIED
    assert meeting.status == "cancelled"
    cancellations = list(meeting_messages()[first:])
    assert len(cancellations) == len(expected_recipients(north))
    for message in cancellations:
        calendar, event = ics_of(message)
        assert calendar["METHOD"] == "CANCEL"
        assert event["STATUS"] == "CANCELLED"
        assert str(event["UID"]) == meeting.uid
        assert event["SEQUENCE"] == meeting.sequence == 1
    assert all("The chair is unwell." in m.body for m in cancellations)
    assert case.events.get(summary="Review meeting cancelled").reasons == "The chair is unwell."
    assert client.get(schedule_url(case)).status_code == 200


def test_the_chair_sees_the_case_they_chair(client, north, south, case):
    assert not access.cases_for(north.chair).filter(pk=case.pk).exists()
    schedule(client, north, case)
    assert access.cases_for(north.chair).filter(pk=case.pk).exists()
    assert not access.cases_for(south.chair).filter(pk=case.pk).exists()
    client.force_login(north.chair)
    page = client.get(reverse("case_detail", args=[case.area.slug, case.reference]))
    assert page.status_code == 200
    assert "Review meeting" in page.content.decode()
    assert "Cancel the meeting" not in page.content.decode()
    client.force_login(south.chair)
    page = client.get(reverse("case_detail", args=[case.area.slug, case.reference]))
    assert page.status_code == 404


def test_case_page_offers_scheduling_then_shows_the_meeting(client, north, case):
    client.force_login(north.officer)
    url = reverse("case_detail", args=[case.area.slug, case.reference])
    assert "Schedule the review meeting" in client.get(url).content.decode()
    schedule(client, north, case)
    page = client.get(url).content.decode()
    assert "Town Hall, Room 2" in page and "Cancel the meeting" in page
    assert "Schedule the review meeting" not in page


@pytest.mark.parametrize("role", ["responder", "chair", "pcc_officer"])
def test_only_officers_of_the_area_may_arrange_it(client, north, case, role):
    client.force_login(getattr(north, role))
    assert client.get(schedule_url(case)).status_code == 404
    assert client.post(schedule_url(case), form_data(north)).status_code == 404
    assert client.post(cancel_url(case)).status_code == 404
    assert not case.review_meetings.exists()


def test_officers_of_another_area_get_404(client, north, south, case):
    client.force_login(south.officer)
    assert client.get(schedule_url(case)).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_time": "09:00"}, "The end time must be after the start time"),
        ({"attend": ["in_person"], "venue": ""}, "Enter the venue"),
        ({"online_link": "not a link"}, "Enter the link in the correct format"),
        ({"start_time": "25:00"}, "must be a real time"),
        ({"attend": []}, "Select how people can attend"),
        ({"chair": str(10**6)}, "Choose a chair from the list"),
        ({"extra_emails": "nobody-at-example"}, "is not an email address"),
    ],
)
def test_bad_answers_get_the_error_summary(client, north, case, overrides, message):
    response = schedule(client, north, case, **overrides)
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert not case.review_meetings.exists()


def test_a_date_in_the_past_is_refused(client, north, case):
    past = timezone.localdate() - timedelta(days=1)
    response = schedule(
        client, north, case, date_0=str(past.day), date_1=str(past.month), date_2=str(past.year)
    )
    assert response.status_code == 200
    assert "must be today or in the future" in response.content.decode()


def test_a_date_after_the_deadline_is_allowed_with_a_warning(client, north, case):
    deadline = meetings.review_deadline(case)
    late = deadline + timedelta(days=3)
    client.force_login(north.officer)
    page = client.get(schedule_url(case)).content.decode()
    assert f"{deadline:%-d %B %Y}" in page
    response = client.post(
        schedule_url(case),
        form_data(north, date_0=str(late.day), date_1=str(late.month), date_2=str(late.year)),
        follow=True,
    )
    assert "later than the deadline" in response.content.decode()
    assert Case.objects.get(pk=case.pk).status == Status.REVIEW_SCHEDULED


def test_scheduling_before_agencies_are_asked_is_refused(client, north):
    client.force_login(north.officer)
    response = client.get(schedule_url(north.case))
    assert response.status_code == 302
    assert not north.case.review_meetings.exists()


def test_resent_request_does_not_send_twice(north, case):
    data = meetings.MeetingData(
        starts_at=timezone.now() + timedelta(days=3),
        ends_at=timezone.now() + timedelta(days=3, hours=1),
        chair=north.chair,
        venue="Town Hall",
    )
    meeting = meetings.schedule_review(case, data, by=north.officer)
    count = meeting_messages().count()
    for invitee in meetings.invitees(meeting):
        meetings._send(meeting, invitee, "meeting_invitation", "REQUEST")
    assert meeting_messages().count() == count


def test_a_cancellation_is_never_sent_without_its_reason(client, north, case):
    schedule(client, north, case)
    meeting = case.review_meetings.get()
    with pytest.raises(meetings.MeetingRefused, match="reason"):
        meetings.cancel_review(meeting, by=north.officer, reason=" ")
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"
