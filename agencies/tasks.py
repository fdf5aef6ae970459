from celery import shared_task

from . import privacy


@shared_task
def anonymise_expired_cases() -> int:
    """Nightly: remove personal data from finished cases past their area's retention."""
    return privacy.anonymise_expired_cases()
