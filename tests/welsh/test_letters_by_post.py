# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""The meeting invitation and the request for views on the draft plan that go by post
(DOMAIN.md §5.8, §5.9) are in the language of the person they go to (§5.12): a victim of a
Welsh area who chose Welsh and has no email gets them in Welsh, though the emailed applicant
reads English."""

import pytest

from agencies.models import Area
from tests.conftest import build_side
from tests.triggers.reviews.test_postal_parties import VICTIM_BY_POST, case_with, hold
from triggers.models import Letter, LetterDelivery

from .test_letters import english_in_html
from .test_messages import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cardiff():
    side = build_side("cardiff", with_case=False)
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    side.area.refresh_from_db()
    return side


def test_a_welsh_postal_victim_is_invited_and_consulted_in_welsh(cardiff):
    case = case_with(cardiff, VICTIM_BY_POST)
    # Their own choice, as they make it on their private link (tracking.services).
    type(case).objects.filter(pk=case.pk).update(victim_language="cy")
    case.refresh_from_db()
    hold(cardiff, case)
    kinds = {Letter.Kind.MEETING_INVITATION: "Gwahoddiad i’r cyfarfod adolygu"}
    kinds[Letter.Kind.PLAN_CONSULTATION] = "Anfonwch eich barn atom o fewn 5 diwrnod gwaith"
    for kind, phrase in kinds.items():
        letter = case.letters.get(kind=kind)
        assert LetterDelivery.objects.get(letter=letter).role == "victim"
        # Written for the one person it goes to: Welsh only, not bilingual for the applicant.
        assert '<html lang="cy">' in letter.html and '<table class="bilingual">' not in letter.html
        assert phrase in " ".join(pdf_text(bytes(letter.pdf)).split())
        more = ("Vic Tim", "Hall", "Noise.", cardiff.chair.full_name, case.applicant_name)
        assert english_in_html(letter, cardiff, *more) == []
