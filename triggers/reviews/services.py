"""After the meeting: the victim's part, the review record, the action plan and the outcome
letter (closing the case is triggers/closing/).

The statutory guidance (July 2025) asks that the victim choose how involved they are, be
consulted on the action plan before it is final, and be told by their single point of
contact when and why the case closes; each of those is a step here, recorded in the case's
history. Every function runs in one transaction and queues its emails through the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop

from agencies.models import Agency, AreaMembership
from agencies.site import site_url
from agencies.wording import Wording
from notifications.services import queue_email
from triggers.history import completed, record_event, transition
from triggers.information.services import close_open_requests
from triggers.letters import send_letter, write_letter
from triggers.meetings.services import current_meeting, current_round
from triggers.models import (
    Action,
    Case,
    Letter,
    PlanComment,
    ReviewMeeting,
    ReviewRecord,
)
from triggers.reviews import holding, words
from triggers.reviews.consultation import consult, consultation_closes
from triggers.reviews.recommendations import (
    RecommendationData,
    create_recommendations,
    recipients_problem,
    tell_recipients,
)
from triggers.selectors import appeal_deadline
from triggers.workflow import Status, TransitionNotAllowed


class ReviewRefused(ValueError):
    """A step of the review that cannot be taken as things stand (the message says why)."""


# --- Recording the review ---------------------------------------------------------------------


@dataclass
class ActionData:
    agency: Agency
    description: str
    due_date: date


@dataclass
class ReviewData:
    attendance: str
    findings: str
    recommendations: list[RecommendationData] = field(default_factory=list)
    actions: list[ActionData] = field(default_factory=list)
    held_on: date | None = None  # None: the meeting's day
    without_missing_returns: bool = False  # the officer confirmed recording without them


def current_review(case: Case) -> ReviewRecord | None:
    return case.reviews.filter(round=current_round(case)).first()


def _check_review(case: Case, data: ReviewData) -> None:
    if not data.attendance.strip():
        raise ReviewRefused(gettext("Say who attended the meeting."))
    if not data.findings.strip():
        raise ReviewRefused(gettext("Write what the review found."))
    members = set(case.area.memberships.values_list("agency_id", flat=True))
    problem = recipients_problem(data.recommendations, members)
    if problem or any(a.agency.pk not in members for a in data.actions):
        raise ReviewRefused(problem or "Choose agencies of this area from the list.")
    today = timezone.localdate()
    if any(a.due_date < today for a in data.actions):
        raise ReviewRefused(gettext("An action's due date must be today or later."))


@transaction.atomic
def record_review(case: Case, data: ReviewData, *, by) -> ReviewRecord:
    """Record what the meeting found and decided; the case becomes 'review held', the outcome
    deadline is set, and the victim is asked to comment on the draft action plan."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if case.status != Status.REVIEW_SCHEDULED:
        raise ReviewRefused(gettext("A review can be recorded once its meeting has been arranged."))
    _check_review(case, data)
    meeting, today, this_round = current_meeting(case), timezone.localdate(), current_round(case)
    held_on = holding.held_on(meeting, data.held_on, today)
    missing = holding.check_returns(case, this_round, confirmed=data.without_missing_returns)
    dates = holding.deadlines(held_on, today, case.area)  # the consultation ends first
    review = ReviewRecord.objects.create(
        area_id=case.area_id,
        case=case,
        meeting=meeting,
        round=this_round,
        attendance=data.attendance.strip(),
        findings=data.findings.strip(),
        recommendations_made=bool(data.recommendations),
        held_on=held_on,
        recorded_at=timezone.now(),
        recorded_by=by,
        outcome_due=dates.outcome_due,
        consultation_closes=dates.consultation_closes,
    )
    _create_plan(review, data)
    if meeting is not None:
        meeting.status = ReviewMeeting.Status.HELD
        meeting.save(update_fields=["status"])
    review.case = transition(
        case,
        Status.REVIEW_HELD,
        by=by,
        next_due=review.outcome_due,
        summary=Wording("Review meeting held and recorded"),
        reasons=words.review_held(held_on, _plan_counts(data), dates, missing),
    )
    completed(case, "review_held", held_on)
    close_open_requests(case, Wording("The review meeting was held."), by)
    consult(case, review)
    return review


