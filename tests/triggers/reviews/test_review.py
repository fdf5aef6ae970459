"""The review after the meeting is arranged: rules of each step, agencies' own actions, form
errors, the meeting pack's readers and watermark, reminders, and a second round."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from agencies.models import RoleAssignment
from notifications.models import Message
from tests.factories import AgencyFactory, MembershipFactory, user_with_role
from triggers.closing import services as closing
from triggers.history import transition
from triggers.information.services import notify_agencies
from triggers.meetings import pack
from triggers.meetings import services as meetings
from triggers.models import Action, ActionUpdate, Case, ReviewRecord, VictimInvolvement
from triggers.reviews import actions as reviews_actions
from triggers.reviews import involvement as reviews_involvement
from triggers.reviews import services as reviews_services
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def later(days=30):
    return timezone.localdate() + timedelta(days=days)


def schedule(north, case, *, days=-1):
    """Arrange the meeting: by default a week ago, for yesterday, so that the review can be
    recorded today (a review is recorded on or after its meeting's day, DOMAIN.md §5.3)."""
    now = timezone.now()
    starts = now + timedelta(days=days)
    with mock.patch("django.utils.timezone.now", return_value=min(now, starts - timedelta(days=7))):
        return meetings.schedule_review(
            case,
            meetings.MeetingData(
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                chair=north.chair,
                venue="Town Hall",
                agencies=[north.police],
            ),
            by=north.officer,
        )


@pytest.fixture
def scheduled(north):
    decide_threshold(north.case, "met", by=north.officer)
    schedule(north, north.case)
    north.case.refresh_from_db()
    return north.case


def review_data(north, *, actions=2, confirm_missing=True):
    return reviews_services.ReviewData(
        without_missing_returns=confirm_missing,
        attendance="Chair, council, police.",
        findings="Persistent noise at night.",
        recommendations=[reviews_services.RecommendationData(north.police, "Patrol at night.")],
        actions=[
            reviews_services.ActionData(north.police, "Late-night patrols.", later()),
            reviews_services.ActionData(north.council, "Noise monitoring.", later()),
        ][:actions],
    )


@pytest.fixture
def held(north, scheduled):
    return reviews_services.record_review(scheduled, review_data(north), by=north.officer)


@pytest.fixture
def in_progress(north, held):
    reviews_services.comment_on_plan(held.case, "Add weekends.")
    reviews_services.finalise_plan(held, by=north.officer)
    reviews_services.send_outcome(held, by=north.officer)
    return Case.objects.get(pk=held.case_id)


def case_url(case, name="case_detail"):
    return reverse(name, args=[case.area.slug, case.reference])


# --- Agencies see and update only their own actions -----------------------------------------


def test_an_agency_updates_its_own_actions_and_no_other(client, north, in_progress):
    police_action = Action.objects.get(owner_agency=north.police)
    council_action = Action.objects.get(owner_agency=north.council)
    client.force_login(north.responder)  # police
    assert client.get(reverse("action_detail", args=[police_action.pk])).status_code == 200
    for method in ("get", "post"):
        url = reverse("action_detail", args=[council_action.pk])
        response = getattr(client, method)(url, {"note": "Not mine.", "done": "on"})
        assert response.status_code == 404
    council_action.refresh_from_db()
    assert council_action.status == Action.Status.OPEN and not council_action.updates.exists()
    page = client.get(case_url(in_progress)).content.decode()
    assert "Late-night patrols." in page and "Noise monitoring." not in page


def test_progress_without_done_keeps_the_action_open_and_moves_the_deadline(north, in_progress):
    police_action = Action.objects.get(owner_agency=north.police)
    reviews_actions.update_action(
        police_action, "First patrol done.", done=False, by=north.responder
    )
    police_action.refresh_from_db()
    assert police_action.status == Action.Status.OPEN
    reviews_actions.update_action(police_action, "All patrols done.", done=True, by=north.responder)
    police_action.refresh_from_db()
    assert police_action.status == Action.Status.DONE
    assert police_action.completed_by == north.responder
    with pytest.raises(reviews_services.ReviewRefused):
        reviews_actions.update_action(police_action, "Again.", done=True, by=north.responder)
    assert ActionUpdate.objects.filter(action=police_action).count() == 2


def test_actions_list_query_count_does_not_grow(
    client, north, in_progress, django_assert_num_queries
):
    client.force_login(north.officer)

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("actions")).status_code == 200
        return len(captured)

    few = count_queries()
    review = ReviewRecord.objects.get(case=in_progress)
    Action.objects.bulk_create(
        Action(
            area=north.area,
            case=in_progress,
            review=review,
            owner_agency=north.police,
            description=f"Extra action {n}",
            due_date=later(),
        )
        for n in range(20)
    )
    with django_assert_num_queries(few):
        assert client.get(reverse("actions")).status_code == 200


