# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: possible case reviews in Welsh for an officer of a Welsh area who chose Cymraeg:
the engine's reasons are worded again in Welsh, the forms' errors are Welsh, and an offer
letter is written in the language chosen for the person, whatever the officer's page is in."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from notifications.models import Message
from tests.triggers.proactive.test_possible_reviews import find, housing, jane  # noqa: F401
from tests.welsh.staff import in_wales, welsh_staff
from triggers import eligibility
from triggers.models import Case, PossibleReview
from triggers.proactive import evidence, services

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


def _started(side, language="en") -> Case:
    find(side)
    agreement = services.Agreement(
        victim_name="Jane Doe",
        consent_how="verbal",
        consent_on=timezone.localdate(),
        contact_method="email",
        email="jane@example.com",
        language=language,
    )
    return services.start_case(PossibleReview.objects.get(), agreement, by=side.officer)


def _case_page(client, case) -> str:
    return client.get(
        reverse("case_detail", args=[case.area.slug, case.reference])
    ).content.decode()


def test_a_started_case_s_first_entry_gives_the_engine_s_reasons_in_welsh(
    client,
    welsh_officer,
    jane,  # noqa: F811
):
    case = _started(welsh_officer)
    event = case.events.get(summary__startswith="Started from the bodies' linked")
    # The record is the engine's English, as it was.
    records = sorted(jane[:3], key=lambda r: (r.reported_date, r.pk))
    decision = evidence.assess_records(case.area, records)
    lines = event.reasons.splitlines()
    assert lines[0] == eligibility.explain(decision)
    assert lines[1] == f"North Police P-1: {decision.complaints[0].reason}"
    assert lines[4] == "How the records were linked:"
    page = _case_page(client, case)
    assert "Mae’r trothwy wedi’i gyrraedd" in page and "The threshold is met" not in page
    assert "Sut y cysylltwyd y cofnodion:" in page and "How the records were linked" not in page
    # The linking model's reasons, as the possible review's page says them.
    assert "y cyfenw’n cyfateb" in page and "surname matches" not in page
    assert "North Police P-1: Yn cyfrif: rhoddwyd gwybod 1 diwrnod" in page


def test_the_same_entry_reads_in_english_for_staff_who_did_not_choose_welsh(client, north, jane):  # noqa: F811
    case = _started(north)
    client.force_login(north.officer)
    page = _case_page(client, case)
    assert "The threshold is met: 3 complaints count" in page
    assert "How the records were linked:" in page and "surname matches" in page
    assert "Mae’r trothwy" not in page


def test_a_welsh_victim_s_receipt_is_welsh_from_the_first_message(north, jane):  # noqa: F811
    """DOMAIN.md §5.12: the receipt is queued with the case, so the victim's language is known
    before it is written, not set afterwards."""
    in_wales(north)
    case = _started(north, language="cy")
    assert case.victim_language == "cy"
    receipt = Message.objects.get(to_address="jane@example.com", topic="Application received")
    assert receipt.subject.startswith("Rydym wedi cael eich cais"), receipt.subject
    assert "Annwyl Jane Doe," in receipt.body
    assert case.events.filter(summary="The victim chose to be written to in Cymraeg").exists()
