"""Letters to the people of a case: stored as written (HTML and PDF), listed on the case and
on the private link, with how each person got their copy (DOMAIN.md §5.8)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Area
from agencies.working_days import add_working_days
from triggers.models.case import Case


def appeal_deadline(sent_on: date, area) -> date:
    """The last day a letter sent (served) on `sent_on` can be appealed: the area's window in
    working days from that day. The one rule the letters, the stages and appeals use (kept
    here, below both triggers.letters and triggers.selectors, which read it)."""
    return add_working_days(sent_on, area.appeal_window_days)


class Letter(models.Model):
    """A letter written on a case, kept exactly as written (its PDF, and the HTML it came
    from, so that a copy for the post can be laid out with an address in the window)."""

    class Kind(models.TextChoices):
        THRESHOLD_DECISION = "threshold_decision", _("Threshold decision")
        OUTCOME = "outcome", _("Outcome of the review")
        APPEAL_DECISION = "appeal_decision", _("Appeal decision")
        CLOSURE = "closure", _("Case closed")
        WITHDRAWAL = "withdrawal", _("Case withdrawn")
        # What the people who have no email get by post instead of an email (§5.8, §5.9).
        MEETING_INVITATION = "meeting_invitation", _("Invitation to the review meeting")
        PLAN_CONSULTATION = "plan_consultation", _("Your views on the draft action plan")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=200)
    pdf = models.BinaryField()
    # The rendered letter with a marker where the window address goes (triggers.letters).
    html = models.TextField(blank=True)
    # When it was written (and emailed, for those reached by email).
    sent_at = models.DateTimeField()
    # The date it bears: the day it was written, or, once the applicant's copy is posted,
    # the day of posting (the print queue prints the day it prints; DOMAIN.md §5.8).
    dated_on = models.DateField(null=True, blank=True)
    # A copy still waits to be posted, or for an address: no window runs from the letter yet.
    awaiting_delivery = models.BooleanField(default=False)
    # For a letter that went by post: the day it counts as served on everyone it went to
    # (the second working day after the last posting). Empty for one sent only by email,
    # which is served on the day it was sent.
    served_on = models.DateField(null=True, blank=True)
    # A letter a service writes once for one event (an invitation to one meeting, a request
    # for views on one draft plan): running the service again finds it and writes no other.
    key = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["case", "sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "key"], condition=~models.Q(key=""), name="one_letter_per_key"
            ),
        ]

    def __str__(self):
        return f"{self.case}: {self.title}"

    @property
    def dated(self) -> date:
        """The date the letter bears (letters written before it was kept: the day written)."""
        return self.dated_on or timezone.localtime(self.sent_at).date()

    @property
    def filename(self) -> str:
        return f"{self.case.reference}-{self.kind.replace('_', '-')}-{self.pk}.pdf"


class LetterDelivery(models.Model):
    """How one person got (or is to get) one letter: emailed, or a printed copy posted to the
    address they had when it was written (kept here, so a later change of address does not
    rewrite what was posted)."""

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        POST = "post", "Post"

    class Status(models.TextChoices):
        EMAILED = "emailed", "Emailed"
        QUEUED = "queued", "In the print queue"
        POSTED = "posted", "Posted"
        CANNOT_SEND = "cannot_send", "Cannot be sent: no address"

    WAITING = (Status.QUEUED, Status.CANNOT_SEND)

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letter_deliveries")
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="deliveries")
    role = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(max_length=20, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When it joined the print queue (at writing, or when an address was added).
    queued_at = models.DateTimeField(null=True, blank=True)
    posted_on = models.DateField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    served_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["letter", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "role"], name="one_delivery_per_person"),
            models.CheckConstraint(
                condition=~models.Q(status="posted") | models.Q(posted_on__isnull=False),
                name="posted_delivery_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.letter}: {self.name} ({self.get_status_display()})"

    @property
    def is_waiting(self) -> bool:
        return self.status in self.WAITING
