"""When a review can be recorded, and the day it was held (DOMAIN.md §5.3).

A review is recorded on or after the day its meeting is held, never before; the record keeps
the day the meeting was held (the meeting's date, or a later day the officer confirms, never
in the future), which is the day the figures count it. Recording while some agencies have
not returned their information needs the officer's confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from agencies.working_days import add_working_days
from triggers.models import Case, InformationRequest, ReviewMeeting


class NotYetHeld(ValueError):
    """The meeting has not been held yet: the message says from when it can be recorded."""


class ReturnsMissing(ValueError):
    """Some agencies have not returned their information and the officer did not confirm."""

    def __init__(self, agencies: list[str]):
        self.agencies = agencies
        super().__init__(
            f"{_names(agencies)} {'has' if len(agencies) == 1 else 'have'} not returned "
            "information: confirm that you are recording the review without it."
        )


@dataclass(frozen=True)
class Deadlines:
    """The review's two dates: the victim's consultation on the draft plan, and the outcome.
    `policy_due` is the outcome's day under the area's timescale when `outcome_due` had to
    move past it (None when it did not)."""

    consultation_closes: date
    outcome_due: date
    policy_due: date | None = None


def deadlines(held_on: date, recorded_on: date, area) -> Deadlines:
    """The victim's consultation on the draft plan ends before the outcome is due (DOMAIN.md
    §5.10, guidance of July 2025: consult the victim before the plan is final).

    The outcome is due the area's `outcome_days` after the meeting; the consultation runs
    `consultation_days` from the day the review is recorded, since the victim can only
    comment on a draft plan once it exists. A review recorded late would make the two cross:
    the consultation would end on or after the day the outcome is due, and the plan (final
    only once the consultation ends) could not be sent on time. We never cut the victim's
    time short for the council's delay: the outcome's due date moves to the working day after
    the consultation ends, and the case's history says why. Everything that reads the
    deadline reads this stored date (the case list's `next_due`, "sent late" on the outcome,
    the figures' timeliness), so they agree; the figures still count the working days the
    outcome took from the meeting."""
    consultation_closes = add_working_days(recorded_on, area.consultation_days)
    policy_due = add_working_days(held_on, area.outcome_days)
    if consultation_closes < policy_due:
        return Deadlines(consultation_closes, policy_due)
    return Deadlines(consultation_closes, add_working_days(consultation_closes, 1), policy_due)


def meeting_day(meeting: ReviewMeeting | None) -> date | None:
    """The day the meeting was arranged for (local time), or None without a meeting."""
    return timezone.localtime(meeting.starts_at).date() if meeting is not None else None


def check_can_record(meeting: ReviewMeeting | None, today: date | None = None) -> None:
    """Refuse before the meeting's day, saying from when the review can be recorded."""
    today = today or timezone.localdate()
    day = meeting_day(meeting)
    if day is not None and today < day:
        raise NotYetHeld(
            gettext(
                "The review meeting is on %(day)s: the review can be recorded from %(day)s, "
                "once the meeting has been held."
            )
            % {"day": date_format(day, "j F Y")}
        )


def held_on(meeting: ReviewMeeting | None, confirmed: date | None, today: date | None = None):
    """The day the meeting was held: the officer's confirmed date, or the meeting's day. Never
    in the future, never before the meeting was arranged to start."""
    today = today or timezone.localdate()
    check_can_record(meeting, today)
    day = meeting_day(meeting)
    chosen = confirmed or day or today
    if chosen > today:
        raise NotYetHeld(gettext("The day the meeting was held cannot be in the future."))
    if day is not None and chosen < day:
        raise NotYetHeld(
            gettext("The meeting was arranged for %(day)s: it cannot have been held before.")
            % {"day": date_format(day, "j F Y")}
        )
    return chosen


def missing_returns(case: Case, round_number: int) -> list[str]:
    """The agencies of this round that have not returned their information, by name."""
    return list(
        case.information_requests.filter(
            round=round_number, status=InformationRequest.Status.REQUESTED
        )
        .order_by("agency__name")
        .values_list("agency__name", flat=True)
    )


def check_returns(case: Case, round_number: int, *, confirmed: bool) -> list[str]:
    missing = missing_returns(case, round_number)
    if missing and not confirmed:
        raise ReturnsMissing(missing)
    return missing


def _names(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
