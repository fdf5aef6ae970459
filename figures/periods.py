"""Reporting periods: the UK financial year (1 April to 31 March) and its quarters.

Areas publish their statutory figures at least every 12 months, and councils and PCCs report
by financial year, so that is the default period; any other dates work too.

Pure: standard library only, no ORM.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

APRIL = 4
# The Act's review provisions came into force on 20 October 2014: no figures before that year.
FIRST_FINANCIAL_YEAR = 2014


@dataclass(frozen=True)
class Period:
    """The days from `start` to `end`, both included."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")

    @property
    def label(self) -> str:
        if is_financial_year(self):
            return f"April {self.start.year} to March {self.end.year}"
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

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


def quarters(year: Period) -> list[Period]:
    """The four quarters of a financial year (April to June, July to September, and so on)."""
    starts = [date(year.start.year, month, 1) for month in (4, 7, 10)]
    starts.append(date(year.start.year + 1, 1, 1))
    ends = [s - timedelta(days=1) for s in starts[1:]] + [year.end]
    return [Period(s, e) for s, e in zip(starts, ends, strict=True)]


def financial_years_until(day: date) -> list[Period]:
    """Every financial year from the Act's first to the one `day` falls in, newest first."""
    last = financial_year_of(day).start.year
    return [financial_year(y) for y in range(last, FIRST_FINANCIAL_YEAR - 1, -1)]


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
