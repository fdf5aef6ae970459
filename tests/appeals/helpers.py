"""Cases at the points where an applicant may appeal, built through the real services."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

from django.utils import timezone

from appeals import decisions, lodging
from appeals.models import Appeal
from tests.factories import complaint_data, make_case
from triggers.meetings import services as meetings
from triggers.reviews import services as reviews
from triggers.threshold.services import decide_threshold
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
    """The current round's review through the real services: meeting arranged, review
    recorded with one action, the victim's comment, the plan finalised, the outcome sent."""
    # The meeting was arranged a week ago for yesterday: a review is recorded on or after its
    # meeting's day (DOMAIN.md §5.3).
    now = timezone.now()
    start = now - timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=8)):
        meetings.schedule_review(
            case,
            meetings.MeetingData(
                starts_at=start, ends_at=start + timedelta(hours=1), chair=side.chair, venue="Hall"
            ),
            by=side.officer,
        )
    review = reviews.record_review(
        case,
        reviews.ReviewData(
            without_missing_returns=True,
            attendance="Chair, council, police.",
            findings="Persistent noise at night.",
            recommendations=[reviews.RecommendationData(side.police, "Patrol at night.")],
            actions=[
                reviews.ActionData(
                    side.police, "Late-night patrols.", timezone.localdate() + timedelta(days=30)
                )
            ],
        ),
        by=side.officer,
    )
    reviews.comment_on_plan(case, "Please add weekends.")
    reviews.finalise_plan(review, by=side.officer)
    reviews.send_outcome(review, by=side.officer)
    case.refresh_from_db()
    return case


def outcome_sent_case(side):
    """A case reviewed once (round 1 requests and meeting) with its outcome sent."""
    decide_threshold(side.case, "met", by=side.officer)
    return hold_review(side.case, side)


# Grounds that fit a review's outcome letter (no "threshold wrongly refused").
OUTCOME_GROUNDS = [Appeal.Ground.PROCESS_NOT_FOLLOWED, Appeal.Ground.RECOMMENDATIONS_INADEQUATE]


def lodge(
    case,
    grounds=None,
    late_reason="",
    kind=Appeal.Kind.APPEAL,
    party=Appeal.Party.APPLICANT,
    **kwargs,
):
    if grounds is None:
        target = lodging.appealable(case)
        against_outcome = target is not None and target.decision == Appeal.Decision.OUTCOME
        grounds = OUTCOME_GROUNDS if against_outcome else GROUNDS
    return lodging.lodge_appeal(
        case,
        lodging.AppealData(
            grounds=list(grounds),
            explanation="Nobody looked at my diary of incidents.",
            late_reason=late_reason,
            kind=kind,
            party=party,
        ),
        **kwargs,
    )


def findings(appeal, made_out: bool):
    return [
        decisions.Finding(ground=g.ground, made_out=made_out, finding="Looked at the file.")
        for g in appeal.grounds.all()
    ]
