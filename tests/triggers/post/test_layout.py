"""The print queue's PDF (DOMAIN.md §5.8): each letter's addressee sits in the window of a DL
envelope, each letter starts on a new sheet and numbers its own pages."""

import io

import pytest
from pypdf import PdfReader

from triggers.models import LetterDelivery
from triggers.post.layout import print_pdf

from .helpers import postal_case

pytestmark = pytest.mark.django_db

MM = 72 / 25.4
A4_HEIGHT = 297 * MM
# The standard DL window: 20 mm from the left edge, 45 mm from the top, 90 x 40 mm.
WINDOW = (20 * MM, 110 * MM, 45 * MM, 85 * MM)  # left, right, top, bottom from the top edge


def texts_with_positions(page):
    """Each piece of text on the page, with where it starts (points from the left and top)."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, A4_HEIGHT - y))

    page.extract_text(visitor_text=visit)
    return found


def in_window(x, top):
    left, right, window_top, window_bottom = WINDOW
    return left <= x <= right and window_top <= top <= window_bottom


def letters_in(reader):
    """The pages of each letter in the PDF: a letter starts where "Page 1 of" is printed."""
    letters = []
    for page in reader.pages:
        text = page.extract_text()
        if "Page 1 of" in text:
            letters.append([])
        if letters:
            letters[-1].append(text)
    return letters


def test_each_letter_has_its_address_in_the_window_and_starts_a_sheet(north):
    first = postal_case(north, name="Pat Post")
    second = postal_case(
        north, name="Sam Stamp", address="9 Long Road\nNorthtown", postcode="NT5 5EE"
    )
    deliveries = list(
        LetterDelivery.objects.filter(case__in=[first, second])
        .order_by("pk")
        .select_related("letter")
    )
    reader = PdfReader(io.BytesIO(print_pdf(deliveries)))
    # Each letter starts on a new sheet: an odd-length letter is followed by a blank back.
    assert len(reader.pages) % 2 == 0
    starts = [i for i, p in enumerate(reader.pages) if "Page 1 of" in p.extract_text()]
    assert len(starts) == 2 and all(i % 2 == 0 for i in starts)
    for start, (name, line, postcode) in zip(
        starts,
        [("Pat Post", "14 Mill Lane", "NT1 2AB"), ("Sam Stamp", "9 Long Road", "NT5 5EE")],
        strict=True,
    ):
        placed = texts_with_positions(reader.pages[start])
        for wanted in (name, line, postcode):
            # ("Dear Pat Post," further down is the letter's greeting, not the address.)
            spots = [(x, top) for text, x, top in placed if text.startswith(wanted)]
            assert spots and all(in_window(x, top) for x, top in spots), (wanted, spots)
        # The return address is in the window too, above the name.
        returns = [top for text, x, top in placed if "If undelivered" in text]
        names = [top for text, x, top in placed if text.startswith(name)]
        assert returns and names and returns[0] < min(names)
        # Nothing else of the letter is in the window.
        others = [text for text, x, top in placed if in_window(x, top)]
        assert all(
            any(
                part in text
                for part in (
                    name,
                    "Flat 2",
                    line,
                    "Northtown",
                    postcode,
                    "If undelivered",
                    "return to",
                    "North ASB",
                )
            )
            for text in others
        ), others


def test_page_numbers_count_each_letters_own_pages(north):
    cases = [postal_case(north, name=f"Person {n}") for n in range(2)]
    deliveries = LetterDelivery.objects.filter(case__in=cases).select_related("letter")
    reader = PdfReader(io.BytesIO(print_pdf(list(deliveries))))
    letters = letters_in(reader)
    assert len(letters) == 2
    for pages in letters:
        printed = [p for p in pages if "Page " in p]
        total = len(printed)
        for n, text in enumerate(printed, start=1):
            assert f"Page {n} of {total}" in text
