"""Cases at the points where an applicant may appeal, built through the real services."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from appeals import services
from appeals.models import Appeal
from tests.factories import complaint_data, make_case
from triggers import meetings
from triggers.models import Letter
from triggers.services import decide_threshold, transition
from triggers.workflow import Status

GROUNDS = [Appeal.Ground.THRESHOLD_WRONGLY_REFUSED, Appeal.Ground.INFORMATION_NOT_CONSIDERED]


def not_met_case(side):
    """A case whose threshold was decided not met (one report only), letter sent today."""
    case = make_case(side.area, complaints=[complaint_data(20)])
    decide_threshold(case, "not_met", by=side.officer, reasons="Only one report was made.")
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET
    return case


def hold_review(case, side):
    """Arrange and hold the review meeting of the current round, then send the outcome."""
    start = timezone.now() + timedelta(days=3)
    meetings.schedule_review(
        case,
        meetings.MeetingData(
            starts_at=start, ends_at=start + timedelta(hours=1), chair=side.chair, venue="Hall"
        ),
        by=side.officer,
    )
    transition(case, Status.REVIEW_HELD, by=side.officer)
    send_outcome_letter(case)
    transition(case, Status.OUTCOME_SENT, by=side.officer)
    case.refresh_from_db()
    return case


def send_outcome_letter(case):
    # The outcome letter's own service lives on the review branch; the letter row is what an
    # appeal is lodged against.
    return Letter.objects.create(
        area=case.area,
        case=case,
        kind=Letter.Kind.OUTCOME,
        title="The outcome of your case review",
        pdf=b"%PDF-1.4 outcome",
        sent_at=timezone.now(),
    )


def outcome_sent_case(side):
    """A case reviewed once (round 1 requests and meeting) with its outcome sent."""
    decide_threshold(side.case, "met", by=side.officer)
    return hold_review(side.case, side)


def lodge(case, grounds=GROUNDS, late_reason="", **kwargs):
    return services.lodge_appeal(
        case,
        services.AppealData(
            grounds=list(grounds),
            explanation="Nobody looked at my diary of incidents.",
            late_reason=late_reason,
        ),
        **kwargs,
    )


def findings(appeal, made_out: bool):
    return [
        services.Finding(ground=g.ground, made_out=made_out, finding="Looked at the file.")
        for g in appeal.grounds.all()
    ]
