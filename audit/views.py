"""Area admins read and export the access audit of their own areas."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from agencies import access
from agencies.spreadsheets import csv_writer

from .models import AccessRecord

RECORDS_PER_PAGE = 50
CSV_COLUMNS = (
    "at",
    "who",
    "action",
    "case_reference",
    "url_name",
    "object_type",
    "object_id",
    "method",
    "api_token",
)


def records_for(request):
    """The audit rows of the areas the user administers, filtered by case reference."""
    areas = access.administered_areas_for(request.user)
    if not areas.exists():
        raise Http404
    records = AccessRecord.objects.filter(area__in=areas).select_related("area")
    reference = request.GET.get("reference", "").strip()
    if reference:
        records = records.filter(case_reference__iexact=reference)
    return records, reference


@login_required
def log(request):
    records, reference = records_for(request)
    page = Paginator(records, RECORDS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"page": page, "reference": reference})


@login_required
def export(request):
    records, _ = records_for(request)
    response = HttpResponse(content_type="text/csv")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="access-audit-{stamp}.csv"'
    # Query strings and names are a visitor's words: never a live formula in a spreadsheet.
    writer = csv_writer(response)
    writer.writerow([*CSV_COLUMNS, "area", "ip_address"])
    for record in records.iterator(chunk_size=2000):
        row = [getattr(record, column) for column in CSV_COLUMNS]
        row[0] = timezone.localtime(record.at).isoformat()
        writer.writerow([*row, record.area.name if record.area else "", record.ip_address or ""])
    return response
