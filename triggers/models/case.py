"""The case: one application for an ASB case review, its complaints and its history.

Every row carries its `area` (the tenant), so that access can always be decided from the row
itself and so that row-level security or sharding by area stays possible later.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from agencies.models import Agency, Area
from triggers.workflow import OPEN_STATUSES, Status


class Channel(models.TextChoices):
    ONLINE = "online", "Online"
    PHONE = "phone", "Phone"
    PAPER = "paper", "Paper form"
    IN_PERSON = "in_person", "In person"
    AGENCY_REFERRAL = "agency_referral", "Agency referral"


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    POST = "post", "Post"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def for_list(self):
        """What a case list shows, fetched in a fixed number of queries."""
        return self.select_related("area", "assigned_officer").annotate(
            complaint_count=models.Count("complaints", distinct=True)
        )


class Case(models.Model):
    """An application for a case review, from receipt to closure."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(max_length=20)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.SUBMITTED)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    received_at = models.DateTimeField()
    application_date = models.DateField(help_text="The date the application was made.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member of staff who recorded a non-online application.",
    )
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
    )

    # Who is applying
    on_behalf = models.BooleanField(default=False)
    applicant_name = models.CharField(max_length=120)
    applicant_email = models.EmailField(blank=True)
    applicant_phone = models.CharField(max_length=40, blank=True)
    applicant_address = models.TextField(blank=True)
    applicant_postcode = models.CharField(max_length=10, blank=True)
    relationship = models.CharField(max_length=80, blank=True)
    organisation = models.CharField(max_length=120, blank=True)
    victim_name = models.CharField(max_length=120, blank=True)
    victim_consent = models.BooleanField(
        default=False, help_text="The victim agreed to someone applying for them."
    )

    # The application's substance
    behaviour_location = models.CharField(max_length=200, blank=True)
    others_affected = models.TextField(blank=True)
    impact = models.TextField(blank=True)
    desired_outcome = models.TextField(blank=True)
    contact_method = models.CharField(
        max_length=10, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    adjustments = models.TextField(blank=True, help_text="Language, BSL, easy read, other needs.")

    # Deadlines in working days from the area's policy, stored so lists can sort on them.
    acknowledge_due = models.DateField(null=True, blank=True)
    threshold_decision_due = models.DateField(null=True, blank=True)
    next_due = models.DateField(
        null=True, blank=True, db_index=True, help_text="The deadline of the current stage."
    )

    tracking_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    tracking_revoked = models.BooleanField(default=False)

    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    anonymised_at = models.DateTimeField(
        null=True, blank=True, help_text="When personal data was removed after retention."
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["area", "reference"], name="reference_unique_in_area"),
            # Nobody may apply for a victim without the victim's consent (Home Office guidance).
            models.CheckConstraint(
                condition=Q(on_behalf=False) | Q(victim_consent=True),
                name="on_behalf_needs_consent",
            ),
        ]
        indexes = [models.Index(fields=["area", "status", "next_due"])]

    def __str__(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Complaint(models.Model):
    """One report of the behaviour to an agency, as the application describes it."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="complaints")
    position = models.PositiveSmallIntegerField(default=0)
    incident_date = models.DateField()
    description = models.TextField("what happened")
    reported_date = models.DateField()
    reported_to = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reported_to_other = models.CharField(max_length=120, blank=True)
    reference_number = models.CharField(max_length=60, blank=True)
    complainant = models.CharField(
        max_length=120, default="applicant", help_text="Who reported it: 'applicant' or a name."
    )
    incident_key = models.CharField(
        max_length=40,
        blank=True,
        help_text="Shared by reports of one incident to several agencies; counted once.",
    )
    hate_related = models.BooleanField(default=False)

    class Meta:
        ordering = ["case", "position", "incident_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reported_date__gte=models.F("incident_date")),
                name="reported_on_or_after_incident",
            ),
        ]

    def __str__(self):
        return f"{self.case} complaint {self.position + 1}"

    @property
    def reported_to_name(self) -> str:
        return self.reported_to.name if self.reported_to_id else self.reported_to_other


class CaseEvent(models.Model):
    """One entry of a case's history: a status change, or another step worth recording."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    from_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    summary = models.CharField(max_length=200)
    reasons = models.TextField(blank=True)

    class Meta:
        ordering = ["case", "at", "pk"]

    def __str__(self):
        return f"{self.case}: {self.summary}"


class ReferenceCounter(models.Model):
    """The last case number used in an area in a year, so references never repeat."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="one_counter_per_area_year"),
        ]

    def __str__(self):
        return f"{self.area} {self.year}: {self.last_number}"


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


class Letter(models.Model):
    """A letter sent to the applicant, kept exactly as sent (its PDF)."""

    class Kind(models.TextChoices):
        THRESHOLD_DECISION = "threshold_decision", "Threshold decision"
        OUTCOME = "outcome", "Outcome of the review"
        APPEAL_DECISION = "appeal_decision", "Appeal decision"
        CLOSURE = "closure", "Case closed"

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


class InformationRequest(models.Model):
    """A request to one agency for what it knows about the case, with a due date.

    `round` counts reviews of the same case: an upheld appeal sends the case back for a further
    review, and the agencies are asked again in a new round, with both rounds kept.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for information"
        RETURNED = "returned", "Information returned"
        WITHDRAWN = "withdrawn", "No longer needed"

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

    def __str__(self):
        return f"Return for {self.request}"


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


# --- The review: the victim's part, the record, recommendations and the action plan ---------


class VictimInvolvement(models.Model):
    """How the victim takes part in one round's review meeting, and what they want said.

    The statutory guidance (July 2025) lets the victim choose how involved they are; they give
    this through their private link, or an officer records what they said by phone or letter.
    """

    class Way(models.TextChoices):
        IN_PERSON = "in_person", "Attend the meeting in person"
        ONLINE = "online", "Join the meeting online"
        WRITTEN = "written", "Send a written statement"
        ADVOCATE = "advocate", "Be represented by an advocate"
        NONE = "none", "Not take part"

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

    class Meta:
        ordering = ["case", "-round"]
        constraints = [
            models.UniqueConstraint(fields=["case", "round"], name="one_involvement_per_round"),
        ]

    def __str__(self):
        return f"{self.case}: {self.get_way_display()}"


class ReviewRecord(models.Model):
    """What the review meeting of one round found and decided.

    `outcome_due` is the area's outcome timescale from the meeting; the victim is consulted on
    the draft action plan until `consultation_closes`, and the plan is final once
    `plan_finalised_at` is set, with whether the victim commented or did not respond in time.
    """

    class VictimResponse(models.TextChoices):
        COMMENTED = "commented", "The victim commented on the draft plan"
        NO_RESPONSE = "no_response", "The victim did not respond by the closing date"

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reviews")
    meeting = models.OneToOneField(
        ReviewMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="record"
    )
    round = models.PositiveSmallIntegerField(default=1)
    attendance = models.TextField(help_text="Who attended, and for whom.")
    findings = models.TextField()
    recommendations_made = models.BooleanField(default=False)
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
    """A recommendation of the review to one agency, which must consider it."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    review = models.ForeignKey(
        ReviewRecord, on_delete=models.CASCADE, related_name="recommendations"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="recommendations")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["review", "position"]

    def __str__(self):
        return f"{self.review}: {self.agency}"


class Action(models.Model):
    """One action of the plan, owned by one agency, with a due date.

    The owner is `owner_agency` (agencies/access.py lets the owner's responders see the case
    through `actions__owner_agency`).
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"

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
    """The victim's comment on the draft action plan, through their private link."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    review = models.ForeignKey(ReviewRecord, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField()
    at = models.DateTimeField()

    class Meta:
        ordering = ["review", "at"]

    def __str__(self):
        return f"{self.review}: comment {self.at:%Y-%m-%d}"
