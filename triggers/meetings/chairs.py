"""Handing the review meeting to another chair: the new chair is invited, the old one let go.

The calendar file keeps the meeting's UID and goes up a SEQUENCE, like any change: the new
chair's calendar gets the meeting, the old chair's loses it, and everyone else's shows the
new chair's name.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext

from agencies.models import RoleAssignment, User
from agencies.wording import Wording
from triggers.history import record_event
from triggers.meetings.services import (
    Invitee,
    MeetingRefused,
    _send,
    invitees,
    possible_chairs,
)
from triggers.models import ReviewMeeting

Role = RoleAssignment.Role


@transaction.atomic
def change_chair(meeting: ReviewMeeting, chair, *, by, reason: str = "") -> ReviewMeeting:
    """Give the meeting to `chair` (the area's staff or its named independent chairs)."""
    meeting = (
        ReviewMeeting.objects.select_for_update(of=("self",))
        .select_related("chair", "case__area")
        .get(pk=meeting.pk)
    )
    case = meeting.case
    if meeting.status != ReviewMeeting.Status.SCHEDULED:
        raise MeetingRefused("Only a meeting that is still arranged can change its chair.")
    if not possible_chairs(case).filter(pk=chair.pk).exists():
        raise MeetingRefused("Choose a chair from the list.")
    old = meeting.chair
    if old.pk == chair.pk:
        return meeting
    meeting.chair = chair
    meeting.sequence += 1
    meeting.save(update_fields=["chair", "sequence"])
    record_event(
        case,
        Wording(
            "Review meeting handed from %(old)s to %(chair)s to chair",
            old=old.full_name,
            chair=chair.full_name,
        ),
        by=by,
        reasons=reason.strip(),
    )
    for invitee in invitees(meeting):
        template = "meeting_invitation" if invitee.kind == "chair" else "meeting_updated"
        _send(meeting, invitee, template, "REQUEST")
    if old.email.lower() not in {i.email for i in invitees(meeting)}:
        let_go = f"{chair.full_name} now chairs it. {reason.strip()}".strip()
        former = Invitee(old.email, old.full_name, "other")
        _send(meeting, former, "meeting_cancelled", "CANCEL", reason=let_go)
    return meeting


# --- The area's named independent chairs ----------------------------------------------------
# A chair independent of the agencies is named for an area by its admins: the review chair
# role held for that area. The role's own history (simple-history) records who was named and
# when; `possible_chairs` offers them beside the area's staff.


def independent_chairs(area):
    return (
        User.objects.filter(roles__role=Role.REVIEW_CHAIR, roles__area=area)
        .distinct()
        .order_by("full_name")
    )


@transaction.atomic
def name_independent_chair(area, email: str) -> User:
    """Name the staff account with `email` as an independent chair for `area`."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise MeetingRefused(
            gettext(
                "There is no active staff account with that email address: ask a platform "
                "admin to create one first"
            )
        )
    RoleAssignment.objects.get_or_create(user=user, role=Role.REVIEW_CHAIR, area=area)
    return user


@transaction.atomic
def withdraw_independent_chair(area, user_id: int) -> None:
    """Take a chair off the area's list. Meetings they already chair keep them (the case is
    handed to another chair on its own page), so nobody loses a meeting without being told."""
    RoleAssignment.objects.filter(user_id=user_id, role=Role.REVIEW_CHAIR, area=area).delete()
