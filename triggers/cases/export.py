"""The case list as a CSV file: every row of the current search and filter, streamed.

Only what the list itself may show goes in, and the applicant's email and phone only to
officers and admins, for their own areas' cases (the partner view, triggers/people.py).
Every cell goes through agencies.spreadsheets.csv_writer: names and addresses are the
public's words, never a live formula. The access audit records the download (audit/middleware).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.utils import timezone

from agencies import access
from agencies.spreadsheets import csv_writer
from triggers import selectors
from triggers.cases.forms import filters_from
from triggers.people import listed_person, shows_contact_in_lists

HEADINGS = [
    "Reference",
    "Area",
    "Received",
    "Status",
    "Next deadline",
    "Officer",
    "Applicant",
    "On behalf of",
    "Address",
    "Postcode",
    "Where the behaviour happens",
]
CONTACT_HEADINGS = ["Email", "Phone"]
ROWS_PER_FETCH = 500


class _Echo:
    """A file-like object whose write hands the line back, for streaming."""

    def write(self, value):
        return value


def case_row(case) -> list:
    person = listed_person(case)
    return [
        case.reference,
        case.area.name,
        timezone.localtime(case.received_at).date().isoformat(),
        case.get_status_display(),
        case.next_due.isoformat() if case.next_due else "",
        case.assigned_officer.full_name if case.assigned_officer else "",
        person.name,
        person.victim_name,
        person.address,
        person.postcode,
        person.location,
    ]


def _lines(user, cases):
    writer = csv_writer(_Echo())
    contact_for = shows_contact_in_lists(user)
    yield writer.writerow(HEADINGS + (CONTACT_HEADINGS if contact_for else []))
    for case in cases.iterator(chunk_size=ROWS_PER_FETCH):
        row = case_row(case)
        if contact_for:
            shown = contact_for(case)
            row += [case.applicant_email, case.applicant_phone] if shown else ["", ""]
        yield writer.writerow(row)


@login_required
def export(request):
    areas = list(access.areas_for(request.user))
    filters = filters_from(request.GET, areas)
    cases = selectors.case_list(request.user, filters)
    response = StreamingHttpResponse(_lines(request.user, cases), content_type="text/csv")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="cases-{stamp}.csv"'
    return response
