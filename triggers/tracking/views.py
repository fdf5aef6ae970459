"""What the applicant sees through their private link.

The link's token is exchanged for a session on first use and the browser is redirected, so the
token stays out of later requests, page addresses and referrers.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from agencies import access
from triggers.closing import services as closing
from triggers.closing.forms import WithdrawalRequestForm
from triggers.meetings import services as meetings
from triggers.reviews import involvement as reviews_involvement
from triggers.reviews import services as reviews
from triggers.reviews.forms import (
    InvolvementForm,
    PlanCommentForm,
)
from triggers.reviews.services import REFUSED
from triggers.tracking import page
from triggers.tracking.services import hash_token
from triggers.workflow import Status

NEXT_STEP = {
    Status.SUBMITTED: _("We will contact you to tell you who is dealing with your application."),
    Status.ACKNOWLEDGED: _("We are checking whether the threshold for a case review is met."),
    Status.THRESHOLD_REDECISION: _("We are deciding again whether the threshold is met."),
    Status.THRESHOLD_MET: _("We are asking the agencies involved for what they know."),
    Status.MET_ON_DISCRETION: _("We are asking the agencies involved for what they know."),
    Status.AGENCIES_NOTIFIED: _(
        "The agencies are sending us what they know. Next, we will "
        "arrange the review meeting and ask how you want to take part."
    ),
    Status.REVIEW_SCHEDULED: _("The review meeting has been arranged."),
    Status.REVIEW_HELD: _(
        "The review meeting has taken place. We will write to you with the outcome."
    ),
    Status.OUTCOME_SENT: _("We have sent you the outcome of the review."),
    Status.ACTIONS_IN_PROGRESS: _("The agencies are carrying out the action plan."),
    Status.THRESHOLD_NOT_MET: _(
        "The threshold was not met. You can ask for this decision to be "
        "looked at again: see our letter."
    ),
    Status.APPEALED: _(
        "Your appeal is being looked at, independently of the council. We will "
        "write to you with the decision."
    ),
    Status.FURTHER_REVIEW: _("A further review has been ordered."),
    Status.CLOSED: _("Your case is closed. Our last letter explains why."),
    Status.WITHDRAWN: _("Your application was withdrawn."),
}


@never_cache
def open_link(request, token):
    case = access.case_for_tracking_token(token)
    if case is None:
        return render(request, "triggers/tracking/invalid.html", status=404)
    request.session.cycle_key()
    request.session[access.APPLICANT_SESSION_KEY] = case.pk
    # The hash of the link used: the applicant's or the victim's own says whose session it is.
    request.session[access.APPLICANT_LINK_KEY] = hash_token(token)
    return redirect("track:case")


@never_cache
def case(request):
    case = access.case_for_applicant(request)
    if case is None:
        return render(request, "triggers/tracking/invalid.html", status=404)
    letters = list(case.letters.defer("pdf"))
    return render(
        request,
        "triggers/tracking/case.html",
        {
            "case": case,
            "next_step": NEXT_STEP.get(case.status, ""),
            "letters": letters,
            "events": case.events.filter(to_status__gt="").only("at", "to_status"),
            "party": access.party_for_applicant(request, case),
            # The same steps, an appeal's decision named as such, with its letter.
            "timeline": page.timeline(case, letters),
            **page.meeting_context(case, access.party_for_applicant(request, case)),
            **_review_context(case),
        },
    )


@never_cache
def meeting_calendar(request):
    """The review meeting as a calendar file, for an applicant who has no email invitation
    (or lost it): the same file the invitation carried."""
    case = access.case_for_applicant(request)
    if case is None:
        raise Http404
    meeting = page.review_meeting(case)
    if meeting is None or meeting.status != meeting.Status.SCHEDULED:
        raise Http404
    response = HttpResponse(
        meetings.calendar_file(
            meeting, meetings.party_invitee(case, access.party_for_applicant(request, case))
        ),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="review-meeting-{case.reference}.ics"'
    return response


@never_cache
def letter(request, letter_id):
    case = access.case_for_applicant(request)
    if case is None:
        raise Http404
    found = case.letters.filter(pk=letter_id).select_related("case").first()
    if found is None:
        raise Http404
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return response


def _review_context(case) -> dict:
    """What the applicant may do in the review now: say how they take part, comment on the
    draft action plan."""

    review = reviews.current_review(case)
    # Once the victim has sent their comments the page shows them, and stops asking.
    comments = list(review.comments.all()) if review else []
    draft = review if review and review.plan_finalised_at is None else None
    return {
        "may_give_involvement": case.status in reviews_involvement.INVOLVEMENT_OPEN,
        "involvement": reviews_involvement.current_involvement(case),
        "draft_plan": draft,
        "may_comment_on_plan": bool(draft) and not comments,
        "plan_comments": comments,
        "plan_review": review,
        "plan_actions": page.action_plan(review),
        "may_withdraw": case.status in closing.WITHDRAWABLE,
        # Once the outcome is sent: each recommendation, and its recipient's response.
        "sent_recommendations": review.recommendations.filter(sent_at__isnull=False).select_related(
            "agency"
        )
        if review
        else (),
    }


@never_cache
def track_involvement(request):
    case = access.case_for_applicant(request)
    if case is None:
        return render(request, "triggers/tracking/invalid.html", status=404)
    if case.status not in reviews_involvement.INVOLVEMENT_OPEN:
        return redirect("track:case")
    current = reviews_involvement.current_involvement(case)
    form = InvolvementForm(
        request.POST if request.method == "POST" else None,
        initial=InvolvementForm.initial_for(current, case),
        applicant=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            reviews_involvement.record_involvement(
                case,
                form.involvement_data(),
                by=None,
                party=access.party_for_applicant(request, case),
            )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, gettext("Thank you. We have your answers for the review meeting.")
            )
            return redirect("track:case")
    return render(
        request, "triggers/reviews/involvement.html", {"case": case, "form": form, "staff": False}
    )


@never_cache
def track_plan(request):
    case = access.case_for_applicant(request)
    if case is None:
        return render(request, "triggers/tracking/invalid.html", status=404)
    review = reviews.current_review(case)
    if review is None or review.plan_finalised_at is not None:
        return redirect("track:case")
    comments = list(review.comments.all())
    # The victim is asked once: after their comments are sent the plan is shown, not a form
    # (more to say goes to their contact, whose details are on the case page).
    may_comment = not comments
    form = PlanCommentForm(request.POST if request.method == "POST" and may_comment else None)
    if request.method == "POST" and not may_comment:
        return redirect("track:case")
    if request.method == "POST" and form.is_valid():
        try:
            reviews.comment_on_plan(
                case, form.cleaned_data["text"], party=access.party_for_applicant(request, case)
            )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, gettext("Thank you. Your comments have been sent to your contact.")
            )
            return redirect("track:case")
    return render(
        request,
        "triggers/tracking/plan.html",
        {
            "case": case,
            "review": review,
            "form": form,
            "recommendations": review.recommendations.select_related("agency"),
            "actions": review.actions.select_related("owner_agency"),
            "comments": comments,
            "may_comment": may_comment,
        },
    )


@never_cache
def track_withdraw(request):
    """The applicant asks to withdraw through their private link; their officer confirms."""
    case = access.case_for_applicant(request)
    if case is None:
        return render(request, "triggers/tracking/invalid.html", status=404)
    if case.status not in closing.WITHDRAWABLE or case.withdrawal_requested_at:
        return redirect("track:case")
    form = WithdrawalRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            closing.request_withdrawal(case, form.cleaned_data["details"])
        except closing.ClosingRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                gettext(
                    "We have your request to withdraw. Your contact will get in touch to "
                    "confirm it before the case is withdrawn."
                ),
            )
            return redirect("track:case")
    return render(request, "triggers/tracking/withdraw.html", {"case": case, "form": form})
