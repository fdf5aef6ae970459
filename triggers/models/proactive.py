"""Possible case reviews: people the bodies' linked incident records show meeting the
threshold, with no open case, for an officer to offer a review to (issue #20).

The 2023 ASB Action Plan asks agencies to start a review once the threshold is hit without
waiting for an application. The engine finds them; an officer decides: offer the victim a
review, dismiss with a reason, or (with the victim's agreement) start the case.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import Area
from incidents.models import IncidentRecord
from triggers.models.case import Case, ContactMethod, Language


class PossibleReview(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("To consider")
        OFFERED = "offered", _("Review offered")
        DISMISSED = "dismissed", _("Dismissed")
        STARTED = "started", _("Case started")

    class DismissalReason(models.TextChoices):
        NOT_SAME_PERSON = "not_same_person", _("The records are not about the same person")
        NOT_ASB = "not_asb", _("The records are not about anti-social behaviour")
        DECLINED = "declined", _("The victim does not want a review")
        ALREADY_HANDLED = "already_handled", _("A case or another process already covers it")
        OTHER = "other", _("Another reason")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    # The linked person's key (incidents.LinkCluster.key): stable while their first record is.
    person_key = models.CharField(max_length=40)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    name = models.CharField(max_length=170)
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    records = models.ManyToManyField(IncidentRecord, related_name="+")
    engine_route = models.CharField(max_length=20)
    engine_qualifying = models.PositiveSmallIntegerField()
    engine_threshold = models.PositiveSmallIntegerField()
    engine_reasons = models.TextField()
    # The scored pairs that link the records: [{"left", "right", "probability", "reasons"}].
    evidence = models.JSONField(default=list, blank=True)
    found_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    offered_at = models.DateTimeField(null=True, blank=True)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    offered_via = models.CharField(max_length=10, choices=ContactMethod.choices, blank=True)
    offer_language = models.CharField(max_length=2, choices=Language.choices, blank=True)
    offer_letter = models.FileField(upload_to="possible-reviews/", blank=True)

    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dismissal_reason = models.CharField(max_length=20, choices=DismissalReason.choices, blank=True)
    dismissal_details = models.TextField(blank=True)

    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["status", "-engine_qualifying", "-found_at"]
        constraints = [
            models.UniqueConstraint(fields=["area", "person_key"], name="one_possible_per_person"),
        ]

    def __str__(self):
        return f"{self.area}: possible review for {self.name}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.OFFERED)


class EarlierDecision(models.Model):
    """A decision on a possible review that later complaints set aside: kept, so the officer
    sees that it was dismissed (or a case held) before, when, by whom and why.

    Our rule (triggers/proactive/returns.py): a decision covers the complaints reported up
    to `covered_until`; complaints reported after it that meet the threshold on their own
    bring the person back to the list, and this row records what was decided before."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    possible = models.ForeignKey(
        PossibleReview, on_delete=models.CASCADE, related_name="earlier_decisions"
    )
    # PossibleReview.Status.DISMISSED or STARTED.
    status = models.CharField(max_length=10, choices=PossibleReview.Status.choices)
    decided_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dismissal_reason = models.CharField(
        max_length=20, choices=PossibleReview.DismissalReason.choices, blank=True
    )
    dismissal_details = models.TextField(blank=True)
    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The last day whose complaints it covered: the day of the dismissal, or the day the case
    # closed.
    covered_until = models.DateField()
    returned_at = models.DateTimeField()

    class Meta:
        ordering = ["-returned_at", "-pk"]

    def __str__(self):
        return f"{self.possible}: {self.status} until {self.covered_until}"


class SuggestionDecision(models.Model):
    """A body's answer to a record of its own the check page suggested for a complaint: this
    is the complaint (confirmed, and the check filled in with the record's reference), or it
    is not (rejected, and not suggested again)."""

    class Decision(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Not this complaint"

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    check_record = models.ForeignKey(
        "triggers.ThresholdCheck", on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    complaint = models.ForeignKey("triggers.Complaint", on_delete=models.CASCADE, related_name="+")
    record = models.ForeignKey(IncidentRecord, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    strength = models.FloatField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["check_record", "complaint", "record"], name="one_decision_per_suggestion"
            ),
        ]

    def __str__(self):
        return f"{self.check_record}: {self.record} {self.decision}"
