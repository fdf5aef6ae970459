"""Celery tasks: thin and idempotent; the work is in delivery and digest.

Every task is named explicitly: the beat schedule (config/settings.py) and services.py refer
to them by name, so moving a function must not silently break either.
"""

from celery import shared_task

from . import delivery, digest

# Beat runs `requeue_pending` every minute; more batches than this in parallel would only
# queue behind each other on a small worker pool.
MAX_PARALLEL_BATCHES = 4


@shared_task(name="notifications.tasks.deliver_message", acks_late=True)
def deliver_message(message_id: int) -> str:
    """Send one message after its transaction commits. Not a retry loop: if the try fails,
    the message's next_attempt_at says when the beat tries again."""
    return delivery.deliver(message_id)


@shared_task(name="notifications.tasks.deliver_due", acks_late=True)
def deliver_due() -> int:
    return delivery.deliver_due()


@shared_task(name="notifications.tasks.requeue_pending")
def requeue_pending() -> int:
    """Beat, every minute: send whatever is due (first tries whose dispatch was lost while the
    broker or a worker was down, and retries whose backoff has passed). A message that is not
    yet due is left alone, so this never spends an attempt. Returns the batches queued."""
    due = delivery.due_count()
    batches = min(-(-due // delivery.BATCH_SIZE), MAX_PARALLEL_BATCHES)
    for _ in range(batches):
        deliver_due.delay()
    return batches


@shared_task(name="notifications.tasks.send_failure_digests")
def send_failure_digests() -> int:
    """Beat, once a day: tell area admins which messages could not be sent."""
    return digest.send_failure_digests()
