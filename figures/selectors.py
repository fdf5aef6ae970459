"""Reads for the published figures and the oversight dashboards.

Every count is read from the summary rows (`StageSummary`: per area, day and stage), which the
services write when a stage completes and `manage.py rebuild_figures` recounts from the case
history (figures/recount.py). A period's figures are one query over those rows, whatever the
number of cases: no page reads the history itself. Pass the `Totals` of one `totals()` call to
several of the functions below to read them all from that one query.

Which areas a user may see is decided by agencies.access (`figures_areas_for`); the public
pages show areas' counts only, which carry no personal data.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date

from django.db import models
from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum, Value, When
from django.utils import timezone

from agencies.models import Area
from triggers.models import Case

from . import remembered
from .models import Publication, StageSummary
from .periods import Period, publication_due, publication_reminder_from, quarters, year_of

Stage = StageSummary.Stage


@dataclass
class Totals:
    """A period's summary rows added up, by area and stage (and, for applications, quarter)."""

    completed: Counter = field(default_factory=Counter)  # (area_id, stage) -> n
    on_time: Counter = field(default_factory=Counter)  # (area_id, stage) -> n
    days: dict = field(default_factory=lambda: defaultdict(Counter))  # (area, stage) -> histogram
    by_quarter: Counter = field(default_factory=Counter)  # (area_id, quarter 0-3) -> applications

    def count(self, area_id: int, stage: str) -> int:
        return self.completed[(area_id, stage)]


def totals(area_ids: Iterable[int], period: Period, *, by_quarter: bool = False) -> Totals:
    """Every summary row of the areas in the period, added up in the database (one query),
    or remembered from the last time while none of the areas' rows changed."""
    area_ids = list(area_ids)
    rows = StageSummary.objects.filter(
        area_id__in=area_ids, day__gte=period.start, day__lte=period.end
    )
    group = ["area_id", "stage", "working_days"]
    if by_quarter:
        ends = [q.end for q in quarters(period)]
        quarter = models.Case(
            *[When(day__lte=end, then=Value(n)) for n, end in enumerate(ends[:-1])],
            default=Value(len(ends) - 1),
            output_field=IntegerField(),
        )
        rows = rows.annotate(quarter=quarter)
        group.append("quarter")
    found = Totals()
    grouped = remembered.remembered(
        area_ids,
        (period.start, period.end, by_quarter),
        lambda: list(
            rows.values(*group).annotate(n=Sum("completed"), late=Sum("on_time")).order_by()
        ),
    )
    for row in grouped:
        key = (row["area_id"], row["stage"])
        found.completed[key] += row["n"]
        found.on_time[key] += row["late"]
        found.days[key][row["working_days"]] += row["n"]
        if by_quarter and row["stage"] == Stage.APPLICATIONS_RECEIVED:
            found.by_quarter[(row["area_id"], row["quarter"])] += row["n"]
    return found


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


def statutory_counts(
    area_ids: Iterable[int], period: Period, found: Totals | None = None
) -> dict[int, StatutoryCounts]:
    """The four statutory counts of each area for the period: applications by the day they
    were received; "threshold not met" decisions by the day decided (a decision made again
    after an upheld appeal counts again); reviews carried out on the day their meeting was held
    (a meeting on 30 March recorded on 1 April counts in the year of 30 March), and those that
    resulted in recommendations (made some, or gave actions to bodies: DOMAIN.md §5.11)."""
    area_ids = list(area_ids)
    found = found or totals(area_ids, period)
    return {
        area_id: StatutoryCounts(**{name: found.count(area_id, name) for name in FIELDS})
        for area_id in area_ids
    }


# --- The dashboard's other measures ---------------------------------------------------------


def applications_by_quarter(
    area_ids: Iterable[int], year: Period, found: Totals | None = None
) -> dict[int, list[int]]:
    """Applications received in each quarter of a year, by area."""
    area_ids = list(area_ids)
    found = found or totals(area_ids, year, by_quarter=True)
    return {area_id: [found.by_quarter[(area_id, n)] for n in range(4)] for area_id in area_ids}


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


def threshold_outcomes(
    area_ids: Iterable[int], period: Period, found: Totals | None = None
) -> dict[int, ThresholdOutcomes]:
    """Threshold decisions made in the period, by area and outcome."""
    area_ids = list(area_ids)
    found = found or totals(area_ids, period)
    return {
        a: ThresholdOutcomes(
            met=found.count(a, Stage.THRESHOLD_MET),
            met_on_discretion=found.count(a, Stage.MET_ON_DISCRETION),
            not_met=found.count(a, Stage.THRESHOLD_NOT_MET),
        )
        for a in area_ids
    }


@dataclass(frozen=True)
class AppealOutcomes:
    upheld: int = 0
    not_upheld: int = 0

    @property
    def decided(self) -> int:
        return self.upheld + self.not_upheld


def appeal_outcomes(
    area_ids: Iterable[int], period: Period, found: Totals | None = None
) -> dict[int, AppealOutcomes]:
    """Appeals decided in the period, by area (a decided appeal is the case leaving
    "appealed"; withdrawals and PCC reviews are not appeals' decisions)."""
    area_ids = list(area_ids)
    found = found or totals(area_ids, period)
    return {
        a: AppealOutcomes(
            upheld=found.count(a, Stage.APPEALS_UPHELD),
            not_upheld=found.count(a, Stage.APPEALS_NOT_UPHELD),
        )
        for a in area_ids
    }


@dataclass(frozen=True)
class PccReviews:
    """Requests to the PCC to review a "threshold not met" decision, counted apart."""

    lodged: int = 0
    decided: int = 0
    upheld: int = 0


def pcc_reviews(
    area_ids: Iterable[int], period: Period, found: Totals | None = None
) -> dict[int, PccReviews]:
    """PCC reviews lodged, decided and upheld in the period, by area."""
    area_ids = list(area_ids)
    found = found or totals(area_ids, period)
    return {
        a: PccReviews(
            lodged=found.count(a, Stage.PCC_REVIEWS_LODGED),
            decided=found.count(a, Stage.PCC_REVIEWS_DECIDED),
            upheld=found.count(a, Stage.PCC_REVIEWS_UPHELD),
        )
        for a in area_ids
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


def with_publication_dates(areas: QuerySet[Area]) -> QuerySet[Area]:
    """The areas with when each last published and received its first application, read in
    the same query as the areas themselves (for `publication_dues`)."""
    last = Publication.objects.filter(area_id=OuterRef("pk")).order_by("-published_at")
    # The earliest date (never null) as the first row in date order rather than a MIN grouped
    # by area: the same day, without adding up every case of the area (half the time on
    # 20,000 cases; an index on the area and date would make it one row, issue #18).
    first = Case.objects.filter(area_id=OuterRef("pk")).order_by("application_date")
    return areas.annotate(
        last_published_at=Subquery(last.values("published_at")[:1]),
        first_application_on=Subquery(first.values("application_date")[:1]),
    )


def publication_dues(areas: Iterable[Area]) -> dict[int, PublicationDue]:
    """For each area with a publication or a case, when its next publication is due: no
    query for areas read through `with_publication_dates`, else one for any number."""
    areas = list(areas)
    if not all(hasattr(a, "first_application_on") for a in areas):
        areas = list(with_publication_dates(Area.objects.filter(pk__in=[a.pk for a in areas])))
    dues = {}
    for area in areas:
        last = area.last_published_at
        last_published = timezone.localdate(last) if last else None
        due = publication_due(last_published, area.first_application_on)
        if due is not None:
            dues[area.pk] = PublicationDue(area, due, last_published, area.first_application_on)
    return dues
