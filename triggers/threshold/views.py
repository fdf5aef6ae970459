"""The threshold stage's pages: acknowledging the application, the bodies' checks of the
complaints, and recording the bodies' decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from agencies import access
from triggers.information import services as information_services
from triggers.information.forms import AlsoAskField
from triggers.models import ThresholdCheck
from triggers.people import applicant_for
from triggers.selectors import case_to_work_on, case_url
from triggers.threshold import checks
from triggers.threshold import services as services
from triggers.threshold.forms import ThresholdCheckForm, ThresholdDecisionForm
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
    form = ThresholdDecisionForm(
        request.POST or None,
        optional=optional,
        initial={"also_ask": information_services.reported_to_among(case, optional)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_threshold(
                case,
                form.cleaned_data["outcome"],
                by=request.user,
                reasons=form.cleaned_data["reasons"],
                grounds=tuple(form.cleaned_data["grounds"]),
                also_ask=AlsoAskField.agency_ids(form.cleaned_data["also_ask"]),
                refusal_reason=form.cleaned_data["refusal_reason"],
            )
        except services.DecisionRefused as refused:
            form.add_error(None, str(refused))
        else:
            told = "The applicant's letter is on its way"
            if form.cleaned_data["outcome"] != "not_met":
                told += ", and the agencies have been asked for information"
            messages.success(request, f"Decision recorded. {told}.")
            return redirect(case_url(case))
    complaints = list(case.complaints.select_related("reported_to"))
    engine = services.assess_case(case, complaints)
    body_checks, rows = checks.findings_table(case, complaints, engine)
    return render(
        request,
        "triggers/threshold/decide.html",
        {
            "case": case,
            "form": form,
            "engine": engine,
            "complaints": complaints,
            "checks": body_checks,
            "rows": rows,
            "today": timezone.localdate(),
        },
    )


@login_required
def threshold_check(request, check_id):
    """A relevant body's check of an application's complaints against its own records.

    Responders of the body asked record it; the area's officers read it. Anyone else: 404.
    """
    check = get_object_or_404(
        access.threshold_checks_for(request.user).select_related(
            "case__area", "agency", "checked_by"
        ),
        pk=check_id,
    )
    case = check.case
    complaints = list(case.complaints.select_related("reported_to"))
    may_record = (
        check.status == ThresholdCheck.Status.REQUESTED
        and request.user.agency_id == check.agency_id
    )
    posted = request.POST if request.method == "POST" else None  # an empty POST is an answer
    form = ThresholdCheckForm(posted, complaints=complaints) if may_record else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            checks.record_check(check, form.findings(), by=request.user)
        except checks.CheckRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Thank you. {case.area.name} has your check.")
            return redirect("threshold_check", check_id=check.pk)
    findings = {f.complaint_id: f for f in check.findings.all()}
    return render(
        request,
        "triggers/threshold/check.html",
        {
            "check": check,
            "case": case,
            "applicant": applicant_for(request.user, case),
            "form": form,
            "rows": [(c, findings.get(c.pk)) for c in complaints],
            "elsewhere": checks.reported_elsewhere(case, complaints),
            "today": timezone.localdate(),
        },
    )
