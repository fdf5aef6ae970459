"""The questionnaire as data: loading the shipped versions, copying a version, publishing one.

A published version is never edited: a change is a new version (copy, edit the draft, publish),
so every assessment still reads against the questions it was answered on.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps as django_apps
from django.db import transaction
from django.utils import timezone

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
# The versions the project ships, oldest first; each is installed by its own data migration.
FIXTURE = FIXTURES_DIR / "questionnaire.json"  # version 1
FIXTURE_V2 = FIXTURES_DIR / "questionnaire-v2.json"  # version 2: Legality covers every duty
FIXTURES = (FIXTURE, FIXTURE_V2)


def load_fixture(apps=django_apps, path: Path = FIXTURE):
    """Create the fixture's version, published, unless that number exists.

    It becomes the current version unless a newer one already is, so installing version 2 moves
    new assessments onto it while every existing assessment keeps the version it was started on.
    Takes the app registry so the data migration can run it with the historical models.
    """
    Version = apps.get_model("pledge", "QuestionnaireVersion")
    data = json.loads(path.read_text(encoding="utf-8"))
    existing = Version.objects.filter(number=data["number"]).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        current = Version.objects.select_for_update().filter(is_current=True).first()
        becomes_current = current is None or current.number < data["number"]
        if becomes_current and current is not None:
            Version.objects.filter(pk=current.pk).update(is_current=False)
        version = Version.objects.create(
            number=data["number"],
            notes=data.get("notes", ""),
            published_at=timezone.now(),
            is_current=becomes_current,
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


def load_fixtures(apps=django_apps):
    """Install every shipped version, oldest first; the newest becomes current."""
    for path in FIXTURES:
        load_fixture(apps, path)


def current_version():
    """The version new assessments start on (the migrations install the shipped versions; a
    test that flushed the tables gets them again here)."""
    Version = django_apps.get_model("pledge", "QuestionnaireVersion")
    current = Version.objects.filter(is_current=True).first()
    if current is None:
        load_fixtures()
        current = Version.objects.get(is_current=True)
    return current


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
