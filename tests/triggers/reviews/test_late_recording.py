"""§5.10: the victim's consultation on the draft plan ends before the outcome is due. A review
recorded late keeps the victim's full time to comment; the outcome's due date moves to the
working day after the consultation ends, and the history, the case list and "sent late" agree."""

from datetime import date
from types import SimpleNamespace

import pytest

from agencies.working_days import add_working_days
from tests.triggers.reviews.test_review import review_data, schedule
from triggers.models import Case
from triggers.reviews import holding
from triggers.reviews import services as reviews
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

AREA = SimpleNamespace(consultation_days=5, outcome_days=10)
MEETING = date(2026, 6, 1)  # a Monday; no bank holiday in the weeks after


@pytest.mark.parametrize(
    ("recorded_on", "consultation_closes", "outcome_due", "policy_due"),
    [
        # Recorded the day of the meeting: the consultation ends a week before the outcome.
        (MEETING, date(2026, 6, 8), date(2026, 6, 15), None),
        # 4 working days later: it still ends the working day before.
        (date(2026, 6, 5), date(2026, 6, 12), date(2026, 6, 15), None),
        # 5 working days later it would end on the day the outcome is due: the outcome moves.
        (date(2026, 6, 8), date(2026, 6, 15), date(2026, 6, 16), date(2026, 6, 15)),
        # 8 working days later: the victim keeps 5 working days; the outcome follows them.
        (date(2026, 6, 11), date(2026, 6, 18), date(2026, 6, 19), date(2026, 6, 15)),
    ],
)
def test_the_consultation_always_ends_before_the_outcome_is_due(
    recorded_on, consultation_closes, outcome_due, policy_due
):
    dates = holding.deadlines(MEETING, recorded_on, AREA)
    assert dates == holding.Deadlines(consultation_closes, outcome_due, policy_due)
    assert dates.consultation_closes < dates.outcome_due


@pytest.mark.django_db
def test_a_review_recorded_late_moves_the_outcome_and_says_why(north):
    decide_threshold(north.case, "met", by=north.officer)
    schedule(north, north.case, days=-21)  # three weeks ago: recorded 15 working days late
    review = reviews.record_review(north.case, review_data(north), by=north.officer)
    assert review.consultation_closes == add_working_days(
        review.recorded_at.date(), north.area.consultation_days
    )
    assert review.outcome_due == add_working_days(review.consultation_closes, 1)
    case = Case.objects.get(pk=north.case.pk)
    assert case.next_due == review.outcome_due  # the case list's deadline
    event = case.events.get(to_status=Status.REVIEW_HELD)
    assert "recorded late" in event.reasons and "not cut short" in event.reasons
    # Sent before the moved day, the outcome is not "late".
    reviews.comment_on_plan(north.case, "Add weekends.")
    reviews.finalise_plan(review, by=north.officer)
    reviews.send_outcome(review, by=north.officer)
    sent = case.events.get(to_status=Status.OUTCOME_SENT)
    assert "Sent late." not in sent.reasons


@pytest.mark.django_db
def test_a_review_recorded_on_time_keeps_the_areas_timescale(north):
    decide_threshold(north.case, "met", by=north.officer)
    meeting = schedule(north, north.case)  # yesterday
    review = reviews.record_review(north.case, review_data(north), by=north.officer)
    held_on = holding.meeting_day(meeting)
    assert review.outcome_due == add_working_days(held_on, north.area.outcome_days)
    event = Case.objects.get(pk=north.case.pk).events.get(to_status=Status.REVIEW_HELD)
    assert "recorded late" not in event.reasons
