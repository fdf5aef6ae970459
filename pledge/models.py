"""The ASB Help PLEDGE: a versioned questionnaire, self-assessments, improvement plans, signatures.

The questionnaire is data (DOMAIN.md §5): a published version is never changed; platform admins
copy it into a new draft, edit the draft and publish it. Every assessment keeps pointing at the
version it was started on, so an old assessment still reads exactly as it was answered.

The organisation that assesses itself is either a council's *area* (its area admins assess) or a
partner *agency* (its staff assess). Each tenant-owned row carries exactly one of the two.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agencies.models import Agency, Area


class QuestionnaireVersion(models.Model):
    """One edition of the questionnaire. Published editions are frozen."""

    number = models.PositiveIntegerField(unique=True)
    notes = models.TextField(blank=True, help_text="What changed from the previous version.")
    published_at = models.DateTimeField(null=True, blank=True)
    is_current = models.BooleanField(default=False)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_version"
            ),
            models.CheckConstraint(
                condition=Q(is_current=False) | Q(published_at__isnull=False),
                name="current_version_is_published",
            ),
        ]

    def __str__(self):
        state = "current" if self.is_current else ("published" if self.published_at else "draft")
        return f"Questionnaire version {self.number} ({state})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Section(models.Model):
    """One of the six commitments: Promote, Legality, Ensure, Develop, Generate, Establish."""

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField()
    letter = models.CharField(max_length=1, help_text="Its letter in P-L-E-D-G-E.")
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="one_section_per_place"),
        ]

    def __str__(self):
        return f"{self.letter}: {self.title}"


class Question(models.Model):
    class Kind(models.TextChoices):
        LEGAL = "legal", _("Legal compliance")
        GOOD_PRACTICE = "good_practice", _("Good practice")

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="questions"
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=40, help_text="Stable across versions, e.g. 'threshold'.")
    text = models.CharField(max_length=300)
    help = models.TextField(blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    weight = models.PositiveSmallIntegerField(default=1)
    evidence_key = models.SlugField(
        max_length=40, blank=True, help_text="A provider in pledge/evidence.py that pre-fills it."
    )
    suggested_action = models.TextField(
        help_text="The improvement to plan when the answer is 'no' or 'partly'."
    )

    class Meta:
        ordering = ["section__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="question_code_per_version"),
            models.CheckConstraint(condition=Q(weight__gte=1), name="question_weight_positive"),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.section_id and self.version_id and self.section.version_id != self.version_id:
            raise ValidationError({"section": "Choose a section of the same version."})


class OrganisationOwned(models.Model):
    """A row owned by one organisation: an area (councils) or an agency (partners)."""

    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def organisation(self):
        return self.area or self.agency


def one_organisation(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=(Q(area__isnull=False) & Q(agency__isnull=True))
        | (Q(area__isnull=True) & Q(agency__isnull=False)),
        name=name,
    )


class Assessment(OrganisationOwned):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            one_organisation("assessment_has_one_organisation"),
            # One draft at a time: a second would split the organisation's answers.
            models.UniqueConstraint(
                fields=["area"],
                condition=Q(status="draft", area__isnull=False),
                name="one_draft_per_area",
            ),
            models.UniqueConstraint(
                fields=["agency"],
                condition=Q(status="draft", agency__isnull=False),
                name="one_draft_per_agency",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="submitted_assessment_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: assessment of {self.started_at:%d %B %Y}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Answer(models.Model):
    class Value(models.TextChoices):
        # An answer to the questionnaire's questions (Welsh answers follow the question's verb:
        # the context keeps these apart from the public pages' "Yes" and "No").
        YES = "yes", pgettext_lazy("PLEDGE answer", "Yes")
        PARTLY = "partly", pgettext_lazy("PLEDGE answer", "Partly")
        NO = "no", pgettext_lazy("PLEDGE answer", "No")
        NOT_APPLICABLE = "n/a", pgettext_lazy("PLEDGE answer", "Not applicable")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(max_length=10, choices=Value.choices, blank=True)
    note = models.TextField("evidence", blank=True)
    # What the portal's own data suggested when the assessment started, and the figure behind it.
    prefilled_value = models.CharField(max_length=10, choices=Value.choices, blank=True)
    prefilled_from = models.CharField(max_length=300, blank=True)
    override_note = models.TextField(
        blank=True, help_text="Why the answer differs from what the portal's figures suggest."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["question__section__position", "question__position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="one_answer_each"),
        ]

    def __str__(self):
        return f"{self.question.code}: {self.value or 'unanswered'}"


class ImprovementItem(models.Model):
    """One gap ('no' or 'partly') turned into an action, with an owner and a target date."""

    class Status(models.TextChoices):
        OPEN = "open", _("To do")
        DONE = "done", _("Done")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="improvements"
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    action = models.TextField()
    owner = models.CharField(max_length=120, blank=True)
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["question__section__position", "question__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question"], name="one_improvement_per_gap"
            ),
        ]

    def __str__(self):
        return self.action


class Signature(OrganisationOwned):
    """An organisation's signature of the pledge, backed by a submitted assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="+")
    signatory_name = models.CharField("name", max_length=120)
    job_title = models.CharField(max_length=120)
    # Where the public reads the organisation's published procedure (s104(2)(b)); the register
    # links it. Required when signing; signatures made before it was asked for have none.
    procedure_url = models.URLField("published procedure", max_length=500, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_at"]
        constraints = [
            one_organisation("signature_has_one_organisation"),
            models.UniqueConstraint(
                fields=["area"], condition=Q(area__isnull=False), name="area_signs_once"
            ),
            models.UniqueConstraint(
                fields=["agency"], condition=Q(agency__isnull=False), name="agency_signs_once"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} signed {self.signed_at:%d %B %Y}"
