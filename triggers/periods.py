"""Periods of months "beginning with" a date, as the 2014 Act counts them (DOMAIN.md §4).

"N months beginning with date D" ends on the day before the corresponding date N months
later; where that month has no corresponding date, it ends on that month's last day. So one
month beginning 15 March ends 14 April, and one month beginning 31 January ends on the last
day of February. Time limits in s104(11) are counted this way, so getting a single day wrong
would wrongly refuse a victim's complaint.

Pure: standard library only, no I/O.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

__all__ = ["months_beginning_with_end", "within_months_beginning_with"]


def _month_after(start: date, months: int) -> tuple[int, int]:
    """(year, month) of the month `months` calendar months after `start`'s month."""
    index = start.year * 12 + (start.month - 1) + months
    return index // 12, index % 12 + 1


def _corresponding_date(start: date, months: int) -> date | None:
    """The date with `start`'s day of the month, `months` months later; None if none exists."""
    year, month = _month_after(start, months)
    if start.day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, start.day)


def months_beginning_with_end(start: date, months: int) -> date:
    """The last day inside the period of `months` months beginning with `start`.

    The day `start` is itself the first day of the period, which is why the period ends the
    day *before* the corresponding date rather than on it.
    """
    if months < 1:
        raise ValueError("A period of months beginning with a date is at least one month long.")
    corresponding = _corresponding_date(start, months)
    if corresponding is None:
        # No corresponding date (31 January + 1 month): the month's last day ends the period.
        year, month = _month_after(start, months)
        return date(year, month, calendar.monthrange(year, month)[1])
    return corresponding - timedelta(days=1)


def within_months_beginning_with(start: date, months: int, day: date) -> bool:
    """Whether `day` falls within the `months` months beginning with `start`.

    A day before `start` is outside: a period "beginning with" a date cannot reach back.
    """
    return start <= day <= months_beginning_with_end(start, months)
