"""When a decided possible review comes back: the person's complaints after the decision.

Our rule (a product decision; DOMAIN.md §2, the 2023 ASB Action Plan's proactive reviews):
a decision covers the complaints known when it was made. A dismissal covers the complaints
reported up to the day it was made; a case started from the records covers them up to the day
the case closed (while it is open the person is not listed at all: the open-case rule). When
the complaints reported *after* that day meet the area's threshold on their own, by either of
the engine's routes, the person comes back to the list as a new possible review, with every
record shown, and the earlier decision kept beside it (EarlierDecision) for the officer to
read. Fewer complaints than the threshold after a dismissal do not undo it, however many came
before: those were the officer's to weigh, and they did.

Which complaints are "after": by the day the body says it was reported (`reported_date`), not
the day the record reached us. The engine counts from the reported date, as the law does; the
day of import depends on when and how a body sends (monthly files, a whole history sent again
under new references after a system change), which would make old complaints look new and
undo a decision on nothing the person did. The cost, accepted: a complaint made before the
decision but sent late counts as covered, as does one made on the decision's own day (the
dates have no time). A new report of an incident already covered (the same person, the same
day, to another body) is the same incident and stays covered, as the engine counts it once.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from incidents.models import IncidentRecord
from triggers.models import EarlierDecision, PossibleReview
from triggers.proactive import evidence as ev

Status = PossibleReview.Status


def covered_until(possible: PossibleReview) -> date | None:
    """The last day whose complaints the decision covers; None while it covers all to come
    (a case still open, or one no longer here)."""
    if possible.status == Status.DISMISSED and possible.dismissed_at:
        return timezone.localdate(possible.dismissed_at)
    if possible.status == Status.STARTED and possible.case and possible.case.closed_at:
        return timezone.localdate(possible.case.closed_at)
    return None


def reported_after(records: list[IncidentRecord], until: date) -> list[IncidentRecord]:
    """The complaints made after `until`, less new reports of an incident it covered."""
    covered = {r.incident_date for r in records if r.reported_date <= until}
    return [r for r in records if r.reported_date > until and r.incident_date not in covered]


def meets_again(area, records: list[IncidentRecord], until: date | None, today: date) -> bool:
    """Do the complaints after `until` meet the threshold on their own?"""
    if until is None:
        return False
    after = reported_after(records, until)
    return bool(after) and ev.assess_records(area, after, today).threshold_met


def last_cover(possible: PossibleReview) -> date | None:
    """For one back on the list: the day its latest earlier decision covered; else None."""
    latest = possible.earlier_decisions.first()
    return latest.covered_until if latest else None


def listed(area, possible: PossibleReview, records, today: date) -> bool:
    """Is one the engine finds meeting the threshold, with no open case, on the list?

    One offered stays (the officer is acting on it). One new is, unless it came back from a
    decision and its later complaints no longer meet the threshold on their own. A decided
    one is when its later complaints do: it is set aside here, new again."""
    if possible.status == Status.OFFERED:
        return True
    if possible.status == Status.NEW:
        until = last_cover(possible)
        return until is None or meets_again(area, records, until, today)
    if meets_again(area, records, covered_until(possible), today):
        set_aside(possible)
        return True
    return False


def set_aside(possible: PossibleReview) -> EarlierDecision:
    """The decided possible review is back: its decision is kept as history, and it is new
    again (found now)."""
    started = possible.status == Status.STARTED
    case = possible.case if started else None
    earlier = EarlierDecision.objects.create(
        area_id=possible.area_id,
        possible=possible,
        status=possible.status,
        decided_at=case.received_at if case else possible.dismissed_at,
        decided_by=case.recorded_by if case else possible.dismissed_by,
        dismissal_reason=possible.dismissal_reason,
        dismissal_details=possible.dismissal_details,
        case=case,
        covered_until=covered_until(possible),
        returned_at=timezone.now(),
    )
    possible.status, possible.case, possible.found_at = Status.NEW, None, timezone.now()
    possible.dismissed_at = possible.dismissed_by = None
    possible.dismissal_reason = possible.dismissal_details = ""
    return earlier


def restore(possible: PossibleReview) -> None:
    """One back on the list whose later complaints no longer meet the threshold on their own
    (deleted, or past the six months) leaves it as it was decided before."""
    earlier = possible.earlier_decisions.first()
    possible.status = earlier.status
    if earlier.status == Status.STARTED:
        possible.case = earlier.case
    else:
        possible.dismissed_at, possible.dismissed_by = earlier.decided_at, earlier.decided_by
        possible.dismissal_reason = earlier.dismissal_reason
        possible.dismissal_details = earlier.dismissal_details
    possible.save()
    earlier.delete()
