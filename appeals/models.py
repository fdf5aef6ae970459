"""Appeals against a case review's decisions, and PCC reviews of "threshold not met".

The Act names no appeal body (Sch 4 para 3 only asks for a route for dissatisfied
applicants): each area chooses the PCC's office of its force area (the default) or an
independent appeal panel or chair (DOMAIN.md §5.7). Under the Crime and Policing Bill the
applicant may instead ask the PCC to review a "threshold not met" decision: a record of the
same shape, of its own kind, always heard by the PCC's office and counted apart.
Every row carries its `area`, like every other tenant-owned row.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Area
from triggers.models import Case, Channel, Letter
from triggers.workflow import Status as CaseStatus


class Appeal(models.Model):
    """One appeal (or PCC review) against one letter: a threshold-not-met decision or a
    review's outcome. One per letter: the procedure's last stage."""

    class Kind(models.TextChoices):
        APPEAL = "appeal", "Appeal"
        PCC_REVIEW = "pcc_review", "PCC review"

    Body = Area.AppealBody

    class Party(models.TextChoices):
        APPLICANT = "applicant", "The applicant"
        VICTIM = "victim", "The victim"

    class Decision(models.TextChoices):
        THRESHOLD = "threshold_decision", _("The decision that the threshold was not met")
        OUTCOME = "outcome", _("The outcome of the case review")

    class Ground(models.TextChoices):
        THRESHOLD_WRONGLY_REFUSED = (
            "threshold_wrongly_refused",
            _("The threshold was wrongly refused"),
        )
        PROCESS_NOT_FOLLOWED = (
            "process_not_followed",
            _("A relevant process, policy or protocol was not followed"),
        )
        INFORMATION_NOT_CONSIDERED = (
            "information_not_considered",
            _("Relevant information was not considered"),
        )
        RECOMMENDATIONS_INADEQUATE = (
            "recommendations_inadequate",
            _("The recommendations do not address the problem"),
        )
        OTHER = "other", _("Another reason")

    class Status(models.TextChoices):
        # The page says whose decision: see `status_label`.
        LODGED = "lodged", "Awaiting a decision"
        NOT_UPHELD = "not_upheld", "Not upheld"
        UPHELD = "upheld", "Upheld"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Remedy(models.TextChoices):
        FURTHER_REVIEW = CaseStatus.FURTHER_REVIEW.value, "A further case review"
        FRESH_THRESHOLD_DECISION = (
            CaseStatus.THRESHOLD_REDECISION.value,
            "A fresh decision on the threshold",
        )

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appeals")
    # RESTRICT, not PROTECT: the letter stays while the appeal does, but deleting the whole
    # case (retention) takes both.
    letter = models.ForeignKey(Letter, on_delete=models.RESTRICT, related_name="+")
    appealed_decision = models.CharField(max_length=20, choices=Decision.choices)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.APPEAL)
    # Who heard it, fixed when it is lodged: the area may change its choice later.
    body = models.CharField(
        "heard by", max_length=20, choices=Body.choices, default=Body.PCC_OFFICE
    )
    body_name = models.CharField(
        max_length=160,
        default="",
        help_text="The name of the body that heard it, as letters show it.",
    )
    # The force area's PCC office, which counts every appeal of its areas in its figures; it
    # decides only those it hears. Blank for a panel's appeal when no office is set up.
    pcc_office = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    explanation = models.TextField("why the applicant is appealing")
    # Who made it (DOMAIN.md §5.9): the applicant, or the victim someone applied for, through
    # their own private link or by phone or post. Each message about it reads right to each.
    party = models.CharField(
        "made by", max_length=10, choices=Party.choices, default=Party.APPLICANT
    )
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member of staff who recorded an appeal made by phone, paper or email.",
    )
    lodged_at = models.DateTimeField()
    appeal_by = models.DateField(help_text="The last day of the area's window to appeal.")
    late_reason = models.TextField(
        blank=True, help_text="Why a member of staff accepted an appeal after the window."
    )
    previous_status = models.CharField(
        max_length=24,
        choices=CaseStatus.choices,
        help_text="The case's status before the appeal; a not-upheld appeal returns it there.",
    )
    decision_due = models.DateField(db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.LODGED)
    remedy = models.CharField(max_length=24, choices=Remedy.choices, blank=True)
    reasons = models.TextField(blank=True)
    points_to_address = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    cancelled_closure_reason = models.TextField(
        blank=True,
        default="",
        help_text="The officer's reason for a closure this appeal cancelled when lodged; a "
        "not-upheld decision sets the closure again.",
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["decision_due", "pk"]
        constraints = [
            # One appeal at a time per case: a second waits for the first to be decided.
            models.UniqueConstraint(
                fields=["case"], condition=Q(status="lodged"), name="one_open_appeal_per_case"
            ),
            models.CheckConstraint(
                condition=~Q(status="upheld") | ~Q(remedy=""), name="upheld_appeal_has_remedy"
            ),
        ]
        indexes = [models.Index(fields=["area", "status", "decision_due"])]

    def __str__(self):
        return f"Appeal on {self.case}"

    @classmethod
    def grounds_for(cls, decision: str) -> list[str]:
        """The grounds that fit the letter appealed (DOMAIN.md §5.6): only a threshold
        decision can be wrongly refused; only a review's outcome has recommendations."""
        first = (
            cls.Ground.THRESHOLD_WRONGLY_REFUSED
            if decision == cls.Decision.THRESHOLD
            else cls.Ground.RECOMMENDATIONS_INADEQUATE
        )
        common = [cls.Ground.PROCESS_NOT_FOLLOWED, cls.Ground.INFORMATION_NOT_CONSIDERED]
        if decision == cls.Decision.THRESHOLD:
            return [first, *common, cls.Ground.OTHER]
        return [*common, first, cls.Ground.OTHER]

    @property
    def heard_by_pcc(self) -> bool:
        return self.body == self.Body.PCC_OFFICE

    @property
    def body_short_name(self) -> str:
        """How a sentence names the body: "the PCC" or "the appeal panel"."""
        return "the PCC" if self.heard_by_pcc else "the appeal panel"

    @property
    def status_label(self) -> str:
        """The status in words, naming who is deciding while it waits."""
        if self.status == self.Status.LODGED:
            return f"Awaiting {self.body_short_name}'s decision"
        return self.get_status_display()

    @property
    def kind_name(self) -> str:
        """'appeal' or 'PCC review', as a sentence names it."""
        return "PCC review" if self.kind == self.Kind.PCC_REVIEW else "appeal"

    @property
    def made_by_name(self) -> str:
        """The name of the person who made it: the applicant's, or the victim's."""
        case = self.case
        return case.victim_name if self.party == self.Party.VICTIM else case.applicant_name

    @property
    def is_late(self) -> bool:
        return bool(self.late_reason)

    @property
    def is_decided(self) -> bool:
        return self.status in (self.Status.UPHELD, self.Status.NOT_UPHELD)

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.LODGED


class AppealGround(models.Model):
    """One ground the applicant gave, and the PCC's finding on it.

    A row per ground (not a list on the appeal) so the PCC's figures can count grounds in the
    database, and so the review is structured: a finding against each ground.
    """

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="grounds")
    ground = models.CharField(max_length=30, choices=Appeal.Ground.choices)
    made_out = models.BooleanField(null=True, help_text="The PCC found this ground made out.")
    finding = models.TextField(blank=True)

    class Meta:
        ordering = ["appeal", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["appeal", "ground"], name="one_row_per_ground"),
        ]

    def __str__(self):
        return f"{self.appeal}: {self.get_ground_display()}"


def appeal_document_path(instance, filename):
    """Stored under a random name, like the cases' documents; the original name is in the row."""
    return f"appeals/{instance.area_id}/{instance.appeal_id}/{uuid.uuid4().hex}"


class AppealDocument(models.Model):
    """A file the applicant sent with their appeal, stored privately."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=appeal_document_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=80)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
