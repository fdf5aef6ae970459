"""The applicant's private link: made once, kept only as a hash, switched off or replaced."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.urls import reverse

from agencies.site import site_url
from notifications.services import queue_email
from triggers.history import LINK_REISSUED, record_event
from triggers.models import (
    Case,
)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tracking_url(token: str) -> str:
    return f"{site_url()}{reverse('track:open', args=[token])}"


@transaction.atomic
def revoke_tracking_link(case: Case, *, by) -> None:
    """Stop the private link (and every browser session it opened) from working."""
    Case.objects.filter(pk=case.pk).update(tracking_revoked=True)
    record_event(case, "Private link switched off", by=by)


@transaction.atomic
def reissue_tracking_link(case: Case, *, by) -> str | None:
    """Replace the private link: the old one, and sessions it opened, stop working.

    The new link is emailed through the outbox when the applicant gave an email address
    (returns None). Otherwise the token is returned, for the officer to pass on by phone or
    post: it is shown once and only its hash is kept.
    """
    token = secrets.token_urlsafe(32)
    Case.objects.filter(pk=case.pk).update(
        tracking_token_hash=hash_token(token), tracking_revoked=False
    )
    event = record_event(case, LINK_REISSUED, by=by)
    if not case.applicant_email:
        return token
    queue_email(
        key=f"case:{case.pk}:tracking-link:{event.pk}",
        to=case.applicant_email,
        template="tracking_link",
        context={"case": case, "area": case.area},
        # Kept beside the message until it is sent, never in its stored body.
        private_link=tracking_url(token),
        topic="New private link",
        area=case.area,
        reference=case.reference,
    )
    return None