@transaction.atomic
def revise_review(review: ReviewRecord, data: ReviewData, *, by) -> ReviewRecord:
    """Change the record and the draft plan (after the victim's comments, say) until the plan
    is final. Recommendations and actions are replaced as a whole."""
    review = ReviewRecord.objects.select_for_update().select_related("case__area").get(pk=review.pk)
    if review.plan_finalised_at is not None:
        raise ReviewRefused(gettext("The action plan is final: it can no longer be changed."))
    case = review.case
    _check_review(case, data)
    review.attendance, review.findings = data.attendance.strip(), data.findings.strip()
    review.recommendations_made = bool(data.recommendations)
    review.save(update_fields=["attendance", "findings", "recommendations_made"])
    review.recommendations.all().delete()
    review.actions.all().delete()
    _create_plan(review, data)
    record_event(
        case,
        Wording("Review record and draft action plan changed"),
        by=by,
        reasons=_plan_counts(data),
    )
    completed(case, "review_held", review.held_on)  # its recommendations may have changed
    return review


def _plan_counts(data: ReviewData) -> Wording:
    return words.plan_counts(len(data.recommendations), len(data.actions))


def _create_plan(review: ReviewRecord, data: ReviewData) -> None:
    create_recommendations(review, data.recommendations)
    Action.objects.bulk_create(
        Action(
            area_id=review.area_id,
            case_id=review.case_id,
            review=review,
            owner_agency=a.agency,
            description=a.description.strip(),
            due_date=a.due_date,
            position=i,
        )
        for i, a in enumerate(data.actions)
    )


# --- Consulting the victim on the draft plan, and finalising it -------------------------------


@transaction.atomic
def comment_on_plan(
    case: Case, text: str, *, party: str = "applicant", by=None, received: str = ""
) -> PlanComment:
    """A comment on the draft action plan, the applicant's or the victim's (`party`): through
    their private link, or given by letter, phone or in person and recorded by the officer
    `by`, with how it was `received`; either way their answer (`finalise_plan`)."""
    review = current_review(case)
    if review is None or review.plan_finalised_at is not None:
        raise ReviewRefused(gettext("There is no draft action plan to comment on."))
    text = text.strip()
    if not text:
        raise ReviewRefused(gettext("Write your comments on the draft action plan."))
    if by is not None and received not in PlanComment.Received.values:
        raise ReviewRefused(gettext("Choose how the comments reached you."))
    comment = PlanComment.objects.create(
        area_id=case.area_id,
        review=review,
        text=text,
        at=timezone.now(),
        party=party,
        received=received if by else "",
        recorded_by=by,
    )
    if by is None:
        record_event(case, words.plan_commented(party), reasons=text)
        email_officer(case, "plan_commented", f"plan-comment:{comment.pk}")
    else:
        record_event(case, words.plan_comment_recorded(comment), by=by, reasons=text)
    return comment


@transaction.atomic
def finalise_plan(review: ReviewRecord, *, by) -> ReviewRecord:
    """Make the action plan final, recording that the victim commented or did not respond by
    the closing date. Before that date, with no comment, the plan stays a draft; and so it
    does while the letter asking someone by post has not been posted: "no response" is
    never recorded for a person who was not asked (`consultation`)."""
    review = ReviewRecord.objects.select_for_update().get(pk=review.pk)
    refused = plan_refusal(review)
    if refused:
        raise ReviewRefused(refused)
    commented = review.comments.exists()
    review.plan_finalised_at = timezone.now()
    review.plan_finalised_by = by
    review.victim_response = (
        ReviewRecord.VictimResponse.COMMENTED
        if commented
        else ReviewRecord.VictimResponse.NO_RESPONSE
    )
    review.save(update_fields=["plan_finalised_at", "plan_finalised_by", "victim_response"])
    closes = consultation_closes(review)
    response = words.victim_response(review, commented=commented, closed=closes)
    record_event(review.case, Wording("Action plan finalised"), by=by, reasons=response)
    return review


def plan_refusal(review: ReviewRecord) -> str:
    """Why the plan cannot be finalised now ("" when it can): the check page asks first."""
    if review.plan_finalised_at is not None:
        return gettext("The action plan is already final.")
    if review.comments.exists():
        return ""
    closes = consultation_closes(review)
    if closes is None:
        return gettext(
            "The letter asking for views on the draft action plan has not been posted: post "
            "it, or record the views given by phone or in person."
        )
    if timezone.localdate() <= closes:
        return gettext("The victim has until %(day)s to comment on the draft action plan.") % {
            "day": date_format(closes, "d F Y")
        }
    return ""


# --- The outcome ------------------------------------------------------------------------------


