"""The threshold stage's pages: acknowledging the application, recording the decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from triggers.information import services as information_services
from triggers.information.forms import AlsoAskField
from triggers.selectors import case_to_work_on, case_url
from triggers.threshold import services as services
from triggers.threshold.forms import ThresholdDecisionForm
from triggers.workflow import AWAITING_THRESHOLD_DECISION, TransitionNotAllowed


@login_required
@require_POST
def acknowledge(request, area, reference):
    case = case_to_work_on(request, area, reference)
    try:
        services.acknowledge(case, by=request.user)
    except TransitionNotAllowed as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            "Acknowledged. The applicant has been told you are their single point of contact.",
        )
    return redirect(case_url(case))


@login_required
def decide_threshold(request, area, reference):
    case = case_to_work_on(request, area, reference)
    if case.status not in AWAITING_THRESHOLD_DECISION:
        messages.error(request, "The threshold has already been decided for this case.")
        return redirect(case_url(case))
    _, optional = information_services.agencies_to_ask(case)
    form = ThresholdDecisionForm(request.POST or None, optional=optional)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_threshold(
                case,
                form.cleaned_data["outcome"],
                by=request.user,
                reasons=form.cleaned_data["reasons"],
                grounds=tuple(form.cleaned_data["grounds"]),
                also_ask=AlsoAskField.agency_ids(form.cleaned_data["also_ask"]),
            )
        except services.DecisionRefused as refused:
            form.add_error(None, str(refused))
        else:
            told = "The applicant's letter is on its way"
            if form.cleaned_data["outcome"] != "not_met":
                told += ", and the agencies have been asked for information"
            messages.success(request, f"Decision recorded. {told}.")
            return redirect(case_url(case))
    return render(
        request,
        "triggers/threshold/decide.html",
        {
            "case": case,
            "form": form,
            "engine": services.assess_case(case),
            "complaints": list(case.complaints.select_related("reported_to")),
        },
    )
