"""Celery tasks of closing: thin, idempotent, calling services. Named explicitly, so that
moving a module never renames them (the beat schedule in config/settings.py uses the names)."""

from celery import shared_task

from triggers.closing import services


@shared_task(name="triggers.tasks.close_cases_due")
def close_cases_due() -> dict:
    """Beat, every morning: close the cases whose time to appeal has ended (DOMAIN.md §5.5)."""
    return services.close_cases_due()
