"""The public figures pages and exports, the dashboards, the return, and publishing."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from figures.models import Publication
from figures.periods import financial_year
from figures.selectors import latest_publication

from .builders import apply, clock, decide, figures_side

pytestmark = pytest.mark.django_db

PERSONAL = ("Jo Bloggs", "jo.bloggs@example.com", "12 Acacia Avenue", "L1 1AA", "Sam South")


def publish(client, side, year: int, when: str):
    with clock(when):  # signed in at that moment too, so the session has not expired
        client.force_login(side.admin)
        return client.post(reverse("figures:publish", args=[side.area.slug]), {"year": str(year)})


def test_public_area_page_shows_procedure_and_contact_without_sign_in(client, north):
    page = client.get(reverse("figures:area", args=[north.area.slug])).content.decode()
    assert "at least 3 complaints" in page
    assert "at least 1 complaint about a hate incident" in page
    assert reverse("apply:start") in page
    assert "0151 000 0000" in page and north.area.spoc_email in page
    assert "Community Safety Team" in page
    assert "Police and Crime Commissioner" in page or "PCC" in page
    assert f"{north.area.appeal_window_days} working days" in page


def test_public_pages_and_exports_hold_no_personal_data(client, two_years):
    north = two_years.north
    publish(client, north, 2025, "2026-05-01")
    client.logout()
    for name in ("figures:area", "figures:area_csv", "figures:area_json"):
        body = client.get(reverse(name, args=[north.area.slug])).content.decode()
        for personal in PERSONAL:
            assert personal not in body, (name, personal)
        for case in two_years.cases.values():
            assert case.reference not in body
    index = client.get(reverse("figures:index")).content.decode()
    assert north.area.name in index and two_years.south.area.name in index


def test_published_year_and_provisional_year_in_csv_and_json(client, two_years):
    north = two_years.north
    assert publish(client, north, 2025, "2026-05-01").status_code == 302
    client.logout()
    with clock("2026-05-02"):
        rows = list(
            csv.DictReader(
                io.StringIO(
                    client.get(reverse("figures:area_csv", args=["north"])).content.decode()
                )
            )
        )
        data = json.loads(client.get(reverse("figures:area_json", args=["north"])).content)
    assert [(r["period_start"], r["status"]) for r in rows] == [
        ("2026-04-01", "provisional"),
        ("2025-04-01", "published"),
    ]
    published = rows[1]
    assert published["applications_received"] == "3"
    assert published["threshold_not_met"] == "1"
    assert data["figures"][1]["applications_received"] == 3
    assert data["figures"][0]["status"] == "provisional"
    # The current year so far, from the history: C received, D refused, B and C reviewed.
    provisional = data["figures"][0]
    assert (provisional["applications_received"], provisional["threshold_not_met"]) == (1, 1)
    assert provisional["reviews_held"] == 2


def test_published_figures_stay_frozen_and_a_correction_replaces_them(client, two_years):
    north = two_years.north
    publish(client, north, 2025, "2026-05-01")
    apply(north, "2026-01-15")  # a late-recorded application in the published year
    assert Publication.objects.get().applications_received == 3
    publish(client, north, 2025, "2026-06-01")
    assert latest_publication(north.area).applications_received == 4
    client.logout()
    page = client.get(reverse("figures:area", args=["north"])).content.decode()
    assert page.count("April 2025 to March 2026") == 1
    assert Publication.objects.count() == 2  # the first publication is kept


def test_a_year_not_yet_ended_cannot_be_published(client, north):
    response = publish(client, north, 2026, "2026-12-01")
    assert response.status_code == 200
    assert "Choose a year from the list" in response.content.decode()
    assert not Publication.objects.exists()


def test_the_service_refuses_a_period_that_has_not_ended(north):
    from figures.periods import Period
    from figures.services import PublicationRefused, publish_figures

    with clock("2026-06-30"), pytest.raises(PublicationRefused, match="once the period has ended"):
        publish_figures(
            north.area,
            Period(financial_year(2026).start, financial_year(2026).start.replace(month=6, day=30)),
            by=north.admin,
        )
    with clock("2026-07-01"):
        publication = publish_figures(
            north.area,
            Period(financial_year(2026).start, financial_year(2026).start.replace(month=6, day=30)),
            by=north.admin,
        )
    assert publication.published_by == north.admin


def test_only_the_areas_admin_may_publish(client, north, south):
    url = reverse("figures:publish", args=[north.area.slug])
    for user in (north.officer, north.pcc_officer, north.responder, south.admin):
        client.force_login(user)
        assert client.get(url).status_code == 404
        with clock("2026-05-01"):
            assert client.post(url, {"year": "2025"}).status_code == 404
    assert not Publication.objects.exists()
    client.force_login(north.admin)
    assert client.get(url).status_code == 200


def test_council_dashboard_shows_its_own_area_only(client, two_years):
    client.force_login(two_years.north.officer)
    with clock("2026-08-01"):
        page = client.get(reverse("figures:dashboard")).content.decode()
    assert "Northshire" in page and "Southshire" not in page
    assert page.count('role="img"') == 6  # PCC reviews have their own chart
    assert "PCC reviews of threshold decisions" in page
    assert "<title id=" in page and "<desc id=" in page
    assert "Appeals by outcome" in page and "Timeliness" in page


def test_pcc_dashboard_shows_every_area_of_its_force(client, db):
    from tests.factories import ForceAreaFactory

    force = ForceAreaFactory(slug="shared-force", name="Shared Force")
    east = figures_side("east", force)
    figures_side("west", force)
    other = figures_side("other")
    client.force_login(east.pcc_officer)
    page = client.get(reverse("figures:dashboard"), {"year": "2026"}).content.decode()
    assert "Eastshire" in page and "Westshire" in page and "Othershire" not in page
    client.force_login(other.responder)
    assert client.get(reverse("figures:dashboard")).status_code == 404


def test_a_bad_year_says_so_and_shows_the_current_year(client, north):
    client.force_login(north.officer)
    with clock("2026-08-01"):
        response = client.get(reverse("figures:dashboard"), {"year": "1999"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "Choose a year from the list" in page
    assert "Statutory figures, April 2026 to March 2027" in page


def test_dashboard_queries_do_not_grow_with_cases(
    client, north, django_assert_num_queries, settings
):
    # Every view adds the summary rows up (none remembered, as after a completed stage): the
    # count compared is the dearer one, at both sizes.
    settings.FIGURES_CACHE_SECONDS = 0
    client.force_login(north.officer)
    url = reverse("figures:dashboard")
    with clock("2026-08-01"):
        apply(north, "2026-05-05")
        client.get(url)  # warm the session
        with CaptureQueriesContext(connection) as few:
            assert client.get(url).status_code == 200
    for day in ("06", "07", "08", "11", "12"):
        case = apply(north, f"2026-05-{day}")
        decide(north, case, f"2026-05-{day}T16:00", "not_met")
    with clock("2026-08-01"), django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_pcc_dashboard_queries_grow_with_neither_cases_nor_areas(
    client, db, django_assert_num_queries, settings
):
    from tests.factories import ForceAreaFactory

    settings.FIGURES_CACHE_SECONDS = 0  # every view adds up afresh (see the test above)

    force = ForceAreaFactory(slug="shared-force", name="Shared Force")
    east = figures_side("east", force)
    url = reverse("figures:dashboard")
    with clock("2026-08-01"):
        client.force_login(east.pcc_officer)
        apply(east, "2026-05-05")
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
    west = figures_side("west", force)
    for side in (east, west):
        for day in ("06", "07", "08"):
            case = apply(side, f"2026-05-{day}")
            decide(side, case, f"2026-05-{day}T16:00", "met")
    with clock("2026-08-01"), django_assert_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert "Eastshire" in page and "Westshire" in page


def test_figures_link_in_the_navigation(client, north):
    client.force_login(north.officer)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("figures:dashboard")}"' in page
    client.force_login(north.responder)
    page = client.get(reverse("inbox")).content.decode()
    assert f'href="{reverse("figures:dashboard")}"' not in page


def test_return_lists_every_area_the_user_may_see(client, db):
    from tests.factories import ForceAreaFactory

    force = ForceAreaFactory(slug="shared-force", name="Shared Force")
    east, west = figures_side("east", force), figures_side("west", force)
    figures_side("other")
    apply(east, "2025-05-01")
    client.force_login(east.pcc_officer)
    response = client.get(reverse("figures:return_csv"), {"year": "2025"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["area_slug"], r["applications_received"]) for r in rows] == [
        ("east", "1"),
        ("west", "0"),
    ]
    assert rows[0]["period_start"] == "2025-04-01" and rows[0]["period_end"] == "2026-03-31"
    client.force_login(west.officer)
    data = json.loads(client.get(reverse("figures:return_json"), {"year": "2025"}).content)
    assert [a["area_slug"] for a in data["areas"]] == ["west"]


def test_return_for_any_dates_and_bad_dates(client, north):
    apply(north, "2025-05-01")
    client.force_login(north.admin)
    url = reverse("figures:return_json")
    data = json.loads(client.get(url, {"start": "2025-05-01", "end": "2025-05-01"}).content)
    assert data["areas"][0]["applications_received"] == 1
    edges = (
        # Beyond what a day after the end, or a time in UTC, can hold: a 400, never a 500.
        {"start": "9999-12-31", "end": "9999-12-31"},
        {"start": "0001-01-01", "end": "2025-01-01"},
        {"year": "99999999999999999999"},
        {"year": "9999"},
    )
    bad_periods = ({"start": "2025-05-02", "end": "2025-05-01"}, {"start": "May"}, {"year": "x"})
    for bad in (*bad_periods, *edges):
        response = client.get(url, bad)
        assert response.status_code == 400
        assert "YYYY-MM-DD" in response.content.decode()


def test_financial_year_labels():
    assert financial_year(2025).label == "April 2025 to March 2026"
