"""The review: the victim's part, the record, recommendations, the action plan."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Area
from triggers.models.case import Case
from triggers.models.meetings import ReviewMeeting


class VictimInvolvement(models.Model):
    """How the victim takes part in one round's review meeting, and what they want said.

    The statutory guidance (July 2025) lets the victim choose how involved they are; they give
    this through their private link, or an officer records what they said by phone or letter.
    """

    class Way(models.TextChoices):
        IN_PERSON = "in_person", _("Attend the meeting in person")
        ONLINE = "online", _("Join the meeting online")
        WRITTEN = "written", _("Send a written statement")
        ADVOCATE = "advocate", _("Be represented by an advocate")
        NONE = "none", _("Not take part")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="involvements")
    round = models.PositiveSmallIntegerField(default=1)
    way = models.CharField(max_length=10, choices=Way.choices)
    advocate_name = models.CharField(max_length=120, blank=True)
    advocate_contact = models.CharField(max_length=200, blank=True)
    statement = models.TextField("written statement", blank=True)
    impact = models.TextField("the impact on them", blank=True)
    resolution = models.TextField("what a good resolution looks like", blank=True)
    # None when the applicant gave it themselves through the private link.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()
    # Whose private link gave it ("applicant" or "victim"); empty when an officer recorded it.
    party = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["case", "-round"]
        constraints = [
            models.UniqueConstraint(fields=["case", "round"], name="one_involvement_per_round"),
        ]

    def __str__(self):
        return f"{self.case}: {self.get_way_display()}"


class ReviewRecord(models.Model):
    """What the review meeting of one round found and decided.

    `held_on` is the day the meeting was held, never the day it was typed in: the figures
    count the review as carried out on that day. `outcome_due` is the area's outcome timescale
    from the meeting, or the working day after `consultation_closes` when the review was
    recorded too late for the consultation to end first (triggers.reviews.holding.deadlines);
    the victim is consulted on
    the draft action plan until `consultation_closes`, and the plan is final once
    `plan_finalised_at` is set, with whether the victim commented or did not respond in time.
    """

    class VictimResponse(models.TextChoices):
        COMMENTED = "commented", _("The victim commented on the draft plan")
        NO_RESPONSE = "no_response", _("The victim did not respond by the closing date")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reviews")
    meeting = models.OneToOneField(
        ReviewMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="record"
    )
    round = models.PositiveSmallIntegerField(default=1)
    attendance = models.TextField(help_text="Who attended, and for whom.")
    findings = models.TextField()
    recommendations_made = models.BooleanField(default=False)
    held_on = models.DateField(
        "meeting held on", help_text="The day the review meeting was held (not when recorded)."
    )
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    outcome_due = models.DateField()
    consultation_closes = models.DateField()
    plan_finalised_at = models.DateTimeField(null=True, blank=True)
    plan_finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    victim_response = models.CharField(max_length=12, choices=VictimResponse.choices, blank=True)
    outcome_sent_at = models.DateTimeField(null=True, blank=True)
    appeal_by = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["case", "-round"]
        constraints = [
            models.UniqueConstraint(fields=["case", "round"], name="one_review_per_round"),
        ]

    def __str__(self):
        return f"{self.case}: review {self.round}"


class Recommendation(models.Model):
    """A recommendation of the review to a person or body exercising public functions, which
    must consider it (DOMAIN.md §5.11): a member agency of the area, or a named body outside
    the membership (a school, a GP practice, the highways authority), reached by email.

    The recipient's response is recorded on it: accepted (what it will do, by when) or not
    accepted (why). A named body answers through a single-use, expiring link whose token is
    kept only as a hash; a member agency's responders answer when signed in.
    """

    class Response(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    review = models.ForeignKey(
        ReviewRecord, on_delete=models.CASCADE, related_name="recommendations"
    )
    # A member agency, or else a named body (name and email address).
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="recommendations"
    )
    recipient_name = models.CharField("named body", max_length=160, blank=True)
    recipient_email = models.EmailField("named body's email address", blank=True)
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)
    # Set when the outcome is sent and the recipient is told.
    sent_at = models.DateTimeField(null=True, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    response = models.CharField(max_length=12, choices=Response.choices, blank=True)
    response_action = models.TextField("what it will do", blank=True)
    response_due = models.DateField("by when", null=True, blank=True)
    response_reason = models.TextField("why it was not accepted", blank=True)
    responder_name = models.CharField(max_length=120, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    # None when a named body answered through its link.
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["review", "position"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(agency__isnull=False) & Q(recipient_name=""))
                | (Q(agency__isnull=True) & ~Q(recipient_name="") & ~Q(recipient_email="")),
                name="recommendation_has_one_recipient",
            ),
            models.CheckConstraint(
                condition=Q(response="") | Q(responded_at__isnull=False),
                name="recommendation_response_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.review}: {self.recipient}"

    @property
    def recipient(self) -> str:
        """Who the recommendation is for, by name."""
        return self.agency.name if self.agency_id else self.recipient_name


class Action(models.Model):
    """One action of the plan, owned by one agency, with a due date.

    The owner is `owner_agency` (agencies/access.py lets the owner's responders see the case
    through `actions__owner_agency`).
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    review = models.ForeignKey(ReviewRecord, on_delete=models.CASCADE, related_name="actions")
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    due_date = models.DateField(db_index=True)
    position = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=4, choices=Status.choices, default=Status.OPEN)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open") | Q(completed_at__isnull=False),
                name="done_action_has_completion_time",
            ),
        ]

    def __str__(self):
        return f"{self.case}: {self.description[:40]}"

    def is_overdue(self, today) -> bool:
        return self.status == self.Status.OPEN and self.due_date < today


class ActionUpdate(models.Model):
    """A progress note on an action from its owner agency (or the officer)."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    note = models.TextField()
    marked_done = models.BooleanField(default=False)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["action", "at"]

    def __str__(self):
        return f"{self.action}: {self.note[:40]}"


class PlanComment(models.Model):
    """A comment on the draft action plan: given through a private link, or, from someone
    written to by post, received by letter, phone or in person and recorded by an officer."""

    class Received(models.TextChoices):
        LETTER = "letter", _("by letter")
        PHONE = "phone", _("by phone")
        IN_PERSON = "in_person", _("in person")
        EMAIL = "email", _("by email")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    review = models.ForeignKey(ReviewRecord, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField()
    at = models.DateTimeField()
    # Whose it is: "applicant" or "victim".
    party = models.CharField(max_length=10, default="applicant")
    # How it reached us when an officer recorded it for them (empty: their private link).
    received = models.CharField(max_length=10, choices=Received.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["review", "at"]

    def __str__(self):
        return f"{self.review}: comment {self.at:%Y-%m-%d}"
