"""Counts the case list shows, stored so that a page never scans an area's cases (issue #18).

Two kinds, each kept right by the services in the transaction that changes what it counts,
and rebuilt from scratch by `recount` (the `recount_cases` command, the data migration):

- on the case: `complaint_count`, and `open_return_due`, the earliest due date of an
  information request still waiting (so "overdue returns" is `open_return_due < today`);
- per area and status: `CaseStatusCount`, moved by every status change (triggers/history.py)
  and by every new case; the list's totals and "needs attention" read it.

Functions take models as arguments where the data migration needs its historical ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import CharField, Count, IntegerField, Min, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from triggers.models import Case, CaseStatusCount, Complaint, InformationRequest
from triggers.workflow import OPEN_STATUSES

WAITING = InformationRequest.Status.REQUESTED


def earliest_open_return(request_model=InformationRequest):
    """The earliest due date of the case's requests still waiting, as a subquery."""
    return Subquery(
        request_model.objects.filter(case=OuterRef("pk"), status=WAITING)
        .order_by()
        .values("case")
        .annotate(first=Min("due_date"))
        .values("first")[:1]
    )


def complaints_of(complaint_model=Complaint):
    return Coalesce(
        Subquery(
            complaint_model.objects.filter(case=OuterRef("pk"))
            .order_by()
            .values("case")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def requests_changed(case_id: int) -> None:
    """A request of the case was made, returned or closed: its earliest open due date again,
    read from the requests themselves in this transaction (one UPDATE)."""
    Case.objects.filter(pk=case_id).update(open_return_due=earliest_open_return())


def status_moved(area_id: int, *, leaving: str = "", entering: str = "") -> None:
    """One case of the area left one status and/or entered another: one upsert.

    The rows are written in the order of their status, so that two transactions moving
    cases of one area never wait for each other's rows in opposite orders (deadlock)."""
    changes = sorted(
        [(s, -1) for s in [leaving] if s] + [(s, 1) for s in [entering] if s],
    )
    if not changes or leaving == entering:
        return
    table = connection.ops.quote_name(CaseStatusCount._meta.db_table)
    rows = ", ".join(["(%s, %s, %s)"] * len(changes))
    params = [value for status, delta in changes for value in (area_id, status, delta)]
    # The table's name and the placeholders are ours; every value goes in as a parameter.
    upsert = (
        f"INSERT INTO {table} (area_id, status, count) VALUES {rows} "  # noqa: S608  # nosec B608
        f"ON CONFLICT (area_id, status) DO UPDATE SET count = {table}.count + excluded.count"
    )
    with connection.cursor() as cursor:
        cursor.execute(upsert, params)


# Not statuses: the keys of the open cases past their deadline, and of a list's own total.
OVERDUE, LISTED = "overdue", "listed"


def _keyed(cases, key: str, *, rows: bool = False):
    """One row (0, key, how many of `cases`), to go beside the counters in one statement."""
    return (
        cases.order_by()
        .annotate(no_area=Value(0, output_field=IntegerField()))
        .annotate(key=Value(key, output_field=CharField()))
        .values_list("no_area", "key")
        .annotate(n=Count("*" if rows else "pk"))
    )


def area_counts(area_ids: Iterable[int], today, listed=None) -> tuple[dict, int, int | None]:
    """One statement for a case list's counts: cases per area and status from the stored
    counters; how many of the areas' open cases are past their deadline (the entries of the
    open cases' deadline index below today, never the areas' cases); and, when given, how
    many cases the `listed` queryset holds (a list filtered beyond statuses and areas)."""
    areas = list(area_ids)
    per_status = (
        CaseStatusCount.objects.filter(area_id__in=areas)
        .order_by()
        .values_list("area_id", "status")
        .annotate(n=Sum("count"))
    )
    # A case with no deadline is never overdue; counted as rows, not ids, so that the count
    # reads the open cases' deadline index alone (case_open_due).
    overdue = _keyed(
        Case.objects.filter(area_id__in=areas, status__in=OPEN_STATUSES, next_due__lt=today),
        OVERDUE,
        rows=True,
    )
    parts = [overdue] if listed is None else [overdue, _keyed(listed, LISTED)]
    found = {(area, status): n for area, status, n in per_status.union(*parts, all=True)}
    late = found.pop((0, OVERDUE), 0)
    total = found.pop((0, LISTED), None)
    return {key: n for key, n in found.items() if n}, late, total


def status_counts(area_ids: Iterable[int]) -> dict[str, int]:
    """Cases per status over the given areas, from the stored counters."""
    rows = (
        CaseStatusCount.objects.filter(area_id__in=list(area_ids))
        .values_list("status")
        .annotate(n=Sum("count"))
    )
    return {status: n for status, n in rows if n}


def recount(
    case_model=Case,
    complaint_model=Complaint,
    request_model=InformationRequest,
    counter_model=CaseStatusCount,
) -> None:
    """Every stored count again from the rows themselves (a few set-based statements)."""
    case_model.objects.update(
        complaint_count=complaints_of(complaint_model),
        open_return_due=earliest_open_return(request_model),
    )
    counter_model.objects.all().delete()
    per_status = (
        case_model.objects.order_by().values_list("area_id", "status").annotate(n=Count("pk"))
    )
    counter_model.objects.bulk_create(
        counter_model(area_id=area_id, status=status, count=n) for area_id, status, n in per_status
    )


def differences() -> list[str]:
    """What the stored counts say that a recount would not: empty when they are right."""
    found = []
    stale = Case.objects.annotate(
        actual_complaints=complaints_of(), actual_due=earliest_open_return()
    ).values_list(
        "reference", "complaint_count", "actual_complaints", "open_return_due", "actual_due"
    )
    for reference, stored, actual, due, actual_due in stale:
        if stored != actual or due != actual_due:
            found.append(f"{reference}: complaints {stored}/{actual}, due {due}/{actual_due}")
    actual = {
        (a, s): n
        for a, s, n in Case.objects.order_by()
        .values_list("area_id", "status")
        .annotate(n=Count("pk"))
    }
    stored = {
        (a, s): n
        for a, s, n in CaseStatusCount.objects.values_list("area_id", "status", "count")
        if n
    }
    if stored != actual:
        found.append(f"status counts {stored} != {actual}")
    return found
