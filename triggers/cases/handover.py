"""Handing a case over: to another officer of its area, and its review to another chair.

The new officer is told through the outbox, and so is the one who hands it over (when it is
not they who do it), so nobody learns of it only from the case list.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext

from agencies.models import RoleAssignment, User
from agencies.site import site_url
from agencies.wording import Wording
from notifications.services import queue_email
from triggers.history import record_event
from triggers.meetings import chairs
from triggers.meetings import services as meetings
from triggers.models import Case


class HandoverRefused(ValueError):
    """A hand-over that cannot be made: someone outside the area, say."""


def possible_officers(case: Case):
    """Who may take the case: the active case officers and admins of its own area."""
    return (
        User.objects.filter(
            is_active=True,
            roles__role__in=RoleAssignment.AREA_ROLES,
            roles__area_id=case.area_id,
        )
        .distinct()
        .order_by("full_name")
    )


@transaction.atomic
def hand_over(case: Case, officer, *, by, chair=None, reason: str = "") -> Case:
    """Make `officer` the case's officer, and `chair` the chair of its arranged meeting."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if not possible_officers(case).filter(pk=officer.pk).exists():
        raise HandoverRefused(gettext("Choose an officer of this area from the list."))
    previous = case.assigned_officer
    if previous is None or previous.pk != officer.pk:
        case.assigned_officer = officer
        case.save(update_fields=["assigned_officer", "updated_at"])
        record_event(case, _handed_over(previous, officer), by=by, reasons=reason.strip())
        _tell(case, officer, taking=True, by=by, key="officer")
        if previous is not None and previous.pk != by.pk:
            _tell(case, previous, taking=False, by=by, key="officer")
    meeting = meetings.current_meeting(case)
    if chair is not None and meeting is not None:
        try:
            chairs.change_chair(meeting, chair, by=by, reason=reason)
        except meetings.MeetingRefused as refused:
            raise HandoverRefused(str(refused)) from None
    return case


def _handed_over(previous, officer) -> Wording:
    if previous is None:
        return Wording("Case handed over to %(officer)s", officer=officer.full_name)
    return Wording(
        "Case handed over from %(previous)s to %(officer)s",
        previous=previous.full_name,
        officer=officer.full_name,
    )


def _tell(case: Case, person, *, taking: bool, by, key: str) -> None:
    queue_email(
        key=f"handover:{case.pk}:{case.events.count()}:{key}:{person.pk}",
        to=person.email,
        template="case_handed_over",
        context={
            "case": case,
            "person": person,
            "taking": taking,
            "by": by,
            "officer": case.assigned_officer,
            "case_url": f"{site_url()}"
            f"{reverse('case_detail', args=[case.area.slug, case.reference])}",
        },
        topic="Case handed over",
        area=case.area,
        reference=case.reference,
    )
