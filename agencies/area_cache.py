"""Areas by slug for the public eligibility check, kept in each worker's memory.

The check reads one area (its thresholds) on every call; a database round trip for a row that
changes a few times a year was most of the API's fixed cost (issue #18). Each worker keeps
the areas it has read for AREA_CACHE_SECONDS: a change saved in this worker applies at once
(the signals below), one saved in another worker within that time. Unknown slugs are not
kept, so a flood of made-up names cannot grow the memory; they cost a query as before.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Area

_areas: dict[str, tuple[float, Area]] = {}


def seconds() -> float:
    return getattr(settings, "AREA_CACHE_SECONDS", 60)


def area_by_slug(slug: str) -> Area | None:
    now = time.monotonic()
    kept = _areas.get(slug)
    if kept is not None and kept[0] > now:
        return kept[1]
    area = Area.objects.filter(slug=slug).select_related("force_area").first()
    if area is not None:
        _areas[slug] = (now + seconds(), area)
    return area


def forget() -> None:
    _areas.clear()


@receiver(post_save, sender=Area)
@receiver(post_delete, sender=Area)
def _area_changed(sender, **kwargs):
    forget()
