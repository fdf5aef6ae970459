"""The four statutory counts, from cases built through the services across two years."""

from datetime import date

import pytest

from figures import selectors
from figures.periods import Period, financial_year
from triggers.history import transition
from triggers.workflow import Status

from .builders import acknowledge, apply, clock, decide, hold_review, schedule

pytestmark = pytest.mark.django_db

FY2025, FY2026 = financial_year(2025), financial_year(2026)


def counts(side, period):
    return selectors.statutory_counts([side.area.pk], period)[side.area.pk]


def test_each_count_falls_in_the_year_of_its_own_date(two_years):
    north = two_years.north
    # A, B and D were received in 2025-26; C in 2026-27.
    assert counts(north, FY2025).applications_received == 3
    assert counts(north, FY2026).applications_received == 1
    # A was refused in 2025-26; D, received in March 2026, was refused in April 2026.
    assert counts(north, FY2025).threshold_not_met == 1
    assert counts(north, FY2026).threshold_not_met == 1
    # B was decided in 2025-26 and reviewed in 2026-27; C was reviewed in 2026-27.
    assert counts(north, FY2025).reviews_held == 0
    assert counts(north, FY2026).reviews_held == 2


def test_reviews_with_recommendations_count_only_reviews_that_made_them(two_years):
    north = two_years.north
    assert counts(north, FY2025).reviews_with_recommendations == 0
    # B's review made recommendations, C's did not.
    assert counts(north, FY2026).reviews_with_recommendations == 1


def test_another_areas_cases_are_not_counted(two_years):
    south = two_years.south
    assert counts(south, FY2026).applications_received == 1
    assert counts(south, FY2026).threshold_not_met == 1
    assert counts(south, FY2025).applications_received == 0


def test_past_years_stay_right_after_cases_move_on(two_years):
    north = two_years.north
    before = counts(north, FY2025)
    case = two_years.cases["b"]
    with clock("2026-09-01"):
        transition(case, Status.CLOSED, by=north.officer)
    assert counts(north, FY2025) == before


def test_any_period_can_be_counted(two_years):
    north = two_years.north
    march_2026 = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert counts(north, march_2026).applications_received == 2  # B and D
    both_years = Period(FY2025.start, FY2026.end)
    assert counts(north, both_years).applications_received == 4
    assert counts(north, both_years).threshold_not_met == 2


def test_a_threshold_decided_again_after_an_appeal_counts_again(north):
    from .builders import appeal, apply, decide

    case = apply(north, "2026-05-05")
    decide(north, case, "2026-05-07", "not_met")
    appeal(north, case, "2026-05-11", "2026-05-20", decision=Status.THRESHOLD_REDECISION)
    decide(north, case, "2026-05-27", "not_met")
    assert counts(north, FY2026).threshold_not_met == 2


def test_counts_for_many_areas_take_one_query(two_years, django_assert_num_queries):
    ids = [two_years.north.area.pk, two_years.south.area.pk]
    with django_assert_num_queries(1):  # the summary rows, not the history (issue #18)
        found = selectors.statutory_counts(ids, FY2026)
    assert set(found) == set(ids)


def test_appeals_by_outcome_read_from_the_history(two_years):
    north = two_years.north
    fy25 = selectors.appeal_outcomes([north.area.pk], FY2025)[north.area.pk]
    fy26 = selectors.appeal_outcomes([north.area.pk], FY2026)[north.area.pk]
    assert (fy25.upheld, fy25.not_upheld) == (0, 1)
    assert (fy26.upheld, fy26.not_upheld) == (1, 0)


def test_threshold_outcomes_and_met_rate(two_years):
    north = two_years.north
    fy25 = selectors.threshold_outcomes([north.area.pk], FY2025)[north.area.pk]
    assert (fy25.met, fy25.not_met, fy25.decided) == (1, 1, 2)  # B met, A not met
    assert fy25.met_rate == 0.5
    fy26 = selectors.threshold_outcomes([north.area.pk], FY2026)[north.area.pk]
    assert (fy26.met, fy26.not_met) == (1, 1)  # C met, D not met


def test_applications_by_quarter(two_years):
    north = two_years.north
    assert selectors.applications_by_quarter([north.area.pk], FY2025)[north.area.pk] == [
        1,  # A, June 2025
        0,
        0,
        2,  # B and D, March 2026
    ]
    assert selectors.applications_by_quarter([north.area.pk], FY2026)[north.area.pk] == [1, 0, 0, 0]


def test_a_meeting_on_30_march_recorded_on_1_april_counts_in_the_year_of_30_march(north):
    case = apply(north, "2026-02-02")
    acknowledge(north, case, "2026-02-03")
    decide(north, case, "2026-02-10")
    schedule(north, case, "2026-02-20", "2026-03-30T10:00")
    review = hold_review(north, case, "2026-04-01T09:00", recommendations=True)
    assert review.held_on == date(2026, 3, 30)
    assert counts(north, FY2025).reviews_held == 1
    assert counts(north, FY2025).reviews_with_recommendations == 1
    assert counts(north, FY2026).reviews_held == 0
    assert counts(north, FY2026).reviews_with_recommendations == 0


def test_actions_without_recommendations_count_as_resulting_in_recommendations(north):
    for n, actions in enumerate((True, False)):
        case = apply(north, "2026-05-05", name=f"Applicant {n}", email=f"a{n}@example.com")
        decide(north, case, "2026-05-12")
        schedule(north, case, "2026-05-14", "2026-06-02T10:00")
        hold_review(north, case, "2026-06-02T15:00", recommendations=False, actions=actions)
    assert counts(north, FY2026).reviews_held == 2
    assert counts(north, FY2026).reviews_with_recommendations == 1
