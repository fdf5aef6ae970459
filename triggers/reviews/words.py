"""The review stage's words for the case's history, kept as data (agencies.wording) so that
the timeline says them in its reader's language."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_noop

from agencies.wording import Term, Wording
from triggers.models import PlanComment, ReviewRecord
from triggers.reviews import holding

PLAN_COMMENTED = {
    "applicant": gettext_noop("The applicant commented on the draft action plan"),
    "victim": gettext_noop("The victim commented on the draft action plan"),
}


def plan_commented(party: str) -> Wording:
    return Wording(PLAN_COMMENTED.get(party, PLAN_COMMENTED["applicant"]))


def plan_counts(recommendations: int, actions: int) -> Wording:
    """ "1 recommendation, 2 actions." """
    return Wording(
        "%(recommendations)s, %(actions)s.",
        recommendations=Wording(
            "%(count)s recommendation", plural="%(count)s recommendations", count=recommendations
        ),
        actions=Wording("%(count)s action", plural="%(count)s actions", count=actions),
    )


def review_held(
    held_on: date, counts: Wording, dates: holding.Deadlines, missing: list[str]
) -> Wording:
    """ "Held on 1 April 2026. 1 recommendation, 2 actions. The outcome is due by …", why it
    is due later than the area's timescale when the review was recorded late, and the bodies
    whose information the review went without."""
    return Wording.joined(
        Wording("Held on %(day)s.", day=held_on),
        counts,
        Wording("The outcome is due by %(day)s.", day=dates.outcome_due),
        dates.policy_due
        and Wording(
            "The review was recorded late, so the victim's consultation on the draft plan "
            "ends on %(closes)s: the outcome is due the working day after, instead of "
            "%(policy)s, so that their time to comment is not cut short.",
            closes=dates.consultation_closes,
            policy=dates.policy_due,
        ),
        missing
        and Wording("Recorded without information from %(bodies)s.", bodies=", ".join(missing)),
    )


def victim_response(review: ReviewRecord, *, commented: bool, closed: date) -> Term | Wording:
    """What the victim said of the draft plan; with the day consultation `closed` (for
    everyone asked, by email or by post) when they said nothing."""
    response = Term(ReviewRecord.VictimResponse(review.victim_response).label)
    if commented:
        return response
    return Wording("%(response)s (%(day)s)", response=response, day=closed)


# Who gave the comments an officer recorded for them (the history's words).
COMMENT_RECORDED = {
    "applicant": gettext_noop(
        "%(name)s recorded the applicant's comments on the draft action plan, received %(how)s"
    ),
    "victim": gettext_noop(
        "%(name)s recorded the victim's comments on the draft action plan, received %(how)s"
    ),
}


def plan_comment_recorded(comment: PlanComment) -> Wording:
    return Wording(
        COMMENT_RECORDED.get(comment.party, COMMENT_RECORDED["applicant"]),
        name=comment.recorded_by.full_name,
        how=Term(comment.get_received_display(), lower=True),
    )
