"""Letters to the applicant: stored as PDFs, listed on the case and on the private link."""

from django.db import models

from agencies.models import Area
from triggers.models.case import Case


class Letter(models.Model):
    """A letter sent to the applicant, kept exactly as sent (its PDF)."""

    class Kind(models.TextChoices):
        THRESHOLD_DECISION = "threshold_decision", "Threshold decision"
        OUTCOME = "outcome", "Outcome of the review"
        APPEAL_DECISION = "appeal_decision", "Appeal decision"
        CLOSURE = "closure", "Case closed"
        WITHDRAWAL = "withdrawal", "Case withdrawn"

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=200)
    pdf = models.BinaryField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "sent_at"]

    def __str__(self):
        return f"{self.case}: {self.title}"

    @property
    def filename(self) -> str:
        return f"{self.case.reference}-{self.kind.replace('_', '-')}-{self.pk}.pdf"
