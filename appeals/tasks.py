"""Celery tasks of appeals: thin, idempotent, calling services."""

from celery import shared_task
from django.utils import timezone

from agencies.working_days import is_working_day

from . import reminders


@shared_task
def send_appeal_reminders() -> dict:
    """Beat, every morning: remind the PCC's office before an appeal's decision is due, and
    escalate once it is overdue."""
    if not is_working_day(timezone.localdate()):
        return {"skipped": "not a working day"}
    reminded, escalated = reminders.send_appeal_reminders()
    return {"reminded": reminded, "escalated": escalated}
