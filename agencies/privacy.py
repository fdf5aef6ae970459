"""Retention and subject access, across every app that holds personal data.

Each installed app may have a `privacy` module with two hooks:

- `anonymise_case(case) -> None`: remove the personal data the app holds about the case,
  keeping what statutory publication needs (dates, statuses, outcomes, counts);
- `subject_access(case) -> dict`: everything the app holds about the applicant, as plain
  JSON-serialisable values, in the active language (the runner sets it: see
  `export_subject_access`); its keys are labels in English, which the runner says.

They are found like the `demo` modules (`load_demo`), in INSTALLED_APPS order, so this module
imports none of the apps above it. The audit app's hook writes the audit row. (The runners
here have other names, so that this module is not one of its own hooks.)
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import pgettext

from . import language as languages
from .models import Area

# Only cases that are over are ever anonymised; an open case keeps everything.
FINISHED_STATUSES = ("closed", "withdrawn")
# The catalogue's context for the export's labels (the hooks' keys): short words such as
# "how" or "for" read differently elsewhere.
LABELS = "subject access"


def hooks(name: str):
    """(app label, function) for every installed app whose privacy module defines `name`."""
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.privacy"
        if find_spec(module_name) is None:
            continue
        hook = getattr(import_module(module_name), name, None)
        if hook is not None:
            yield app_config.label, hook


def expired_cases(now=None):
    """Finished cases whose area's retention period has run out and that still hold data."""
    now = now or timezone.now()
    case_model = apps.get_model("triggers", "Case")
    for area in Area.objects.all():
        cutoff = now - relativedelta(years=area.retention_years)
        yield from case_model.objects.filter(
            area=area,
            status__in=FINISHED_STATUSES,
            closed_at__lt=cutoff,
            anonymised_at__isnull=True,
        ).select_related("area")


@transaction.atomic
def remove_personal_data(case) -> None:
    """Remove the case's personal data everywhere, in one transaction."""
    for _, hook in hooks("anonymise_case"):
        hook(case)


def anonymise_expired_cases(now=None) -> int:
    """The retention job (Celery beat, nightly). Returns how many cases it anonymised."""
    count = 0
    for case in expired_cases(now):
        remove_personal_data(case)
        count += 1
    return count


def export_subject_access(case, language: str = languages.ENGLISH) -> dict:
    """Everything held about the case's applicant, by app, in `language`.

    The export is handed to the person it is about, so it is in the language they chose
    (DOMAIN.md §5.12), never in that of the member of staff who downloads it: the caller
    passes the person's recorded language (triggers.recipients), and the hooks run with it
    active, so the history, statuses and other stored wording are said in it (a history entry
    kept before its words were, or someone's own words, as written). The labels the hooks
    give in English (their keys) are said here; in English the export is as it was.
    """
    sections = {}
    with translation.override(languages.ACTIVATE[language]):
        for label, hook in hooks("subject_access"):
            held = hook(case)
            if held:
                sections[label] = _labelled(held)
    return sections


def _labelled(value):
    """`value` with every key of its dictionaries said in the active language."""
    if isinstance(value, dict):
        return {pgettext(LABELS, key): _labelled(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_labelled(item) for item in value]
    return value
