"""The victim reads their own private link and emails (DOMAIN.md §5.9): the meeting's calendar
file is theirs, the page says "we emailed you" only to whoever was emailed, and the emails that
carry a letter or ask for views point them to their own link, not to one "sent when you
applied" (they did not apply)."""

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from notifications.models import Message
from tests.triggers.test_recipients import COUNCILLOR, VICTIM, victim_case, victim_token
from triggers.models import SendTo

from .test_tracking_page import arrange, record

pytestmark = pytest.mark.django_db
INVITED = "You (we emailed you the invitation)"


def opened(case, token):
    client = Client()
    client.get(reverse("track:open", args=[token]))
    return client


def test_the_victims_calendar_file_and_page_are_their_own(north):
    case = victim_case(north, send_to=SendTo.VICTIM)
    arrange(north, case)
    victim = opened(case, victim_token(case))
    event = Calendar.from_ical(victim.get(reverse("track:meeting_calendar")).content).walk(
        "VEVENT"
    )[0]
    assert str(event["attendee"]) == f"mailto:{VICTIM}"
    assert str(event["attendee"].params["cn"]) == "Pat Victim"
    assert INVITED in victim.get(reverse("track:case")).content.decode()
    # The councillor was not emailed the invitation: the case writes to the victim only.
    applicant = opened(case, case.token)
    assert INVITED not in applicant.get(reverse("track:case")).content.decode()


def test_when_both_are_written_to_each_was_emailed(north):
    case = victim_case(north, send_to=SendTo.BOTH)
    arrange(north, case)
    for token in (victim_token(case), case.token):
        assert INVITED in opened(case, token).get(reverse("track:case")).content.decode()


def emails(case, topic):
    found = Message.objects.filter(reference=case.reference, topic=topic)
    return {m.to_address: m.body for m in found}


def test_the_victims_letters_and_consultation_point_to_their_own_link(north):
    case = victim_case(north, send_to=SendTo.BOTH)
    record(north, case)
    decision = emails(case, "Threshold decision")
    assert "through the private link we sent you." in decision[VICTIM]
    assert "when you applied" not in decision[VICTIM]
    assert "we sent you when you applied." in decision[COUNCILLOR]
    consulted = emails(case, "Draft action plan")
    assert "use the private link we sent you." in consulted[VICTIM]
    assert "when you applied" not in consulted[VICTIM]
    assert "the email we sent when you applied" in consulted[COUNCILLOR]
