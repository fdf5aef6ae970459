"""The meeting pack: one PDF with everything the review meeting reads, for the people invited.

Each copy carries its reader's name and the date on every page, so a copy that travels
further than it should can be traced back to the person it was made for.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from agencies import access
from agencies.wording import Wording
from triggers.history import record_event
from triggers.letters import render_pdf
from triggers.meetings.services import current_meeting, current_round
from triggers.models import Case, InformationRequest
from triggers.people import applicant_for
from triggers.selectors import chronology, shared_notes


def may_read_pack(user, case) -> bool:
    """Officers of the area may always prepare the pack; the chair and the invited agencies'
    responders may read it once the meeting is arranged."""
    meeting = current_meeting(case) or case.review_meetings.exclude(status="cancelled").first()
    return access.may_read_meeting_pack(user, case, meeting)


def pack_context(case: Case, reader) -> dict:
    """Everything the pack shows, read in a fixed number of queries whatever its size."""
    this_round = current_round(case)
    requests = (
        case.information_requests.filter(round=this_round)
        .exclude(status=InformationRequest.Status.NO_LONGER_NEEDED)
        .select_related("agency", "information_return")
        .order_by("agency__name")
    )
    today = timezone.localdate()
    return {
        "watermark_css": css_string(f"Copy for {reader.full_name} · {today:%d %B %Y}"),
        "case": case,
        "applicant": applicant_for(reader, case),
        "area": case.area,
        "reader": reader,
        "today": today,
        "round": this_round,
        "meeting": case.review_meetings.filter(round=this_round)
        .exclude(status="cancelled")
        .select_related("chair")
        .first(),
        "complaints": case.complaints.select_related("reported_to"),
        # Shared notes only: a private note never leaves the area's staff, whoever reads.
        "chronology": chronology(case, include_returns=True, notes=shared_notes(case)),
        "requests": requests,
        "involvement": case.involvements.filter(round=this_round).first(),
    }


def meeting_pack(case: Case, reader) -> bytes:
    """The pack as a PDF, watermarked for `reader`."""
    return render_pdf("triggers/meetings/pack.html", pack_context(case, reader))


@transaction.atomic
def copy_for(case: Case, reader) -> bytes:
    """A reader's copy of the pack, recorded in the case's history: who took one, and when."""
    pdf = meeting_pack(case, reader)
    taken = Wording("Meeting pack downloaded by %(reader)s", reader=reader.full_name)
    record_event(case, taken, by=reader)
    return pdf


def filename(case: Case) -> str:
    return f"{case.reference}-meeting-pack.pdf"


def css_string(text: str) -> str:
    """`text` as a quoted CSS string. HTML escaping does not apply inside <style>, so a name
    is escaped the CSS way (and "<" too, so that no name can close the style element)."""
    escaped = "".join(f"\\{ord(ch):x} " if ch in '\\"<>' or ord(ch) < 32 else ch for ch in text)
    return f'"{escaped}"'
