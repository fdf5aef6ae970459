"""The questionnaire as data: loading the first version, copying a version, publishing one.

A published version is never edited: a change is a new version (copy, edit the draft, publish),
so every assessment still reads against the questions it was answered on.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps as django_apps
from django.db import transaction
from django.utils import timezone

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "questionnaire.json"


def load_fixture(apps=django_apps, path: Path = FIXTURE):
    """Create the fixture's version, published and current, unless that number exists.

    Takes the app registry so the data migration can run it with the historical models.
    """
    Version = apps.get_model("pledge", "QuestionnaireVersion")
    data = json.loads(path.read_text(encoding="utf-8"))
    existing = Version.objects.filter(number=data["number"]).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        has_current = Version.objects.filter(is_current=True).exists()
        version = Version.objects.create(
            number=data["number"],
            notes=data.get("notes", ""),
            published_at=timezone.now(),
            is_current=not has_current,
        )
        _create_sections(apps, version, data["sections"])
    return version


def _create_sections(apps, version, sections: list[dict]) -> None:
    Section = apps.get_model("pledge", "Section")
    Question = apps.get_model("pledge", "Question")
    for s_pos, s in enumerate(sections, start=1):
        section = Section.objects.create(
            version=version,
            position=s_pos,
            letter=s["letter"],
            title=s["title"],
            description=s.get("description", ""),
        )
        Question.objects.bulk_create(
            Question(
                version=version,
                section=section,
                position=q_pos,
                code=q["code"],
                text=q["text"],
                help=q.get("help", ""),
                kind=q["kind"],
                weight=q.get("weight", 1),
                evidence_key=q.get("evidence_key", ""),
                suggested_action=q["suggested_action"],
            )
            for q_pos, q in enumerate(s["questions"], start=1)
        )


def current_version():
    """The version new assessments start on (loaded from the fixture on a fresh database)."""
    Version = django_apps.get_model("pledge", "QuestionnaireVersion")
    return Version.objects.filter(is_current=True).first() or load_fixture()


class VersionFrozen(ValueError):
    """A published version cannot be changed: copy it into a new draft instead."""


@transaction.atomic
def copy_version(source):
    """A new draft version with the same sections and questions, ready to edit."""
    from .models import QuestionnaireVersion

    last = QuestionnaireVersion.objects.order_by("-number").values_list("number", flat=True)[0]
    draft = QuestionnaireVersion.objects.create(
        number=last + 1, notes=f"Copied from version {source.number}."
    )
    for section in source.sections.prefetch_related("questions"):
        questions = list(section.questions.all())
        section.pk, section.version = None, draft
        section.save()
        for question in questions:
            question.pk, question.version, question.section = None, draft, section
        section.questions.model.objects.bulk_create(questions)
    return draft


@transaction.atomic
def publish_version(version):
    """Freeze a draft and make it the version new assessments start on."""
    from .models import QuestionnaireVersion

    version = QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        raise VersionFrozen(f"Version {version.number} is already published.")
    if not version.questions.exists():
        raise VersionFrozen(f"Version {version.number} has no questions to publish.")
    QuestionnaireVersion.objects.filter(is_current=True).update(is_current=False)
    version.published_at = timezone.now()
    version.is_current = True
    version.save(update_fields=["published_at", "is_current"])
    return version
