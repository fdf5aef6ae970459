"""Periods of months "beginning with" a date, as the 2014 Act counts them (DOMAIN.md §4).

"N months beginning with date D" ends on the day before the corresponding date N months
later; where that month has no corresponding date, it ends on that month's last day. So one
month beginning 15 March ends 14 April, and one month beginning 31 January ends on the last
day of February. Time limits in s104(11) are counted this way, so getting a single day wrong
would wrongly refuse a victim's complaint.

Pure: standard library only, no I/O.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

__all__ = ["months_beginning_with_end", "within_months_beginning_with"]


# Days in each month of a common year; February gains a day in a leap year. A table rather
# than calendar.monthrange: the engine asks this twice for every complaint it assesses.
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ONE_DAY = timedelta(days=1)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


# Remembered: a bulk check asks for the same few thousand days over and over (every day of
# a few years), and a date and a count are all it depends on.
@lru_cache(maxsize=16384)
def months_beginning_with_end(start: date, months: int) -> date:
    """The last day inside the period of `months` months beginning with `start`.

    The day `start` is itself the first day of the period, which is why the period ends the
    day *before* the corresponding date rather than on it.
    """
    if months < 1:
        raise ValueError("A period of months beginning with a date is at least one month long.")
    year, month0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    last = _days_in_month(year, month0 + 1)
    if start.day > last:
        # No corresponding date (31 January + 1 month): the month's last day ends the period.
        return date(year, month0 + 1, last)
    return date(year, month0 + 1, start.day) - _ONE_DAY


def within_months_beginning_with(start: date, months: int, day: date) -> bool:
    """Whether `day` falls within the `months` months beginning with `start`.

    A day before `start` is outside: a period "beginning with" a date cannot reach back.
    """
    return start <= day <= months_beginning_with_end(start, months)
