"""What the private-link page gathers: the meeting, what the victim sent, the action plan and
the case's progress, each in a fixed number of queries whatever the case holds.

The page is read by the applicant (or the victim), who has no account: people are named by
their organisation or their part in the review, never by a member of staff's email address.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop, ngettext

from triggers.meetings.services import current_round
from triggers.models import Action, Case, Letter, ReviewMeeting, ReviewRecord
from triggers.recipients import Role, emailed
from triggers.workflow import Status

# The case's statuses as the private-link page names them: in the catalogue, so that the page
# translates each label it shows (`{% translate label %}`) for a Welsh area (issue #19).
STATUS_WORDS = (
    gettext_noop("Application received"),
    gettext_noop("Acknowledged"),
    gettext_noop("Threshold met"),
    gettext_noop("Review ordered on discretion"),
    gettext_noop("Threshold not met"),
    gettext_noop("Agencies asked for information"),
    gettext_noop("Review meeting arranged"),
    gettext_noop("Review meeting held"),
    gettext_noop("Outcome sent"),
    gettext_noop("Action plan in progress"),
    gettext_noop("Appeal lodged"),
    gettext_noop("Further review ordered"),
    gettext_noop("Threshold to be decided again"),
    gettext_noop("Closed"),
    gettext_noop("Withdrawn"),
)

# The titles of the letters the private link lists (each service writes its own), so that
# the page names each in Welsh for a Welsh area (`{% translate letter.title %}`).
LETTER_TITLES = (
    gettext_noop("Your case review: the threshold is not met"),
    gettext_noop("Your case review will go ahead"),
    gettext_noop("The outcome of your case review"),
    gettext_noop("Your case review is closed"),
    gettext_noop("Your case review has been withdrawn"),
    gettext_noop("Your appeal is upheld"),
    gettext_noop("Your appeal is not upheld"),
    gettext_noop("Your request for a PCC review is upheld"),
    gettext_noop("Your request for a PCC review is not upheld"),
    gettext_noop("The appeal is upheld"),
    gettext_noop("The appeal is not upheld"),
    gettext_noop("The request for a PCC review is upheld"),
    gettext_noop("The request for a PCC review is not upheld"),
)
# An appeal's decision as the progress names it (appeals.decisions._move_case's summaries).
APPEAL_STEPS = (
    gettext_noop("Appeal not upheld: the decision stands"),
    gettext_noop("PCC review not upheld: the decision stands"),
    gettext_noop("Appeal upheld: a further case review"),
    gettext_noop("Appeal upheld: a fresh decision on the threshold"),
    gettext_noop("PCC review upheld: a further case review"),
    gettext_noop("PCC review upheld: a fresh decision on the threshold"),
)


def review_meeting(case: Case) -> ReviewMeeting | None:
    """The meeting of the case's current round, arranged or held (a cancelled one is gone
    from the applicant's calendar too)."""
    return (
        case.review_meetings.filter(round=current_round(case))
        .exclude(status=ReviewMeeting.Status.CANCELLED)
        .select_related("chair__agency")
        .prefetch_related("invited_agencies")
        .order_by("-starts_at")
        .first()
    )


def invited(meeting: ReviewMeeting, case: Case, party: str | None = None) -> list[str]:
    """Who is invited, by part and organisation: the applicant (or the victim, `party`)
    learns which agencies will be in the room, not the staff's names or addresses."""
    if meeting.chair_independent:
        chair = gettext("The chair, independent of the agencies involved")
    elif meeting.chair.agency_id:
        chair = gettext("The chair, from %(agency)s") % {"agency": meeting.chair.agency.name}
    else:
        chair = gettext("The chair")
    people = [chair]
    people += [agency.name for agency in sorted(meeting.invited_agencies.all(), key=str)]
    others = len(meeting.invited_emails)
    if others:
        people.append(
            ngettext(
                "%(n)s other person invited by email", "%(n)s other people invited by email", others
            )
            % {"n": others}
        )
    # "You" only when this reader was emailed it (`triggers.recipients`: as the case chose).
    if any(person.role == (party or Role.APPLICANT) for person in emailed(case)):
        people.append(gettext("You (we emailed you the invitation)"))
    return people


def meeting_context(case: Case, party: str | None = None) -> dict:
    meeting = review_meeting(case)
    if meeting is None:
        return {"meeting": None, "meeting_invited": ()}
    return {
        "meeting": meeting,
        "meeting_starts": timezone.localtime(meeting.starts_at),
        "meeting_ends": timezone.localtime(meeting.ends_at),
        "meeting_past": meeting.ends_at <= timezone.now(),
        "meeting_invited": invited(meeting, case, party),
    }


def action_plan(review: ReviewRecord | None) -> list[Action]:
    """The review's actions, each with its owner and a word on its progress."""
    if review is None:
        return []
    actions = (
        review.actions.select_related("owner_agency")
        .annotate(last_update=Max("updates__at"))
        .order_by("due_date", "position")
    )
    today = timezone.localdate()
    found = list(actions)
    for action in found:
        action.progress = _progress(action, today)
    return found


def _progress(action: Action, today) -> str:
    # In the page's language, dates too (Welsh months on a Welsh page).
    if action.status == Action.Status.DONE:
        day = date_format(timezone.localtime(action.completed_at), "j F Y")
        return gettext("Done on %(day)s") % {"day": day}
    if action.is_overdue(today):
        return gettext("Not done by the date agreed: your contact is following it up")
    if action.last_update:
        day = date_format(timezone.localtime(action.last_update), "j F Y")
        return gettext("Under way: last update %(day)s") % {"day": day}
    return gettext("Not started yet")


@dataclass(frozen=True)
class Entry:
    """One step of the case's progress, with the letter that told the applicant about it."""

    at: object
    title: str
    letter: Letter | None = None


def timeline(case: Case, letters: list[Letter]) -> list[Entry]:
    """The status changes, where an appeal's decision reads as such ("Appeal not upheld…"),
    not as the status the case went back to, and comes with its decision letter."""
    decision_letters = iter(
        sorted(
            (letter for letter in letters if letter.kind == Letter.Kind.APPEAL_DECISION),
            key=lambda letter: letter.sent_at,
        )
    )
    entries = []
    for event in case.events.filter(to_status__gt="").only(
        "case", "at", "from_status", "to_status", "summary", "words"
    ):
        if event.from_status == Status.APPEALED:
            entries.append(Entry(event.at, event.said, next(decision_letters, None)))
        else:
            entries.append(Entry(event.at, event.get_to_status_display()))
    return entries
