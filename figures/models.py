"""Published figures: the statutory counts an area has published, and who published them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from agencies.models import Area

from .periods import Period


class Publication(models.Model):
    """An area's four statutory counts for a period, frozen as they were published.

    The Act asks every area to publish, at least every 12 months, the applications received,
    the times the threshold was not met, the reviews carried out and the reviews that led to
    recommendations. A correction is a new publication of the same period; the latest one
    stands, and the earlier ones are kept so nobody can quietly rewrite what was published.
    """

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="publications")
    period_start = models.DateField()
    period_end = models.DateField()
    applications_received = models.PositiveIntegerField()
    threshold_not_met = models.PositiveIntegerField()
    reviews_held = models.PositiveIntegerField("reviews carried out")
    reviews_with_recommendations = models.PositiveIntegerField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["area", "-period_start", "-published_at"]
        get_latest_by = "published_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="publication_period_order"
            ),
        ]
        indexes = [models.Index(fields=["area", "period_start", "period_end", "published_at"])]

    def __str__(self):
        return f"{self.area}: {self.period_start} to {self.period_end}"

    @property
    def name(self) -> str:
        """The year as published: "2025-26" (financial year) or "2025" (calendar year)."""
        return Period(self.period_start, self.period_end).name


class StageSummary(models.Model):
    """What each area completed on each day, stage by stage: the dashboards and the figures
    pages read these rows instead of the case history (issue #18).

    One row per area, day, stage and number of working days taken: a stage's rows over a
    period are its histogram of working days, so medians stay exact. The statutory counts
    and the dashboard's other counts (threshold outcomes, appeals, PCC reviews) are stages
    too, with `working_days` 0 and `on_time` 0. `day` is the local day the thing counts on
    (DOMAIN.md §5.11): a review on the day its meeting was held, anything else on the day it
    happened. Written by the services in their own transaction (figures/summary.py) and
    rebuildable from the history by `manage.py rebuild_figures`.
    """

    class Stage(models.TextChoices):
        APPLICATIONS_RECEIVED = "applications_received", "Applications received"
        THRESHOLD_MET = "threshold_met", "Threshold met"
        MET_ON_DISCRETION = "met_on_discretion", "Review ordered on discretion"
        THRESHOLD_NOT_MET = "threshold_not_met", "Threshold not met"
        REVIEWS_HELD = "reviews_held", "Reviews carried out"
        REVIEWS_WITH_RECOMMENDATIONS = (
            "reviews_with_recommendations",
            "Reviews that resulted in recommendations",
        )
        APPEALS_UPHELD = "appeals_upheld", "Appeals upheld"
        APPEALS_NOT_UPHELD = "appeals_not_upheld", "Appeals not upheld"
        PCC_REVIEWS_LODGED = "pcc_reviews_lodged", "PCC reviews lodged"
        PCC_REVIEWS_DECIDED = "pcc_reviews_decided", "PCC reviews decided"
        PCC_REVIEWS_UPHELD = "pcc_reviews_upheld", "PCC reviews upheld"
        # Timeliness: completions, with the working days they took and whether on time.
        ACKNOWLEDGEMENT = "acknowledgement", "Application acknowledged"
        THRESHOLD_DECISION = "threshold_decision", "Threshold decided"
        INFORMATION_RETURN = "information_return", "Agency information returned"
        REVIEW_HELD = "review_held", "Review meeting held"
        OUTCOME_SENT = "outcome_sent", "Outcome sent to the applicant"
        APPEAL_DECIDED = "appeal_decided", "Appeal decided"

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    stage = models.CharField(max_length=32, choices=Stage.choices)
    working_days = models.PositiveSmallIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    on_time = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            # Its order is the dashboards' read: one area (or a few), a range of days.
            models.UniqueConstraint(
                fields=["area", "day", "stage", "working_days"], name="stage_summary_key"
            ),
            models.CheckConstraint(
                condition=Q(on_time__lte=F("completed")), name="stage_summary_on_time"
            ),
        ]

    def __str__(self):
        return f"{self.area_id} {self.day} {self.stage} ({self.working_days}): {self.completed}"


class SummarisedYear(models.Model):
    """A publication year that had ended when its summary rows were rebuilt: stored once,
    `rebuild_figures` leaves its days alone from then on (unless told --all), so the
    figures of a closed year never change because its cases were later anonymised or a
    policy changed. The services still write what happens on its days (a meeting held on
    30 March and recorded on 1 April counts on 30 March)."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    stored_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "period_start", "period_end"], name="summarised_year_once"
            ),
        ]

    def __str__(self):
        return f"{self.area_id}: {self.period_start} to {self.period_end}"
