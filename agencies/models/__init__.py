"""Who is who: force areas, the local areas that are our tenants, agencies and staff.

A *local area* is a council's area (district or unitary) and the tenant of the portal: every
case belongs to one, and through it to a force area, whose Police and Crime Commissioner (PCC)
hears appeals. Agencies (the council, the police, the health body, housing providers...) are
members of one or more areas, either as a relevant body under s104 ASB, Crime and Policing Act
2014, as a co-opted social housing provider (Sch 4 para 5), or as another partner.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from simple_history.models import HistoricalRecords

# The statute's threshold is three complaints; a local procedure may set a lower number, never
# a higher one (s104(4)). Anything outside 1..3 is refused by the database too.
STATUTORY_COMPLAINT_THRESHOLD = 3


class ForceArea(models.Model):
    """A police force area, with one PCC office that hears appeals from all its local areas."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


# Every window of the policy, in working days: none may be zero (DOMAIN.md §5.10).
TIMESCALES = (
    "acknowledge_days",
    "threshold_decision_days",
    "information_return_days",
    "review_meeting_days",
    "outcome_days",
    "consultation_days",
    "appeal_window_days",
    "appeal_decision_days",
)


class Area(models.Model):
    """A local government area: the tenant. Carries its published review policy."""

    force_area = models.ForeignKey(ForceArea, on_delete=models.PROTECT, related_name="areas")
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    reference_prefix = models.CharField(
        max_length=5, unique=True, help_text="Starts every case reference, e.g. LIV-2026-0042."
    )

    # Threshold (DOMAIN.md §3-4)
    complaint_threshold = models.PositiveSmallIntegerField(
        default=STATUTORY_COMPLAINT_THRESHOLD,
        validators=[MinValueValidator(1), MaxValueValidator(STATUTORY_COMPLAINT_THRESHOLD)],
        help_text="Qualifying complaints in six months that meet the threshold (1 to 3).",
    )
    hate_incident_threshold = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Hate-related complaints that meet the threshold on their own. Blank: none.",
    )

    # Timescales in working days (product defaults from DOMAIN.md §3)
    acknowledge_days = models.PositiveSmallIntegerField(default=5)
    threshold_decision_days = models.PositiveSmallIntegerField(default=10)
    information_return_days = models.PositiveSmallIntegerField(default=10)
    review_meeting_days = models.PositiveSmallIntegerField(default=20)
    outcome_days = models.PositiveSmallIntegerField(
        default=10, help_text="Working days from the review meeting to the outcome letter."
    )
    consultation_days = models.PositiveSmallIntegerField(
        default=5,
        help_text="Working days the victim has to comment on the draft action plan; must end "
        "before the outcome is due.",
    )
    appeal_window_days = models.PositiveSmallIntegerField(default=20)
    appeal_decision_days = models.PositiveSmallIntegerField(default=20)
    retention_years = models.PositiveSmallIntegerField(default=6)
    # The bodies' own incident records (issue #20) are kept for a shorter, set time: long
    # enough to see a pattern across the six months the law looks back, then deleted.
    incident_retention_months = models.PositiveSmallIntegerField(
        default=13,
        validators=[MinValueValidator(7), MaxValueValidator(120)],
        help_text="Months the relevant bodies' incident records are kept, from the date "
        "reported, before they are deleted (at least 7: the law looks back six months).",
    )
    api_token_days = models.PositiveSmallIntegerField(
        "API token lifetime (days)",
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text="How long an API token made by this area's staff lasts. Someone who works "
        "in several areas gets the shortest.",
    )

    # Publication (s104(10)): councils and PCCs mostly report by financial year; some areas
    # publish by calendar year (DOMAIN.md §5.11). Figures pages and publications follow it.
    class PublicationYear(models.TextChoices):
        FINANCIAL = "financial", "Financial year (1 April to 31 March)"
        CALENDAR = "calendar", "Calendar year (1 January to 31 December)"

    publication_year = models.CharField(
        "publish figures by",
        max_length=9,
        choices=PublicationYear.choices,
        default=PublicationYear.FINANCIAL,
    )

    # Wales (DOMAIN.md §5.12): the health body is a Local Health Board, not an ICB, and the
    # area's public pages, forms, messages and letters are available in Welsh.
    class Nation(models.TextChoices):
        ENGLAND = "england", "England"
        WALES = "wales", "Wales"

    nation = models.CharField(max_length=7, choices=Nation.choices, default=Nation.ENGLAND)

    class WelshLetters(models.TextChoices):
        WELSH = "welsh", "In Welsh"
        BILINGUAL = "bilingual", "Bilingual: Welsh and English side by side"

    welsh_letters = models.CharField(
        "letters to Welsh speakers",
        max_length=9,
        choices=WelshLetters.choices,
        default=WelshLetters.WELSH,
        help_text="Only for areas in Wales.",
    )

    # Who hears the area's appeals (DOMAIN.md §5.7): Sch 4 para 3 names no body, so the area
    # chooses. A PCC review of a "threshold not met" decision always goes to the PCC's office.
    class AppealBody(models.TextChoices):
        PCC_OFFICE = "pcc_office", "The Police and Crime Commissioner's office"
        INDEPENDENT_PANEL = "independent_panel", "An independent appeal panel or chair"

    appeal_body = models.CharField(
        "who hears appeals",
        max_length=20,
        choices=AppealBody.choices,
        default=AppealBody.PCC_OFFICE,
        help_text="An independent panel's members sign in with the role 'Independent appeal "
        "panel member' for this area.",
    )
    appeal_panel_name = models.CharField(
        "name of the independent appeal panel or chair",
        max_length=120,
        blank=True,
        default="",
        help_text="Shown in letters and emails. Blank: 'the independent appeal panel'.",
    )

    # The single point of contact the statute asks every procedure to name
    spoc_name = models.CharField("single point of contact", max_length=120, blank=True)
    spoc_email = models.EmailField("contact email", blank=True)
    spoc_phone = models.CharField("contact phone", max_length=40, blank=True)
    # Where Royal Mail returns a letter it cannot deliver: printed above the addressee in a
    # windowed envelope's window (DOMAIN.md §5.8). Lines, the postcode last.
    return_address = models.TextField(
        "postal return address",
        blank=True,
        help_text="Where undelivered letters go back to, each line on its own line, the "
        "postcode last. Printed in the envelope window above the addressee.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(complaint_threshold__gte=1)
                & Q(complaint_threshold__lte=STATUTORY_COMPLAINT_THRESHOLD),
                name="area_threshold_lawful",
            ),
            models.CheckConstraint(
                condition=Q(hate_incident_threshold__isnull=True)
                | Q(hate_incident_threshold__gte=1),
                name="area_hate_threshold_positive",
            ),
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": 1 for name in TIMESCALES}),
                name="area_timescales_not_zero",
            ),
            models.CheckConstraint(
                condition=Q(consultation_days__lt=F("outcome_days")),
                name="area_consultation_before_outcome",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def in_wales(self) -> bool:
        return self.nation == self.Nation.WALES

    @property
    def health_body(self) -> str:
        """The area's health body as a sentence names it (DOMAIN.md §1): an integrated care
        board in England, a Local Health Board in Wales. In the page's language."""
        if self.in_wales:
            return gettext("the Local Health Board")
        return gettext("the integrated care board (ICB)")

    @property
    def return_address_line(self) -> str:
        """The return address on one line, as the envelope window prints it."""
        return ", ".join(line.strip() for line in self.return_address.splitlines() if line.strip())

    def clean(self):
        """Refuse a policy that makes a stage impossible (DOMAIN.md §5.10)."""
        super().clean()
        errors = {
            name: "Enter a number of working days of 1 or more"
            for name in TIMESCALES
            if getattr(self, name) is not None and getattr(self, name) < 1
        }
        consultation, outcome = self.consultation_days, self.outcome_days
        # The victim's comments must be in before the letter is due, not on the same day.
        coherent = not (consultation and outcome) or consultation < outcome
        if "consultation_days" not in errors and not coherent:
            errors["consultation_days"] = (
                "The victim's consultation must end before the outcome is due: make it "
                f"shorter than the outcome timescale ({outcome} working days)"
            )
        if errors:
            raise ValidationError(errors)


class Agency(models.Model):
    """An organisation that takes part in case reviews."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        HEALTH = "health", "Health body"
        HOUSING = "housing", "Housing provider"
        FIRE = "fire", "Fire and rescue service"
        PCC_OFFICE = "pcc_office", "Police and Crime Commissioner's office"
        OTHER = "other", "Other"

    name = models.CharField(max_length=160, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    force_area = models.ForeignKey(
        ForceArea,
        on_delete=models.PROTECT,
        related_name="agencies",
        help_text="The force area the agency works in.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            # One PCC office per force area: appeals route to it without ambiguity.
            models.UniqueConstraint(
                fields=["force_area"], condition=Q(kind="pcc_office"), name="one_pcc_per_force"
            ),
        ]

    def __str__(self):
        return self.name


class AreaMembership(models.Model):
    """An agency's part in one area's case reviews, with the contact who receives requests."""

    class Role(models.TextChoices):
        RELEVANT_BODY = "relevant_body", "Relevant body"
        CO_OPTED_HOUSING = "co_opted_housing", "Co-opted housing provider"
        PARTNER = "partner", "Other partner"

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    contact_name = models.CharField(max_length=120)
    contact_email = models.EmailField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["area", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "agency"], name="one_membership_per_area"),
        ]

    def __str__(self):
        return f"{self.agency} in {self.area} ({self.get_role_display()})"


from agencies.models.enrolment import EnrolmentLink  # noqa: E402
from agencies.models.notify import NotifySettings, NotifySettingsChange  # noqa: E402
from agencies.models.staff import ApiToken, RoleAssignment, User, UserManager  # noqa: E402

__all__ = [
    "STATUTORY_COMPLAINT_THRESHOLD",
    "TIMESCALES",
    "Agency",
    "ApiToken",
    "Area",
    "AreaMembership",
    "EnrolmentLink",
    "ForceArea",
    "NotifySettings",
    "NotifySettingsChange",
    "RoleAssignment",
    "User",
    "UserManager",
]
