"""Celery tasks of the review stage: thin, idempotent, calling services.

Tasks are named explicitly, so that moving a module never renames them: the beat schedule
in config/settings.py refers to these names.
"""

from celery import shared_task
from django.utils import timezone

from agencies.working_days import is_working_day
from triggers.reviews import actions, recommendations


@shared_task(name="triggers.tasks.send_action_reminders")
def send_action_reminders() -> dict:
    """Beat, every morning: reminders before actions fall due, escalation once overdue."""
    if not is_working_day(timezone.localdate()):
        return {"skipped": "not a working day"}
    reminded, escalated = actions.send_action_reminders()
    return {"reminded": reminded, "escalated": escalated}


@shared_task(name="triggers.tasks.send_recommendation_reminders")
def send_recommendation_reminders() -> dict:
    """Beat, every morning: remind recipients who have not answered a recommendation after
    20 working days (once each), and tell the officer."""
    if not is_working_day(timezone.localdate()):
        return {"skipped": "not a working day"}
    return {"reminded": recommendations.send_response_reminders()}
