"""Working days in England and Wales: Monday to Friday, except bank holidays.

Deadlines in every local procedure are counted in working days (DOMAIN.md §3). The bank
holidays come from govuk-bank-holidays' bundled copy of GOV.UK's list (no network); for years
beyond that copy they are computed by the statutory rules, so a deadline years ahead still
works. Pure: no ORM, no I/O after the first load.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

SATURDAY = 5


@lru_cache(maxsize=1)
def _published() -> dict[int, frozenset[date]]:
    from govuk_bank_holidays.bank_holidays import BankHolidays

    holidays = BankHolidays(use_cached_holidays=True).get_holidays(
        division=BankHolidays.ENGLAND_AND_WALES
    )
    by_year: dict[int, set[date]] = {}
    for holiday in holidays:
        by_year.setdefault(holiday["date"].year, set()).add(holiday["date"])
    return {year: frozenset(days) for year, days in by_year.items()}


def easter_sunday(year: int) -> date:
    """Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(1)
    return last - timedelta(days=last.weekday())


def _substitute(day: date, taken: set[date]) -> date:
    """A holiday on a weekend moves to the next weekday not already a holiday."""
    while day.weekday() >= SATURDAY or day in taken:
        day += timedelta(days=1)
    return day


def ruled_bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays by the usual rules (no one-off royal occasions)."""
    easter = easter_sunday(year)
    days = {
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        _first_monday(year, 5),
        _last_monday(year, 5),
        _last_monday(year, 8),
    }
    days.add(_substitute(date(year, 1, 1), days))
    christmas = _substitute(date(year, 12, 25), days)
    days.add(christmas)
    days.add(_substitute(date(year, 12, 26), days))
    return frozenset(days)


def bank_holidays(year: int) -> frozenset[date]:
    published = _published()
    # The bundled list's last year may be partial; trust it only for complete years.
    if year in published and year + 1 in published:
        return published[year]
    return ruled_bank_holidays(year)


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY and day not in bank_holidays(day.year)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (n=0: `start` itself, or the next working day)."""
    if n < 0:
        raise ValueError("A number of working days cannot be negative.")
    day = start
    if n == 0:
        while not is_working_day(day):
            day += timedelta(days=1)
        return day
    while n:
        day += timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count
