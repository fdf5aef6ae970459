"""Celery tasks of the figures: thin, idempotent, calling services.

Named explicitly, so that moving the module never renames them: the beat schedule in
config/settings.py refers to these names.
"""

from celery import shared_task

from . import services


@shared_task(name="figures.tasks.remind_publication_due")
def remind_publication_due() -> dict:
    """Beat, every day (not only working days, so no due date slips past): remind area admins a
    month before their yearly publication falls due."""
    return {"queued": services.send_publication_reminders()}
