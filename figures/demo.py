"""Published figures in the Merseyside demo: every council has published its last financial
year, so the public pages show a published year and the PLEDGE sees data published.

Safe to run again: a year already published is left as it is.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from agencies.models import Area, User

from .models import Publication
from .periods import financial_year_of
from .services import publish_figures

DEMO_AREAS = ("liverpool", "knowsley", "sefton", "st-helens", "wirral")


@transaction.atomic
def load() -> None:
    this_year = financial_year_of(timezone.localdate())
    last_year = financial_year_of(this_year.start.replace(year=this_year.start.year - 1))
    for area in Area.objects.filter(slug__in=DEMO_AREAS):
        published = Publication.objects.filter(
            area=area, period_start=last_year.start, period_end=last_year.end
        )
        admin = User.objects.filter(email=f"admin.{area.slug}@example.org").first()
        if admin and not published.exists():
            publish_figures(area, last_year, by=admin)
