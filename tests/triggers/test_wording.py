"""Words the applicant and staff read (issue #17): counts, hints, and one named contact."""

import io

import pytest
from pypdf import PdfReader

from notifications.models import Message
from tests.triggers.reviews.test_review import review_data, schedule
from triggers.applications.forms import ImpactForm
from triggers.models import Letter
from triggers.reviews import services as reviews_services
from triggers.threshold import services as threshold_services

pytestmark = pytest.mark.django_db


def test_the_review_record_counts_in_words(north):
    threshold_services.decide_threshold(north.case, "met", by=north.officer)
    schedule(north, north.case)
    north.case.refresh_from_db()
    review = reviews_services.record_review(
        north.case, review_data(north, actions=1), by=north.officer
    )
    held = review.case.events.get(summary="Review meeting held and recorded")
    assert "1 recommendation, 1 action." in held.reasons and "(s)" not in held.reasons
    reviews_services.revise_review(review, review_data(north, actions=2), by=north.officer)
    changed = review.case.events.get(summary="Review record and draft action plan changed")
    assert changed.reasons == "1 recommendation, 2 actions."


def test_the_impact_hint_speaks_of_the_victim_when_applying_for_someone_else():
    assert "your sleep" in ImpactForm().fields["impact"].help_text
    hint = ImpactForm(on_behalf=True).fields["impact"].help_text
    assert "their sleep" in hint and "your" not in hint


def _letter_text(letter) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(letter.pdf)).pages)


def test_acknowledgement_and_letters_name_the_same_contact(north):
    north.area.spoc_name = "Community Safety Team"
    north.area.save()
    threshold_services.acknowledge(north.case, by=north.officer)
    email = Message.objects.get(topic="Application acknowledged").body
    threshold_services.decide_threshold(north.case, "met", by=north.admin)
    letter = _letter_text(Letter.objects.get(case=north.case, kind="threshold_decision"))
    for text in (email, " ".join(letter.split())):
        assert north.officer.full_name in text and "Community Safety Team" in text
    # The admin who recorded the decision is not named as the contact.
    assert north.admin.full_name not in letter


def test_open_actions_are_counted_in_words():
    from triggers.closing.services import still_open

    assert still_open(1) == "1 action is still open"
    assert still_open(3) == "3 actions are still open"
