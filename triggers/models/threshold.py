"""The threshold decision: the bodies' decision, recorded by the single point of contact."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Area
from triggers.models.case import Case, Complaint


class ThresholdDecision(models.Model):
    """An officer's decision on whether the threshold is met, beside the engine's answer.

    The engine decides only the two statutory routes; "met on discretion" and any departure
    from the engine's answer are the officer's, with reasons (DOMAIN.md §4).
    """

    class Outcome(models.TextChoices):
        MET = "met", _("Threshold met")
        MET_ON_DISCRETION = "met_on_discretion", _("Review ordered on discretion")
        NOT_MET = "not_met", _("Threshold not met")

    class Ground(models.TextChoices):
        HARM = "harm", _("Harm or potential harm")
        VULNERABILITY = "vulnerability", _("The victim's vulnerability")
        PERSISTENCE = "persistence", _("Persistence of the behaviour")
        INADEQUATE_RESPONSE = "inadequate_response", _("The response so far was not adequate")

    class RefusalReason(models.TextChoices):
        """The lawful reasons to refuse when the engine counts the threshold as met (DOMAIN.md
        §5.2). "Under investigation by another agency" is not one: it is not on the list."""

        NOT_FOUND = "not_found", _("A complaint was not found in any relevant body's records")
        DIFFERENT_BEHAVIOUR = (
            "different_behaviour",
            _("The complaints are about different behaviour"),
        )
        OUTSIDE_AREA = "outside_area", _("The behaviour happened outside the area")
        DUPLICATE = "duplicate", _("It repeats an application already made")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="threshold_decisions")
    # The round of the bodies' checks this decision was made on (a fresh decision ordered on
    # appeal is made on a fresh round of checks).
    round = models.PositiveSmallIntegerField(default=1)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    engine_route = models.CharField(max_length=20)
    engine_qualifying = models.PositiveSmallIntegerField()
    engine_threshold = models.PositiveSmallIntegerField()
    grounds = models.JSONField(default=list, blank=True)
    reasons = models.TextField(blank=True)
    refusal_reason = models.CharField(
        max_length=20,
        choices=RefusalReason.choices,
        blank=True,
        help_text="Why the bodies refused when the engine counted the threshold as met.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "-decided_at"]
        get_latest_by = "decided_at"

    def __str__(self):
        return f"{self.case}: {self.get_outcome_display()}"


class ThresholdCheck(models.Model):
    """One relevant body's check of an application's complaints against its own records.

    Every application is passed on to every relevant body on receipt (s104(3)(b)); each body
    says, complaint by complaint, whether its records hold it. The bodies decide the threshold
    together (s104(4)-(5)); the single point of contact records their decision beside these.

    `round` counts the times the bodies are asked: an upheld appeal that orders a fresh
    threshold decision asks every body again, in a new round, with the earlier rounds kept.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for the check")
        CHECKED = "checked", _("Checked")
        CLOSED = "closed", _("No longer needed")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="threshold_checks")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="threshold_checks")
    round = models.PositiveSmallIntegerField(default=1)
    contact_name = models.CharField(max_length=120)
    contact_email = models.EmailField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField()
    due_date = models.DateField(db_index=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "due_date", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "agency", "round"], name="one_check_per_body_per_round"
            ),
        ]

    def __str__(self):
        return f"{self.case}: check by {self.agency}"

    def is_overdue(self, today) -> bool:
        return self.status == self.Status.REQUESTED and self.due_date < today


class ComplaintFinding(models.Model):
    """What one body's records say about one of the applicant's complaints."""

    class Finding(models.TextChoices):
        FOUND = "found", _("Found in our records")
        NOT_FOUND = "not_found", _("Not found in our records")
        NOT_OURS = "not_ours", _("Not reported to us")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    check_record = models.ForeignKey(
        ThresholdCheck, on_delete=models.CASCADE, related_name="findings"
    )
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="findings")
    finding = models.CharField(max_length=10, choices=Finding.choices)
    reference = models.CharField("our reference", max_length=60, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["complaint__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["check_record", "complaint"], name="one_finding_per_complaint"
            ),
        ]

    def __str__(self):
        return f"{self.check_record}: {self.get_finding_display()}"
