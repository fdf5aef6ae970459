"""GOV.UK Notify's delivery receipts: Notify calls back with each message's final status.

Each area gives Notify its own callback bearer token (entered with its API key, kept only as
a hash); a receipt is taken only with that area's token and only for that area's messages.
A failure Notify reports is a failed message like any other: staff see it on the failed
messages page and in the admins' morning digest, and can send it again.
"""

from __future__ import annotations

import hmac

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from agencies.models import NotifySettings
from agencies.sealed import token_hash

from .models import Message

DELIVERED = "delivered"
# Notify's final failures, in words for staff.
FAILURES = {
    "permanent-failure": "GOV.UK Notify: the address or number does not exist or is blocked",
    "temporary-failure": "GOV.UK Notify: the inbox was full or the phone was off for 3 days",
    "technical-failure": "GOV.UK Notify: a technical failure at Notify; send it again",
    "validation-failed": "GOV.UK Notify: the letter could not be printed as it is",
    "virus-scan-failed": "GOV.UK Notify: the letter failed its virus scan",
}


class BadReceipt(ValueError):
    """The body is not a receipt Notify would send."""


def token_is_right(found: NotifySettings, authorization: str) -> bool:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or not found.callback_token_hash:
        return False
    # Constant time, so the answer's timing tells nothing of how much of the token was right.
    return hmac.compare_digest(token_hash(token.strip()), found.callback_token_hash)


def parse(payload) -> tuple[str, str, str]:
    """Notify's id, our reference (the idempotency key) and the status of a receipt."""
    if not isinstance(payload, dict):
        raise BadReceipt("A receipt is a JSON object.")
    notify_id, reference, status = (payload.get(k) for k in ("id", "reference", "status"))
    if not isinstance(status, str) or not status:
        raise BadReceipt("A receipt has a status.")
    if not isinstance(notify_id, str) or not notify_id:
        raise BadReceipt("A receipt has an id.")
    return notify_id, reference if isinstance(reference, str) else "", status


@transaction.atomic
def record_receipt(area, notify_id: str, reference: str, status: str) -> Message | None:
    """Write Notify's status on the area's message. Returns None if it is not one of ours."""
    match = Q(notify_id=notify_id)
    if reference:
        match |= Q(idempotency_key=reference)
    message = Message.objects.select_for_update().filter(match, area=area).first()
    if message is None:
        return None
    change = {"notify_status": status[:30], "notify_id": notify_id}
    now = timezone.now()
    if status == DELIVERED:
        change |= {"status": Message.Status.DELIVERED, "private_link": "", "last_error": ""}
        change["sent_at"] = message.sent_at or now
    elif status in FAILURES:
        change |= {
            "status": Message.Status.FAILED,
            "failed_at": now,
            "failure_reported_at": None,
            "last_error": FAILURES[status],
            "private_link": "",
        }
    Message.objects.filter(pk=message.pk).update(**change)
    message.refresh_from_db()
    return message
