"""Letters to applicants: rendered from a template to PDF (WeasyPrint) and kept as sent."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from notifications.services import File, queue_email, queue_letter
from triggers.models import Case, Letter
from triggers.recipients import Role, recipients
from triggers.texts import text_people


def render_pdf(template: str, context: dict) -> bytes:
    """Render an HTML template to PDF. Fonts and styles are local: nothing is fetched."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=None).write_pdf()


def write_letter(case: Case, kind: str, title: str, context: dict) -> Letter:
    """Render and store one letter. Call inside the service's transaction."""
    context = {
        "case": case,
        "area": case.area,
        "title": title,
        "today": timezone.localdate(),
        **context,
    }
    pdf = render_pdf(f"triggers/letters/{kind}.html", context)
    return Letter.objects.create(
        area_id=case.area_id,
        case=case,
        kind=kind,
        title=title,
        pdf=pdf,
        sent_at=timezone.now(),
    )


def send_letter(
    letter: Letter,
    *,
    template: str,
    key: str,
    context: dict,
    topic: str = "",
    text: str = "letter_ready",
) -> None:
    """Send a written letter to everyone on its case who receives letters, each the way they
    are reached. `template` names the covering email; `key` is the letter's outbox key;
    `text` names the short text sent to those who want texts (notifications/text/)."""
    case = letter.case
    pdf = File(letter.filename, "application/pdf", bytes(letter.pdf))
    for person in recipients(case):
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
        # The PDF is addressed to the applicant, so only theirs can be posted as it is.
        if person.role == Role.APPLICANT and person.wants_post and person.has_postal_address:
            queue_letter(
                key=person.key(f"{key}:post"),
                letter=pdf,
                topic=topic or letter.get_kind_display(),
                area=case.area,
                reference=case.reference,
            )
    text_people(case, text, key=key, topic=topic or letter.get_kind_display())
