"""Celery tasks of the threshold stage: thin, idempotent, calling services.

Named explicitly, so that moving a module never renames them: the beat schedule in
config/settings.py refers to these names.
"""

from celery import shared_task
from django.utils import timezone

from agencies.working_days import is_working_day
from triggers.threshold import checks


@shared_task(name="triggers.tasks.send_threshold_check_reminders")
def send_threshold_check_reminders() -> dict:
    """Beat, every morning: remind the bodies before their threshold check falls due, and
    escalate overdue checks to the officer and area admins. Decided cases are skipped."""
    if not is_working_day(timezone.localdate()):
        return {"skipped": "not a working day"}
    reminded, escalated = checks.send_check_reminders()
    return {"reminded": reminded, "escalated": escalated}
