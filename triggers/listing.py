"""A page of a case list, read in two steps so that its cost does not grow with the area.

1. The page's case ids, from triggers_case alone, in the list's order: a query the
   composite indexes of the case (triggers/models/case.py) answer in order, stopping after
   one page. The total comes from the stored per-status counters when the filter is only
   areas and statuses (triggers/counts.py), or else from a COUNT on triggers_case alone.
2. Those rows' extras (area, officer, returns overdue today) for the page's ids only.

Pagination keeps GOV.UK's numbered links. A numbered link reads its page by offset, which
the index walks cheaply near the start. "Next" and "Previous" carry a cursor as well as the
page number: the sort key, date received and id of the last (first) row shown, so that the
page they open continues from that row through the index (keyset pagination), however deep.
The number then only labels the page; a cursor that no longer reads (bad, or its rows gone)
falls back to the offset. The cursor holds only the values of a row the reader saw.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from triggers.models import Case, InformationRequest

# The key columns, in the list's order after its first (the sort key): newest, then id.
TIE_BREAKERS = (("received_at", True), ("pk", True))


class StoredCountPaginator(Paginator):
    """Django's paginator (page numbers, the elided range) with a count given, not counted."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self.count = count  # replaces the cached COUNT(*)


@dataclass(frozen=True)
class Cursor:
    after: bool  # True: the rows after this one; False: the rows before it
    values: tuple


def _keys(cases: QuerySet) -> list[tuple[str, bool]] | None:
    """The list's sort as (name, descending) pairs, or None when it cannot continue from a
    row (a sort on a column that may be empty, the officer's name: offsets only)."""
    ordering = cases.query.order_by
    if not ordering or "list_key" not in cases.query.annotations:
        return None
    first = ordering[0]
    if getattr(first, "nulls_last", False):
        return None
    return [("list_key", bool(getattr(first, "descending", False))), *TIE_BREAKERS]


def _fields(cases: QuerySet, keys) -> list:
    fields = []
    for name, _ in keys:
        if name == "list_key":
            fields.append(cases.query.annotations["list_key"].output_field)
        else:
            fields.append(Case._meta.pk if name == "pk" else Case._meta.get_field(name))
    return fields


def encode(cursor: Cursor, values) -> str:
    text = json.dumps(["a" if cursor.after else "b", *[str(v) for v in values]])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(text: str, cases: QuerySet, keys) -> Cursor | None:
    """The cursor in a link, its values typed as the columns are; None when it is not one."""
    if not text or keys is None or len(text) > 400:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        direction, *values = raw
        if direction not in ("a", "b") or len(values) != len(keys):
            return None
        typed = tuple(
            _in_utc(f.to_python(v)) for f, v in zip(_fields(cases, keys), values, strict=True)
        )
    except (ValueError, TypeError, OverflowError, ValidationError):
        return None
    if any(v is None for v in typed):
        return None
    return Cursor(after=direction == "a", values=typed)


def _in_utc(value):
    """A time as the database keeps it. A crafted cursor's time can sit at the edge of the
    calendar ("0001-01-01T00:00+05:00"), where moving it to UTC leaves the years a datetime
    can hold: that is found here (OverflowError, not a cursor), not as a 500 when the
    database adapter makes the same move."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:  # as the adapter would read it: in the portal's time zone
        value = timezone.make_aware(value)
    return value.astimezone(UTC)


def _beyond(keys, values, after: bool) -> Q:
    """Rows after (or before) the row with `values` in the order `keys`, as one condition
    whose first term bounds the first key, so that the index scan starts at that row."""
    condition = None
    for (name, descending), value in reversed(list(zip(keys, values, strict=True))):
        forward = descending != after  # "after" in a descending column is "less than"
        strictly = Q(**{f"{name}__{'gt' if forward else 'lt'}": value})
        condition = strictly if condition is None else strictly | (Q(**{name: value}) & condition)
    first_name, first_descending = keys[0]
    bound = Q(**{f"{first_name}__{'gte' if first_descending != after else 'lte'}": values[0]})
    return bound & condition


def _ordering(keys, reverse=False):
    return [F(name).desc() if descending != reverse else F(name).asc() for name, descending in keys]


def _page_ids(cases: QuerySet, keys, cursor: Cursor | None, offset: int, size: int) -> QuerySet:
    """The page's ids as a subquery on triggers_case alone, ending in its LIMIT."""
    ids = cases.values("pk")
    if cursor is None:
        return ids[offset : offset + size]
    beyond = ids.filter(_beyond(keys, cursor.values, cursor.after))
    return beyond.order_by(*_ordering(keys, reverse=not cursor.after))[:size]


def overdue_returns() -> Subquery:
    """How many of the case's requests were due before today and are still waiting."""
    late = (
        InformationRequest.objects.filter(
            case=OuterRef("pk"),
            status=InformationRequest.Status.REQUESTED,
            due_date__lt=timezone.localdate(),
        )
        .order_by()
        .values("case")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(late, output_field=IntegerField()), Value(0))


def with_extras(rows: QuerySet, *, overdue: bool = True) -> QuerySet:
    """What the list shows of each row besides the case's own columns: its area, officer,
    and (pages) the returns overdue today, counted for these rows alone."""
    rows = rows.select_related("area", "assigned_officer")
    return rows.annotate(overdue_returns=overdue_returns()) if overdue else rows


def rows_for(ids: QuerySet, order, *, key=None, overdue: bool = True, fields=()) -> list[Case]:
    """The page's cases, with their extras, in the list's order: one statement whose inner
    query picks the ids (index only, LIMIT) and whose outer query reads those rows only
    (and of them only `fields`, when given)."""
    rows = Case.objects.filter(pk__in=ids)
    if fields:
        rows = rows.only(*fields)
    if key is not None:
        rows = rows.annotate(list_key=key)
    return list(with_extras(rows, overdue=overdue).order_by(*order))


def case_page(
    cases: QuerySet, *, number, cursor: str, count: int, per_page: int, key=None, fields=()
) -> Page:
    """The page asked for of `cases` (a sorted queryset on triggers_case, see
    selectors.case_list, whose first sort is `key` annotated as "list_key"), its rows read
    with `fields` only when given, with `next_cursor`/`previous_cursor` for the Next and
    Previous links."""
    keys = _keys(cases) if key is not None else None
    page = StoredCountPaginator(cases, per_page, count).get_page(number)
    offset = page.start_index() - 1 if count else 0
    order = cases.query.order_by
    ids = _page_ids(cases, keys, decode(cursor, cases, keys), offset, per_page)
    found = rows_for(ids, order, key=key, fields=fields)
    if not found and cursor:
        ids = _page_ids(cases, keys, None, offset, per_page)
        found = rows_for(ids, order, key=key, fields=fields)
    page.object_list = found
    page.next_cursor = page.previous_cursor = ""
    if keys and found:
        values = lambda case: (case.list_key, case.received_at, case.pk)  # noqa: E731
        if page.has_next():
            page.next_cursor = encode(Cursor(after=True, values=()), values(found[-1]))
        if page.has_previous():
            page.previous_cursor = encode(Cursor(after=False, values=()), values(found[0]))
    return page
