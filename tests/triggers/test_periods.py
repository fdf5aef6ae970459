"""'N months beginning with D' (DOMAIN.md §4): every worked example, then the properties."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triggers.periods import months_beginning_with_end, within_months_beginning_with

ONE_DAY = timedelta(days=1)

# Far enough either side of today to cover any case the portal will see, and the year wraps.
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
month_counts = st.integers(min_value=1, max_value=36)


def _month_after(start: date, months: int) -> tuple[int, int]:
    index = start.year * 12 + start.month - 1 + months
    return index // 12, index % 12 + 1


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# --- The examples in DOMAIN.md §4, word for word ---------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 3, 15), 1, date(2026, 4, 14)),
        (date(2026, 1, 28), 1, date(2026, 2, 27)),
        (date(2026, 1, 29), 1, date(2026, 2, 28)),
        (date(2026, 1, 30), 1, date(2026, 2, 28)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2026, 3, 1), 6, date(2026, 8, 31)),
    ],
)
def test_the_domain_examples(start, months, end):
    assert months_beginning_with_end(start, months) == end


# --- Leap years, month ends and the turn of the year -----------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        # 29 February 2028 exists, so one month beginning 29 January ends the day before it.
        (date(2028, 1, 28), 1, date(2028, 2, 27)),
        (date(2028, 1, 29), 1, date(2028, 2, 28)),
        # No 30 or 31 February: the period ends on February's last day, the 29th in 2028.
        (date(2028, 1, 30), 1, date(2028, 2, 29)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2028, 2, 29), 1, date(2028, 3, 28)),
        # No 29 February 2029: twelve months beginning 29 February 2028 end on the 28th.
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2028, 2, 29), 48, date(2032, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2027, 8, 29), 6, date(2028, 2, 28)),
        # Month ends that are not February.
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 5, 31), 1, date(2026, 6, 30)),
        (date(2026, 4, 30), 1, date(2026, 5, 29)),
        (date(2026, 3, 1), 1, date(2026, 3, 31)),
        (date(2026, 2, 1), 1, date(2026, 2, 28)),
        # December into January, and six months across a new year.
        (date(2026, 12, 15), 1, date(2027, 1, 14)),
        (date(2026, 12, 31), 1, date(2027, 1, 30)),
        (date(2026, 12, 1), 1, date(2026, 12, 31)),
        (date(2026, 11, 30), 1, date(2026, 12, 29)),
        (date(2026, 9, 30), 6, date(2027, 3, 29)),
        (date(2026, 7, 1), 6, date(2026, 12, 31)),
        (date(2026, 8, 1), 6, date(2027, 1, 31)),
        (date(2026, 1, 1), 12, date(2026, 12, 31)),
    ],
)
def test_leap_years_month_ends_and_year_wraps(start, months, end):
    assert months_beginning_with_end(start, months) == end


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        # Periods that begin in December, or cross more than one new year.
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),
        (date(2026, 12, 29), 2, date(2027, 2, 28)),  # no 29 February 2027
        (date(2027, 12, 29), 2, date(2028, 2, 28)),  # 29 February 2028 exists
        (date(2026, 12, 1), 6, date(2027, 5, 31)),
        (date(2026, 12, 31), 6, date(2027, 6, 30)),
        (date(2026, 12, 31), 13, date(2028, 1, 30)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2026, 10, 31), 4, date(2027, 2, 28)),
        (date(1999, 12, 31), 1, date(2000, 1, 30)),
        (date(2099, 12, 31), 2, date(2100, 2, 28)),  # 2100 is not a leap year
        (date(1999, 12, 31), 2, date(2000, 2, 29)),  # 2000 is
    ],
)
def test_december_into_january_and_across_several_years(start, months, end):
    assert months_beginning_with_end(start, months) == end


@pytest.mark.parametrize(
    ("start", "months", "day", "inside"),
    [
        (date(2026, 3, 15), 1, date(2026, 3, 15), True),  # the first day is inside
        (date(2026, 3, 15), 1, date(2026, 4, 14), True),  # so is the last
        (date(2026, 3, 15), 1, date(2026, 4, 15), False),  # the corresponding date is not
        (date(2026, 3, 15), 1, date(2026, 3, 14), False),  # nor any day before the start
        (date(2026, 1, 31), 1, date(2026, 2, 28), True),
        (date(2026, 1, 31), 1, date(2026, 3, 1), False),
        (date(2028, 1, 31), 1, date(2028, 2, 29), True),
        (date(2028, 1, 31), 1, date(2028, 3, 1), False),
        (date(2025, 8, 31), 6, date(2026, 2, 28), True),
        (date(2025, 8, 31), 6, date(2026, 3, 1), False),
        (date(2026, 3, 1), 6, date(2026, 8, 31), True),
        (date(2026, 3, 1), 6, date(2026, 9, 1), False),
    ],
)
def test_within_months_beginning_with(start, months, day, inside):
    assert within_months_beginning_with(start, months, day) is inside


@pytest.mark.parametrize("months", [0, -1, -6])
def test_a_period_is_at_least_one_month(months):
    with pytest.raises(ValueError, match="at least one month"):
        months_beginning_with_end(date(2026, 3, 15), months)


# --- Properties --------------------------------------------------------------------------------


@given(dates, month_counts)
def test_the_period_ends_after_it_begins(start, months):
    assert months_beginning_with_end(start, months) > start


@given(dates)
def test_one_month_covers_28_to_31_days(start):
    """One month is never shorter than February nor longer than the longest month."""
    end = months_beginning_with_end(start, 1)
    assert 28 <= (end - start).days + 1 <= 31
    assert all(
        within_months_beginning_with(start, 1, start + timedelta(days=k))
        for k in range((end - start).days + 1)
    )


@given(dates, dates, month_counts)
def test_the_end_is_monotonic_in_the_start(first, second, months):
    earlier, later = sorted((first, second))
    assert months_beginning_with_end(earlier, months) <= months_beginning_with_end(later, months)


@given(dates, month_counts)
def test_a_later_start_never_ends_earlier(start, months):
    """Monotonic; the end moves by one day at most, except from a month's last day to the 1st.

    One month beginning 30 April ends 29 May but one beginning 1 May ends 31 May: no period
    ends on 30 May. That follows from the contract's "corresponding date"; the widest jump is
    28 February (ends 27 March) to 1 March (ends 31 March) in a common year.
    """
    today_end = months_beginning_with_end(start, months)
    tomorrow_end = months_beginning_with_end(start + ONE_DAY, months)
    assert today_end <= tomorrow_end <= today_end + timedelta(days=4)
    if (start + ONE_DAY).day != 1:
        assert tomorrow_end <= today_end + ONE_DAY


def test_no_one_month_period_from_april_ends_on_30_may():
    assert months_beginning_with_end(date(2026, 4, 30), 1) == date(2026, 5, 29)
    assert months_beginning_with_end(date(2026, 5, 1), 1) == date(2026, 5, 31)
    assert months_beginning_with_end(date(2026, 2, 28), 1) == date(2026, 3, 27)
    assert months_beginning_with_end(date(2026, 3, 1), 1) == date(2026, 3, 31)


@given(dates, month_counts)
def test_a_longer_period_ends_later(start, months):
    assert months_beginning_with_end(start, months + 1) > months_beginning_with_end(start, months)


@given(dates, month_counts)
def test_the_period_never_runs_past_the_calendar_months(start, months):
    """Never longer than the calendar: it ends by the last day of the month N months on."""
    year, month = _month_after(start, months)
    assert months_beginning_with_end(start, months) <= _last_day(year, month)


@given(dates, month_counts)
def test_the_period_is_never_shorter_than_n_whole_months(start, months):
    """Never stricter than the statute: it runs at least to the eve of the corresponding month.

    It ends in the month N months on, or (only when it begins on a 1st) on the last day of the
    month before, which is exactly N whole calendar months.
    """
    year, month = _month_after(start, months)
    end = months_beginning_with_end(start, months)
    if start.day == 1:
        assert end == date(year, month, 1) - ONE_DAY
    else:
        assert (end.year, end.month) == (year, month)
    assert 28 * months <= (end - start).days + 1 <= 31 * months


@given(dates.filter(lambda d: d.day <= 28), month_counts)
def test_where_the_corresponding_date_exists_the_next_period_begins_on_it(start, months):
    year, month = _month_after(start, months)
    assert months_beginning_with_end(start, months) + ONE_DAY == date(year, month, start.day)


@given(dates, month_counts)
def test_without_a_corresponding_date_the_period_ends_on_the_months_last_day(start, months):
    year, month = _month_after(start, months)
    if start.day > calendar.monthrange(year, month)[1]:
        assert months_beginning_with_end(start, months) == _last_day(year, month)


@given(dates, month_counts, st.integers(min_value=-40, max_value=40))
def test_within_agrees_with_the_end(start, months, offset):
    end = months_beginning_with_end(start, months)
    day = end + timedelta(days=offset)
    assert within_months_beginning_with(start, months, day) is (start <= day <= end)
    assert within_months_beginning_with(start, months, start)
    assert within_months_beginning_with(start, months, end)
    assert not within_months_beginning_with(start, months, end + ONE_DAY)
    assert not within_months_beginning_with(start, months, start - ONE_DAY)
