"""Sending through an area's own GOV.UK Notify service instead of SMTP (issue #16).

The outbox row stays the one record of a message: delivery.py claims it, leases it and
records each try exactly as for SMTP (same backoff, same day of tries). This module only turns
a claimed row into one Notify API call.

Never doubled: the message's idempotency key goes to Notify as its `reference`. A row being
tried again after a failed try first asks Notify whether a notification with that reference
exists (a timeout may hide a request that did arrive) and, if so, takes its id instead of
sending a second one.

Personalisation of the area's templates (README, "GOV.UK Notify"):
- email template: ((subject)), ((body)), ((reference)) and ((file)): a link to the letter's
  PDF when the message has one, empty otherwise. A calendar invitation is not a file type
  Notify sends; the meeting's details are in the body.
- text template: ((body)) and ((reference)).
"""

from __future__ import annotations

import io

from django.conf import settings
from notifications_python_client import NotificationsAPIClient
from notifications_python_client.utils import prepare_upload

from agencies.models import NotifySettings
from agencies.sealed import unseal

from .models import PRIVATE_LINK_PLACEHOLDER, Message

PDF = "application/pdf"


class NotSetUp(Exception):
    """The area does not (or no longer) send this kind of message through Notify."""


def goes_through_notify(message: Message) -> bool:
    """Texts and posted letters only ever go through Notify; emails when the area says so."""
    if message.channel != Message.Channel.EMAIL:
        return True
    found = _settings(message)
    return found is not None and found.sends(Message.Channel.EMAIL)


def send(message: Message) -> str:
    """Send one claimed message through its area's Notify service. Returns Notify's id."""
    found = _settings(message)
    if found is None or not found.sends(message.channel):
        raise NotSetUp(f"{message.area or 'This area'} does not send {message.channel} by Notify.")
    client = client_for(found)
    if message.attempts and (earlier := _already_sent(client, message)):
        return earlier
    response = _SENDERS[message.channel](client, found, message)
    return str(response["id"])


def client_for(found: NotifySettings) -> NotificationsAPIClient:
    return NotificationsAPIClient(
        unseal(found.sealed_api_key),
        base_url=settings.NOTIFY_BASE_URL,
        timeout=settings.NOTIFY_TIMEOUT,
    )


def _settings(message: Message) -> NotifySettings | None:
    if message.area is None:
        return None
    try:
        return message.area.notify
    except NotifySettings.DoesNotExist:
        return None


def _already_sent(client: NotificationsAPIClient, message: Message) -> str:
    """Notify's id of an earlier try that did arrive, or "" (a lost response, not a failure)."""
    found = client.get_all_notifications(reference=message.idempotency_key)
    notifications = found.get("notifications") or []
    return str(notifications[0]["id"]) if notifications else ""


def _body(message: Message) -> str:
    # The private link is put in only now, as for SMTP: it is never stored in the body.
    if message.private_link:
        return message.body.replace(PRIVATE_LINK_PLACEHOLDER, message.private_link)
    return message.body


def _email(client, found: NotifySettings, message: Message) -> dict:
    pdf = next((a for a in message.attachments.all() if a.mimetype == PDF), None)
    upload = ""
    if pdf is not None:
        upload = prepare_upload(io.BytesIO(bytes(pdf.content)), filename=pdf.filename)
    return client.send_email_notification(
        email_address=message.to_address,
        template_id=found.email_template_id,
        personalisation={
            "subject": message.subject,
            "body": _body(message),
            "reference": message.reference,
            "file": upload,
        },
        reference=message.idempotency_key,
    )


def _text(client, found: NotifySettings, message: Message) -> dict:
    return client.send_sms_notification(
        phone_number=message.to_address,
        template_id=found.text_template_id,
        personalisation={"body": message.body.strip(), "reference": message.reference},
        reference=message.idempotency_key,
    )


def _letter(client, found: NotifySettings, message: Message) -> dict:
    pdf = next(iter(message.attachments.all()))
    return client.send_precompiled_letter_notification(
        reference=message.idempotency_key, pdf_file=io.BytesIO(bytes(pdf.content))
    )


_SENDERS = {
    Message.Channel.EMAIL: _email,
    Message.Channel.TEXT: _text,
    Message.Channel.LETTER: _letter,
}
