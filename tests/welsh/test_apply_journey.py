# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: every page of the application journey after the first, for a Welsh area with
Welsh chosen, has no English left in <main>; the same pages for an English visitor stay
English."""

import pytest
from django.urls import reverse

from agencies.models import Area
from tests.conftest import build_side
from tests.triggers.applications.test_apply_journey import answer_until
from tests.welsh.english import english_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def caerdydd(db):
    side = build_side("caerdydd")
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    side.area.refresh_from_db()
    return side


def names(side):
    return (side.area.name, side.police.name, side.council.name, "GOV.UK")


def welsh_page(client, side, name, **kwargs):
    response = client.get(reverse(f"apply:{name}", **kwargs))
    html = response.content.decode()
    assert response.status_code == 200, (name, response.status_code)
    assert '<html lang="cy"' in html, name
    assert english_words(html, names=names(side)) == [], name
    return html


def test_who_is_welsh(in_welsh, caerdydd):
    answer_until(in_welsh, caerdydd, "start")
    html = welsh_page(in_welsh, caerdydd, "who")
    assert "Ar gyfer pwy ydych chi’n gwneud cais?" in html and "Fi fy hun" in html


def test_the_on_behalf_pages_are_welsh(in_welsh, caerdydd):
    answer_until(in_welsh, caerdydd, "who", on_behalf=True)
    html = welsh_page(in_welsh, caerdydd, "on_behalf")
    assert "Yn ysgrifenedig" in html and "Beth maen nhw wedi cytuno iddo" in html


def test_the_impact_page_is_welsh_for_yourself_and_for_someone_else(in_welsh, caerdydd):
    answer_until(in_welsh, caerdydd, "complaint")
    assert "Sut mae’r ymddygiad wedi effeithio arnoch chi?" in welsh_page(
        in_welsh, caerdydd, "impact"
    )


def test_the_impact_page_on_behalf_is_welsh(in_welsh, caerdydd):
    answer_until(in_welsh, caerdydd, "complaint", on_behalf=True)
    html = welsh_page(in_welsh, caerdydd, "impact")
    assert "Sut mae’r ymddygiad wedi effeithio ar yr unigolyn" in html


def test_errors_on_the_journey_are_welsh(in_welsh, caerdydd):
    answer_until(in_welsh, caerdydd, "who", on_behalf=True)
    response = in_welsh.post(reverse("apply:on_behalf"), {})
    html = response.content.decode()
    assert response.status_code == 200 and "Mae problem wedi codi" in html
    assert "Rhowch enw llawn yr unigolyn rydych yn gwneud cais ar ei ran" in html
    assert english_words(html, names=names(caerdydd)) == []


def test_an_english_visitor_sees_the_journey_in_english(client, caerdydd):
    answer_until(client, caerdydd, "who", on_behalf=True)
    html = client.get(reverse("apply:on_behalf")).content.decode()
    assert '<html lang="en"' in html
    assert "Full name of the person you are applying for" in html and "In writing" in html


def test_the_victims_contact_page_is_welsh(in_welsh, caerdydd):
    answer_until(in_welsh, caerdydd, "on_behalf", on_behalf=True)
    html = welsh_page(in_welsh, caerdydd, "victim")
    assert "At bwy ddylen ni ysgrifennu am yr adolygiad achos?" in html and "E-bost" in html


def test_the_contact_page_is_welsh(in_welsh, caerdydd):
    answer_until(in_welsh, caerdydd, "impact")
    html = welsh_page(in_welsh, caerdydd, "contact")
    assert "Eich manylion cyswllt" in html and "Sut dylen ni gysylltu â chi?" in html
    response = in_welsh.post(
        reverse("apply:contact"),
        {"applicant_name": "Eleri", "contact_method": "email", "adjustments": "large_print"},
    )
    html = response.content.decode()
    assert "Rhowch eich cyfeiriad e-bost, neu dewiswch ffordd arall" in html


def test_needs_chosen_in_welsh_are_recorded_in_english_for_staff():
    from django.utils import translation

    from triggers.applications.contact import ContactForm

    data = {"applicant_name": "Eleri", "applicant_email": "eleri@example.com"}
    data |= {"contact_method": "email", "adjustments": ["large_print"]}
    with translation.override("cy"):
        form = ContactForm(data)
        assert form.is_valid(), form.errors
        assert form.adjustments_text() == "Large print letters and documents"
