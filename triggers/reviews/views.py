"""The review after scheduling: the victim's part, the meeting pack, the review record, the
action plan and its consultation, the outcome and following the actions (closing is in
triggers/closing/).

Officers and admins of the area do the case's steps (`case_to_work_on`); owner agencies'
responders update their own actions (`access.actions_for`); the applicant takes part through
their private link (`access.case_for_applicant`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from agencies import access
from triggers import blocks
from triggers.closing.services import CLOSABLE
from triggers.meetings.pack import may_read_pack
from triggers.meetings.services import current_meeting, current_round
from triggers.models import Action
from triggers.reviews import holding, recommendations, services
from triggers.reviews import involvement as reviews_involvement
from triggers.reviews.actions import update_action
from triggers.reviews.consultation import consultation_closes
from triggers.reviews.follow_up import ActionUpdateForm, RecommendationResponseForm
from triggers.reviews.forms import ACTIONS, RECOMMENDATIONS, InvolvementForm, ReviewRecordForm
from triggers.reviews.services import REFUSED
from triggers.selectors import case_to_work_on, case_url
from triggers.workflow import Status

ACTIONS_PER_PAGE = 25


def review_context(user, case) -> dict:
    """What the case page shows of the review: the victim's part, the review of this round,
    its recommendations and actions, the victim's comments, and what the user may do."""
    review = services.current_review(case)
    actions = access.actions_for(user).filter(case=case).select_related("owner_agency")
    return {
        "involvement": reviews_involvement.current_involvement(case),
        "may_give_involvement": case.status in reviews_involvement.INVOLVEMENT_OPEN,
        "review": review,
        "recommendations": review.recommendations.select_related("agency", "responded_by")
        if review
        else (),
        "plan_comments": review.comments.all() if review else (),
        # None while a letter asking for views waits to be posted (reviews/consultation.py).
        "consultation_closes": consultation_closes(review) if review else None,
        "actions": actions,
        # The button shows once there is a meeting to prepare for.
        "may_read_pack": case.review_meetings.exists() and may_read_pack(user, case),
        "may_close": case.status in CLOSABLE and case.closes_on is None,
        "record_from": _record_from(case),
    }


def _record_from(case):
    """The meeting's day while it is still to come: the review can be recorded from then."""
    if case.status != Status.REVIEW_SCHEDULED:
        return None
    day = holding.meeting_day(current_meeting(case))
    return day if day and day > timezone.localdate() else None


# --- Officers --------------------------------------------------------------------------------


@login_required
def involvement(request, area, reference):
    """The officer records how the victim takes part, as told by phone, letter or in person."""
    case = case_to_work_on(request, area, reference)
    if case.status not in reviews_involvement.INVOLVEMENT_OPEN:
        messages.error(
            request, gettext("The victim's part can be given before the review meeting only.")
        )
        return redirect(case_url(case))
    current = reviews_involvement.current_involvement(case)
    form = InvolvementForm(
        request.POST if request.method == "POST" else None,
        initial=InvolvementForm.initial_for(current, case),
    )
    if request.method == "POST" and form.is_valid():
        try:
            reviews_involvement.record_involvement(case, form.involvement_data(), by=request.user)
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, gettext("The victim's part in the review has been saved."))
            return redirect(case_url(case))
    return render(
        request, "triggers/reviews/involvement.html", {"case": case, "form": form, "staff": True}
    )


