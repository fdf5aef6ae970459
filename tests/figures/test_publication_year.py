"""Areas publish by financial year (the default) or by calendar year (DOMAIN.md §5.11)."""

from datetime import date

import pytest
from django.urls import reverse

from agencies.models import Area
from figures import selectors
from figures.models import Publication
from figures.periods import EN_DASH, calendar_year, financial_year

from .builders import acknowledge, apply, clock, decide, hold_review, schedule

pytestmark = pytest.mark.django_db
CALENDAR = Area.PublicationYear.CALENDAR


def by_calendar_year(side):
    Area.objects.filter(pk=side.area.pk).update(publication_year=CALENDAR)
    side.area.refresh_from_db()


def review_on_30_march_2026(side):
    case = apply(side, "2026-03-02")
    acknowledge(side, case, "2026-03-03")
    decide(side, case, "2026-03-09")
    schedule(side, case, "2026-03-10", "2026-03-30T10:00")
    return hold_review(side, case, "2026-03-30T15:00", recommendations=True)


def test_a_review_on_30_march_counts_in_the_calendar_year_or_the_financial_year(north, south):
    by_calendar_year(north)
    review_on_30_march_2026(north)
    review_on_30_march_2026(south)
    held = date(2026, 3, 30)

    north_year = selectors.area_year_of(north.area, held)
    assert north_year == calendar_year(2026) and north_year.name == "2026"
    south_year = selectors.area_year_of(south.area, held)
    assert south_year == financial_year(2025) and south_year.name == f"2025{EN_DASH}26"

    counts = selectors.statutory_counts([north.area.pk, south.area.pk], north_year)
    assert counts[north.area.pk].reviews_held == 1
    counts = selectors.statutory_counts([north.area.pk, south.area.pk], south_year)
    assert counts[south.area.pk].reviews_held == 1
    assert counts[south.area.pk].reviews_with_recommendations == 1


def test_the_figures_pages_of_a_calendar_year_area_show_calendar_years(client, north, south):
    by_calendar_year(north)
    review_on_30_march_2026(north)
    with clock("2026-06-01"):
        page = client.get(reverse("figures:area", args=[north.area.slug])).content.decode()
        other = client.get(reverse("figures:area", args=[south.area.slug])).content.decode()
        client.force_login(north.officer)
        dashboard = client.get(reverse("figures:dashboard")).content.decode()
    assert "calendar year (1 January to 31 December)" in page
    assert "January to December 2026" in page and "April 2026" not in page
    assert f"2026{EN_DASH}27" in other and "April 2026 to March 2027" in other
    assert "Statutory figures, January to December 2026" in dashboard


def test_a_calendar_year_area_publishes_2025(client, north):
    by_calendar_year(north)
    with clock("2026-02-01"):
        client.force_login(north.admin)
        form = client.get(reverse("figures:publish", args=[north.area.slug])).content.decode()
        assert "2025 (January to December 2025)" in form and f"2025{EN_DASH}26" not in form
        response = client.post(reverse("figures:publish", args=[north.area.slug]), {"year": "2025"})
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert (publication.period_start, publication.period_end) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    assert publication.name == "2025"
    assert financial_year(2025).name == f"2025{EN_DASH}26"
