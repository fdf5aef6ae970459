"""The print queue's PDF: every selected letter laid out for a windowed DL/C5 envelope.

Each copy is the letter as written (its stored HTML) with the addressee's name and address in
the window area (triggers/letters/_letter.html places it 20 mm from the sheet's left edge and
45 mm from its top, 90 x 40 mm, with the return address above the name), rendered on its own
so that each letter starts on a new sheet and numbers its own pages ("Page 1 of 2"). The
copies are then put together in one PDF to print.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.utils import timezone

from triggers.letters import address_block, posted_copy
from triggers.models import LetterDelivery


def copy_html(delivery: LetterDelivery, *, printed_on: date | None = None) -> str:
    """One copy of the letter, addressed to the delivery's person and dated the day it is
    printed (to be posted that day): the window to appeal it prints runs from then, not from
    the day the letter was written (DOMAIN.md §5.8)."""
    block = address_block(delivery.name, delivery.address, delivery.postcode)
    printed_on = printed_on or timezone.localdate()
    letter = delivery.letter
    return posted_copy(letter.html, delivery.case.area, block, delivery.name, posted_on=printed_on)


def print_pdf(deliveries: Iterable[LetterDelivery], *, printed_on: date | None = None) -> bytes:
    """One PDF of the copies, in the order given, each starting on a new sheet: when a letter
    has an odd number of pages a blank page follows it, so that printing on both sides never
    puts the next letter on the back of this one."""
    from weasyprint import HTML

    printed_on = printed_on or timezone.localdate()
    documents = [
        HTML(string=copy_html(d, printed_on=printed_on), base_url=None).render() for d in deliveries
    ]
    if not documents:
        return b""
    pages = []
    blank = None
    for document in documents:
        pages.extend(document.pages)
        if len(document.pages) % 2:
            blank = blank or _blank_page()
            pages.append(blank)
    return documents[0].copy(pages).write_pdf()


def _blank_page():
    from weasyprint import HTML

    html = "<html><head><style>@page { size: A4; margin: 0 }</style></head><body></body></html>"
    return HTML(string=html, base_url=None).render().pages[0]
