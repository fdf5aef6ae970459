"""Working days in England and Wales (DOMAIN.md §3): known holidays, the rules, the arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import requests
from govuk_bank_holidays.bank_holidays import BankHolidays
from hypothesis import given, settings
from hypothesis import strategies as st

from agencies import working_days
from agencies.working_days import (
    add_working_days,
    bank_holidays,
    bank_holidays_by_rule,
    complete_years,
    easter_sunday,
    is_working_day,
    next_working_day,
    published_years,
    working_days_between,
)

# One-off changes proclaimed for a single year, which the published list has and no rule can
# know: (standing holidays moved away, days added).
ONE_OFFS = {
    # Diamond Jubilee: the spring bank holiday moved to Monday 4 June, plus Tuesday 5 June.
    2012: ({date(2012, 5, 28)}, {date(2012, 6, 4), date(2012, 6, 5)}),
    # VE Day 75: the early May bank holiday moved to Friday 8 May.
    2020: ({date(2020, 5, 4)}, {date(2020, 5, 8)}),
    # Platinum Jubilee (spring bank holiday moved to Thursday 2 June, plus Friday 3 June),
    # and the State Funeral of Queen Elizabeth II on 19 September.
    2022: ({date(2022, 5, 30)}, {date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19)}),
    # The Coronation of King Charles III.
    2023: (set(), {date(2023, 5, 8)}),
}

BANK_HOLIDAYS_2026 = {
    date(2026, 1, 1),  # New Year's Day
    date(2026, 4, 3),  # Good Friday
    date(2026, 4, 6),  # Easter Monday
    date(2026, 5, 4),  # early May bank holiday
    date(2026, 5, 25),  # spring bank holiday
    date(2026, 8, 31),  # summer bank holiday
    date(2026, 12, 25),  # Christmas Day, a Friday
    date(2026, 12, 28),  # Boxing Day falls on a Saturday: substitute Monday
}

# Wide enough to cross from the published years into the computed ones.
dates = st.dates(min_value=date(2005, 1, 1), max_value=date(2060, 12, 31))
counts = st.integers(min_value=0, max_value=400)


# --- Known holidays ----------------------------------------------------------------------------


def test_the_2026_bank_holidays():
    assert bank_holidays(2026) == BANK_HOLIDAYS_2026


@pytest.mark.parametrize("day", sorted(BANK_HOLIDAYS_2026))
def test_a_bank_holiday_is_not_a_working_day(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 4, 2), True),  # Maundy Thursday is a working day
        (date(2026, 4, 7), True),  # the Tuesday after Easter
        (date(2026, 11, 20), True),  # a Friday
        (date(2026, 11, 21), False),  # a Saturday
        (date(2026, 11, 22), False),  # a Sunday
        (date(2026, 12, 24), True),  # Christmas Eve is not a bank holiday
        (date(2026, 12, 26), False),  # Boxing Day itself is a Saturday
        (date(2026, 12, 31), True),
        (date(2023, 5, 8), False),  # the Coronation, from the published list
        (date(2022, 9, 19), False),  # the State Funeral, from the published list
        (date(2020, 5, 4), True),  # the early May holiday moved that year...
        (date(2020, 5, 8), False),  # ...to VE Day
    ],
)
def test_working_days(day, working):
    assert is_working_day(day) is working


def test_the_bundled_list_covers_the_years_the_portal_starts_in():
    years = published_years()
    assert set(range(2012, 2029)) <= years


# --- The rules, for years beyond the bundled list ----------------------------------------------


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2029, date(2029, 4, 1)),
        (2030, date(2030, 4, 21)),
        (1961, date(1961, 4, 2)),
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2038, date(2038, 4, 25)),  # the latest date Easter can fall
        (2285, date(2285, 3, 22)),  # the earliest
    ],
)
def test_easter_sunday(year, sunday):
    assert easter_sunday(year) == sunday


@pytest.mark.parametrize("year", sorted(published_years()))
def test_the_rules_agree_with_every_published_year_but_for_its_one_offs(year):
    moved_away, added = ONE_OFFS.get(year, (set(), set()))
    assert bank_holidays(year) == (bank_holidays_by_rule(year) - moved_away) | added


def _govuk_complete_years() -> dict[int, set[date]]:
    """The bundled GOV.UK list read directly, not through the module: years reaching December."""
    listed = BankHolidays(use_cached_holidays=True).get_holidays(
        division=BankHolidays.ENGLAND_AND_WALES
    )
    by_year: dict[int, set[date]] = {}
    for holiday in listed:
        by_year.setdefault(holiday["date"].year, set()).add(holiday["date"])
    return {year: days for year, days in by_year.items() if max(days).month == 12}


GOVUK_YEARS = _govuk_complete_years()

# Every day on which the rules and GOV.UK may disagree: the one-off royal and special holidays
# and the standing holidays they displaced. Nothing else is allowed to differ.
ALLOWED_DIFFERENCES = {
    2012: {date(2012, 5, 28), date(2012, 6, 4), date(2012, 6, 5)},  # Diamond Jubilee
    2020: {date(2020, 5, 4), date(2020, 5, 8)},  # VE Day 75 moved the early May holiday
    2022: {
        date(2022, 5, 30),  # the spring bank holiday, moved for the Platinum Jubilee...
        date(2022, 6, 2),  # ...to Thursday 2 June
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 9, 19),  # State Funeral of Queen Elizabeth II
    },
    2023: {date(2023, 5, 8)},  # Coronation of King Charles III
}


def test_the_bundled_list_has_complete_years_to_compare():
    assert set(range(2013, 2028)) <= set(GOVUK_YEARS)
    assert set(ALLOWED_DIFFERENCES) <= set(GOVUK_YEARS)
    assert published_years() == frozenset(GOVUK_YEARS)


@pytest.mark.parametrize("year", sorted(GOVUK_YEARS))
def test_the_rules_and_govuk_differ_only_by_the_known_one_offs(year):
    difference = bank_holidays_by_rule(year) ^ GOVUK_YEARS[year]
    assert difference == ALLOWED_DIFFERENCES.get(year, set())


@pytest.mark.parametrize("year", sorted(GOVUK_YEARS))
def test_the_calendar_uses_the_published_list_where_there_is_one(year):
    assert bank_holidays(year) == GOVUK_YEARS[year]


@pytest.mark.parametrize("year", sorted(published_years()))
def test_the_computus_finds_every_published_easter(year):
    assert easter_sunday(year) - timedelta(days=2) in bank_holidays(year)  # Good Friday
    assert easter_sunday(year) + timedelta(days=1) in bank_holidays(year)  # Easter Monday


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2029,
            {
                date(2029, 1, 1),
                date(2029, 3, 30),
                date(2029, 4, 2),
                date(2029, 5, 7),
                date(2029, 5, 28),
                date(2029, 8, 27),
                date(2029, 12, 25),
                date(2029, 12, 26),
            },
        ),
        (
            # Christmas on a Saturday: Monday 27 and Tuesday 28 December.
            2032,
            {
                date(2032, 1, 1),
                date(2032, 3, 26),
                date(2032, 3, 29),
                date(2032, 5, 3),
                date(2032, 5, 31),
                date(2032, 8, 30),
                date(2032, 12, 27),
                date(2032, 12, 28),
            },
        ),
        (
            # New Year's Day on a Saturday (Monday 3rd); Christmas on a Sunday (26 and 27).
            2033,
            {
                date(2033, 1, 3),
                date(2033, 4, 15),
                date(2033, 4, 18),
                date(2033, 5, 2),
                date(2033, 5, 30),
                date(2033, 8, 29),
                date(2033, 12, 26),
                date(2033, 12, 27),
            },
        ),
        (
            # New Year's Day on a Sunday: Monday 2nd.
            2034,
            {
                date(2034, 1, 2),
                date(2034, 4, 7),
                date(2034, 4, 10),
                date(2034, 5, 1),
                date(2034, 5, 29),
                date(2034, 8, 28),
                date(2034, 12, 25),
                date(2034, 12, 26),
            },
        ),
    ],
)
def test_years_beyond_the_bundled_list_are_computed(year, expected):
    assert year not in published_years()
    assert bank_holidays(year) == expected


@given(st.integers(min_value=1978, max_value=2300))
def test_the_rules_give_eight_weekday_holidays_in_the_year(year):
    holidays = bank_holidays_by_rule(year)
    assert len(holidays) == 8
    assert all(day.year == year and day.weekday() < 5 for day in holidays)


def test_a_year_the_list_stops_short_of_december_is_left_to_the_rules():
    listed = [*BANK_HOLIDAYS_2026, date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29)]
    assert complete_years(listed) == {2026: frozenset(BANK_HOLIDAYS_2026)}


def test_the_bundled_list_is_read_offline(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("The working-day calendar must not use the network.")

    monkeypatch.setattr(requests, "get", no_network)
    monkeypatch.setattr(requests.Session, "request", no_network)
    working_days._published.cache_clear()
    bank_holidays.cache_clear()
    try:
        assert bank_holidays(2026) == BANK_HOLIDAYS_2026
    finally:
        working_days._published.cache_clear()
        bank_holidays.cache_clear()


# --- Deadlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (date(2026, 11, 16), 5, date(2026, 11, 23)),  # a plain week: Monday to Monday
        (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Friday: next is Monday
        (date(2026, 11, 21), 1, date(2026, 11, 23)),  # a Saturday start
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # over Easter
        (date(2026, 12, 21), 5, date(2026, 12, 30)),  # over Christmas and the substitute
        (date(2026, 12, 18), 10, date(2027, 1, 6)),  # over Christmas and New Year
        (date(2026, 12, 18), 20, date(2027, 1, 20)),
        (date(2032, 12, 24), 1, date(2032, 12, 29)),  # a computed year's substitutes
    ],
)
def test_add_working_days(start, n, due):
    assert add_working_days(start, n) == due
    assert working_days_between(start, due) == n


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (date(2026, 11, 20), date(2026, 11, 20)),  # a working day is its own answer
        (date(2026, 11, 21), date(2026, 11, 23)),  # a Saturday: Monday
        (date(2026, 12, 25), date(2026, 12, 29)),  # Christmas: after the Boxing Day substitute
    ],
)
def test_zero_working_days_is_today_or_the_next_working_day(start, due):
    assert add_working_days(start, 0) == due == next_working_day(start)


@pytest.mark.parametrize("n", [-1, -5, -400])
@pytest.mark.parametrize("start", [date(2026, 11, 20), date(2026, 11, 21)])
def test_a_negative_number_of_working_days_is_refused(start, n):
    with pytest.raises(ValueError, match="negative"):
        add_working_days(start, n)


def test_a_deadline_across_christmas_and_new_year_skips_every_holiday():
    """Ten working days from Friday 18 December 2026: 21-24, 29-31 December, 4-6 January."""
    start = date(2026, 12, 18)
    counted = [
        start + timedelta(days=k) for k in range(1, 20) if is_working_day(start + timedelta(days=k))
    ][:10]
    assert counted == [
        date(2026, 12, 21),
        date(2026, 12, 22),
        date(2026, 12, 23),
        date(2026, 12, 24),
        date(2026, 12, 29),
        date(2026, 12, 30),
        date(2026, 12, 31),
        date(2027, 1, 4),
        date(2027, 1, 5),
        date(2027, 1, 6),
    ]
    assert add_working_days(start, 10) == counted[-1]
    assert not is_working_day(date(2027, 1, 1))  # New Year's Day, a Friday


@pytest.mark.parametrize(
    ("start", "end", "n"),
    [
        (date(2026, 12, 24), date(2027, 1, 4), 4),  # 29, 30, 31 December and 4 January
        (date(2026, 11, 20), date(2026, 11, 20), 0),
        (date(2026, 11, 20), date(2026, 11, 1), 0),  # an end before the start
        (date(2026, 11, 20), date(2026, 11, 22), 0),  # only a weekend after the start
        (date(2026, 1, 1), date(2026, 12, 31), 253),  # 260 weekdays after 1 January, less 7
    ],
)
def test_working_days_between(start, end, n):
    assert working_days_between(start, end) == n


# --- Properties --------------------------------------------------------------------------------


@settings(deadline=None)
@given(dates, st.integers(min_value=1, max_value=400))
def test_n_working_days_on_is_a_working_day_n_working_days_away(start, n):
    due = add_working_days(start, n)
    assert is_working_day(due)
    assert due > start
    assert working_days_between(start, due) == n
    assert working_days_between(start, due - timedelta(days=1)) == n - 1


@settings(deadline=None)
@given(dates, counts)
def test_a_deadline_always_falls_on_a_working_day(start, n):
    assert is_working_day(add_working_days(start, n))


@settings(deadline=None)
@given(dates, counts)
def test_counting_the_working_days_to_a_deadline_gives_back_n(start, n):
    due = add_working_days(start, n)
    assert due >= start
    if n == 0 and not is_working_day(start):
        # Zero days from a weekend or holiday is the next working day: the first one after.
        assert working_days_between(start, due) == 1
    else:
        assert working_days_between(start, due) == n


@settings(deadline=None)
@given(dates, st.integers(min_value=1, max_value=400))
def test_one_more_working_day_is_the_next_working_day(start, n):
    before, after = add_working_days(start, n - 1), add_working_days(start, n)
    if n == 1 and not is_working_day(start):
        assert after == before  # zero days already moved on to the next working day
        return
    assert after == add_working_days(before, 1) > before
    assert all(not is_working_day(day) for day in _days_strictly_between(before, after))


def _days_strictly_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range(1, (last - first).days)]


@settings(deadline=None)
@given(dates, st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400))
def test_working_days_between_adds_up(start, first, second):
    middle = start + timedelta(days=first)
    end = middle + timedelta(days=second)
    assert working_days_between(start, middle) + working_days_between(middle, end) == (
        working_days_between(start, end)
    )


@given(dates)
def test_weekends_are_never_working_days(day):
    if day.weekday() >= 5:
        assert not is_working_day(day)
    else:
        assert is_working_day(day) is (day not in bank_holidays(day.year))


@given(st.integers(min_value=1978, max_value=2300))
def test_every_year_has_its_holidays_on_weekdays_within_it(year):
    assert all(day.year == year and day.weekday() < 5 for day in bank_holidays(year))
