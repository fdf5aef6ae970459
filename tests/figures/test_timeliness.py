"""Timeliness per stage: on-time shares against the area's timescales, in working days.

The working days below were counted by hand on the 2025 and 2026 calendars (Easter 2026:
Good Friday 3 April, Easter Monday 6 April; bank holidays 4 and 25 May 2026).
"""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agencies.working_days import working_days_between
from figures.periods import financial_year
from figures.timeliness import WorkingDayCounter, timeliness

FY2025, FY2026 = financial_year(2025), financial_year(2026)


@pytest.fixture
def measured(two_years):
    area = two_years.north.area
    return {
        year: {key: by_area[area.pk] for key, by_area in timeliness([area], period).items()}
        for year, period in ((2025, FY2025), (2026, FY2026))
    }


@pytest.mark.django_db
def test_acknowledgement_and_threshold_decision(measured):
    ack = measured[2025]["acknowledgement"]  # A in 2 working days, B in 1
    assert (ack.completed, ack.on_time, ack.median_days) == (2, 2, 1.5)
    decided = measured[2025]["threshold_decision"]  # A in 6, B in 10 (its due day)
    assert (decided.completed, decided.on_time, decided.median_days) == (2, 2, 8)
    decided = measured[2026]["threshold_decision"]  # D in 3; C in 5 (4 May a holiday)
    assert (decided.completed, decided.on_time, decided.all_days()) == (2, 2, [3, 5])


@pytest.mark.django_db
def test_information_returns_review_and_outcome(measured):
    returned = measured[2025]["information_return"]  # the police returned in 7; the council not
    assert (returned.completed, returned.on_time, returned.all_days()) == (1, 1, [7])
    held = measured[2026]["review_held"]  # B: 19 working days over Easter; C: 14
    assert (held.completed, held.on_time, held.all_days()) == (2, 2, [14, 19])
    outcome = measured[2026]["outcome_sent"]  # B in 4, C in 3
    assert (outcome.completed, outcome.on_time, outcome.median_days) == (2, 2, 3.5)


@pytest.mark.django_db
def test_appeals_decided_late_are_counted_late(measured):
    on_time = measured[2025]["appeal_decided"]  # A: 17 working days
    assert (on_time.completed, on_time.on_time, on_time.all_days()) == (1, 1, [17])
    late = measured[2026]["appeal_decided"]  # C: 25 working days against 20
    assert (late.completed, late.on_time, late.all_days(), late.on_time_share) == (1, 0, [25], 0)


@pytest.mark.django_db
def test_nothing_completed_is_no_data_not_zero(north):
    result = timeliness([north.area], FY2026)["acknowledgement"][north.area.pk]
    assert result.completed == 0
    assert result.on_time_share is None and result.median_days is None


@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_the_running_total_agrees_with_the_calendar(start, length):
    from datetime import timedelta

    end = start + timedelta(days=length)
    counter = WorkingDayCounter(start, end)
    assert counter.between(start, end) == working_days_between(start, end)


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=60))
def test_the_median_of_counted_days_is_the_median_of_the_days(days):
    import statistics
    from collections import Counter

    from figures.timeliness import StageTimeliness

    stage = StageTimeliness(completed=len(days), days=Counter(days))
    assert stage.median_days == statistics.median(days)
