"""A letter posted later than it was written bears the day it is printed and posted, and the
last day to appeal counted from the day it is served (DOMAIN.md §5.8), not the day it was
written; an emailed letter keeps the day it was written."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from triggers.letters import served_on_for
from triggers.models import LetterDelivery
from triggers.post import services
from triggers.post.layout import print_pdf
from triggers.selectors import appeal_deadline

from .helpers import postal_case

pytestmark = pytest.mark.django_db
WRITTEN = date(2026, 11, 10)  # a Tuesday
FRIDAY = date(2026, 11, 20)


def on(day):
    return f"{day:%-d %B %Y}"


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def written_on_tuesday(north, monkeypatch):
    """A postal applicant's "not met" letter, written on WRITTEN; the test then runs later."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: WRITTEN)
    case = postal_case(north)
    monkeypatch.undo()
    return case


def test_the_print_queue_pdf_bears_the_day_it_is_printed_and_its_window(north, written_on_tuesday):
    delivery = LetterDelivery.objects.select_related("letter", "case__area").get(
        case=written_on_tuesday
    )
    text = text_of(print_pdf([delivery], printed_on=FRIDAY))
    appeal_by = appeal_deadline(served_on_for(FRIDAY), north.area)
    assert f"Date: {on(FRIDAY)}" in text
    assert on(appeal_by) in text
    assert f"Date: {on(WRITTEN)}" not in text
    assert on(appeal_deadline(WRITTEN, north.area)) not in text


def test_the_queue_page_prints_with_todays_date(client, north, written_on_tuesday):
    client.force_login(north.officer)
    response = client.get(reverse("print_queue_pdf", kwargs={"area": north.area.slug}))
    today = timezone.localdate()
    text = text_of(response.content)
    assert f"Date: {on(today)}" in text
    assert on(appeal_deadline(served_on_for(today), north.area)) in text
    assert f"Date: {on(WRITTEN)}" not in text


def test_marking_posted_dates_the_kept_letter_the_day_of_posting(north, written_on_tuesday):
    letter = written_on_tuesday.letters.get()
    assert letter.dated == WRITTEN
    before = text_of(bytes(letter.pdf))
    assert f"Date: {on(WRITTEN)}" in before
    services.mark_posted(
        LetterDelivery.objects.filter(case=written_on_tuesday), posted_on=FRIDAY, by=north.officer
    )
    letter.refresh_from_db()
    after = text_of(bytes(letter.pdf))
    appeal_by = appeal_deadline(served_on_for(FRIDAY), north.area)
    assert letter.dated_on == FRIDAY and letter.served_on == served_on_for(FRIDAY)
    assert f"Date: {on(FRIDAY)}" in after and on(appeal_by) in after
    assert on(appeal_deadline(WRITTEN, north.area)) not in after
    # The case's own deadline follows the same day.
    written_on_tuesday.refresh_from_db()
    assert written_on_tuesday.next_due == appeal_by


def test_an_emailed_letter_bears_the_day_it_was_written(north):
    from tests.appeals.helpers import not_met_case

    case = not_met_case(north)
    letter = case.letters.get()
    today = timezone.localdate()
    text = text_of(bytes(letter.pdf))
    assert letter.dated == today
    assert f"Date: {on(today)}" in text and on(appeal_deadline(today, north.area)) in text
