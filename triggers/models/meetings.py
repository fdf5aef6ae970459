"""The multi-agency review meeting."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from agencies.models import Agency, Area
from triggers.models.case import Case


class ReviewMeeting(models.Model):
    """The case review meeting: when and where, who chairs it, and who is invited.

    Victims are invited in person or virtually, and independent chairs are recommended
    (statutory guidance, July 2025), so both ways of attending and the chair's independence
    are recorded. `sequence` counts the changes sent out, so calendar programs replace the
    earlier invitation (RFC 5545 SEQUENCE) instead of adding a second one.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CANCELLED = "cancelled", "Cancelled"
        HELD = "held", "Held"

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="review_meetings")
    round = models.PositiveSmallIntegerField(default=1)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    in_person = models.BooleanField(default=True)
    venue = models.TextField(blank=True)
    online = models.BooleanField(default=False)
    online_link = models.URLField(max_length=500, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="chaired_meetings"
    )
    chair_independent = models.BooleanField(
        default=False, help_text="The chair is independent of the agencies involved."
    )
    invited_agencies = models.ManyToManyField(Agency, blank=True, related_name="+")
    invited_emails = models.JSONField(
        default=list, blank=True, help_text="Other people invited, by email address."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(in_person=True) | Q(online=True), name="meeting_has_a_way_to_attend"
            ),
        ]

    def __str__(self):
        return f"{self.case}: review meeting {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def uid(self) -> str:
        """The calendar UID: stable for the meeting's life, so updates replace the invite."""
        return f"review-meeting-{self.pk}@asb-case-review"
