"""Letters to applicants: rendered from a template to PDF (WeasyPrint) and kept as sent."""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from notifications.services import File, queue_email, queue_letter
from triggers.models import Case, Letter
from triggers.recipients import Role, recipients
from triggers.texts import text_people


def render_pdf(template: str, context: dict) -> bytes:
    """Render an HTML template to PDF. Fonts and styles are local: nothing is fetched."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=None).write_pdf()


def letter_context(case: Case, title: str, context: dict) -> dict:
    return {
        "case": case,
        "area": case.area,
        "title": title,
        "today": timezone.localdate(),
        **context,
    }


def write_letter(case: Case, kind: str, title: str, context: dict) -> Letter:
    """Render and store one letter. Call inside the service's transaction."""
    context = letter_context(case, title, context)
    pdf = render_pdf(f"triggers/letters/{kind}.html", context)
    return Letter.objects.create(
        area_id=case.area_id,
        case=case,
        kind=kind,
        title=title,
        pdf=pdf,
        sent_at=timezone.now(),
    )


def preview_pdf(case: Case, kind: str, title: str, context: dict) -> bytes:
    """The letter as it would be written today, as a PDF: nothing is stored."""
    return render_pdf(f"triggers/letters/{kind}.html", letter_context(case, title, context))


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
_INLINE_STYLE = re.compile(r'\sstyle="[^"]*"')
_HEADING = re.compile(r"<(/?)h([1-4])\b")


def preview_html(case: Case, kind: str, title: str, context: dict) -> SafeString:
    """The letter as it would be written today, for a check page: the same template the PDF
    uses, its body only (the page's own styles apply; the CSP allows no inline style), its
    headings two levels down so that they sit under the page's own."""
    html = render_to_string(f"triggers/letters/{kind}.html", letter_context(case, title, context))
    found = _BODY.search(html)
    # Safe: our own template's output, every value in it escaped by the template engine.
    body = _INLINE_STYLE.sub("", found.group(1) if found else html)
    return mark_safe(_HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 2}", body))  # noqa: S308


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
