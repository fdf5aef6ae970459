# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: possible case reviews in Welsh for an officer of a Welsh area who chose Cymraeg:
the engine's reasons are worded again in Welsh, the forms' errors are Welsh, and an offer
letter is written in the language chosen for the person, whatever the officer's page is in."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.triggers.proactive.test_possible_reviews import find, housing, jane  # noqa: F401
from tests.welsh.staff import welsh_staff
from triggers.models import PossibleReview
from triggers.proactive import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_officer(client, north):
    return welsh_staff(client, north, "officer")


@pytest.fixture
def letters_as_html(monkeypatch):
    """The offer letter's HTML kept in place of its PDF, to read its words."""
    monkeypatch.setattr(
        services,
        "render_pdf",
        lambda template, context: render_to_string(template, context).encode(),
    )


def test_the_engine_s_reasons_are_worded_in_welsh(client, welsh_officer, jane):  # noqa: F811
    find(welsh_officer)
    possible = PossibleReview.objects.get()
    assert possible.engine_reasons.startswith("The threshold is met")  # stored as written
    page = client.get(reverse("possible_review", args=[possible.pk])).content.decode()
    assert "Mae’r trothwy wedi’i gyrraedd" in page
    assert "The threshold is met" not in page
    assert "I’w ystyried" in page
    listed = client.get(reverse("possible_reviews")).content.decode()
    assert "1 adolygiad posibl" in listed


def test_reasons_the_engine_no_longer_gives_are_shown_as_stored(client, welsh_officer, jane):  # noqa: F811
    find(welsh_officer)
    possible = PossibleReview.objects.get()
    PossibleReview.objects.filter(pk=possible.pk).update(engine_reasons="Found by hand.")
    page = client.get(reverse("possible_review", args=[possible.pk])).content.decode()
    assert "Found by hand." in page


def test_an_offer_with_no_way_chosen_is_refused_in_welsh(client, welsh_officer, jane):  # noqa: F811
    find(welsh_officer)
    possible = PossibleReview.objects.get()
    response = client.post(reverse("possible_review_offer", args=[possible.pk]), {"language": "cy"})
    page = response.content.decode()
    assert "Dewiswch sut i gynnig yr adolygiad" in page
    assert "Choose how to offer the review" not in page


@pytest.mark.parametrize(
    "language, expected, absent",
    [
        (
            "cy",
            ["Annwyl Jane Doe", "Gallwch ofyn am adolygiad achos", "Adolygiad achos YG"],
            "Dear",
        ),
        ("en", ["Dear Jane Doe", "You can ask for an anti-social behaviour case review"], "Annwyl"),
    ],
)
def test_the_offer_letter_is_in_the_person_s_language_not_the_officer_s(
    client,
    welsh_officer,
    jane,  # noqa: F811
    letters_as_html,
    language,
    expected,
    absent,
):
    find(welsh_officer)
    possible = PossibleReview.objects.get()
    response = client.post(
        reverse("possible_review_offer", args=[possible.pk]),
        {"via": "post", "language": language, "address": "1 Long Street", "postcode": "L1 8JQ"},
    )
    assert response.status_code == 302
    possible.refresh_from_db()
    letter = possible.offer_letter.open("rb").read().decode()
    assert f'<html lang="{language}">' in letter
    for words in expected:
        assert words in letter
    assert absent not in letter
