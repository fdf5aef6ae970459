"""Letters to applicants: rendered from a template to PDF (WeasyPrint) and kept as sent."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from triggers.models import Case, Letter


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
