"""Celery tasks of possible case reviews: thin, idempotent, calling services.

After each import of a body's records (incidents.signals.records_imported), once it commits:
link the area's records afresh, then run the engine on every linked person.
"""

from celery import shared_task
from django.db import transaction

from agencies.models import Area
from incidents import services as incidents
from triggers.proactive import services


@shared_task(name="triggers.tasks.find_possible_reviews")
def find_possible_reviews(area_id: int) -> int:
    area = Area.objects.get(pk=area_id)
    incidents.relink_area(area)
    return services.refresh_possible_reviews(area)


def after_import(sender, area, **kwargs) -> None:
    """Receiver of records_imported: linking waits for the import to commit, and runs in a
    worker (a large area takes minutes), never in the request."""
    transaction.on_commit(lambda: find_possible_reviews.delay(area.pk))
