"""Once a day, each area admin is told which of their area's messages could not be sent.

The digest goes through the outbox like any message, keyed per admin, area and day, so a beat
that runs twice sends it once. It names the topic, case reference and date only (what the
admin sees on the failed-messages page, less the recipient's address).
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from agencies.models import RoleAssignment, User
from agencies.site import site_url

from .models import Message
from .services import queue_email

TOPIC = "Messages not sent"


def _key_prefix(day, area) -> str:
    return f"failed-digest:{day.isoformat()}:area-{area.pk}:"


@transaction.atomic
def send_failure_digests(now=None) -> int:
    """Queue today's digests for messages not yet reported. Returns how many were queued."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    newly_failed = (
        Message.objects.select_for_update(of=("self",))
        .select_related("area")
        .filter(status=Message.Status.FAILED, failure_reported_at__isnull=True)
        .exclude(area=None)
        .order_by("failed_at", "pk")
    )
    by_area = defaultdict(list)
    for message in newly_failed:
        by_area[message.area].append(message)
    queued = 0
    for area, messages in by_area.items():
        prefix = _key_prefix(day, area)
        if Message.objects.filter(idempotency_key__startswith=prefix).exists():
            continue  # today's digest has gone: these wait for tomorrow's, not a second email
        admins = User.objects.filter(
            is_active=True, roles__role=RoleAssignment.Role.AREA_ADMIN, roles__area=area
        ).distinct()
        queued_here = 0
        for admin in admins:
            digest = queue_email(
                key=f"{prefix}admin-{admin.pk}",
                to=admin.email,
                template="failure_digest",
                context={
                    "area": area,
                    "admin": admin,
                    "messages": messages,
                    "failed_url": f"{site_url()}{reverse('messages_failed')}",
                },
                topic=TOPIC,
                area=area,
            )
            queued_here += digest is not None
        if queued_here:  # an area with no admin yet keeps them for when it has one
            queued += queued_here
            Message.objects.filter(pk__in=[m.pk for m in messages]).update(failure_reported_at=now)
    return queued
