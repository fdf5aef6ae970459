"""Timeliness: for each stage of a case, how often it was done within the area's timescale,
and the median number of working days it took.

A stage counts in the period in which it was completed. Each stage is one query that groups
the stages completed in the period by (area, hour started, hour completed, deadline), in UTC,
and counts them: the rows fetched are bounded by the calendar, not by the number of cases.
Each hour is then turned into the local day (England and Wales are a whole number of hours
from UTC, so the hour decides the day). Working days and medians are then computed in
Python, with a running total of working days so that each group costs two dictionary look-ups
however long it took.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache

from django.db.models import (
    CharField,
    Count,
    DateField,
    DateTimeField,
    Exists,
    F,
    Func,
    OuterRef,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from agencies.models import Area
from agencies.working_days import add_working_days, is_working_day
from triggers.models import CaseEvent, InformationReturn, ReviewRecord, ThresholdDecision
from triggers.workflow import Status

from .periods import Period
from .selectors import appeal_decision_events

ONE_DAY = timedelta(days=1)
REVIEW_STARTS = (Status.THRESHOLD_MET, Status.MET_ON_DISCRETION, Status.FURTHER_REVIEW)


@dataclass
class StageTimeliness:
    """One stage in one area: how many were completed, how many on time, and how long."""

    completed: int = 0
    on_time: int = 0
    days: Counter = field(default_factory=Counter, repr=False)  # working days -> how many

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.completed if self.completed else None

    @property
    def median_days(self) -> float | None:
        """The median of the working days taken (the mean of the middle two when even)."""
        if not self.completed:
            return None
        middle = [(self.completed - 1) // 2, self.completed // 2]
        found, seen = [], 0
        for days, count in sorted(self.days.items()):
            while len(found) < 2 and middle[len(found)] < seen + count:
                found.append(days)
            seen += count
        return sum(found) / 2

    def all_days(self) -> list[int]:
        return sorted(self.days.elements())


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    timescale_field: str  # the Area field with this stage's timescale in working days
    # (area_ids, first, after, zone) -> a queryset annotated with started_on, done_on and due
    rows: Callable


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
def _deadline(start: date, working_days: int) -> date:
    return add_working_days(start, working_days)


def _latest_event(status_filter: dict, before) -> Subquery:
    """The time of the case's latest event matching `status_filter` up to `before`."""
    earlier = CaseEvent.objects.filter(
        case_id=OuterRef("case_id"), at__lte=before, **status_filter
    ).order_by("-at", "-pk")
    return Subquery(earlier.values("at")[:1], output_field=DateTimeField())


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


NO_STORED_DEADLINE = Value(None, output_field=DateField())


def _dates(queryset, zone, started, done, due=NO_STORED_DEADLINE):
    """Annotate the hour a stage started and was completed, and its stored deadline."""
    return queryset.annotate(started_on=UtcHour(started), done_on=UtcHour(done), due=due).filter(
        started_on__isnull=False
    )


def _acknowledgements(area_ids, first, after, zone):
    events = CaseEvent.objects.filter(
        area_id__in=area_ids, to_status=Status.ACKNOWLEDGED, at__gte=first, at__lt=after
    )
    return _dates(events, zone, "case__received_at", "at", F("case__acknowledge_due"))


def _threshold_decisions(area_ids, first, after, zone):
    # Only a case's first decision: a decision made again after an appeal has its own clock.
    earlier = ThresholdDecision.objects.filter(
        case_id=OuterRef("case_id"), decided_at__lt=OuterRef("decided_at")
    )
    decisions = ThresholdDecision.objects.filter(
        area_id__in=area_ids, decided_at__gte=first, decided_at__lt=after
    ).exclude(Exists(earlier))
    return _dates(
        decisions, zone, "case__received_at", "decided_at", F("case__threshold_decision_due")
    )


def _information_returns(area_ids, first, after, zone):
    returns = InformationReturn.objects.filter(
        area_id__in=area_ids, submitted_at__gte=first, submitted_at__lt=after
    )
    return _dates(returns, zone, "request__requested_at", "submitted_at", F("request__due_date"))