@login_required
def record(request, area, reference):
    """Record the review; while the plan is a draft, change the record and the plan."""
    case = case_to_work_on(request, area, reference)
    review = services.current_review(case) if case.status == Status.REVIEW_HELD else None
    if case.status != Status.REVIEW_SCHEDULED and (review is None or review.plan_finalised_at):
        messages.error(
            request, gettext("A review can be recorded once its meeting has been arranged.")
        )
        return redirect(case_url(case))
    meeting = current_meeting(case)
    if review is None:
        try:
            holding.check_can_record(meeting)
        except holding.NotYetHeld as refused:
            messages.error(request, str(refused))
            return redirect(case_url(case))
    memberships = case.area.memberships.select_related("agency").order_by("agency__name")
    data, rows = request.POST if request.method == "POST" else None, None
    editing = blocks.pressed(data, [RECOMMENDATIONS, ACTIONS])
    if editing:  # "Add another" or "Remove": shown again as typed, not judged
        data, rows = blocks.edit(data, [RECOMMENDATIONS, ACTIONS])
    form = ReviewRecordForm(
        data,
        agencies=[m.agency for m in memberships],
        initial=ReviewRecordForm.initial_for(review),
        meeting_day=holding.meeting_day(meeting),
        missing=holding.missing_returns(case, current_round(case)) if review is None else (),
        recording=review is None,
        rows=rows,
    )
    if editing:
        blocks.without_errors(form)
    elif request.method == "POST" and form.is_valid():
        try:
            if review is None:
                services.record_review(case, form.review_data(), by=request.user)
            else:
                services.revise_review(review, form.review_data(), by=request.user)
        except holding.ReturnsMissing as refused:
            form.add_error("confirm_missing" if form.missing else None, str(refused))
        except REFUSED as refused:
            form.add_error(
                "held_on" if isinstance(refused, holding.NotYetHeld) else None, str(refused)
            )
        else:
            messages.success(
                request,
                gettext("Draft action plan changed.")
                if review
                else gettext(
                    "Review recorded. The applicant has been asked for their views on the "
                    "draft action plan."
                ),
            )
            return redirect(case_url(case))
    return render(
        request,
        "triggers/reviews/record.html",
        {"case": case, "form": form, "meeting": meeting, "review": review},
    )


# --- Owner agencies ---------------------------------------------------------------------------


@login_required
def action_list(request):
    """The actions of the user's agency (responders) or areas (officers), open ones first."""
    show_done = request.GET.get("show") == "all"
    actions = access.actions_for(request.user).select_related("case__area", "owner_agency")
    if not show_done:
        actions = actions.filter(status=Action.Status.OPEN)
    actions = actions.order_by("status", "due_date", "pk")
    page = Paginator(actions, ACTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "triggers/reviews/actions.html",
        {"page": page, "show_done": show_done, "today": timezone.localdate()},
    )


@login_required
def action_detail(request, action_id):
    action = get_object_or_404(
        access.actions_for(request.user).select_related("case__area", "owner_agency", "review"),
        pk=action_id,
    )
    form = ActionUpdateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and action.status == Action.Status.OPEN and form.is_valid():
        try:
            update_action(
                action, form.cleaned_data["note"], done=form.cleaned_data["done"], by=request.user
            )
        except REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, gettext("Progress saved."))
            return redirect("action_detail", action_id=action.pk)
    return render(
        request,
        "triggers/reviews/action_detail.html",
        {
            "action": action,
            "case": action.case,
            "updates": action.updates.select_related("by"),
            "form": form,
            "today": timezone.localdate(),
        },
    )


# --- Recipients of recommendations ------------------------------------------------------------


@login_required
def recommendation_respond(request, recommendation_id):
    """A member agency's responder answers a recommendation to their agency; the area's
    officers read it here. Another agency's recommendation is not found."""
    recommendation = get_object_or_404(
        access.recommendations_for(request.user).select_related("agency", "review__case__area"),
        pk=recommendation_id,
    )
    may_answer = (
        not recommendation.response
        and recommendation.sent_at is not None
        and recommendation.agency_id == request.user.agency_id
    )
    return _answer(request, recommendation, may_answer=may_answer, by=request.user)


@never_cache
def recommendation_answer(request, token):
    """A named body answers through its private link: once, before the link expires."""
    recommendation = recommendations.recommendation_for_token(token)
    if recommendation is None:
        return render(request, "triggers/reviews/recommendation_link_invalid.html", status=404)
    return _answer(request, recommendation, may_answer=True, by=None)


def _answer(request, recommendation, *, may_answer: bool, by):
    form = RecommendationResponseForm(
        request.POST if request.method == "POST" else None, ask_name=by is None
    )
    if request.method == "POST" and may_answer and form.is_valid():
        data = recommendations.ResponseData(**form.cleaned_data)
        try:
            recommendations.respond(recommendation, data, by=by)
        except recommendations.RecommendationRefused as refused:
            form.add_error(None, str(refused))
        else:
            return render(
                request,
                "triggers/reviews/recommendation_answered.html",
                {"case": _case_of(recommendation)},
            )
    return render(
        request,
        "triggers/reviews/recommendation.html",
        {
            "recommendation": recommendation,
            "case": _case_of(recommendation),
            "form": form,
            "may_answer": may_answer,
            "signed_in": by is not None,
        },
    )


def _case_of(recommendation):
    return recommendation.review.case
