"""Reads of case data, always starting from agencies.access so they are tenant-scoped."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from agencies import access

from .models import Case
from .workflow import OPEN_STATUSES

SORTS = {
    "deadline": ("next_due", "-received_at"),
    "newest": ("-received_at",),
    "oldest": ("received_at",),
    "reference": ("reference",),
}


@dataclass(frozen=True)
class CaseFilters:
    status: str = ""
    overdue: bool = False
    officer: str = ""  # "", "me", "none" or a user id
    area: str = ""  # an area slug, for users working in several
    show_closed: bool = False
    sort: str = "deadline"


def case_list(user, filters: CaseFilters) -> QuerySet[Case]:
    """The cases a user may see, filtered and sorted for the case list."""
    cases = access.cases_for(user).for_list()
    if filters.status:
        cases = cases.filter(status=filters.status)
    elif not filters.show_closed:
        cases = cases.filter(status__in=OPEN_STATUSES)
    if filters.overdue:
        cases = cases.filter(next_due__lt=timezone.localdate())
    if filters.officer == "me":
        cases = cases.filter(assigned_officer=user)
    elif filters.officer == "none":
        cases = cases.filter(assigned_officer__isnull=True)
    elif filters.officer.isdigit():
        cases = cases.filter(assigned_officer_id=int(filters.officer))
    if filters.area:
        cases = cases.filter(area__slug=filters.area)
    return cases.order_by(*SORTS.get(filters.sort, SORTS["deadline"]))


def case_detail(user, area_slug: str, reference: str) -> Case:
    """One case the user may see, or Http404."""
    from django.shortcuts import get_object_or_404

    cases = access.cases_for(user).select_related("area", "assigned_officer", "recorded_by")
    return get_object_or_404(cases, area__slug=area_slug, reference=reference)