# --- Rules of each step -------------------------------------------------------------------


def test_recording_the_review_marks_the_meeting_held_and_sets_the_outcome_deadline(north, held):
    assert held.case.status == Status.REVIEW_HELD
    assert held.meeting.status == "held"
    assert held.recommendations_made
    assert held.outcome_due > timezone.localdate()
    assert held.case.events.filter(to_status=Status.REVIEW_HELD).exists()


def test_no_recommendations_is_recorded_as_such(north, scheduled):
    data = review_data(north)
    data.recommendations = []
    review = reviews_services.record_review(scheduled, data, by=north.officer)
    assert review.recommendations_made is False


def test_plan_stays_draft_until_the_victim_comments_or_the_date_passes(north, held):
    with pytest.raises(reviews_services.ReviewRefused, match="has until"):
        reviews_services.finalise_plan(held, by=north.officer)
    with pytest.raises(reviews_services.ReviewRefused, match="Finalise"):
        reviews_services.send_outcome(held, by=north.officer)
    ReviewRecord.objects.filter(pk=held.pk).update(
        consultation_closes=timezone.localdate() - timedelta(days=1)
    )
    review = reviews_services.finalise_plan(held, by=north.officer)
    assert review.victim_response == ReviewRecord.VictimResponse.NO_RESPONSE
    event = held.case.events.get(summary="Action plan finalised")
    assert "did not respond" in event.reasons


def test_victim_cannot_comment_once_the_plan_is_final(client, north, in_progress):
    client.get(reverse("track:open", args=[north.case.token]))
    assert client.get(reverse("track:plan")).status_code == 302
    with pytest.raises(reviews_services.ReviewRefused):
        reviews_services.comment_on_plan(in_progress, "Too late.")


def test_outcome_without_actions_stays_at_outcome_sent(north, scheduled):
    review = reviews_services.record_review(
        scheduled, review_data(north, actions=0), by=north.officer
    )
    reviews_services.comment_on_plan(scheduled, "Fine.")
    reviews_services.finalise_plan(review, by=north.officer)
    reviews_services.send_outcome(review, by=north.officer)
    case = Case.objects.get(pk=scheduled.pk)
    review.refresh_from_db()
    assert case.status == Status.OUTCOME_SENT and case.next_due == review.appeal_by


def test_closing_with_open_actions_needs_a_reason(north, in_progress):
    with pytest.raises(closing.ClosingRefused, match="still open"):
        closing.close_case(in_progress, by=north.officer)
    done = closing.close_case(in_progress, by=north.officer, reason="The family moved away.")
    assert Case.objects.get(pk=in_progress.pk).closing_reason == "The family moved away."
    assert done.closes_on is not None  # the letter waits for the end of the time to appeal


def test_owner_agencies_are_told_their_actions_when_the_outcome_is_sent(north, in_progress):
    police_contact = north.area.memberships.get(agency=north.police).contact_email
    message = Message.objects.get(to_address=police_contact, subject__contains="actions for")
    assert "Late-night patrols." in message.body and "Noise monitoring." not in message.body


def test_outcome_is_sent_once(north, in_progress):
    review = ReviewRecord.objects.get(case=in_progress)
    with pytest.raises(reviews_services.ReviewRefused):
        reviews_services.send_outcome(review, by=north.officer)


# --- Form errors: a clear message, nothing lost --------------------------------------------


def test_involvement_form_errors(client, north, scheduled):
    client.force_login(north.officer)
    url = case_url(scheduled, "case_review_involvement")
    response = client.post(url, {"way": "advocate", "impact": "Cannot sleep."})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter the advocate&#x27;s name" in page and "Enter how to contact the advocate" in page
    assert "Cannot sleep." in page  # kept
    response = client.post(url, {"way": "written"})
    assert "Write the statement" in response.content.decode()
    response = client.post(url, {})
    assert "Choose how the victim will take part" in response.content.decode()
    assert not VictimInvolvement.objects.exists()
    response = client.post(
        url, {"way": "advocate", "advocate_name": "Sam Lee", "advocate_contact": "0151 000"}
    )
    assert response.status_code == 302
    assert VictimInvolvement.objects.get().recorded_by == north.officer


