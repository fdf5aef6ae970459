"""Subject access: an area admin exports everything held about one case's applicant.

The export is built from every app's `privacy.subject_access` hook (agencies/privacy.py), as a
readable PDF and as JSON. The access audit records each download (audit/middleware.py).

The area admin downloads it to hand it over: both files are in the applicant's recorded
language (DOMAIN.md §5.12, as every letter to them is: triggers.recipients), whatever the
admin's own pages are in. A Welsh-speaking applicant of an area in Wales gets it in Welsh;
everyone else in English.
"""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache

from agencies import access, privacy
from agencies.language import ACTIVATE
from triggers import selectors
from triggers.letters import render_pdf
from triggers.recipients import applicant_of

FORMATS = ("pdf", "json")


def _case_for_admin(request, area, reference):
    """Only the area admins of the case's area handle subject access requests."""
    case = selectors.case_detail(request.user, area, reference)
    if case.area_id not in access.area_ids_for(request.user, roles=(access.Role.AREA_ADMIN,)):
        raise Http404
    return case


@login_required
def subject_access(request, area, reference):
    case = _case_for_admin(request, area, reference)
    context = {"case": case, "language": applicant_of(case).language}
    return render(request, "triggers/cases/subject_access.html", context)


@never_cache
@login_required
def subject_access_file(request, area, reference, fmt):
    case = _case_for_admin(request, area, reference)
    if fmt not in FORMATS:
        raise Http404
    language = applicant_of(case).language
    held = privacy.export_subject_access(case, language)
    filename = f"{case.reference}-subject-access.{fmt}"
    if fmt == "json":
        body = json.dumps(held, indent=2, ensure_ascii=False).encode()
        response = HttpResponse(body, content_type="application/json")
    else:
        context = {"case": case, "sections": held, "today": timezone.localdate()}
        # The applicant's language throughout, like the JSON: not the admin's page's, whose
        # "Ie" would stand alone among the held words.
        with translation.override(ACTIVATE[language]):
            context["lang"] = translation.get_language()
            pdf = render_pdf("triggers/cases/subject_access_pdf.html", context)
        response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
