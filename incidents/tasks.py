"""Celery tasks of the incident records: thin, idempotent, calling services.

Named explicitly: the beat schedule in config/settings.py refers to these names.
"""

from celery import shared_task

from . import services


@shared_task(name="incidents.tasks.delete_expired_records")
def delete_expired_records() -> int:
    """Nightly: delete the bodies' incident records past their area's retention period."""
    return services.delete_expired_records()
