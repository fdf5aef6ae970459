"""Queue messages in the outbox. Never send inside a request: delivery.py sends.

This module never imports tasks.py (tasks import services and delivery, not the other way
round): it queues a task by its registered name.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from celery import current_app
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from agencies.log_filters import TRACKING_LINK
from agencies.site import site_url

from .models import PRIVATE_LINK_PLACEHOLDER, Attachment, Message

log = logging.getLogger(__name__)

DELIVER_TASK = "notifications.tasks.deliver_message"


@dataclass(frozen=True)
class File:
    filename: str
    mimetype: str
    content: bytes


def queue_email(
    *,
    key: str,
    to: str,
    template: str,
    context: dict,
    topic: str,
    area=None,
    reference: str = "",
    attachments: tuple[File, ...] = (),
    private_link: str = "",
) -> Message | None:
    """Write an email to the outbox; it is delivered after the surrounding transaction commits.

    `template` names `notifications/email/<template>.txt`, whose first line is the subject.
    A message whose key is already in the outbox is not queued again (returns None).

    `private_link` is a link that opens a case (the applicant's /track/<token>/): the template
    shows it as `{{ private_link }}`. The stored body holds a placeholder instead; the link is
    kept beside it only until the message is sent, and put in at delivery.
    """
    if not to or Message.objects.filter(idempotency_key=key).exists():
        return None
    context = {
        "site_url": site_url(),
        **context,
        "private_link": PRIVATE_LINK_PLACEHOLDER if private_link else "",
    }
    subject, _, body = (
        render_to_string(f"notifications/email/{template}.txt", context, using="text")
        .lstrip()
        .partition("\n")
    )
    if private_link and PRIVATE_LINK_PLACEHOLDER not in body:
        # Sending it without the link would leave the applicant unable to follow their case.
        raise ValueError(f"Template {template!r} has no place for the private link.")
    if TRACKING_LINK.search(body):
        log.warning("Message %s keeps a private link in its body; pass it as private_link.", key)
    with transaction.atomic():
        message = Message.objects.create(
            area=area,
            idempotency_key=key,
            topic=topic,
            reference=reference,
            to_address=to,
            subject=subject.strip(),
            body=body.strip() + "\n",
            private_link=private_link,
        )
        Attachment.objects.bulk_create(
            Attachment(message=message, filename=f.filename, mimetype=f.mimetype, content=f.content)
            for f in attachments
        )
        transaction.on_commit(lambda: _dispatch(message.pk))
    return message


def _dispatch(message_id: int) -> None:
    """Ask a worker to send it now. If that fails, the beat sends it when it next runs."""
    try:
        # A signature (not send_task) so that with no broker configured the task runs
        # in-process (CELERY_TASK_ALWAYS_EAGER), as development and the tests expect.
        current_app.signature(DELIVER_TASK, args=(message_id,)).delay()
    except Exception:  # broker down: the beat task picks the message up later
        log.warning("Could not queue message %s; it stays pending.", message_id, exc_info=True)


@transaction.atomic
def resend(message: Message) -> Message:
    """A member of staff asks for a failed message to be tried again: a new day of tries."""
    Message.objects.filter(pk=message.pk, status=Message.Status.FAILED).update(
        status=Message.Status.PENDING,
        attempts=0,
        first_attempt_at=None,
        next_attempt_at=timezone.now(),
        failed_at=None,
        failure_reported_at=None,
    )
    transaction.on_commit(lambda: _dispatch(message.pk))
    message.refresh_from_db()
    return message
