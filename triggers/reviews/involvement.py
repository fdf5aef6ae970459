"""The victim's part in the review: how they take part in the meeting, and what they want
said (the statutory guidance, July 2025: the victim chooses how involved they are).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from agencies.wording import Term, Wording
from triggers.history import record_event
from triggers.meetings.services import current_round
from triggers.models import (
    Case,
    VictimInvolvement,
)
from triggers.reviews.services import ReviewRefused, email_officer
from triggers.workflow import Status

# Before the meeting only; a further review opens it again once its agencies are asked.
INVOLVEMENT_OPEN = frozenset({Status.AGENCIES_NOTIFIED, Status.REVIEW_SCHEDULED})


@dataclass
class InvolvementData:
    way: str
    advocate_name: str = ""
    advocate_contact: str = ""
    statement: str = ""
    impact: str = ""
    resolution: str = ""


def current_involvement(case: Case) -> VictimInvolvement | None:
    return case.involvements.filter(round=current_round(case)).first()


# Who said how the victim takes part, and whether for the first time (the history's words).
TAKING_PART = {
    ("applicant", True): gettext_noop("The applicant said how the victim takes part: %(way)s"),
    ("applicant", False): gettext_noop("The applicant changed how the victim takes part: %(way)s"),
    ("victim", True): gettext_noop("The victim said how the victim takes part: %(way)s"),
    ("victim", False): gettext_noop("The victim changed how the victim takes part: %(way)s"),
    ("staff", True): gettext_noop(
        "%(name)s, for the victim, said how the victim takes part: %(way)s"
    ),
    ("staff", False): gettext_noop(
        "%(name)s, for the victim, changed how the victim takes part: %(way)s"
    ),
}


@transaction.atomic
def record_involvement(
    case: Case, data: InvolvementData, *, by=None, party: str = "applicant"
) -> VictimInvolvement:
    """Keep how the victim takes part in this round's meeting (`by` is None when it came
    through a private link: `party` says whose, the applicant's or the victim's own).
    Giving it again replaces the earlier answer."""
    if case.status not in INVOLVEMENT_OPEN:
        raise ReviewRefused(
            gettext("The victim's part can be given before the review meeting only.")
        )
    if data.way not in VictimInvolvement.Way.values:
        raise ReviewRefused(gettext("Choose how the victim takes part."))
    if data.way == VictimInvolvement.Way.ADVOCATE and not (
        data.advocate_name.strip() and data.advocate_contact.strip()
    ):
        raise ReviewRefused(gettext("Give the advocate's name and how to contact them."))
    if data.way == VictimInvolvement.Way.WRITTEN and not data.statement.strip():
        raise ReviewRefused(gettext("Write the statement for the meeting."))
    fields = {k: (v.strip() if isinstance(v, str) else v) for k, v in vars(data).items()}
    if data.way != VictimInvolvement.Way.ADVOCATE:
        fields.update(advocate_name="", advocate_contact="")
    involvement, created = VictimInvolvement.objects.update_or_create(
        case=case,
        round=current_round(case),
        defaults={
            "area_id": case.area_id,
            "recorded_by": by,
            "recorded_at": timezone.now(),
            "party": "" if by else party,
            **fields,
        },
    )
    way = Term(involvement.get_way_display(), lower=True)
    if by is None:
        said = Wording(TAKING_PART[party, created], way=way)
    else:
        said = Wording(TAKING_PART["staff", created], name=by.full_name, way=way)
    record_event(case, said, by=by)
    if by is None and case.assigned_officer_id:
        email_officer(case, "involvement_given", f"involvement:{involvement.pk}:{timezone.now()}")
    return involvement
