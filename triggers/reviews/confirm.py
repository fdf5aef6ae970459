"""Check before you commit (issue #17): the officer's irreversible steps on the review show
what they will do, and change nothing until confirmed. Each is a GET page with a POST form
that confirms; none needs JavaScript.

Finalising the plan ends the victim's consultation; sending the outcome writes the letter
the applicant may appeal against, starts the plan and tells every owner and recipient.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from triggers.letters import preview_html, preview_pdf
from triggers.models import Letter
from triggers.recipients import recipients
from triggers.reviews import services
from triggers.reviews.consultation import consultation_closes
from triggers.reviews.services import REFUSED
from triggers.selectors import appeal_deadline, case_to_work_on, case_url


def _current_review(request, area, reference, refusal):
    """The case and this round's review, or a redirect to the case page saying why not."""
    case = case_to_work_on(request, area, reference)
    review = services.current_review(case)
    refused = gettext("There is no review recorded yet.") if review is None else refusal(review)
    if refused:
        messages.error(request, refused)
        return case, None, redirect(case_url(case))
    return case, review, None


def _confirm(request, case, review, step, done: str):
    try:
        step(review, by=request.user)
    except REFUSED as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done)
    return redirect(case_url(case))


def _actions_and_owners(review):
    return {
        "actions": review.actions.select_related("owner_agency").order_by("due_date", "pk"),
        "recommendations": review.recommendations.select_related("agency"),
        "owners": services.owner_contacts(review).order_by("agency__name"),
    }


@login_required
def finalise_plan(request, area, reference):
    case, review, back = _current_review(request, area, reference, services.plan_refusal)
    if back:
        return back
    if request.method == "POST":
        done = gettext("The action plan is final. You can now send the outcome.")
        return _confirm(request, case, review, services.finalise_plan, done)
    return render(
        request,
        "triggers/reviews/plan_check.html",
        {
            "case": case,
            "review": review,
            "commented": review.comments.exists(),
            # Later than the review's own day when someone was asked by post.
            "closes": consultation_closes(review),
            "recipients": recipients(case),
            **_actions_and_owners(review),
        },
    )


@login_required
def send_outcome(request, area, reference):
    case, review, back = _current_review(request, area, reference, services.outcome_refusal)
    if back:
        return back
    if request.method == "POST":
        done = gettext("The outcome letter has been sent to the applicant.")
        return _confirm(request, case, review, services.send_outcome, done)
    # The window the letter would print if sent today; the review itself is not changed.
    review.appeal_by = appeal_deadline(timezone.localdate(), case.area)
    letter = services.outcome_letter(review, request.user)
    return render(
        request,
        "triggers/reviews/outcome_check.html",
        {
            "case": case,
            "review": review,
            "letter_html": preview_html(case, Letter.Kind.OUTCOME, services.OUTCOME_TITLE, letter),
            "recipients": recipients(case),
            **_actions_and_owners(review),
        },
    )


@login_required
def outcome_letter_pdf(request, area, reference):
    """The outcome letter as it would be sent today, as a PDF. Nothing is stored or sent."""
    case, review, back = _current_review(request, area, reference, services.outcome_refusal)
    if back:
        return back
    review.appeal_by = appeal_deadline(timezone.localdate(), case.area)
    letter = services.outcome_letter(review, request.user)
    pdf = preview_pdf(case, Letter.Kind.OUTCOME, services.OUTCOME_TITLE, letter)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{case.reference}-outcome-preview.pdf"'
    return response
