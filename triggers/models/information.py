"""Information requests to the bodies, their returns, and the documents attached."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Area
from triggers.models.case import Case


class InformationRequest(models.Model):
    """A request to one agency for what it knows about the case, with a due date.

    `round` counts reviews of the same case: an upheld appeal sends the case back for a further
    review, and the agencies are asked again in a new round, with both rounds kept.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for information")
        RETURNED = "returned", _("Information returned")
        # Closed by the service when its purpose ended: the review was held, or the case was
        # withdrawn or closed (DOMAIN.md §5.4). Nobody is reminded about it, nor can answer it.
        NO_LONGER_NEEDED = "not_needed", _("No longer needed")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="information_requests")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="information_requests"
    )
    round = models.PositiveSmallIntegerField(default=1)
    contact_name = models.CharField(max_length=120)
    contact_email = models.EmailField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(db_index=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["due_date", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "agency", "round"], name="one_request_per_agency_per_round"
            ),
        ]

    def __str__(self):
        return f"{self.case}: {self.agency}"

    def is_overdue(self, today) -> bool:
        return self.status == self.Status.REQUESTED and self.due_date < today


class InformationReturn(models.Model):
    """What an agency sends back: its reports, what it has done, risks, and proposals."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    request = models.OneToOneField(
        InformationRequest, on_delete=models.CASCADE, related_name="information_return"
    )
    holds_no_information = models.BooleanField(default=False)
    actions_taken = models.TextField("actions already taken", blank=True)
    risk_and_vulnerability = models.TextField("risk and vulnerability", blank=True)
    proposals = models.TextField("proposals for the review", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()
    # 1 when first sent; each correction sent before the review is held adds one.
    submissions = models.PositiveSmallIntegerField(default=1)

    def __str__(self):
        return f"Return for {self.request}"


class DraftReturn(models.Model):
    """A return saved but not sent: what the responder typed, kept as typed (half-filled
    reports too) so they can come back and continue. Nobody is told and nothing counts it;
    kept apart from InformationReturn so no pack, case file or figure can mistake it for one."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    request = models.OneToOneField(
        InformationRequest, on_delete=models.CASCADE, related_name="draft"
    )
    answers = models.JSONField(default=dict)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    saved_at = models.DateTimeField()

    def __str__(self):
        return f"Draft return for {self.request}"


class ReturnedReport(models.Model):
    """One report of the behaviour an agency holds, as listed in its return."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    information_return = models.ForeignKey(
        InformationReturn, on_delete=models.CASCADE, related_name="reports"
    )
    reported_on = models.DateField()
    summary = models.TextField()
    reference = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["reported_on"]

    def __str__(self):
        return f"{self.reported_on}: {self.summary[:40]}"


def document_path(instance, filename):
    """Uploads are stored under a random name; the original name is kept in the row only."""
    import uuid

    return f"cases/{instance.area_id}/{instance.case_id}/{uuid.uuid4().hex}"


class Document(models.Model):
    """An uploaded file, stored privately and served only to those who may see the case."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    information_request = models.ForeignKey(
        InformationRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    file = models.FileField(upload_to=document_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=80)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name
