"""Periods of months "beginning with" a date, as the Act counts them (DOMAIN.md §4).

"N months beginning with date D" ends on the day before the corresponding date N months
later; where that month has no corresponding date, it ends on that month's last day.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def _add_months(start: date, months: int) -> tuple[int, int]:
    index = start.year * 12 + (start.month - 1) + months
    return index // 12, index % 12 + 1


def months_beginning_with_end(start: date, months: int) -> date:
    """The last day of the period of `months` months beginning with `start`."""
    if months < 1:
        raise ValueError("A period is at least one month long.")
    year, month = _add_months(start, months)
    last_day = calendar.monthrange(year, month)[1]
    if start.day > last_day:
        # No corresponding date (e.g. 31 Jan + 1 month): the period ends on the last day.
        return date(year, month, last_day)
    return date(year, month, start.day) - timedelta(days=1)


def within_months_beginning_with(start: date, months: int, day: date) -> bool:
    return start <= day <= months_beginning_with_end(start, months)
