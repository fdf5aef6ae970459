# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""The review meeting's invitation, update and cancellation in each invitee's language
(DOMAIN.md §5.12): the applicant who chose Welsh gets them in Welsh, email and calendar file;
the agencies, the chair and anyone else named get English."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from notifications.models import Message
from triggers.meetings import services as meetings
from triggers.threshold.services import decide_threshold

from .test_letters import cardiff, names
from .test_messages import english_left

pytestmark = pytest.mark.django_db
__all__ = ["cardiff"]

VENUE = "Neuadd y Ddinas, Ystafell 2"
LINK = "https://meet.example.org/review-42"


def arranged(side):
    decide_threshold(side.case, "met", by=side.officer)
    starts = timezone.now() + timedelta(days=7)
    data = meetings.MeetingData(
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        chair=side.chair,
        venue=VENUE,
        online=True,
        online_link=LINK,
        chair_independent=True,
        agencies=[side.police],
    )
    return meetings.schedule_review(side.case, data, by=side.officer), data


def to(address: str):
    sent = Message.objects.filter(topic="Review meeting", to_address=address).order_by("pk")
    return list(sent)


def event_of(message):
    (event,) = Calendar.from_ical(bytes(message.attachments.get().content)).walk("VEVENT")
    return event


def police_contact(side) -> str:
    return side.area.memberships.get(agency=side.police).contact_email.lower()


def welsh_names(side):
    return names(side, side.chair.full_name, VENUE, LINK)


def test_a_welsh_applicants_invitation_and_calendar_file_are_welsh(cardiff):
    arranged(cardiff)
    (invitation,) = to(cardiff.case.applicant_email)
    assert "cyfarfod adolygu achos YG" in invitation.subject
    assert "Annwyl Eleri Jones," in invitation.body
    assert "Pryd:" in invitation.body and "Cadeirydd:" in invitation.body
    assert "yb" in invitation.body or "yh" in invitation.body  # the time, the Welsh way
    assert english_left(invitation.subject + invitation.body, names=welsh_names(cardiff)) == []
    event = event_of(invitation)
    assert str(event["SUMMARY"]) == f"Cyfarfod adolygu achos YG ({cardiff.case.reference})"
    description = str(event["DESCRIPTION"])
    assert "Cadeirydd:" in description and "yn annibynnol ar yr asiantaethau" in description
    assert english_left(description, names=welsh_names(cardiff)) == [], description


def test_the_police_invitee_of_the_same_meeting_gets_english(cardiff):
    arranged(cardiff)
    (invitation,) = to(police_contact(cardiff))
    assert "ASB case review meeting on" in invitation.subject
    assert "You are invited to the anti-social behaviour case review" in invitation.body
    assert "Annwyl" not in invitation.body and "Pryd:" not in invitation.body
    event = event_of(invitation)
    assert str(event["SUMMARY"]) == f"ASB case review meeting ({cardiff.case.reference})"
    assert "Chair: " in str(event["DESCRIPTION"])
    (chairs,) = to(cardiff.chair.email)
    assert "You are chairing" in chairs.body


def test_a_welsh_applicants_update_and_cancellation_are_welsh(cardiff):
    meeting, data = arranged(cardiff)
    data.starts_at += timedelta(days=1)
    data.ends_at += timedelta(days=1)
    meeting = meetings.reschedule_review(meeting, data, by=cardiff.officer)
    meetings.cancel_review(meeting, by=cardiff.officer, reason="Mae’r cadeirydd yn sâl.")
    _invitation, update, cancellation = to(cardiff.case.applicant_email)
    assert "wedi newid" in update.subject and "Dyma’r manylion newydd:" in update.body
    assert "wedi’i ganslo" in cancellation.subject
    assert "Mae’r cadeirydd yn sâl." in cancellation.body
    assert "Byddwn yn rhoi gwybod i chi pan fydd dyddiad newydd" in cancellation.body
    for message in (update, cancellation):
        text = message.subject + message.body
        assert english_left(text, names=welsh_names(cardiff)) == [], text
        assert str(event_of(message)["SUMMARY"]).startswith("Cyfarfod adolygu achos YG")
    assert str(event_of(cancellation)["STATUS"]) == "CANCELLED"
    police = to(police_contact(cardiff))
    assert [m.subject.split(": ", 1)[1][:25] for m in police] == [
        "ASB case review meeting o",
        "ASB case review meeting c",
        "ASB case review meeting o",
    ]
    assert "will not take place" in police[-1].body


def test_the_applicants_own_calendar_file_is_in_their_language(cardiff):
    meeting, _ = arranged(cardiff)
    event = Calendar.from_ical(
        meetings.calendar_file(meeting, meetings.party_invitee(cardiff.case))
    ).walk("VEVENT")[0]
    assert str(event["SUMMARY"]).startswith("Cyfarfod adolygu achos YG")


def test_a_reason_the_service_gives_is_in_each_invitees_language(cardiff):
    from django.utils.translation import gettext_lazy

    arranged(cardiff)
    meetings.cancel_pending_meetings(
        cardiff.case, by=cardiff.officer, reason=gettext_lazy("The appeal was upheld.")
    )
    welsh = to(cardiff.case.applicant_email)[-1]
    english = to(police_contact(cardiff))[-1]
    assert "Cafodd yr apêl ei chadarnhau." in welsh.body and "upheld" not in welsh.body
    assert "The appeal was upheld." in english.body
