"""The applicant's private-link page: the meeting and its calendar file, what the victim sent,
the action plan with its progress, and appeal decisions, in a fixed number of queries."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from appeals import decisions as appeals
from tests.appeals.helpers import findings, lodge, not_met_case
from tests.factories import make_case
from triggers.meetings import services as meetings
from triggers.models import Action, CaseEvent, Letter
from triggers.reviews import actions as reviews_actions
from triggers.reviews import involvement as reviews_involvement
from triggers.reviews import services as reviews
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db


def open_link(client, case):
    client.get(reverse("track:open", args=[case.token]))


def arrange(side, case, *, days=3, online=False, emails=()):
    decide_threshold(case, "met", by=side.officer)
    starts = timezone.now() + timedelta(days=days)
    return meetings.schedule_review(
        case,
        meetings.MeetingData(
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            chair=side.chair,
            venue="Town Hall, Committee Room 2",
            online=online,
            online_link="https://meet.example.org/abc" if online else "",
            agencies=[side.police],
            emails=list(emails),
        ),
        by=side.officer,
    )


def record(side, case, *, actions=2):
    """The meeting held yesterday (arranged a week before) and the review recorded."""
    now = timezone.now()
    starts = now - timedelta(days=1)
    decide_threshold(case, "met", by=side.officer)
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=8)):
        meetings.schedule_review(
            case,
            meetings.MeetingData(
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                chair=side.chair,
                venue="Hall",
            ),
            by=side.officer,
        )
    due = timezone.localdate() + timedelta(days=30)
    owners = [side.police, side.council]
    return reviews.record_review(
        case,
        reviews.ReviewData(
            without_missing_returns=True,
            attendance="Chair, council, police.",
            findings="Persistent noise at night.",
            actions=[
                reviews.ActionData(owners[n % 2], f"Action number {n}.", due)
                for n in range(actions)
            ],
        ),
        by=side.officer,
    )


def test_the_page_shows_the_meeting_and_who_is_invited_by_organisation(client, north):
    arrange(north, north.case, online=True, emails=["advocate@example.net"])
    open_link(client, north.case)
    page = client.get(reverse("track:case")).content.decode()
    assert "The review meeting" in page
    assert "Town Hall, Committee Room 2" in page
    assert "https://meet.example.org/abc" in page
    assert "North Police" in page and "The chair, from North Council" in page
    assert "1 other person invited by email" in page
    # People by their part: no member of staff's name or address.
    assert north.chair.email not in page and "advocate@example.net" not in page
    assert north.chair.full_name not in page
    assert reverse("track:meeting_calendar") in page


def test_the_meeting_calendar_file_downloads_and_parses(client, north):
    meeting = arrange(north, north.case)
    open_link(client, north.case)
    response = client.get(reverse("track:meeting_calendar"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["uid"]) == str(meeting.uid)
    assert event.decoded("dtstart") == meeting.starts_at.replace(microsecond=0)
    assert "Town Hall" in str(event["location"])
    assert str(event["attendee"]) == "mailto:applicant@example.com"


def test_without_an_email_address_the_calendar_file_names_no_attendee(client, north):
    case = make_case(north.area, applicant_email="")
    arrange(north, case)
    open_link(client, case)
    event = Calendar.from_ical(client.get(reverse("track:meeting_calendar")).content).walk(
        "VEVENT"
    )[0]
    assert "attendee" not in event


def test_no_calendar_file_without_a_meeting_or_a_private_link(client, north):
    open_link(client, north.case)
    assert client.get(reverse("track:meeting_calendar")).status_code == 404
    arrange(north, north.case)
    assert client.__class__().get(reverse("track:meeting_calendar")).status_code == 404


def test_a_cancelled_meeting_is_not_shown(client, north):
    meeting = arrange(north, north.case)
    meetings.cancel_review(meeting, by=north.officer, reason="Chair ill.")
    open_link(client, north.case)
    page = client.get(reverse("track:case")).content.decode()
    assert "Town Hall, Committee Room 2" not in page
    assert client.get(reverse("track:meeting_calendar")).status_code == 404


def test_the_statement_is_shown_once_sent(client, north):
    arrange(north, north.case)
    open_link(client, north.case)
    assert "What you have sent us" not in client.get(reverse("track:case")).content.decode()
    north.case.refresh_from_db()
    reviews_involvement.record_involvement(
        north.case,
        reviews_involvement.InvolvementData(
            way="written", statement="The music starts at midnight.", impact="I cannot sleep."
        ),
    )
    page = client.get(reverse("track:case")).content.decode()
    assert "What you have sent us" in page
    assert "The music starts at midnight." in page and "I cannot sleep." in page


def test_comments_on_the_draft_plan_are_shown_and_no_longer_invited(client, north):
    record(north, north.case)
    open_link(client, north.case)
    page = client.get(reverse("track:case")).content.decode()
    assert "tell us what you think" in page
    assert "Your comments on the draft action plan" not in page
    client.post(reverse("track:plan"), {"text": "Please add weekends."})
    page = client.get(reverse("track:case")).content.decode()
    assert "Your comments on the draft action plan" in page and "Please add weekends." in page
    assert "tell us what you think" not in page
    plan = client.get(reverse("track:plan")).content.decode()
    assert "Please add weekends." in plan and "<form" not in plan.split("</header>")[-1]
    # A second post is not taken: the victim was asked once.
    assert client.post(reverse("track:plan"), {"text": "And nights."}).status_code == 302
    assert north.case.reviews.get().comments.count() == 1


def test_the_plan_shows_each_actions_owner_due_date_and_progress(client, north):
    review = record(north, north.case, actions=3)
    first, second, third = Action.objects.filter(review=review).order_by("position")
    reviews_actions.update_action(first, "Patrols began.", done=False, by=north.officer)
    reviews_actions.update_action(second, "Finished.", done=True, by=north.officer)
    Action.objects.filter(pk=third.pk).update(due_date=timezone.localdate() - timedelta(days=1))
    open_link(client, north.case)
    page = client.get(reverse("track:case")).content.decode()
    assert "Action number 0." in page and "North Police" in page and "North Council" in page
    assert f"{first.due_date:%-d %B %Y}" in page
    assert "Under way: last update" in page
    assert "Done on" in page
    assert "Not done by the date agreed" in page
    # Progress notes are the agencies' own words: the page says how it goes, not the notes.
    assert "Patrols began." not in page


def test_appeal_decisions_are_entries_with_their_letter(client, north):
    case = not_met_case(north)
    appeal = lodge(case)
    appeals.decide_appeal(
        appeal,
        appeals.DecisionData(
            upheld=False, findings=findings(appeal, False), reasons="The decision was right."
        ),
        by=north.pcc_officer,
    )
    letter = case.letters.get(kind="appeal_decision")
    open_link(client, case)
    page = client.get(reverse("track:case")).content.decode()
    timeline = page.split("app-timeline", 1)[1]
    assert "Appeal not upheld: the decision stands" in timeline
    assert reverse("track:letter", args=[letter.pk]) in timeline


def test_query_count_does_not_grow_with_actions_letters_and_events(
    client, north, django_assert_max_num_queries
):
    review = record(north, north.case, actions=1)
    open_link(client, north.case)
    client.get(reverse("track:case"))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("track:case"))
    for n in range(6):
        action = Action.objects.create(
            area=north.area,
            case=north.case,
            review=review,
            owner_agency=north.police,
            description=f"More {n}",
            due_date=timezone.localdate(),
        )
        reviews_actions.update_action(action, "Note.", done=n % 2 == 0, by=north.officer)
        Letter.objects.create(
            area=north.area,
            case=north.case,
            kind="closure",
            title=f"L{n}",
            pdf=b"%PDF",
            sent_at=timezone.now(),
        )
        CaseEvent.objects.create(
            area=north.area,
            case=north.case,
            at=timezone.now(),
            summary="Step",
            from_status="appealed",
            to_status="review_held",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("track:case"))
