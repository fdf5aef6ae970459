"""Every change to a PLEDGE assessment, plan or signature: one function per use case.

Each runs in one transaction; the models keep their history (django-simple-history), so who
changed what and when is recorded with every write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import evidence, scoring
from .models import Answer, Assessment, ImprovementItem, Question, Signature
from .questionnaire import current_version
from .selectors import Organisation


class AssessmentRefused(ValueError):
    """The assessment cannot change as asked; `errors` maps question codes to messages."""

    def __init__(self, message: str, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.errors = errors or {}


@transaction.atomic
def start_assessment(organisation: Organisation, *, by, today: date | None = None) -> Assessment:
    """A new draft on the current version, pre-filled where the portal knows the answer."""
    # Lock the organisation's row so that two clicks cannot both start a draft.
    target = organisation.target
    type(target).objects.select_for_update().filter(pk=target.pk).first()
    draft = organisation.assessments().filter(status=Assessment.Status.DRAFT).first()
    if draft is not None:
        raise AssessmentRefused(gettext("There is already a draft assessment: finish it first."))
    version = current_version()
    assessment = Assessment.objects.create(
        **organisation.owner, version=version, started_by=by, started_at=timezone.now()
    )
    today = today or timezone.localdate()
    answers = []
    for question in version.questions.order_by("pk"):
        suggestion = evidence.suggest(question.evidence_key, organisation.area, today)
        answers.append(
            Answer(
                assessment=assessment,
                question=question,
                value=suggestion.answer if suggestion else "",
                prefilled_value=suggestion.answer if suggestion else "",
                prefilled_from=suggestion.figure if suggestion else "",
            )
        )
    Answer.objects.bulk_create(answers)
    return assessment


@dataclass(frozen=True)
class AnswerData:
    value: str
    note: str = ""
    override_note: str = ""


def override_missing(answer: Answer, data: AnswerData) -> bool:
    """An answer that departs from the portal's figures must say why."""
    departs = bool(answer.prefilled_value and data.value and data.value != answer.prefilled_value)
    return departs and not data.override_note.strip()


OVERRIDE_MESSAGE = _("Say why your answer differs from what the portal's figures suggest")


@transaction.atomic
def save_answers(assessment: Assessment, answers: dict[str, AnswerData], *, by) -> Assessment:
    """Record a draft's answers (keyed by question code); nothing is saved if any is refused."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not assessment.is_draft:
        raise AssessmentRefused(
            gettext("This assessment has been submitted and can no longer change.")
        )
    rows = {a.question.code: a for a in assessment.answers.select_related("question")}
    errors = {
        code: OVERRIDE_MESSAGE
        for code, data in answers.items()
        if code in rows and override_missing(rows[code], data)
    }
    unknown = [c for c, d in answers.items() if d.value and d.value not in Answer.Value.values]
    errors.update(dict.fromkeys(unknown, gettext("Choose an answer from the list")))
    if errors:
        raise AssessmentRefused(gettext("Some answers need attention."), errors)
    changed = []
    for code, data in answers.items():
        if code in rows:
            row = rows[code]
            row.value, row.note, row.override_note = data.value, data.note, data.override_note
            changed.append(row)
    for row in changed:
        row.save(update_fields=["value", "note", "override_note"])
    return assessment


@transaction.atomic
def submit_assessment(assessment: Assessment, *, by) -> Assessment:
    """Submit a complete draft, and turn every 'no' or 'partly' into an improvement item."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not assessment.is_draft:
        raise AssessmentRefused(gettext("This assessment has already been submitted."))
    answers = list(assessment.answers.select_related("question"))
    errors = {a.question.code: gettext("Answer this question") for a in answers if not a.value}
    if errors:
        raise AssessmentRefused(gettext("Answer every question before you submit."), errors)
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_by = by
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["status", "submitted_by", "submitted_at"])
    ImprovementItem.objects.bulk_create(plan_items(assessment, answers))
    return assessment


