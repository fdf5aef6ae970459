"""Recording what happens to a case: events, and status changes checked against the workflow.

Every stage records through these two functions, so the case's history is one table with
who, when and why (ARCHITECTURE.md, "The case workflow").
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from triggers import counts
from triggers.models import (
    Case,
    CaseEvent,
)
from triggers.workflow import Status, check_transition

# The history's words for a new private link: the subject access export finds the last one.
LINK_REISSUED = "New private link issued; the old one no longer works"
VICTIM_LINK_REISSUED = "New private link issued to the victim; any old one no longer works"


def record_event(
    case: Case,
    summary: str,
    *,
    by=None,
    reasons: str = "",
    from_status: str = "",
    to_status: str = "",
    at: datetime | None = None,
) -> CaseEvent:
    return CaseEvent.objects.create(
        area_id=case.area_id,
        case=case,
        at=at or timezone.now(),
        by=by,
        summary=summary,
        reasons=reasons,
        from_status=from_status,
        to_status=to_status,
    )


@transaction.atomic
def transition(
    case: Case,
    target: str,
    *,
    by=None,
    reasons: str = "",
    summary: str = "",
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
    record_event(
        case,
        summary or Status(target).label,
        by=by,
        reasons=reasons,
        from_status=previous,
        to_status=target,
    )
    return case