@transaction.atomic
def send_outcome(review: ReviewRecord, *, by) -> Letter:
    """Write the outcome letter, email it to the applicant, and start the action plan.

    The appeal deadline is the area's appeal window in working days from the letter's date,
    printed in the letter and kept on the review.
    """
    review = ReviewRecord.objects.select_for_update().select_related("case__area").get(pk=review.pk)
    case = review.case
    refused = outcome_refusal(review)
    if refused:
        raise ReviewRefused(refused)
    today = timezone.localdate()
    review.appeal_by = appeal_deadline(today, case.area)
    letter = write_letter(case, Letter.Kind.OUTCOME, OUTCOME_TITLE, outcome_letter(review, by))
    review.outcome_sent_at = letter.sent_at
    review.save(update_fields=["appeal_by", "outcome_sent_at"])
    completed(case, "outcome_sent", review.outcome_sent_at)
    transition(
        case,
        Status.OUTCOME_SENT,
        by=by,
        next_due=review.appeal_by,
        summary=Wording("Outcome letter sent"),
        reasons=Wording.joined(
            Wording("The applicant may appeal until %(day)s.", day=review.appeal_by),
            today > review.outcome_due and Wording("Sent late."),
        ),
    )
    _email_applicant(case, letter, "outcome", f"review:{review.pk}:outcome")
    _tell_owner_agencies(review)
    tell_recipients(review)
    first_due = first_open_due(case)
    if first_due is not None:
        transition(
            case,
            Status.ACTIONS_IN_PROGRESS,
            by=by,
            next_due=first_due,
            summary=Wording("Action plan started"),
        )
    return letter


# Kept in English on the case; the letter prints it in its own language(s).
OUTCOME_TITLE = gettext_noop("The outcome of your case review")


def outcome_refusal(review: ReviewRecord) -> str:
    """Why the outcome cannot be sent now ("" when it can): the check page asks first."""
    if review.case.status != Status.REVIEW_HELD or review.outcome_sent_at is not None:
        return gettext("The outcome can be sent once, after the review is recorded.")
    if review.plan_finalised_at is None:
        return gettext("Finalise the action plan before sending the outcome.")
    return ""


def outcome_letter(review: ReviewRecord, by) -> dict:
    """The outcome letter's context; `review.appeal_by` is the window it prints."""
    return {
        "review": review,
        "recommendations": review.recommendations.select_related("agency"),
        "actions": review.actions.select_related("owner_agency"),
        "appeal_by": review.appeal_by,
        "officer_name": by.full_name,
    }


def owner_contacts(review: ReviewRecord):
    """Each owner agency's contact for the area: told its actions when the outcome is sent."""
    return AreaMembership.objects.filter(
        area_id=review.case.area_id,
        agency_id__in=review.actions.values_list("owner_agency_id", flat=True),
    ).select_related("agency")


def _tell_owner_agencies(review: ReviewRecord) -> None:
    """Each owner agency's contact for the area learns its actions once the plan is final."""
    case = review.case
    actions = list(review.actions.select_related("owner_agency"))
    for membership in owner_contacts(review):
        mine = [a for a in actions if a.owner_agency_id == membership.agency_id]
        queue_email(
            key=f"review:{review.pk}:actions:{membership.agency_id}",
            to=membership.contact_email,
            template="actions_assigned",
            context={
                "case": case,
                "membership": membership,
                "actions": mine,
                "url": f"{site_url()}{reverse('actions')}",
            },
            topic="Action plan",
            area=case.area,
            reference=case.reference,
        )


def first_open_due(case: Case) -> date | None:
    return (
        case.actions.filter(status=Action.Status.OPEN)
        .order_by("due_date")
        .values_list("due_date", flat=True)
        .first()
    )


def _email_applicant(case: Case, letter: Letter, template: str, key: str) -> None:
    send_letter(letter, template=template, key=key, context={"track_url": _track_url()})


def email_officer(case: Case, template: str, key: str) -> None:
    officer = case.assigned_officer
    if officer is None:
        return
    queue_email(
        key=key,
        to=officer.email,
        template=template,
        context={"case": case, "url": _case_url(case)},
        topic="Case review",
        area=case.area,
        reference=case.reference,
    )


def _case_url(case: Case) -> str:
    return f"{site_url()}{reverse('case_detail', args=[case.area.slug, case.reference])}"


def _track_url() -> str:
    # The token is never stored in clear: the applicant uses the link from their first email.
    return f"{site_url()}{reverse('track:case')}"


# What a view shows the officer as a refusal rather than an error.
REFUSED = (ReviewRefused, TransitionNotAllowed, holding.NotYetHeld, holding.ReturnsMissing)