def test_review_form_errors(client, north, scheduled):
    client.force_login(north.officer)
    url = case_url(scheduled, "case_review_record")
    past = timezone.localdate() - timedelta(days=3)
    response = client.post(
        url,
        {
            "attendance": "",
            "findings": "Noise.",
            "rec_1_text": "Patrol at night.",
            "action_1_description": "Monitoring.",
            "action_2_agency": str(north.police.pk),
            "action_3_description": "Letters.",
            "action_3_agency": str(north.council.pk),
            "action_3_due_0": str(past.day),
            "action_3_due_1": str(past.month),
            "action_3_due_2": str(past.year),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    for message in (
        "Enter who attended the meeting",
        "Choose who recommendation 1 is for",
        "Choose which agency owns action 1",
        "Enter the due date of action 1",
        "Describe action 2",
        "must be today or in the future",
    ):
        assert message in page, message
    assert "Patrol at night." in page  # nothing typed is lost
    assert Case.objects.get(pk=scheduled.pk).status == Status.REVIEW_SCHEDULED
    assert not ReviewRecord.objects.exists()


def test_comment_update_and_close_form_errors(client, north, held):
    client.get(reverse("track:open", args=[north.case.token]))
    response = client.post(reverse("track:plan"), {"text": "  "})
    assert "Write your comments on the draft action plan" in response.content.decode()
    reviews_services.comment_on_plan(held.case, "Fine.")
    reviews_services.finalise_plan(held, by=north.officer)
    reviews_services.send_outcome(held, by=north.officer)
    client.force_login(north.responder)
    action = Action.objects.get(owner_agency=north.police)
    response = client.post(reverse("action_detail", args=[action.pk]), {"note": "", "done": "on"})
    assert "Enter what has been done" in response.content.decode()
    assert Action.objects.get(pk=action.pk).status == Action.Status.OPEN
    client.force_login(north.officer)
    response = client.post(case_url(held.case, "case_close"), {"reason": ""})
    assert "still open: give the reason" in response.content.decode()
    assert Case.objects.get(pk=held.case_id).status == Status.ACTIONS_IN_PROGRESS


def test_steps_out_of_order_are_refused_with_a_message(client, north):
    decide_threshold(north.case, "met", by=north.officer)
    client.force_login(north.officer)
    response = client.get(case_url(north.case, "case_review_record"), follow=True)
    assert "once its meeting has been arranged" in response.content.decode()
    response = client.post(case_url(north.case, "case_outcome_send"), follow=True)
    assert "There is no review recorded yet" in response.content.decode()
    response = client.get(case_url(north.case, "case_close"), follow=True)
    assert "once the outcome has been sent" in response.content.decode()


# --- The meeting pack ---------------------------------------------------------------------


def test_pack_is_for_the_people_invited_and_marked_with_each_reader(client, north, scheduled):
    reviews_involvement.record_involvement(
        scheduled,
        reviews_involvement.InvolvementData(way="written", statement="It never stops."),
        by=None,
    )
    other_agency = AgencyFactory(slug="north-housing", name="North Housing", force_area=north.force)
    MembershipFactory(area=north.area, agency=other_agency)
    housing = user_with_role(Role.AGENCY_RESPONDER, agency=other_agency, email="h@north.example")
    url = case_url(scheduled, "case_review_pack")
    client.force_login(housing)  # not invited (and cannot see the case)
    assert client.get(url).status_code == 404
    for reader in (north.officer, north.chair, north.responder):  # the police are invited
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200, reader
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages]
        stamp = f"Copy for {reader.full_name}"
        assert all(stamp in page for page in pages), reader
        assert "It never stops." in "".join(pages)


def test_pack_watermark_is_escaped_for_css(north):
    assert pack.css_string('A "quoted" name<') == '"A \\22 quoted\\22  name\\3c "'


# --- Reminders and escalation -------------------------------------------------------------


def test_reminder_before_due_and_escalation_once_overdue(north, in_progress):
    police_action = Action.objects.get(owner_agency=north.police)
    council_action = Action.objects.get(owner_agency=north.council)
    Action.objects.filter(pk=police_action.pk).update(due_date=timezone.localdate())
    Action.objects.filter(pk=council_action.pk).update(
        due_date=timezone.localdate() - timedelta(days=1)
    )
    assert reviews_actions.send_action_reminders() == (1, 1)
    assert reviews_actions.send_action_reminders() == (0, 0)  # each sent once
    reminder = Message.objects.get(subject__startswith="Reminder")
    police_contact = north.area.memberships.get(agency=north.police).contact_email
    assert reminder.to_address == police_contact
    overdue = Message.objects.filter(subject__startswith="Overdue", topic="Action plan")
    assert north.officer.email in set(overdue.values_list("to_address", flat=True))
    assert in_progress.events.filter(summary__contains="is overdue").exists()


# --- A further review: a second round ------------------------------------------------------


def test_an_upheld_appeal_leads_to_a_second_review_round(north, in_progress):
    transition(in_progress, Status.APPEALED, by=north.officer)
    transition(in_progress, Status.FURTHER_REVIEW, by=north.officer)
    notify_agencies(in_progress, by=north.officer)
    case = Case.objects.get(pk=in_progress.pk)
    reviews_involvement.record_involvement(
        case, reviews_involvement.InvolvementData(way="in_person"), by=None
    )
    schedule(north, case)
    second = reviews_services.record_review(case, review_data(north, actions=1), by=north.officer)
    assert second.round == 2
    assert case.reviews.count() == 2
    assert reviews_involvement.current_involvement(case).round == 2
    assert reviews_services.current_review(case) == second
    assert Case.objects.get(pk=case.pk).status == Status.REVIEW_HELD


# --- The benchmark's data set ----------------------------------------------------------------


def test_meeting_pack_benchmark_measures_200_entries_and_leaves_nothing_behind(monkeypatch):
    from triggers import benchmarks

    monkeypatch.setattr(benchmarks, "RUNS", 1)
    before = Case.objects.count()
    result = benchmarks.meeting_pack(None)
    assert result["chronology_entries"] == 200
    assert result["pdf_bytes"] > 10_000 and result["median_of_1_seconds"] > 0
    assert Case.objects.count() == before


# --- Changing the draft plan after the victim's comments -----------------------------------


def test_officer_changes_the_draft_plan_until_it_is_final(client, north, held):
    reviews_services.comment_on_plan(held.case, "Please patrol at weekends too.")
    client.force_login(north.officer)
    url = case_url(held.case, "case_review_record")
    page = client.get(url).content.decode()
    assert "Change the review record and draft action plan" in page
    assert "Late-night patrols." in page and "Please patrol at weekends too." not in page
    assert f'name="action_1_due_2" value="{later().year}"' in page.replace("\n", " ")
    due = later(20)
    response = client.post(
        url,
        {
            "attendance": "Chair, council, police.",
            "findings": "Persistent noise at night.",
            "action_1_description": "Late-night patrols, weekends included.",
            "action_1_agency": str(north.police.pk),
            "action_1_due_0": str(due.day),
            "action_1_due_1": str(due.month),
            "action_1_due_2": str(due.year),
        },
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert [a.description for a in held.actions.all()] == ["Late-night patrols, weekends included."]
    assert held.recommendations_made is False
    assert held.case.events.filter(summary__contains="draft action plan changed").exists()
    reviews_services.finalise_plan(held, by=north.officer)
    with pytest.raises(reviews_services.ReviewRefused, match="final"):
        reviews_services.revise_review(held, review_data(north), by=north.officer)
    assert client.get(url).status_code == 302  # no longer offered


def test_a_review_cannot_be_recorded_the_day_before_its_meeting(north):
    decide_threshold(north.case, "met", by=north.officer)
    meeting = schedule(north, north.case, days=1)
    day = timezone.localtime(meeting.starts_at).date()
    case = Case.objects.get(pk=north.case.pk)
    with pytest.raises(reviews_services.REFUSED, match=f"recorded from {day.day} {day:%B %Y}"):
        reviews_services.record_review(case, review_data(north), by=north.officer)
    assert not ReviewRecord.objects.exists()
    assert Case.objects.get(pk=case.pk).status == Status.REVIEW_SCHEDULED


def test_held_on_is_the_meeting_day_or_a_later_past_day_the_officer_confirms(north, scheduled):
    meeting = meetings.current_meeting(scheduled)
    day = timezone.localtime(meeting.starts_at).date()
    for wrong in (day - timedelta(days=1), timezone.localdate() + timedelta(days=1)):
        data = review_data(north)
        data.held_on = wrong
        with pytest.raises(reviews_services.REFUSED):
            reviews_services.record_review(scheduled, data, by=north.officer)
    review = reviews_services.record_review(scheduled, review_data(north), by=north.officer)
    assert review.held_on == day


def test_recording_with_missing_returns_needs_confirmation(north, scheduled):
    data = review_data(north, confirm_missing=False)
    with pytest.raises(reviews_services.REFUSED, match="not returned information"):
        reviews_services.record_review(scheduled, data, by=north.officer)
    assert not ReviewRecord.objects.exists()
    review = reviews_services.record_review(scheduled, review_data(north), by=north.officer)
    assert (
        "Recorded without information from"
        in review.case.events.get(to_status=Status.REVIEW_HELD).reasons
    )
