"""Reads of appeals, always starting from agencies.access so they are tenant-scoped."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from agencies import access
from agencies.models import RoleAssignment, User

from .models import Appeal, AppealGround

SORTS = {
    "due": ("decision_due", "pk"),
    "lodged": ("-lodged_at", "-pk"),
    "area": ("area__name", "decision_due", "pk"),
    "reference": ("case__reference", "pk"),
}
SHOW = {
    "waiting": Q(status=Appeal.Status.LODGED),
    "decided": ~Q(status=Appeal.Status.LODGED),
    "all": Q(),
}


def appeal_list(user, *, show: str = "waiting", sort: str = "due") -> QuerySet[Appeal]:
    """The PCC workspace: every appeal of the user's force area, in a fixed number of queries."""
    return (
        access.appeals_for(user)
        .filter(SHOW.get(show, SHOW["waiting"]))
        .select_related("case", "area")
        .annotate(ground_count=Count("grounds"))
        .order_by(*SORTS.get(sort, SORTS["due"]))
    )


# How many appeals the "Appeals to decide" panel names; the rest are counted and linked.
TO_DECIDE_SHOWN = 10


def to_decide(user, *, today: date) -> dict:
    """The "Appeals to decide" panel of a PCC officer's or panel member's start page: the
    appeals waiting for *their* decision (not the ones a council officer merely follows),
    due soonest first, with how many there are and how many are overdue. Two queries
    whatever the number of appeals."""
    clauses = [Q(body=access.PANEL_HEARS, area_id__in=access.panel_area_ids_for(user))]
    force_ids = access.pcc_force_areas_for(user).values("pk")
    clauses.append(Q(body=access.PCC_HEARS, area__force_area_id__in=force_ids))
    waiting = access.appeals_for(user).filter(
        Q(status=Appeal.Status.LODGED) & (clauses[0] | clauses[1])
    )
    counts = waiting.aggregate(
        total=Count("pk"), overdue=Count("pk", filter=Q(decision_due__lt=today))
    )
    shown = waiting.select_related("case", "area").order_by("decision_due", "pk")
    return {**counts, "appeals": list(shown[:TO_DECIDE_SHOWN]), "today": today}


def appeal_detail(user, appeal_id: int) -> Appeal:
    """One appeal the user may see, or Http404."""
    appeals = access.appeals_for(user).select_related(
        "case__area",
        "case__assigned_officer",
        "letter",
        "pcc_office",
        "decided_by",
        "recorded_by",
    )
    return get_object_or_404(appeals, pk=appeal_id)


def figures(user) -> dict:
    """The PCC's figures for their force area, counted in the database: appeals, whoever
    heard them, and PCC reviews of "threshold not met" decisions apart."""
    every = access.appeal_figures_for(user)
    appeals = every.filter(kind=Appeal.Kind.APPEAL)
    decided = Q(status__in=[Appeal.Status.UPHELD, Appeal.Status.NOT_UPHELD])
    by_area = list(
        appeals.values("area__name")
        .annotate(
            total=Count("pk"),
            waiting=Count("pk", filter=Q(status=Appeal.Status.LODGED)),
            upheld=Count("pk", filter=Q(status=Appeal.Status.UPHELD)),
            not_upheld=Count("pk", filter=Q(status=Appeal.Status.NOT_UPHELD)),
        )
        .order_by("area__name")
    )
    grounds = dict(
        AppealGround.objects.filter(appeal__in=appeals)
        .values_list("ground")
        .annotate(n=Count("pk"))
        .order_by()
    )
    timeliness = appeals.aggregate(
        decided=Count("pk", filter=decided),
        in_time=Count("pk", filter=decided & Q(decided_at__date__lte=F("decision_due"))),
        total=Count("pk"),
        **_outcomes(),
    )
    share = (
        round(100 * timeliness["in_time"] / timeliness["decided"])
        if timeliness["decided"]
        else None
    )
    return {
        "pcc_reviews": _outcome_counts(every.filter(kind=Appeal.Kind.PCC_REVIEW), decided),
        "by_area": by_area,
        "grounds": [(label, grounds.get(value, 0)) for value, label in Appeal.Ground.choices],
        "totals": timeliness,
        "in_time_percent": share,
    }


def _outcomes() -> dict:
    return {
        "upheld": Count("pk", filter=Q(status=Appeal.Status.UPHELD)),
        "not_upheld": Count("pk", filter=Q(status=Appeal.Status.NOT_UPHELD)),
        "waiting": Count("pk", filter=Q(status=Appeal.Status.LODGED)),
        "withdrawn": Count("pk", filter=Q(status=Appeal.Status.WITHDRAWN)),
    }


def _outcome_counts(requests: QuerySet, decided: Q) -> dict:
    return requests.aggregate(total=Count("pk"), decided=Count("pk", filter=decided), **_outcomes())


def deciders(appeal: Appeal) -> list[User]:
    """Who hears the appeal, and whom the portal tells about it: the PCC officers of its
    office, or the independent panel members named for its area."""
    Role = RoleAssignment.Role
    if appeal.heard_by_pcc:
        people = User.objects.filter(agency=appeal.pcc_office, roles__role=Role.PCC_OFFICER)
    else:
        people = User.objects.filter(roles__role=Role.APPEAL_PANEL, roles__area=appeal.area_id)
    return list(people.filter(is_active=True).distinct())