def _meeting_day():
    """When the review was held: the meeting's start, or the recording if it came first."""
    return Least(Coalesce("meeting__starts_at", "recorded_at"), F("recorded_at"))


def _reviews_held(area_ids, first, after, zone):
    # From the decision to hold a review (or a further review) to the day of the meeting, for
    # the reviews held in the period: counted on the day the meeting was held, not recorded.
    records = ReviewRecord.objects.filter(
        area_id__in=area_ids,
        held_on__gte=first.astimezone(zone).date(),
        held_on__lt=after.astimezone(zone).date(),
    )
    started = _latest_event({"to_status__in": REVIEW_STARTS}, OuterRef("recorded_at"))
    return _dates(records, zone, started, _meeting_day())


def _outcomes_sent(area_ids, first, after, zone):
    # From the meeting to the outcome letter; the review keeps the deadline it was given.
    records = ReviewRecord.objects.filter(
        area_id__in=area_ids, outcome_sent_at__gte=first, outcome_sent_at__lt=after
    )
    return _dates(records, zone, _meeting_day(), "outcome_sent_at", F("outcome_due"))


def _appeals_decided(area_ids, first, after, zone):
    # A decided appeal is the case leaving "appealed", whatever the decision was (a
    # withdrawal is no decision; a PCC review is counted apart).
    events = appeal_decision_events(
        CaseEvent.objects.filter(
            area_id__in=area_ids, from_status=Status.APPEALED, at__gte=first, at__lt=after
        )
    )
    started = _latest_event({"to_status": Status.APPEALED}, OuterRef("at"))
    return _dates(events, zone, started, "at")


STAGES = (
    Stage("acknowledgement", "Application acknowledged", "acknowledge_days", _acknowledgements),
    Stage(
        "threshold_decision", "Threshold decided", "threshold_decision_days", _threshold_decisions
    ),
    Stage(
        "information_return",
        "Agency information returned",
        "information_return_days",
        _information_returns,
    ),
    Stage("review_held", "Review meeting held", "review_meeting_days", _reviews_held),
    Stage("outcome_sent", "Outcome sent to the applicant", "outcome_days", _outcomes_sent),
    Stage("appeal_decided", "Appeal decided", "appeal_decision_days", _appeals_decided),
)


def timeliness(areas: Iterable[Area], period: Period) -> dict[str, dict[int, StageTimeliness]]:
    """For each stage (in STAGES order) and area: completions in the period, how many within
    the area's timescale, and the working days they took. One query per stage."""
    areas = list(areas)
    zone = timezone.get_current_timezone()
    first, after = period.bounds(zone)
    area_ids = [a.pk for a in areas]
    results = {}
    for stage in STAGES:
        grouped = (
            stage.rows(area_ids, first, after, zone)
            .values_list("area_id", "started_on", "done_on", "due")
            .annotate(n=Count("pk"))
            .order_by()
        )
        timescales = {a.pk: getattr(a, stage.timescale_field) for a in areas}
        rows = [
            (area_id, local_day(started, zone), local_day(done, zone), due, n)
            for area_id, started, done, due, n in grouped
        ]
        results[stage.key] = _measure(rows, timescales, area_ids)
    return results


def _measure(rows, timescales: dict[int, int], area_ids) -> dict[int, StageTimeliness]:
    measured = {area_id: StageTimeliness() for area_id in area_ids}
    if not rows:
        return measured
    counter = WorkingDayCounter(min(r[1] for r in rows), max(max(r[1], r[2]) for r in rows))
    for area_id, started, completed, deadline, n in rows:
        # Stored deadlines (set when the case entered the stage) win over recomputed ones, so
        # a later change to the area's policy does not rewrite history.
        due = deadline or _deadline(started, timescales[area_id])
        stage = measured[area_id]
        stage.completed += n
        stage.on_time += n if completed <= due else 0
        stage.days[counter.between(started, completed)] += n
    return measured
