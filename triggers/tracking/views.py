"""What the applicant sees through their private link.

The link's token is exchanged for a session on first use and the browser is redirected, so the
token stays out of later requests, page addresses and referrers.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from agencies import access
from triggers.workflow import Status

NEXT_STEP = {
    Status.SUBMITTED: "We will contact you to tell you who is dealing with your application.",
    Status.ACKNOWLEDGED: "We are checking whether the threshold for a case review is met.",
    Status.THRESHOLD_REDECISION: "We are deciding again whether the threshold is met.",
    Status.THRESHOLD_MET: "We are asking the agencies involved for what they know.",
    Status.MET_ON_DISCRETION: "We are asking the agencies involved for what they know.",
    Status.AGENCIES_NOTIFIED: "The agencies are sending us what they know. Next, we will "
    "arrange the review meeting and ask how you want to take part.",
    Status.REVIEW_SCHEDULED: "The review meeting has been arranged.",
    Status.REVIEW_HELD: "The review meeting has taken place. We will write to you with the "
    "outcome.",
    Status.OUTCOME_SENT: "We have sent you the outcome of the review.",
    Status.ACTIONS_IN_PROGRESS: "The agencies are carrying out the action plan.",
    Status.THRESHOLD_NOT_MET: "The threshold was not met. You can ask for this decision to be "
    "looked at again: see our letter.",
    Status.APPEALED: "The Police and Crime Commissioner's office is looking at your appeal.",
    Status.FURTHER_REVIEW: "A further review has been ordered.",
    Status.CLOSED: "Your case is closed. Our last letter explains why.",
    Status.WITHDRAWN: "Your application was withdrawn.",
}


@never_cache
def open_link(request, token):
    case = access.case_for_tracking_token(token)
    if case is None:
        return render(request, "triggers/track/invalid.html", status=404)
    request.session.cycle_key()
    request.session[access.APPLICANT_SESSION_KEY] = case.pk
    request.session[access.APPLICANT_LINK_KEY] = case.tracking_token_hash
    return redirect("track:case")


@never_cache
def case(request):
    case = access.case_for_applicant(request)
    if case is None:
        return render(request, "triggers/track/invalid.html", status=404)
    return render(
        request,
        "triggers/track/case.html",
        {
            "case": case,
            "next_step": NEXT_STEP.get(case.status, ""),
            "letters": case.letters.defer("pdf"),
            "events": case.events.filter(to_status__gt="").only("at", "to_status"),
            **_review_context(case),
        },
    )


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
    from triggers import reviews

    review = reviews.current_review(case)
    return {
        "may_give_involvement": case.status in reviews.INVOLVEMENT_OPEN,
        "involvement": reviews.current_involvement(case),
        "draft_plan": review if review and review.plan_finalised_at is None else None,
    }
