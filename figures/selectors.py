"""Reads for the published figures and the oversight dashboards.

Every count is computed from the case history (events and decisions with their dates), never
from a case's current status, so a past year's figures stay right after its cases move on.
Each function aggregates in the database with one query for any number of cases and areas;
the only rows fetched are the few date columns timeliness needs (figures/timeliness.py).

Which areas a user may see is decided by agencies.access (`figures_areas_for`); the public
pages show areas' counts only, which carry no personal data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Subquery
from django.utils import timezone

from agencies.models import Area
from appeals.models import Appeal
from triggers.models import Action, Case, CaseEvent, ReviewRecord, ThresholdDecision
from triggers.workflow import Status

from .models import Publication
from .periods import Period, publication_due, publication_reminder_from, quarters, year_of

# An appeal is upheld when the case goes back for a further review or a new threshold
# decision; any other way out of "appealed" means the original decision stands.
UPHELD_STATUSES = (Status.FURTHER_REVIEW, Status.THRESHOLD_REDECISION)


def appeal_decision_events(events):
    """Of the events where a case left "appealed", those that are an appeal's decision: not a
    withdrawal (the appeal ended undecided), and not a PCC review's decision (counted apart,
    DOMAIN.md §5.7). The request a case waited on is the last one lodged before it left."""
    waited_on = (
        Appeal.objects.filter(case_id=OuterRef("case_id"), lodged_at__lte=OuterRef("at"))
        .order_by("-lodged_at", "-pk")
        .values("kind")[:1]
    )
    return (
        events.exclude(to_status=Status.WITHDRAWN)
        .alias(request_kind=Subquery(waited_on))
        .filter(Q(request_kind__isnull=True) | Q(request_kind=Appeal.Kind.APPEAL))
    )


@dataclass(frozen=True)
class StatutoryCounts:
    """The four figures the Act asks every area to publish at least every 12 months."""

    applications_received: int = 0
    threshold_not_met: int = 0
    reviews_held: int = 0
    reviews_with_recommendations: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


FIELDS = tuple(StatutoryCounts.__dataclass_fields__)


def area_year_of(area: Area, day: date) -> Period:
    """The year `day` is counted and published in by this area: financial (default) or
    calendar, as the area chose (DOMAIN.md §5.11)."""
    return year_of(day, area.publication_year)


def _bounds(period: Period):
    return period.bounds(timezone.get_current_timezone())


def _by_area(queryset, area_field: str, **counts) -> dict[int, dict]:
    """Group `queryset` by area and compute `counts` (name -> aggregate) in one query."""
    rows = queryset.values(area_field).annotate(**counts).order_by()
    return {row[area_field]: row for row in rows}


def _count_by_area(queryset, area_field: str = "area_id") -> dict[int, int]:
    return {a: row["n"] for a, row in _by_area(queryset, area_field, n=Count("pk")).items()}


def applications_received(area_ids: Iterable[int], period: Period) -> dict[int, int]:
    """Applications received in the period (by the date the case was received), by area."""
    first, after = _bounds(period)
    return _count_by_area(
        Case.objects.filter(area_id__in=area_ids, received_at__gte=first, received_at__lt=after)
    )


def threshold_not_met(area_ids: Iterable[int], period: Period) -> dict[int, int]:
    """Times the threshold was decided not met in the period (by decision date), by area.

    A decision made again after an upheld appeal is another decision, and counts again.
    """
    first, after = _bounds(period)
    return _count_by_area(
        ThresholdDecision.objects.filter(
            area_id__in=area_ids,
            outcome=ThresholdDecision.Outcome.NOT_MET,
            decided_at__gte=first,
            decided_at__lt=after,
        )
    )


def _held_in(area_ids: Iterable[int], period: Period):
    """The reviews carried out in the period: by the day their meeting was held (DOMAIN.md
    §5.11), so a meeting on 30 March recorded on 1 April counts in the year of 30 March."""
    return ReviewRecord.objects.filter(
        area_id__in=area_ids, held_on__gte=period.start, held_on__lte=period.end
    )


def reviews_held(area_ids: Iterable[int], period: Period) -> dict[int, int]:
    """Reviews carried out in the period (one per round's review record), by area."""
    return _count_by_area(_held_in(area_ids, period))


def reviews_with_recommendations(area_ids: Iterable[int], period: Period) -> dict[int, int]:
    """Reviews carried out in the period that resulted in recommendations, by area: those that
    made recommendations, or whose action plan gives actions to bodies (an action is a
    recommendation to its owner, DOMAIN.md §5.11). Always a part of `reviews_held`."""
    with_actions = Exists(Action.objects.filter(review_id=OuterRef("pk")))
    return _count_by_area(
        _held_in(area_ids, period).filter(Q(recommendations_made=True) | Q(with_actions))
    )


def statutory_counts(area_ids: Iterable[int], period: Period) -> dict[int, StatutoryCounts]:
    """The four statutory counts of each area for the period (four queries in all)."""
    area_ids = list(area_ids)
    columns = {
        "applications_received": applications_received(area_ids, period),
        "threshold_not_met": threshold_not_met(area_ids, period),
        "reviews_held": reviews_held(area_ids, period),
        "reviews_with_recommendations": reviews_with_recommendations(area_ids, period),
    }
    return {
        area_id: StatutoryCounts(**{name: found.get(area_id, 0) for name, found in columns.items()})
        for area_id in area_ids
    }


# --- The dashboard's other measures ---------------------------------------------------------


def applications_by_quarter(area_ids: Iterable[int], year: Period) -> dict[int, list[int]]:
    """Applications received in each quarter of a financial year, by area (one query)."""
    zone = timezone.get_current_timezone()
    counts = {}
    for n, quarter in enumerate(quarters(year)):
        first, after = quarter.bounds(zone)
        counts[f"q{n}"] = Count("pk", filter=Q(received_at__gte=first, received_at__lt=after))
    rows = _by_area(Case.objects.filter(area_id__in=area_ids), "area_id", **counts)
    return {
        area_id: [rows.get(area_id, {}).get(f"q{n}", 0) for n in range(4)] for area_id in area_ids
    }


@dataclass(frozen=True)
class ThresholdOutcomes:
    met: int = 0
    met_on_discretion: int = 0
    not_met: int = 0

    @property
    def decided(self) -> int:
        return self.met + self.met_on_discretion + self.not_met

    @property
    def met_rate(self) -> float | None:
        """The share of decisions that sent the case to a review (met or on discretion)."""
        if not self.decided:
            return None
        return (self.met + self.met_on_discretion) / self.decided


def threshold_outcomes(area_ids: Iterable[int], period: Period) -> dict[int, ThresholdOutcomes]:
    """Threshold decisions made in the period, by area and outcome (one query)."""
    first, after = _bounds(period)
    Outcome = ThresholdDecision.Outcome
    rows = _by_area(
        ThresholdDecision.objects.filter(
            area_id__in=area_ids, decided_at__gte=first, decided_at__lt=after
        ),
        "area_id",
        **{o.value: Count("pk", filter=Q(outcome=o.value)) for o in Outcome},
    )
    return {
        area_id: ThresholdOutcomes(
            **{o.value: rows.get(area_id, {}).get(o.value, 0) for o in Outcome}
        )
        for area_id in area_ids
    }


@dataclass(frozen=True)
class AppealOutcomes:
    upheld: int = 0
    not_upheld: int = 0

    @property
    def decided(self) -> int:
        return self.upheld + self.not_upheld


def appeal_outcomes(area_ids: Iterable[int], period: Period) -> dict[int, AppealOutcomes]:
    """Appeals decided in the period, by area: read from the case history, where a decided
    appeal is the case leaving "appealed" (one query)."""
    first, after = _bounds(period)
    rows = _by_area(
        appeal_decision_events(
            CaseEvent.objects.filter(
                area_id__in=area_ids, from_status=Status.APPEALED, at__gte=first, at__lt=after
            )
        ),
        "area_id",
        upheld=Count("pk", filter=Q(to_status__in=UPHELD_STATUSES)),
        not_upheld=Count("pk", filter=~Q(to_status__in=UPHELD_STATUSES)),
    )
    return {
        area_id: AppealOutcomes(
            upheld=rows.get(area_id, {}).get("upheld", 0),
            not_upheld=rows.get(area_id, {}).get("not_upheld", 0),
        )
        for area_id in area_ids
    }


@dataclass(frozen=True)
class PccReviews:
    """Requests to the PCC to review a "threshold not met" decision, counted apart."""

    lodged: int = 0
    decided: int = 0
    upheld: int = 0


def pcc_reviews(area_ids: Iterable[int], period: Period) -> dict[int, PccReviews]:
    """PCC reviews lodged, decided and upheld in the period, by area (one query)."""
    first, after = _bounds(period)
    lodged = Q(lodged_at__gte=first, lodged_at__lt=after)
    decided = Q(decided_at__gte=first, decided_at__lt=after) & Q(
        status__in=[Appeal.Status.UPHELD, Appeal.Status.NOT_UPHELD]
    )
    rows = _by_area(
        Appeal.objects.filter(area_id__in=area_ids, kind=Appeal.Kind.PCC_REVIEW),
        "area_id",
        lodged=Count("pk", filter=lodged),
        decided=Count("pk", filter=decided),
        upheld=Count("pk", filter=decided & Q(status=Appeal.Status.UPHELD)),
    )
    return {
        area_id: PccReviews(
            **{k: rows.get(area_id, {}).get(k, 0) for k in ("lodged", "decided", "upheld")}
        )
        for area_id in area_ids
    }


# --- Publications ------------------------------------------------------------------------------


def latest_publication(area: Area) -> Publication | None:
    """The area's most recently published figures, or None if it has published none."""
    return Publication.objects.filter(area=area).order_by("-published_at", "-pk").first()


def published_years(area: Area) -> list[Publication]:
    """The publication that stands for each period the area has published, newest first.

    A correction is a later publication of the same period: only the latest is shown.
    """
    standing: dict[tuple, Publication] = {}
    for publication in Publication.objects.filter(area=area).order_by("published_at", "pk"):
        standing[(publication.period_start, publication.period_end)] = publication
    return sorted(standing.values(), key=lambda p: (p.period_start, p.period_end), reverse=True)


def standing_publications(area_ids: Iterable[int], period: Period) -> dict[int, Publication]:
    """For each area, the latest publication of exactly this period (one query)."""
    found = {}
    rows = Publication.objects.filter(
        area_id__in=list(area_ids), period_start=period.start, period_end=period.end
    ).order_by("published_at", "pk")
    for publication in rows:
        found[publication.area_id] = publication
    return found


@dataclass(frozen=True)
class PublicationDue:
    """When an area must next publish its figures (s104(10): at least every 12 months)."""

    area: Area
    due: date
    last_published: date | None  # None: never published, so due counts from the first case
    first_case: date | None

    @property
    def remind_from(self) -> date:
        return publication_reminder_from(self.due)

    def is_overdue(self, today: date) -> bool:
        return today > self.due

    def is_close(self, today: date) -> bool:
        """Within the month before it is due, or past it: the admins have been reminded."""
        return today >= self.remind_from


def publication_dues(areas: Iterable[Area]) -> dict[int, PublicationDue]:
    """For each area with a publication or a case, when its next publication is due (two
    queries for any number of areas)."""
    areas = {a.pk: a for a in areas}
    last = dict(
        Publication.objects.filter(area__in=areas)
        .values("area")
        .annotate(last=Max("published_at"))
        .values_list("area", "last")
    )
    first = dict(
        Case.objects.filter(area__in=areas)
        .values("area")
        .annotate(first=Min("application_date"))
        .values_list("area", "first")
    )
    dues = {}
    for pk, area in areas.items():
        last_published = timezone.localdate(last[pk]) if last.get(pk) else None
        due = publication_due(last_published, first.get(pk))
        if due is not None:
            dues[pk] = PublicationDue(area, due, last_published, first.get(pk))
    return dues
