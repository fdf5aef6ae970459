"""Reads of the PLEDGE, always starting from `agencies.access` (another's object is a 404)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from agencies import access
from agencies.models import Agency, Area

from . import scoring
from .models import Assessment, Signature

AREA, AGENCY = "area", "agency"


@dataclass(frozen=True)
class Organisation:
    """Who takes the pledge: a council's area, or a partner agency."""

    area: Area | None = None
    agency: Agency | None = None

    @property
    def kind(self) -> str:
        return AREA if self.area else AGENCY

    @property
    def target(self):
        return self.area or self.agency

    @property
    def slug(self) -> str:
        return self.target.slug

    @property
    def name(self) -> str:
        if self.area:
            return gettext("%(area)s (council area)") % {"area": self.area.name}
        return self.agency.name

    @property
    def owner(self) -> dict:
        """The owning columns of its rows: exactly one of area and agency."""
        return {"area": self.area, "agency": self.agency}

    def assessments(self):
        return Assessment.objects.filter(**self.owner)

    def signature(self) -> Signature | None:
        return Signature.objects.filter(**self.owner).first()


def organisation_of(row) -> Organisation:
    return Organisation(area=row.area, agency=row.agency)


def organisations_for(user, *, read: bool = False) -> list[Organisation]:
    areas = access.pledge_areas_for(user, read=read).order_by("name")
    agencies = access.pledge_agencies_for(user, read=read).order_by("name")
    return [Organisation(area=a) for a in areas] + [Organisation(agency=a) for a in agencies]


def organisation_for(user, kind: str, slug: str, *, read: bool = False) -> Organisation:
    """The organisation at (kind, slug) if the user may read (or assess) it; 404 otherwise."""
    if kind == AREA:
        queryset = access.pledge_areas_for(user, read=read)
        return Organisation(area=get_object_or_404(queryset, slug=slug))
    if kind == AGENCY:
        queryset = access.pledge_agencies_for(user, read=read)
        return Organisation(agency=get_object_or_404(queryset, slug=slug))
    raise Http404


def assessment_for(user, assessment_id: int, *, read: bool = True) -> Assessment:
    queryset = access.assessments_for(user, read=read).select_related(
        "area", "agency", "version", "started_by", "submitted_by"
    )
    return get_object_or_404(queryset, pk=assessment_id)


@dataclass(frozen=True)
class CommitmentResult:
    section: object
    score: scoring.Score
    rating: str | None
    answers: list


def scored_answers(answers) -> list[scoring.ScoredAnswer]:
    """Answers as the pure scoring module takes them (their question and section fetched)."""
    return [
        scoring.ScoredAnswer(
            commitment=a.question.section.position,
            weight=a.question.weight,
            value=a.value,
            legal=a.question.kind == a.question.Kind.LEGAL,
        )
        for a in answers
    ]


def results(assessment: Assessment) -> tuple[list[CommitmentResult], scoring.Result]:
    """Scores per commitment and overall, against the assessment's own questionnaire version."""
    answers = list(assessment.answers.select_related("question__section"))
    sections = list(assessment.version.sections.all())
    result = scoring.assess(scored_answers(answers), [s.position for s in sections])
    per_section = [
        CommitmentResult(
            section=s,
            score=result.commitments[s.position],
            rating=scoring.rating(result.commitments[s.position].share),
            answers=[a for a in answers if a.question.section_id == s.pk],
        )
        for s in sections
    ]
    return per_section, result


def history(organisation: Organisation) -> list[tuple[Assessment, int | None]]:
    """Each submitted assessment, oldest first, with its overall score in percent."""
    submitted = (
        organisation.assessments()
        .filter(status=Assessment.Status.SUBMITTED)
        .select_related("version")
        .prefetch_related("answers__question__section")
        .order_by("submitted_at")
    )
    points = []
    for assessment in submitted:
        overall = scoring.score(scored_answers(assessment.answers.all()))
        points.append((assessment, overall.percent))
    return points


def register():
    """The public register: every organisation that has signed, newest first."""
    return Signature.objects.select_related("area", "agency").order_by("-signed_at")
