"""Keeping the summary rows (`StageSummary`) right: written when something happens, and
rebuilt from the history on demand.

When a stage completes, the service that completes it sends `triggers.history.stage_completed`
inside its transaction (triggers sit below figures in the import layers and must not import
them; the signal is how they say what happened without knowing who counts it). The receiver
recounts, from the history, the rows of the stages that can have changed, for that area and
the days concerned, and replaces them: so a row is always what a recount from scratch would
give, whichever service wrote it, and a stage that moves day (an information return
corrected) is right on both days. On PostgreSQL an advisory lock per area and day is taken
first, so two transactions completing stages on the same day cannot each write a count that
misses the other's (the second waits, then counts what the first committed).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import Min, Q
from django.utils import timezone

from agencies.models import Area
from triggers.models import Case

from . import remembered
from .days import ONE_DAY
from .models import StageSummary, SummarisedYear
from .periods import Period, year, year_of
from .recount import RECOUNTS, STAGES_OF, Rows, recount

# The first key of the two-key advisory locks this module takes (any fixed number: it keeps
# them apart from other users of advisory locks).
LOCK_SPACE = 0x46494753  # "FIGS"
BATCH = 2000


def _lock(area_id: int, day: date) -> None:
    if connection.vendor == "postgresql":
        key = zlib.crc32(f"{area_id}:{day.isoformat()}".encode()) - 2**31
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_SPACE, key])


def _rows(rows: Rows) -> list[StageSummary]:
    return [
        StageSummary(
            area_id=area_id,
            day=day,
            stage=stage,
            working_days=working_days,
            completed=completed,
            on_time=on_time,
        )
        for (area_id, day, stage, working_days), (completed, on_time) in rows.items()
    ]


@transaction.atomic
def record(area: Area | int, what: Iterable[str], days: Iterable[date | None]) -> None:
    """Recount the rows `what` can change (names of RECOUNTS), for the area, on each day."""
    if not isinstance(area, Area):
        area = Area.objects.get(pk=area)
    counts = {RECOUNTS[name] for name in what}
    stages = [stage for count in counts for stage in STAGES_OF[count]]
    remembered.changed([area.pk])
    for day in sorted({d for d in days if d is not None}):
        _lock(area.pk, day)
        fresh = recount([area], day, day, counts)
        StageSummary.objects.filter(area=area, day=day, stage__in=stages).delete()
        StageSummary.objects.bulk_create(_rows(fresh))


def stage_completed(sender, *, area, what, days, **kwargs) -> None:
    """Receiver of `triggers.history.stage_completed` (connected in FiguresConfig.ready)."""
    record(area, what, days)


# --- Rebuilding --------------------------------------------------------------------------------


def _closed_years(area: Area, first: date, today: date) -> list[Period]:
    """The area's publication years from the one `first` falls in that had ended by `today`."""
    kind = area.publication_year
    found, period = [], year_of(first, kind)
    while period.end < today:
        found.append(period)
        period = year(period.start.year + 1, kind)
    return found


def _first_day(area: Area) -> date | None:
    first = Case.objects.filter(area=area).aggregate(first=Min("received_at"))["first"]
    return timezone.localtime(first).date() if first else None


@transaction.atomic
def rebuild(areas: Iterable[Area] | None = None, *, everything: bool = False, today=None) -> int:
    """Recount the summary rows of `areas` (every area by default) from the history.

    The days of a year stored once it had ended (`SummarisedYear`) are left as they are,
    unless `everything`; the years that have ended since are stored and marked. Returns the
    number of rows written.
    """
    today = today or timezone.localdate()
    written = 0
    areas = list(Area.objects.all() if areas is None else areas)
    remembered.changed(area.pk for area in areas)
    for area in areas:
        stored = SummarisedYear.objects.filter(area=area)
        if everything:
            stored.delete()
        kept = [(y.period_start, y.period_end) for y in stored] if not everything else []
        # Only the days after the years stored: those are never counted again.
        fresh = recount([area], max(e for _, e in kept) + ONE_DAY if kept else None)
        StageSummary.objects.filter(area=area).exclude(_within(kept)).delete()
        rows = [r for r in _rows(fresh) if not any(s <= r.day <= e for s, e in kept)]
        StageSummary.objects.bulk_create(rows, batch_size=BATCH)
        written += len(rows)
        first = _first_day(area)
        if first is None:
            continue
        for period in _closed_years(area, first, today):
            SummarisedYear.objects.get_or_create(
                area=area,
                period_start=period.start,
                period_end=period.end,
                defaults={"stored_at": timezone.now()},
            )
    return written


def _within(ranges) -> Q:
    q = Q(pk__in=[])
    for start, end in ranges:
        q |= Q(day__gte=start, day__lte=end)
    return q