def plan_items(assessment: Assessment, answers: list[Answer]) -> list[ImprovementItem]:
    """The improvement plan: one item per gap, with the question's suggested action."""
    return [
        ImprovementItem(
            assessment=assessment, question=a.question, action=a.question.suggested_action
        )
        for a in answers
        if scoring.is_gap(a.value)
    ]


@transaction.atomic
def update_improvement(
    item: ImprovementItem, *, owner: str, target_date: date | None, done: bool, by
) -> ImprovementItem:
    """The organisation sets who owns an improvement and by when, and marks it done."""
    item = ImprovementItem.objects.select_for_update().get(pk=item.pk)
    item.owner, item.target_date = owner, target_date
    if done and item.status != ImprovementItem.Status.DONE:
        item.status, item.done_at = ImprovementItem.Status.DONE, timezone.now()
    elif not done:
        item.status, item.done_at = ImprovementItem.Status.OPEN, None
    item.save(update_fields=["owner", "target_date", "status", "done_at"])
    return item


class SigningRefused(ValueError):
    """The pledge cannot be signed yet; `unmet` lists the legal questions not answered yes."""

    def __init__(self, message: str, unmet: list[Question] | None = None):
        super().__init__(message)
        self.unmet = unmet or []


def signing_check(organisation: Organisation) -> Assessment:
    """The submitted assessment that allows signing, or SigningRefused saying why not."""
    if organisation.signature() is not None:
        raise SigningRefused(
            gettext("%(name)s has already signed the pledge.") % {"name": organisation.name}
        )
    assessment = organisation.assessments().filter(status=Assessment.Status.SUBMITTED).first()
    if assessment is None:
        raise SigningRefused(gettext("Submit a self-assessment before you sign the pledge."))
    unmet = [
        a.question
        for a in assessment.answers.select_related("question")
        if a.question.kind == Question.Kind.LEGAL and a.value != Answer.Value.YES
    ]
    if unmet:
        raise SigningRefused(
            gettext(
                "Every legal-compliance question must be answered 'yes' in your latest "
                "submitted assessment before you sign."
            ),
            unmet,
        )
    return assessment


PROCEDURE_URL_MAX = 500
PROCEDURE_URL_MESSAGE = _(
    "Enter the link to your published procedure as a full web address starting https://, "
    "like https://www.example.gov.uk/asb-case-review"
)
PROCEDURE_URL_MISSING = _("Enter the link to your published case review procedure")


def _procedure_url_too_long() -> str:
    return gettext("The link must be %(max)s characters or fewer") % {"max": PROCEDURE_URL_MAX}


# Lazy: the forms' error messages are made once, shown in each page's language.
PROCEDURE_URL_TOO_LONG = lazy(_procedure_url_too_long, str)()
_https_url = URLValidator(schemes=["https"])


def procedure_url_problem(url: str) -> str | None:
    """Why `url` cannot stand as the link to a published procedure, or None when it can.

    Only https: the register sends the public there, and a procedure is a public page.
    """
    url = url.strip()
    if not url:
        return str(PROCEDURE_URL_MISSING)
    if len(url) > PROCEDURE_URL_MAX:
        return str(PROCEDURE_URL_TOO_LONG)
    try:
        _https_url(url)
    except ValidationError:
        return str(PROCEDURE_URL_MESSAGE)
    return None


@transaction.atomic
def sign_pledge(
    organisation: Organisation, *, signatory_name: str, job_title: str, procedure_url: str, by
):
    """A named signatory signs for the organisation, on its latest submitted assessment, and
    gives the link to its published procedure for the register."""
    assessment = signing_check(organisation)
    if not signatory_name.strip() or not job_title.strip():
        raise SigningRefused(gettext("Give the name and job title of the person signing."))
    problem = procedure_url_problem(procedure_url)
    if problem:
        raise SigningRefused(problem)
    return Signature.objects.create(
        **organisation.owner,
        assessment=assessment,
        signatory_name=signatory_name.strip(),
        job_title=job_title.strip(),
        procedure_url=procedure_url.strip(),
        signed_by=by,
        signed_at=timezone.now(),
    )
