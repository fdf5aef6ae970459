"""Celery tasks: thin and idempotent; the work is in services."""

from celery import shared_task

from . import services


@shared_task(
    bind=True,
    max_retries=services.MAX_ATTEMPTS,
    retry_backoff=True,
    retry_backoff_max=600,
    acks_late=True,
)
def deliver_message(self, message_id: int) -> str:
    try:
        return services.deliver(message_id)
    except Exception as error:
        raise self.retry(exc=error) from error


@shared_task
def requeue_pending() -> int:
    """Beat: anything still pending after a minute (broker or worker was down) goes again."""
    ids = services.pending_ids(older_than_seconds=60)
    for message_id in ids:
        deliver_message.delay(message_id)
    return len(ids)
