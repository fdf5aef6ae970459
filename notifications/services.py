"""Queue messages in the outbox, and deliver them. Never send inside a request."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Attachment, Message

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6


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
) -> Message | None:
    """Write an email to the outbox; it is delivered after the surrounding transaction commits.

    `template` names `notifications/email/<template>.txt`, whose first line is the subject.
    A message whose key is already in the outbox is not queued again (returns None).
    """
    if not to or Message.objects.filter(idempotency_key=key).exists():
        return None
    context = {"site_url": settings.SITE_URL, **context}
    subject, _, body = (
        render_to_string(f"notifications/email/{template}.txt", context).lstrip().partition("\n")
    )
    message = Message.objects.create(
        area=area,
        idempotency_key=key,
        topic=topic,
        reference=reference,
        to_address=to,
        subject=subject.strip(),
        body=body.strip() + "\n",
    )
    Attachment.objects.bulk_create(
        Attachment(message=message, filename=f.filename, mimetype=f.mimetype, content=f.content)
        for f in attachments
    )
    transaction.on_commit(lambda: _dispatch(message.pk))
    return message


def _dispatch(message_id: int) -> None:
    from .tasks import deliver_message

    try:
        deliver_message.delay(message_id)
    except Exception:  # broker down: the beat task picks the message up later
        log.warning("Could not queue message %s; it stays pending.", message_id)


def deliver(message_id: int) -> str:
    """Send one pending message, once. Returns its status afterwards.

    The row is locked while it is sent, so two workers given the same message cannot both
    send it; a message already sent is left alone. A failure is recorded (committed) and then
    raised, so the task retries with backoff.
    """
    failure = None
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=Message.Status.PENDING)
            .first()
        )
        if message is None:
            return "skipped"
        message.attempts += 1
        try:
            _send(message)
        except Exception as error:
            failure = error
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = Message.Status.FAILED
        else:
            message.status = Message.Status.SENT
            message.sent_at = timezone.now()
            message.last_error = ""
        message.save(update_fields=["attempts", "last_error", "status", "sent_at"])
    if failure is not None:
        raise DeliveryFailed(message.last_error) from failure
    return message.status


class DeliveryFailed(Exception):
    """A message could not be sent this time; it stays pending until its attempts run out."""


def _send(message: Message) -> None:
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        to=[message.to_address],
        headers={"X-Idempotency-Key": message.idempotency_key},
    )
    for attachment in message.attachments.all():
        email.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    email.send(fail_silently=False)


def pending_ids(older_than_seconds: int = 60) -> list[int]:
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    return list(
        Message.objects.filter(status=Message.Status.PENDING, created_at__lt=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:500]
    )


@transaction.atomic
def resend(message: Message) -> Message:
    """A member of staff asks for a failed message to be tried again."""
    Message.objects.filter(pk=message.pk, status=Message.Status.FAILED).update(
        status=Message.Status.PENDING, attempts=0
    )
    transaction.on_commit(lambda: _dispatch(message.pk))
    message.refresh_from_db()
    return message
