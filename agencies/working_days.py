"""Working days in England and Wales: Monday to Friday, except bank holidays (DOMAIN.md §3).

Every deadline in a local procedure (acknowledge, decide the threshold, hold the meeting,
appeal) is counted in working days, and Welsh areas use the same list as English ones.

The bank holidays come from the copy of GOV.UK's list bundled with govuk-bank-holidays, read
offline, because it is the official record and includes one-off holidays (jubilees, a
coronation, a state funeral) that no rule can predict. For years the copy does not cover, they
are computed by today's rules, so a deadline years ahead, or a date in an old case, still works.

Pure: no ORM and no network; the bundled file is read once, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from govuk_bank_holidays.bank_holidays import BankHolidays

__all__ = [
    "add_working_days",
    "bank_holidays",
    "bank_holidays_by_rule",
    "complete_years",
    "easter_sunday",
    "is_working_day",
    "next_working_day",
    "published_years",
    "working_days_between",
]

ONE_DAY = timedelta(days=1)
SATURDAY = 5  # date.weekday(): Monday is 0
DECEMBER = 12


# --- The published list ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _published() -> dict[int, frozenset[date]]:
    """England-and-Wales bank holidays from the bundled GOV.UK list, by complete year."""
    holidays = BankHolidays(use_cached_holidays=True).get_holidays(
        division=BankHolidays.ENGLAND_AND_WALES
    )
    return complete_years(holiday["date"] for holiday in holidays)


def complete_years(holidays: Iterable[date]) -> dict[int, frozenset[date]]:
    """Published holidays grouped by year, keeping only years whose list reaches December.

    A year cut short at the edge of GOV.UK's horizon would silently miss Christmas, so for
    such a year the rules do better than the list.
    """
    by_year: dict[int, set[date]] = {}
    for day in holidays:
        by_year.setdefault(day.year, set()).add(day)
    return {year: frozenset(days) for year, days in by_year.items() if max(days).month == DECEMBER}


def published_years() -> frozenset[int]:
    """The years GOV.UK's bundled list covers in full (the rest are computed by rule)."""
    return frozenset(_published())


# --- The rules ---------------------------------------------------------------------------------


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    # Only ever asked about May and August, so month + 1 stays within the year.
    last = date(year, month + 1, 1) - ONE_DAY
    return last - timedelta(days=last.weekday())


def _substitute(day: date, taken: set[date]) -> date:
    """A holiday falling on a weekend moves to the next weekday that is not already a holiday.

    Taking the holidays in calendar order gives GOV.UK's substitutes: Christmas on a Saturday
    moves to Monday 27th and Boxing Day to Tuesday 28th.
    """
    while day.weekday() >= SATURDAY or day in taken:
        day += ONE_DAY
    return day


def bank_holidays_by_rule(year: int) -> frozenset[date]:
    """The eight England-and-Wales bank holidays by the standing rules.

    These rules have held since 1978 (when the early May bank holiday began). One-off moves
    and extra days (2012, 2020, 2022, 2023) are proclamations no rule can know, which is why
    the published list comes first wherever it exists.
    """
    easter = easter_sunday(year)
    days = {
        easter - 2 * ONE_DAY,  # Good Friday
        easter + ONE_DAY,  # Easter Monday
        _first_monday(year, 5),  # early May bank holiday
        _last_monday(year, 5),  # spring bank holiday
        _last_monday(year, 8),  # summer bank holiday
    }
    days.add(_substitute(date(year, 1, 1), days))
    days.add(_substitute(date(year, 12, 25), days))
    days.add(_substitute(date(year, 12, 26), days))
    return frozenset(days)


# --- The calendar ------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[date]:
    """England-and-Wales bank holidays in `year`: as published where GOV.UK lists the year in
    full, otherwise by rule."""
    published = _published()
    if year in published:
        return published[year]
    return bank_holidays_by_rule(year)


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a bank holiday in England and Wales."""
    return day.weekday() < SATURDAY and day not in bank_holidays(day.year)


def next_working_day(day: date) -> date:
    """`day` itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += ONE_DAY
    return day


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start`: the day a deadline of n working days falls due.

    `start` itself never counts towards n (a letter received today starts the clock
    tomorrow). With n = 0 the answer is `start` if it is a working day, else the next one.
    """
    if n < 0:
        raise ValueError("A number of working days cannot be negative.")
    day = start
    if n == 0:
        return next_working_day(day)
    while n:
        day += ONE_DAY
        if is_working_day(day):
            n -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start`, up to and including `end`; 0 when `end` is not later.

    The inverse of add_working_days: working_days_between(d, add_working_days(d, n)) == n.
    """
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        count += is_working_day(day)
    return count
