"""The case: one application for an ASB case review, its complaints and its history.

Every row carries its `area` (the tenant), so that access can always be decided from the row
itself and so that row-level security or sharding by area stays possible later.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Area
from triggers.workflow import OPEN_STATUSES, Status


class Channel(models.TextChoices):
    ONLINE = "online", "Online"
    PHONE = "phone", _("Phone")
    PAPER = "paper", "Paper form"
    IN_PERSON = "in_person", "In person"
    AGENCY_REFERRAL = "agency_referral", "Agency referral"


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    POST = "post", _("Post")
    # Only where the area sends texts through GOV.UK Notify (issue #16).
    TEXT = "text", _("Text message")


class Language(models.TextChoices):
    """The language a person chose to deal with the portal in (DOMAIN.md §5.12)."""

    ENGLISH = "en", "English"
    WELSH = "cy", "Cymraeg"


class ConsentHow(models.TextChoices):
    """How the victim agreed to someone applying for them (DOMAIN.md §5.9)."""

    WRITING = "writing", _("In writing")
    VERBAL = "verbal", _("Verbally")
    EMAIL = "email", _("By email")
    FORM = "form", _("Through the application form")


class SendTo(models.TextChoices):
    """Who receives the case's letters, invitations and updates when someone applied for a
    victim: the victim may choose to be told as well as, or instead of, the applicant."""

    BOTH = "both", "The person affected and the applicant"
    VICTIM = "victim", "The person affected only"
    APPLICANT = "applicant", "The applicant only"


class WithdrawalReason(models.TextChoices):
    APPLICANT_ASKED = "applicant_asked", _("The applicant asked to withdraw")
    # Where someone applied for a victim, the victim is a party (DOMAIN.md §5.9) and may end it.
    VICTIM_ASKED = "victim_asked", _("The person affected asked to withdraw")
    BEHAVIOUR_STOPPED = "behaviour_stopped", _("The behaviour has stopped")
    NO_CONTACT = "no_contact", _("The applicant cannot be contacted")
    OTHER = "other", _("Another reason")


# The deadline as the list sorts it: a case with none sorts after every dated one. One
# expression for the index, the ORDER BY and the keyset condition, so PostgreSQL matches them.
NO_DEADLINE = date(9999, 12, 31)
DEADLINE_KEY = Coalesce(F("next_due"), models.Value(NO_DEADLINE), output_field=models.DateField())


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def for_list(self):
        """What a case list shows, fetched in a fixed number of queries. The complaints and
        the earliest open return are counted on the case itself (triggers/counts.py)."""
        return self.select_related("area", "assigned_officer")


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
    # What the victim's consent covers besides the application itself, and how it was given.
    victim_consent_share = models.BooleanField(
        default=False, help_text="The victim agreed to their information going to the bodies."
    )
    victim_consent_contact = models.BooleanField(
        default=False, help_text="The victim agreed to being contacted about the case."
    )
    victim_consent_how = models.CharField(max_length=10, choices=ConsentHow.choices, blank=True)
    victim_consent_on = models.DateField(null=True, blank=True)
    # None when the applicant declared the consent online.
    victim_consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # The victim as a party (DOMAIN.md §5.9): their own ways to be reached.
    victim_email = models.EmailField(blank=True)
    victim_phone = models.CharField(max_length=40, blank=True)
    victim_address = models.TextField(blank=True)
    victim_postcode = models.CharField(max_length=10, blank=True)
    victim_contact_method = models.CharField(
        max_length=10, choices=ContactMethod.choices, blank=True
    )
    victim_adjustments = models.TextField(blank=True)
    send_to = models.CharField(
        max_length=10,
        choices=SendTo.choices,
        default=SendTo.APPLICANT,
        help_text="Who receives letters, invitations and updates.",
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
    # Each person's language, recorded when they choose it; every message to them uses it.
    applicant_language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    victim_language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.ENGLISH
    )

    # Deadlines in working days from the area's policy, stored so lists can sort on them.
    acknowledge_due = models.DateField(null=True, blank=True)
    threshold_decision_due = models.DateField(null=True, blank=True)
    next_due = models.DateField(
        null=True, blank=True, db_index=True, help_text="The deadline of the current stage."
    )
    # What the case list shows per row, stored so that a page reads triggers_case alone
    # (issue #18); kept right by the services in their transactions (triggers/counts.py) and
    # rebuilt from scratch by `manage.py recount_cases`.
    complaint_count = models.PositiveIntegerField(default=0, editable=False)
    open_return_due = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The earliest due date of an information request still waiting.",
    )

    tracking_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    tracking_revoked = models.BooleanField(default=False)
    # The victim's own private link, when someone applied for them.
    victim_tracking_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    victim_tracking_revoked = models.BooleanField(default=False)

    closed_at = models.DateTimeField(null=True, blank=True)
    # Closing never cuts an appeal short (DOMAIN.md §5.5): the officer's "close" on a case
    # whose letter can still be appealed sets the day it closes by itself, with the reason.
    closes_on = models.DateField(
        null=True, blank=True, db_index=True, help_text="The day after the time to appeal ends."
    )
    closing_reason = models.TextField(blank=True)
    withdrawal_reason = models.CharField(
        max_length=20, choices=WithdrawalReason.choices, blank=True
    )
    withdrawal_details = models.TextField(blank=True)
    withdrawal_requested_at = models.DateTimeField(
        null=True, blank=True, help_text="When the applicant asked, through their link."
    )
    withdrawal_request_details = models.TextField(blank=True)
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
        # The case list picks a page's ids from these alone (triggers/listing.py): each
        # matches a filter and a sort, ending in the list's tie-breakers (newest, then id).
        indexes = [
            # Open cases by deadline: the default list, the overdue count, deep pages.
            models.Index(
                F("area"),
                DEADLINE_KEY,
                F("received_at").desc(),
                F("id").desc(),
                name="case_open_by_deadline",
                condition=Q(status__in=OPEN_STATUSES),
            ),
            # Open cases past their deadline, counted for "needs attention": the count reads
            # this index alone (an index-only scan), not the cases.
            models.Index(
                fields=["area", "next_due"],
                name="case_open_due",
                condition=Q(status__in=OPEN_STATUSES, next_due__isnull=False),
            ),
            # One status (the status filter), by deadline.
            models.Index(
                F("area"),
                F("status"),
                DEADLINE_KEY,
                F("received_at").desc(),
                F("id").desc(),
                name="case_status_by_deadline",
            ),
            # Newest first: the list sorted by date received, and the API's order.
            models.Index(
                F("area"), F("received_at").desc(), F("id").desc(), name="case_by_received"
            ),
            # An area's first application, for when its figures are due (figures.selectors,
            # with_publication_dates): one index entry, not every case of the area.
            models.Index(fields=["area", "application_date"], name="case_by_application_date"),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def victim_reachable(self) -> bool:
        """The victim can be written to: someone applied for them, they agreed to being
        contacted, and they gave an email address or a postal address."""
        return (
            self.on_behalf
            and self.victim_consent_contact
            and bool(self.victim_email or self.victim_address.strip())
        )

    @property
    def consent_recorded_by_name(self) -> str:
        if self.victim_consent_recorded_by_id:
            return self.victim_consent_recorded_by.full_name
        return "The applicant declared it online" if self.victim_consent_how else ""


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


class CaseStatusCount(models.Model):
    """How many cases of an area are in each status, kept in the transaction that changes a
    status (triggers/history.py), so the case list's counts never scan the area's cases."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=24, choices=Status.choices)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "status"], name="one_count_per_area_status"),
        ]

    def __str__(self):
        return f"{self.area_id} {self.status}: {self.count}"


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
