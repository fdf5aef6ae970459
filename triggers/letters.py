"""Letters to applicants: rendered from a template to PDF (WeasyPrint) and kept as sent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from notifications.services import File, queue_email
from triggers.models import Case, Letter
from triggers.recipients import recipients


def render_pdf(template: str, context: dict) -> bytes:
    """Render an HTML template to PDF. Fonts and styles are local: nothing is fetched."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=None).write_pdf()


@dataclass(frozen=True)
class Contact:
    """Who the applicant deals with: one person, in one team, at one address."""

    name: str
    team: str
    email: str
    phone: str


def single_point_of_contact(case: Case) -> Contact:
    """The case's officer by name, and the area's team: the acknowledgement, every letter and
    every email to the applicant name the same contact (issue #17)."""
    area = case.area
    team = area.spoc_name or f"{area.name} ASB case review team"
    officer = case.assigned_officer if case.assigned_officer_id else None
    return Contact(
        name=officer.full_name if officer else team,
        team=team,
        email=area.spoc_email,
        phone=area.spoc_phone,
    )


def letter_context(case: Case, title: str, context: dict) -> dict:
    return {
        "case": case,
        "area": case.area,
        "contact": single_point_of_contact(case),
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


def send_letter(letter: Letter, *, template: str, key: str, context: dict, topic: str = "") -> None:
    """Send a written letter to everyone on its case who receives letters, each the way they
    are reached. `template` names the covering email; `key` is the letter's outbox key."""
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
