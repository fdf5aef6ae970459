# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: a Welsh area's published figures and procedure in Welsh: no English left in
<main>, dates, year labels and plurals in Welsh; an English area's page stays English."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import Area
from figures.models import Publication
from tests.welsh.english import english_words

pytestmark = pytest.mark.django_db


def names_of(area):
    return (area.name, area.force_area.name, area.spoc_email, area.spoc_phone, "JSON", "CSV")


def welsh(response, area):
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in html
    assert english_words(html, names=tuple(n for n in names_of(area) if n)) == []
    return html


def publish(area, start, end, published_at):
    from tests.factories import UserFactory

    return Publication.objects.create(
        area=area,
        published_by=UserFactory(),
        period_start=start,
        period_end=end,
        applications_received=4,
        threshold_not_met=1,
        reviews_held=3,
        reviews_with_recommendations=2,
        published_at=published_at,
    )


def test_an_areas_figures_page_is_welsh(in_welsh, cardiff):
    Area.objects.filter(pk=cardiff.pk).update(complaint_threshold=1, hate_incident_threshold=3)
    cardiff.refresh_from_db()
    publish(
        cardiff,
        date(2024, 4, 1),
        date(2025, 3, 31),
        timezone.make_aware(timezone.datetime(2025, 6, 2, 10)),
    )
    html = welsh(in_welsh.get(reverse("figures:area", args=["cardiff"])), cardiff)
    assert "Ebrill 2024 i Fawrth 2025" in html  # the financial year, its months in Welsh
    assert "Cyhoeddwyd 2 Mehefin 2025" in html  # the date, in Welsh
    assert "Dros dro" in html and "Ceisiadau a ddaeth i law" in html
    # Plurals: one complaint, three hate-related ones.
    assert "o leiaf 1 cwyn am yr ymddygiad wedi’i gwneud" in html
    assert "o leiaf 3 cwyn am ddigwyddiad casineb wedi’u gwneud" in html
    assert "Tîm adolygu achosion YG Cardiff" in html  # the default team, in Welsh


def test_a_calendar_year_is_named_in_welsh(in_welsh, cardiff):
    Area.objects.filter(pk=cardiff.pk).update(publication_year="calendar")
    html = welsh(in_welsh.get(reverse("figures:area", args=["cardiff"])), cardiff)
    year = timezone.localdate().year
    assert f"Ionawr i Ragfyr {year}" in html and "fesul blwyddyn galendr" in html


def test_the_list_of_areas_is_welsh(in_welsh, cardiff, liverpool):
    html = in_welsh.get(reverse("figures:index")).content.decode()
    assert '<html lang="cy"' in html and 'href="/figures/cardiff/"' in html
    names = ("Cardiff", "Liverpool", cardiff.force_area.name, liverpool.force_area.name)
    assert english_words(html, names=names) == []


def test_an_english_areas_figures_stay_english(in_welsh, cardiff, liverpool):
    html = in_welsh.get(reverse("figures:area", args=["liverpool"])).content.decode()
    assert '<html lang="en"' in html and "Cymraeg" not in html
    assert "Liverpool ASB case review team" in html


def test_the_figures_dashboard_stays_english_for_staff_who_did_not_choose_welsh(client, cardiff):
    from agencies.models import RoleAssignment
    from tests.factories import user_with_role

    client.force_login(user_with_role(RoleAssignment.Role.CASE_OFFICER, area=cardiff))
    client.cookies["asb_language"] = "cy"  # the public choice does not apply to staff pages
    html = client.get(reverse("figures:dashboard")).content.decode()
    assert '<html lang="en"' in html and "Applications received" in html


def test_the_default_team_is_named_in_the_language_of_the_text(welsh_case):
    """The contact is made while English is active (a service); a Welsh email or letter
    rendered from it names the team in Welsh."""
    from django.template import Context, Template
    from django.utils import translation

    from triggers.letters import single_point_of_contact

    contact = single_point_of_contact(welsh_case)
    line = Template("{{ contact.team }}")
    with translation.override("cy"):
        assert line.render(Context({"contact": contact})) == "Tîm adolygu achosion YG Cardiff"
    assert line.render(Context({"contact": contact})) == "Cardiff ASB case review team"
    Area.objects.filter(pk=welsh_case.area_id).update(spoc_name="Tîm Cymunedau Diogel")
    welsh_case.area.refresh_from_db()
    assert single_point_of_contact(welsh_case).team == "Tîm Cymunedau Diogel"
