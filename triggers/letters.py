"""Letters to the people of a case: rendered from a template to PDF (WeasyPrint), kept as
written, and sent to each person the way they are reached (DOMAIN.md §5.8): by email with the
PDF, or printed and posted from the area's print queue (triggers/post)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from notifications.services import File, queue_email
from triggers.models import Case, Letter, LetterDelivery
from triggers.recipients import Recipient, recipients

# Where the addressee goes in a letter's stored HTML: each copy fills in its own.
WINDOW_MARKER = "<!--address-window-->"


def html_to_pdf(html: str) -> bytes:
    """Render HTML to PDF. Fonts and styles are local: nothing is fetched."""
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf()


def render_pdf(template: str, context: dict) -> bytes:
    """Render an HTML template to PDF."""
    return html_to_pdf(render_to_string(template, context))


def address_block(name: str, address: str = "", postcode: str = ""):
    """The addressee as the window shows it: the name, each line of the address, the postcode."""
    lines = [name, *(line.strip() for line in address.splitlines()), postcode]
    return format_html_join("", "<p>{}</p>", ((line,) for line in lines if line and line.strip()))


def fill_window(html: str, block) -> str:
    """The letter with `block` (already escaped) in its envelope window."""
    return html.replace(WINDOW_MARKER, str(block), 1)


def write_letter(case: Case, kind: str, title: str, context: dict) -> Letter:
    """Render and store one letter. Call inside the service's transaction."""
    context = {
        "case": case,
        "area": case.area,
        "title": title,
        "today": timezone.localdate(),
        "address_window": mark_safe(WINDOW_MARKER),  # noqa: S308 - a constant comment
        **context,
    }
    html = render_to_string(f"triggers/letters/{kind}.html", context)
    # The copy kept on the case (and emailed) names the applicant, as the letter opens.
    pdf = html_to_pdf(fill_window(html, format_html("<p>{}</p>", case.applicant_name)))
    return Letter.objects.create(
        area_id=case.area_id,
        case=case,
        kind=kind,
        title=title,
        pdf=pdf,
        html=html,
        sent_at=timezone.now(),
    )


def send_letter(letter: Letter, *, template: str, key: str, context: dict, topic: str = "") -> None:
    """Send a written letter to everyone on its case who receives letters, each the way they
    are reached: email with the PDF, or the area's print queue for those who want post (or
    have no email). Someone with neither an email nor an address cannot be sent it: the
    letter waits, as a task for the officer, and no window runs from it."""
    case = letter.case
    pdf = File(letter.filename, "application/pdf", bytes(letter.pdf))
    for person in recipients(case):
        if person.wants_post:
            _queue_for_post(letter, person)
            continue
        queue_email(
            key=person.key(key),
            to=person.email,
            template=template,
            context={"case": case, "recipient": person, **context},
            topic=topic or letter.get_kind_display(),
            area=case.area,
            reference=case.reference,
            attachments=(pdf,),
        )
        _record(letter, person, LetterDelivery.Channel.EMAIL, LetterDelivery.Status.EMAILED)
    update_service(letter)


def _queue_for_post(letter: Letter, person: Recipient) -> LetterDelivery:
    Status = LetterDelivery.Status
    status = Status.QUEUED if person.has_postal_address else Status.CANNOT_SEND
    return _record(letter, person, LetterDelivery.Channel.POST, status)


def _record(letter: Letter, person: Recipient, channel: str, status: str) -> LetterDelivery:
    """One row per person per letter: sending a letter again records nothing twice (the
    outbox's keys likewise keep the email from going twice)."""
    post = channel == LetterDelivery.Channel.POST
    delivery, _ = LetterDelivery.objects.get_or_create(
        letter=letter,
        role=person.role,
        defaults={
            "area_id": letter.area_id,
            "case_id": letter.case_id,
            "name": person.name,
            "address": person.address if post else "",
            "postcode": person.postcode if post else "",
            "channel": channel,
            "status": status,
            "queued_at": timezone.now() if status == LetterDelivery.Status.QUEUED else None,
            "served_on": timezone.localdate() if status == LetterDelivery.Status.EMAILED else None,
        },
    )
    return delivery


def update_service(letter: Letter) -> None:
    """Whether the letter still waits for a copy to go out, and, once every copy has gone,
    the day it counts as served: the latest of its copies' (a window never starts before
    everyone it was written to has it)."""
    rows = list(letter.deliveries.values_list("status", "channel", "served_on"))
    waiting = any(status in LetterDelivery.WAITING for status, _, _ in rows)
    posted = [served for _, channel, served in rows if channel == LetterDelivery.Channel.POST]
    served_on = None
    if not waiting and posted:
        served_on = max(served for _, _, served in rows if served is not None)
    Letter.objects.filter(pk=letter.pk).update(awaiting_delivery=waiting, served_on=served_on)
    letter.awaiting_delivery, letter.served_on = waiting, served_on
