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
from django.utils import timezone, translation

from agencies import language as languages
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
    language: str = "",
) -> Message | None:
    """Write an email to the outbox; it is delivered after the surrounding transaction commits.

    `template` names `notifications/email/<template>.txt`, whose first line is the subject.
    A message whose key is already in the outbox is not queued again (returns None).

    `private_link` is a link that opens a case (the applicant's /track/<token>/): the template
    shows it as `{{ private_link }}`. The stored body holds a placeholder instead; the link is
    kept beside it only until the message is sent, and put in at delivery.

    `language` ("en" or "cy") is the recipient's (`triggers.recipients`): subject and body are
    written in it, whatever language the page that queued the message is in. Messages to staff
    pass none and keep the active language.
    """
    if not to or Message.objects.filter(idempotency_key=key).exists():
        return None
    context = {
        "site_url": site_url(),
        **context,
        "private_link": PRIVATE_LINK_PLACEHOLDER if private_link else "",
    }
    with _written_in(language):
        rendered = render_to_string(f"notifications/email/{template}.txt", context, using="text")
    subject, _, body = rendered.lstrip().partition("\n")
    if private_link and PRIVATE_LINK_PLACEHOLDER not in body:
        # Sending it without the link would leave the applicant unable to follow their case.
        raise ValueError(f"Template {template!r} has no place for the private link.")
    if TRACKING_LINK.search(body):
        log.warning("Message %s keeps a private link in its body; pass it as private_link.", key)
    return _store(
        Message.Channel.EMAIL,
        area=area,
        idempotency_key=key,
        topic=topic,
        reference=reference,
        to_address=to,
        subject=subject.strip(),
        body=body.strip() + "\n",
        private_link=private_link,
        attachments=attachments,
    )


def queue_text(
    *,
    key: str,
    to: str,
    template: str,
    context: dict,
    topic: str,
    area,
    reference: str = "",
    language: str = "",
) -> Message | None:
    """Write a text message to the outbox, for an area that sends texts through GOV.UK Notify.

    `template` names `notifications/text/<template>.txt`. A text is short and carries no
    personal details: no name, no address, no private link (a phone is often shared or seen
    on a lock screen), only the case reference and where to look. Returns None when the area
    does not send texts, when there is no number, or when the key is already in the outbox.
    """
    if not to or not texts_available(area) or Message.objects.filter(idempotency_key=key).exists():
        return None
    with _written_in(language):
        body = render_to_string(f"notifications/text/{template}.txt", context, using="text")
    body = body.strip()
    if TRACKING_LINK.search(body):
        raise ValueError(f"Text {template!r} holds a private link; texts must not.")
    return _store(
        Message.Channel.TEXT,
        area=area,
        idempotency_key=key,
        topic=topic,
        reference=reference,
        to_address=to,
        subject="",
        body=body + "\n",
    )


def _written_in(language: str):
    """The recipient's language while their message is rendered (British English for "en")."""
    if language not in languages.LANGUAGES:
        return translation.override(translation.get_language())
    return translation.override(languages.ACTIVATE[language])


def queue_letter(
    *, key: str, letter: File, topic: str, area, reference: str = ""
) -> Message | None:
    """Post a precompiled letter (a PDF with the address in place) through GOV.UK Notify.

    Returns None when the area does not post letters through Notify (staff print and post
    them) or when the key is already in the outbox.
    """
    if not letters_by_notify(area) or Message.objects.filter(idempotency_key=key).exists():
        return None
    return _store(
        Message.Channel.LETTER,
        area=area,
        idempotency_key=key,
        topic=topic,
        reference=reference,
        to_address="",
        subject=letter.filename,
        body="",
        attachments=(letter,),
    )


def texts_available(area) -> bool:
    """Whether the area sends text messages (only through its GOV.UK Notify service)."""
    return _notify_sends(area, Message.Channel.TEXT)


def letters_by_notify(area) -> bool:
    return _notify_sends(area, Message.Channel.LETTER)


def _notify_sends(area, channel: str) -> bool:
    if area is None:
        return False
    from agencies.models import NotifySettings

    try:
        return area.notify.sends(channel)
    except NotifySettings.DoesNotExist:
        return False


def _store(channel: str, *, attachments: tuple[File, ...] = (), **fields) -> Message:
    with transaction.atomic():
        message = Message.objects.create(channel=channel, **fields)
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
        notify_status="",  # the last receipt was about the try that failed
    )
    transaction.on_commit(lambda: _dispatch(message.pk))
    message.refresh_from_db()
    return message
