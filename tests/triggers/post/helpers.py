"""Cases whose applicant is written to by post, built through the real services."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from tests.factories import complaint_data, make_case
from triggers.models import Letter
from triggers.threshold.services import decide_threshold

ADDRESS = "Flat 2\n14 Mill Lane\nNorthtown"
POSTCODE = "NT1 2AB"


def postal_case(side, *, address=ADDRESS, postcode=POSTCODE, email="", name="Pat Post"):
    """A case whose applicant chose post; its threshold decided not met (so a letter with a
    window to appeal), on one report only."""
    case = make_case(
        side.area,
        complaints=[complaint_data(20)],
        applicant_name=name,
        applicant_email=email,
        data={
            "contact_method": "post",
            "applicant_address": address,
            "applicant_postcode": postcode,
        },
    )
    decide_threshold(case, "not_met", by=side.officer, reasons="Only one report was made.")
    case.refresh_from_db()
    return case


def written_on(case, day: date) -> None:
    """The case's letters as if written on `day` (a letter cannot be posted before it was)."""
    Letter.objects.filter(case=case).update(
        sent_at=timezone.make_aware(datetime.combine(day, time(10))), dated_on=day
    )
