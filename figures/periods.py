"""Reporting periods: the UK financial year (1 April to 31 March), the calendar year, and
their quarters.

Areas publish their statutory figures at least every 12 months, and councils and PCCs report
by financial year, so that is the default period; an area may choose calendar years instead
(DOMAIN.md §5.11; `kind` is "financial" or "calendar", the values of Area.PublicationYear).
Any other dates work too.

Pure: standard library only, no ORM.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

APRIL = 4
FINANCIAL, CALENDAR = "financial", "calendar"
EN_DASH = "\N{EN DASH}"
# The Act's review provisions came into force on 20 October 2014: no figures before that year.
FIRST_FINANCIAL_YEAR = 2014


# The widest period asked for by date (?start=…&end=…).
EARLIEST = date(1900, 1, 1)
LATEST = date(9998, 12, 31)


@dataclass(frozen=True)
class Period:
    """The days from `start` to `end`, both included."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")
        # The day after the end, a year on, a time of day in UTC: each must still be a date.
        if self.start < EARLIEST or self.end > LATEST:
            raise ValueError(f"A period must fall within {EARLIEST.year} to {LATEST.year}.")

    @property
    def label(self) -> str:
        if is_financial_year(self):
            return f"April {self.start.year} to March {self.end.year}"
        if is_calendar_year(self):
            return f"January to December {self.start.year}"
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    @property
    def name(self) -> str:
        """How a year is published: "2025-26" with an en dash (financial), "2025" (calendar)."""
        if is_financial_year(self):
            return f"{self.start.year}{EN_DASH}{self.end.year % 100:02d}"
        if is_calendar_year(self):
            return str(self.start.year)
        return self.label

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """[first moment, moment after the last day) in `zone`, for filtering timestamps."""
        first = datetime.combine(self.start, time.min, tzinfo=zone)
        after = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone)
        return first, after

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def financial_year(start_year: int) -> Period:
    """The financial year that starts on 1 April of `start_year`."""
    return Period(date(start_year, APRIL, 1), date(start_year + 1, APRIL, 1) - timedelta(days=1))


def financial_year_of(day: date) -> Period:
    """The financial year `day` falls in."""
    return financial_year(day.year if day.month >= APRIL else day.year - 1)


def is_financial_year(period: Period) -> bool:
    return period == financial_year(period.start.year)


def calendar_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def is_calendar_year(period: Period) -> bool:
    return period == calendar_year(period.start.year)


def year(start_year: int, kind: str = FINANCIAL) -> Period:
    """The area's publication year that starts in `start_year`."""
    return calendar_year(start_year) if kind == CALENDAR else financial_year(start_year)


def year_of(day: date, kind: str = FINANCIAL) -> Period:
    """The publication year of that kind `day` falls in."""
    return calendar_year(day.year) if kind == CALENDAR else financial_year_of(day)


def quarters(year: Period) -> list[Period]:
    """The four quarters of a year (for a financial year April to June, July to September…)."""
    first = year.start
    starts = [add_months(first, 3 * n) for n in range(4)]
    ends = [s - timedelta(days=1) for s in starts[1:]] + [year.end]
    return [Period(s, e) for s, e in zip(starts, ends, strict=True)]


def financial_years_until(day: date) -> list[Period]:
    """Every financial year from the Act's first to the one `day` falls in, newest first."""
    return years_until(day, FINANCIAL)


def years_until(day: date, kind: str = FINANCIAL) -> list[Period]:
    """Every year of that kind from the Act's first to the one `day` falls in, newest first."""
    last = year_of(day, kind).start.year
    return [year(y, kind) for y in range(last, FIRST_FINANCIAL_YEAR - 1, -1)]


# --- The 12-month publication duty (s104(10)) -------------------------------------------------

# Areas publish at least every 12 months; area admins are reminded a month before that falls due.
PUBLISH_EVERY_MONTHS = 12
REMIND_MONTHS_BEFORE = 1


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), the month's last day when it is shorter."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def publication_due(last_published: date | None, first_case: date | None) -> date | None:
    """When the area's next publication is due: 12 months after its last one or, for an area
    that has never published, 12 months after its first application; None with neither."""
    since = last_published or first_case
    return None if since is None else add_months(since, PUBLISH_EVERY_MONTHS)


def publication_reminder_from(due: date) -> date:
    return add_months(due, -REMIND_MONTHS_BEFORE)
