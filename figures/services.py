"""Publishing an area's statutory figures, and reminding area admins when it falls due."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from agencies.models import Area, RoleAssignment
from agencies.site import site_url
from notifications.services import queue_email

from . import selectors
from .labels import period_label
from .models import Publication
from .periods import Period


class PublicationRefused(ValueError):
    """Figures that cannot be published as things stand (the message says why)."""


@transaction.atomic
def publish_figures(area: Area, period: Period, *, by) -> Publication:
    """Freeze the area's four counts for a period that has ended, as published by `by`.

    Publishing the same period again records a correction: the new counts stand and the
    earlier publication is kept.
    """
    if period.end >= timezone.localdate():
        raise PublicationRefused(
            gettext("Figures for %(year)s can be published once the period has ended.")
            % {"year": period_label(period)}
        )
    counts = selectors.statutory_counts([area.pk], period)[area.pk]
    return Publication.objects.create(
        area=area,
        period_start=period.start,
        period_end=period.end,
        published_by=by,
        published_at=timezone.now(),
        **counts.as_dict(),
    )


@transaction.atomic
def send_publication_reminders(today: date | None = None) -> int:
    """Beat, daily: a month before an area's 12-month publication falls due (s104(10)), email
    each of its area admins once. The key names the due date, so a later run, or a run after a
    missed day, sends nothing more; publishing moves the due date, so next year's goes too."""
    today = today or timezone.localdate()
    dues = [
        due
        for due in selectors.publication_dues(Area.objects.all()).values()
        if due.is_close(today)
    ]
    admins = RoleAssignment.objects.filter(
        role=RoleAssignment.Role.AREA_ADMIN,
        area__in=[due.area.pk for due in dues],
        user__is_active=True,
    ).select_related("user")
    queued = 0
    for due in dues:
        url = site_url() + reverse("figures:publish", kwargs={"area": due.area.slug})
        for role in admins:
            if role.area_id != due.area.pk:
                continue
            message = queue_email(
                key=f"figures-due:{due.area.pk}:{due.due.isoformat()}:{role.user_id}",
                to=role.user.email,
                template="figures_due",
                topic="Figures due",
                area=due.area,
                context={
                    "due": due,
                    "area": due.area,
                    "overdue": due.is_overdue(today),
                    "url": url,
                },
            )
            queued += message is not None
    return queued
