"""Recording what happens to a case: events, and status changes checked against the workflow.

Every stage records through these two functions, so the case's history is one table with
who, when and why (ARCHITECTURE.md, "The case workflow").
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_noop

from agencies.wording import Term, Wording
from triggers import counts
from triggers.models import (
    Case,
    CaseEvent,
)
from triggers.workflow import Status, check_transition

# Sent inside the transaction of the service that completes a stage, with `area` (the area's
# id), `what` (a set of names: "application_received", "acknowledged", "threshold_decided",
# "information_returned", "review_held", "outcome_sent", "appeal" for an appeal or PCC review
# lodged, decided or withdrawn) and `days` (the local days the stage counts on, and any day it
# counted on before). figures keeps its summary of each day from it (figures/summary.py):
# triggers sit below figures and must not import them. A receiver that raises undoes the service.
stage_completed = Signal()

# The history's words for a new private link: the subject access export finds the last one.
LINK_REISSUED = gettext_noop("New private link issued; the old one no longer works")
VICTIM_LINK_REISSUED = gettext_noop(
    "New private link issued to the victim; any old one no longer works"
)


def record_event(
    case: Case,
    summary: str | Wording,
    *,
    by=None,
    reasons: str | Wording = "",
    from_status: str = "",
    to_status: str = "",
    at: datetime | None = None,
) -> CaseEvent:
    """Record a step in the case's history. The record is English, whoever is reading; a
    `Wording` keeps the words as data too, so the timeline says them in the reader's language
    (a plain str is someone's own words, or an older caller, and shows as written)."""
    words = {
        part: (text if isinstance(text, Wording) else Wording.joined(text)).stored()
        for part, text in (("summary", summary), ("reasons", reasons))
        if isinstance(text, Wording | Term) and str(text)
    }
    return CaseEvent.objects.create(
        area_id=case.area_id,
        case=case,
        at=at or timezone.now(),
        by=by,
        summary=str(summary)[: CaseEvent._meta.get_field("summary").max_length],
        reasons=str(reasons),
        words=words,
        from_status=from_status,
        to_status=to_status,
    )


def completed(case: Case, what: str, *moments) -> None:
    """Say that a stage of `case` completed: `moments` are the dates or date-times it counts
    on (a date-time counts on its local day)."""
    days = {
        timezone.localtime(m).date() if isinstance(m, datetime) else m
        for m in moments
        if m is not None
    }
    stage_completed.send(sender=Case, area=case.area_id, what={what}, days=days)


def _completed_by_transition(previous: str, target: str) -> set[str]:
    """The stages a status change completes on the day it happens. A threshold decision, a
    review and an outcome say so themselves (`completed`), with the day they count on."""
    what = set()
    if target == Status.ACKNOWLEDGED:
        what.add("acknowledged")
    if Status.APPEALED in (previous, target):
        what.add("appeal")
    return what


@transaction.atomic
def transition(
    case: Case,
    target: str,
    *,
    by=None,
    reasons: str | Wording = "",
    summary: str | Wording = "",
    next_due: date | None = None,
) -> Case:
    """Move a case to `target` if the workflow allows it, and record who, when and why."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    check_transition(case.status, target)
    previous = case.status
    case.status = target
    case.next_due = next_due
    if target in (Status.CLOSED, Status.WITHDRAWN):
        case.closed_at = timezone.now()
    case.save(update_fields=["status", "next_due", "closed_at", "updated_at"])
    # The area's per-status counts move with the case, in this transaction.
    counts.status_moved(case.area_id, leaving=previous, entering=target)
    event = record_event(
        case,
        summary or Wording(Status(target).label),
        by=by,
        reasons=reasons,
        from_status=previous,
        to_status=target,
    )
    what = _completed_by_transition(previous, target)
    if what:
        day = timezone.localtime(event.at).date()
        stage_completed.send(sender=Case, area=case.area_id, what=what, days={day})
    return case
