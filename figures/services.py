"""Publishing an area's statutory figures: the one state change of this app."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from agencies.models import Area

from . import selectors
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
            f"Figures for {period.label} can be published once the period has ended."
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
