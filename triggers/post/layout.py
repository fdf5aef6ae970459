"""The print queue's PDF: every selected letter laid out for a windowed DL/C5 envelope.

Each copy is the letter as written (its stored HTML) with the addressee's name and address in
the window area (triggers/letters/_letter.html places it 20 mm from the sheet's left edge and
45 mm from its top, 90 x 40 mm, with the return address above the name), rendered on its own
so that each letter starts on a new sheet and numbers its own pages ("Page 1 of 2"). The
copies are then put together in one PDF to print.
"""

from __future__ import annotations

from collections.abc import Iterable

from triggers.letters import address_block, fill_window
from triggers.models import LetterDelivery


def copy_html(delivery: LetterDelivery) -> str:
    """One copy of the letter, addressed to the delivery's person."""
    block = address_block(delivery.name, delivery.address, delivery.postcode)
    return fill_window(delivery.letter.html, block, delivery.name)


def print_pdf(deliveries: Iterable[LetterDelivery]) -> bytes:
    """One PDF of the copies, in the order given, each starting on a new sheet: when a letter
    has an odd number of pages a blank page follows it, so that printing on both sides never
    puts the next letter on the back of this one."""
    from weasyprint import HTML

    documents = [HTML(string=copy_html(d), base_url=None).render() for d in deliveries]
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
