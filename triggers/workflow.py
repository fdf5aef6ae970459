"""The case's status workflow: the one table of allowed transitions (like Signalen's).

Services check every status change against `ALLOWED`; nothing else changes a case's status.
An upheld appeal sends the case back to `further_review`, which re-enters the review at
`agencies_notified`, or to `submitted`-like re-decision through `threshold_redecision`.
"""

from django.db import models


class Status(models.TextChoices):
    SUBMITTED = "submitted", "Application received"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    THRESHOLD_MET = "threshold_met", "Threshold met"
    MET_ON_DISCRETION = "met_on_discretion", "Review ordered on discretion"
    THRESHOLD_NOT_MET = "threshold_not_met", "Threshold not met"
    AGENCIES_NOTIFIED = "agencies_notified", "Agencies asked for information"
    REVIEW_SCHEDULED = "review_scheduled", "Review meeting arranged"
    REVIEW_HELD = "review_held", "Review meeting held"
    OUTCOME_SENT = "outcome_sent", "Outcome sent"
    ACTIONS_IN_PROGRESS = "actions_in_progress", "Action plan in progress"
    APPEALED = "appealed", "Appeal lodged"
    FURTHER_REVIEW = "further_review", "Further review ordered"
    THRESHOLD_REDECISION = "threshold_redecision", "Threshold to be decided again"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"


S = Status

# The colour of each status's GOV.UK tag: grey when finished, red when refused, light blue
# while new, orange while an appeal or a second decision is pending, green while in hand.
TAG_MODIFIER = {
    S.CLOSED: "govuk-tag--grey",
    S.WITHDRAWN: "govuk-tag--grey",
    S.THRESHOLD_NOT_MET: "govuk-tag--red",
    S.SUBMITTED: "govuk-tag--light-blue",
    S.ACKNOWLEDGED: "govuk-tag--light-blue",
    S.APPEALED: "govuk-tag--orange",
    S.FURTHER_REVIEW: "govuk-tag--orange",
    S.THRESHOLD_REDECISION: "govuk-tag--orange",
}

ALLOWED: dict[str, frozenset[str]] = {
    S.SUBMITTED: frozenset(
        {S.ACKNOWLEDGED, S.THRESHOLD_MET, S.MET_ON_DISCRETION, S.THRESHOLD_NOT_MET, S.WITHDRAWN}
    ),
    S.ACKNOWLEDGED: frozenset(
        {S.THRESHOLD_MET, S.MET_ON_DISCRETION, S.THRESHOLD_NOT_MET, S.WITHDRAWN}
    ),
    S.THRESHOLD_MET: frozenset({S.AGENCIES_NOTIFIED, S.WITHDRAWN}),
    S.MET_ON_DISCRETION: frozenset({S.AGENCIES_NOTIFIED, S.WITHDRAWN}),
    S.THRESHOLD_NOT_MET: frozenset({S.APPEALED, S.CLOSED, S.WITHDRAWN}),
    S.AGENCIES_NOTIFIED: frozenset({S.REVIEW_SCHEDULED, S.WITHDRAWN}),
    S.REVIEW_SCHEDULED: frozenset({S.REVIEW_HELD, S.AGENCIES_NOTIFIED, S.WITHDRAWN}),
    S.REVIEW_HELD: frozenset({S.OUTCOME_SENT, S.WITHDRAWN}),
    S.OUTCOME_SENT: frozenset({S.ACTIONS_IN_PROGRESS, S.APPEALED, S.CLOSED, S.WITHDRAWN}),
    S.ACTIONS_IN_PROGRESS: frozenset({S.APPEALED, S.CLOSED, S.WITHDRAWN}),
    S.APPEALED: frozenset(
        {
            S.FURTHER_REVIEW,
            S.THRESHOLD_REDECISION,
            S.OUTCOME_SENT,
            S.ACTIONS_IN_PROGRESS,
            S.THRESHOLD_NOT_MET,
            S.CLOSED,
            S.WITHDRAWN,
        }
    ),
    S.FURTHER_REVIEW: frozenset({S.AGENCIES_NOTIFIED, S.WITHDRAWN}),
    S.THRESHOLD_REDECISION: frozenset(
        {S.THRESHOLD_MET, S.MET_ON_DISCRETION, S.THRESHOLD_NOT_MET, S.WITHDRAWN}
    ),
    S.CLOSED: frozenset(),
    S.WITHDRAWN: frozenset(),
}

OPEN_STATUSES = frozenset(ALLOWED) - {S.CLOSED, S.WITHDRAWN}
AWAITING_THRESHOLD_DECISION = frozenset({S.SUBMITTED, S.ACKNOWLEDGED, S.THRESHOLD_REDECISION})


class TransitionNotAllowed(Exception):
    """A status change the workflow table does not allow."""

    def __init__(self, current: str, target: str):
        self.current, self.target = current, target
        super().__init__(
            f"A case that is '{Status(current).label}' cannot become '{Status(target).label}'."
        )


def check_transition(current: str, target: str) -> None:
    if target not in ALLOWED[current]:
        raise TransitionNotAllowed(current, target)
