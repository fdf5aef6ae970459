"""Celery tasks of the information stage: thin, idempotent, calling services.

Tasks are named explicitly, so that moving a module never renames them: the beat schedule
in config/settings.py refers to these names.
"""

from celery import shared_task
from django.utils import timezone

from agencies.working_days import is_working_day
from triggers.information import services


@shared_task(name="triggers.tasks.send_information_reminders")
def send_information_reminders() -> dict:
    """Beat, every morning: reminders before requests fall due, escalation once overdue."""
    if not is_working_day(timezone.localdate()):
        return {"skipped": "not a working day"}
    reminded, escalated = services.send_information_reminders()
    return {"reminded": reminded, "escalated": escalated}
