"""Celery tasks of the case workflow: thin, idempotent, calling services."""

from celery import shared_task

from agencies.working_days import is_working_day
from triggers import services


@shared_task
def send_information_reminders() -> dict:
    """Beat, every morning: reminders before requests fall due, escalation once overdue."""
    from django.utils import timezone

    if not is_working_day(timezone.localdate()):
        return {"skipped": "not a working day"}
    reminded, escalated = services.send_information_reminders()
    return {"reminded": reminded, "escalated": escalated}


@shared_task
def send_action_reminders() -> dict:
    """Beat, every morning: reminders before actions fall due, escalation once overdue."""
    from django.utils import timezone

    from triggers import reviews

    if not is_working_day(timezone.localdate()):
        return {"skipped": "not a working day"}
    reminded, escalated = reviews.send_action_reminders()
    return {"reminded": reminded, "escalated": escalated}
