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
