"""The threshold decision: the bodies' decision, recorded by the single point of contact."""

from django.conf import settings
from django.db import models

from agencies.models import Area
from triggers.models.case import Case


class ThresholdDecision(models.Model):
    """An officer's decision on whether the threshold is met, beside the engine's answer.

    The engine decides only the two statutory routes; "met on discretion" and any departure
    from the engine's answer are the officer's, with reasons (DOMAIN.md §4).
    """

    class Outcome(models.TextChoices):
        MET = "met", "Threshold met"
        MET_ON_DISCRETION = "met_on_discretion", "Review ordered on discretion"
        NOT_MET = "not_met", "Threshold not met"

    class Ground(models.TextChoices):
        HARM = "harm", "Harm or potential harm"
        VULNERABILITY = "vulnerability", "The victim's vulnerability"
        PERSISTENCE = "persistence", "Persistence of the behaviour"
        INADEQUATE_RESPONSE = "inadequate_response", "The response so far was not adequate"

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="threshold_decisions")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    engine_route = models.CharField(max_length=20)
    engine_qualifying = models.PositiveSmallIntegerField()
    engine_threshold = models.PositiveSmallIntegerField()
    grounds = models.JSONField(default=list, blank=True)
    reasons = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "-decided_at"]
        get_latest_by = "decided_at"

    def __str__(self):
        return f"{self.case}: {self.get_outcome_display()}"
