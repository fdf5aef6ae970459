"""Days and hours for recounting the figures: a timestamp's hour in UTC computed by the
database, its local day, working days between days, and a span of days as filters."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from django.db.models import CharField, Func, Q

from agencies.working_days import add_working_days, is_working_day

ONE_DAY = timedelta(days=1)


class UtcHour(Func):
    """A timestamp's hour in UTC as text, "YYYY-MM-DD HH", computed natively by the database.

    Django's own date functions on SQLite call back into Python for every row, which took
    seconds over 100,000 cases; SQLite keeps timestamps as UTC text, so the hour is a prefix.
    """

    output_field = CharField()
    template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')"

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 13)", **extra)


@lru_cache(maxsize=65536)
def local_day(utc_hour: str, zone: tzinfo) -> date:
    """The local calendar day of an hour given in UTC ("YYYY-MM-DD HH")."""
    moment = datetime.strptime(utc_hour, "%Y-%m-%d %H").replace(tzinfo=UTC)
    return moment.astimezone(zone).date()


class WorkingDayCounter:
    """working_days_between for many dates: a running total of working days since an origin.

    Built once for the span of dates a query returned, so counting a stage's working days is
    a subtraction instead of a walk through the calendar.
    """

    def __init__(self, first: date, last: date):
        self.first = first
        self.totals: dict[date, int] = {}
        total, day = 0, first
        while day <= last:
            total += is_working_day(day)
            self.totals[day] = total
            day += ONE_DAY

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when `end` is not later)."""
        if end <= start:
            return 0
        return self.totals[end] - self.totals[start]


@lru_cache(maxsize=4096)
def deadline_after(start: date, working_days: int) -> date:
    return add_working_days(start, working_days)


class Span:
    """The days from `first` to `last` (both included; None: no bound), as the moments that
    filter timestamps and the dates that filter date columns."""

    def __init__(self, first: date | None, last: date | None, zone: tzinfo):
        self.first, self.last, self.zone = first, last, zone

    def moments(self, field: str) -> Q:
        q = Q(**{f"{field}__isnull": False})  # not yet happened: counts on no day
        if self.first is not None:
            q &= Q(**{f"{field}__gte": datetime.combine(self.first, time.min, tzinfo=self.zone)})
        if self.last is not None:
            after = datetime.combine(self.last + ONE_DAY, time.min, tzinfo=self.zone)
            q &= Q(**{f"{field}__lt": after})
        return q

    def days(self, field: str) -> Q:
        q = Q(**{f"{field}__isnull": False})
        if self.first is not None:
            q &= Q(**{f"{field}__gte": self.first})
        if self.last is not None:
            q &= Q(**{f"{field}__lte": self.last})
        return q
