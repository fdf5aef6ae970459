"""Cases whose applicant is written to by post, built through the real services."""

from __future__ import annotations

from tests.factories import complaint_data, make_case
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
