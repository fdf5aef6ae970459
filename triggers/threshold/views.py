"""The threshold stage's pages: acknowledging the application, the bodies' checks of the
complaints, and recording the bodies' decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from agencies import access
from triggers import eligibility_words
from triggers.information import services as information_services
from triggers.information.forms import AlsoAskField
from triggers.models import ThresholdCheck, ThresholdDecision
from triggers.people import applicant_for
from triggers.recipients import recipients
from triggers.selectors import case_to_work_on, case_url
from triggers.threshold import checks, suggestions
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
            gettext(
                "Acknowledged. The applicant has been told you are their single point of contact."
            ),
        )
    return redirect(case_url(case))


def _decision_key(case) -> str:
    return f"threshold_decision:{case.pk}"


def _typed(request, case) -> QueryDict | None:
    """What the officer typed into the decision form, kept in the session until confirmed."""
    stored = request.session.get(_decision_key(case))
    if stored is None:
        return None
    data = QueryDict(mutable=True)
    for name, values in stored.items():
        data.setlist(name, values)
    return data


def _decision_form(case, data):
    _, optional = information_services.agencies_to_ask(case)
    # Housing providers and others the applicant reported to are ticked to start with.
    initial = {"also_ask": information_services.reported_to_among(case, optional)}
    return ThresholdDecisionForm(data, optional=optional, initial=initial), optional


def _preview(case, form, by):
    data = form.cleaned_data
    return services.preview_decision(
        case,
        data["outcome"],
        by=by,
        reasons=data["reasons"],
        grounds=tuple(data["grounds"]),
        refusal_reason=data["refusal_reason"],
    )


@login_required
def decide_threshold(request, area, reference):
    """The decision form. Nothing is recorded here: the next page checks it first."""
    case = case_to_work_on(request, area, reference)
    if case.status not in AWAITING_THRESHOLD_DECISION:
        messages.error(request, gettext("The threshold has already been decided for this case."))
        return redirect(case_url(case))
    posted = request.POST if request.method == "POST" else _typed(request, case)
    form, _ = _decision_form(case, posted)
    if request.method == "POST" and form.is_valid():
        try:
            _preview(case, form, request.user)
        except services.DecisionRefused as refused:
            form.add_error(None, str(refused))
        else:
            request.session[_decision_key(case)] = {
                name: request.POST.getlist(name)
                for name in request.POST
                if name != "csrfmiddlewaretoken"
            }
            return redirect("case_threshold_decision_check", case.area.slug, case.reference)
    complaints = list(case.complaints.select_related("reported_to"))
    engine = services.assess_case(case, complaints)
    body_checks, rows = checks.findings_table(case, complaints, engine)
    # Why each report counts or not, worded in the page's language.
    words = eligibility_words.words()
    return render(
        request,
        "triggers/threshold/decide.html",
        {
            "case": case,
            "form": form,
            "engine": engine,
            "reasons": [finding.reason_in(words) for finding in engine.complaints],
            "complaints": complaints,
            "checks": body_checks,
            "rows": rows,
            "check_round": checks.current_round(case),
            "earlier_rounds": checks.earlier_rounds(case),
            "today": timezone.localdate(),
        },
    )


@login_required
def decision_check(request, area, reference):
    """Check before recording: the decision, its reasons and the letter the applicant will
    get. Nothing changes until the officer confirms; the typed answers are re-validated."""
    case = case_to_work_on(request, area, reference)
    typed = _typed(request, case)
    back = redirect("case_threshold", case.area.slug, case.reference)
    if case.status not in AWAITING_THRESHOLD_DECISION or typed is None:
        return back
    form, optional = _decision_form(case, typed)
    if not form.is_valid():
        return back  # the form shows what is wrong, with the officer's answers
    try:
        preview = _preview(case, form, request.user)
    except services.DecisionRefused as refused:
        messages.error(request, str(refused))
        return back
    data = form.cleaned_data
    if request.method == "POST":
        return _record_decision(request, case, data)
    asked = set(AlsoAskField.agency_ids(data["also_ask"]))
    required, _ = information_services.agencies_to_ask(case)
    return render(
        request,
        "triggers/threshold/decision_check.html",
        {
            "case": case,
            "preview": preview,
            "decision": preview.decision,
            "grounds": [ThresholdDecision.Ground(g).label for g in data["grounds"]],
            "to_ask": required + [m for m in optional if m.agency_id in asked],
            "recipients": recipients(case),
            "open_checks": case.threshold_checks.filter(status="requested").count(),
        },
    )


def _record_decision(request, case, data):
    try:
        services.decide_threshold(
            case,
            data["outcome"],
            by=request.user,
            reasons=data["reasons"],
            grounds=tuple(data["grounds"]),
            also_ask=AlsoAskField.agency_ids(data["also_ask"]),
            refusal_reason=data["refusal_reason"],
        )
    except (services.DecisionRefused, TransitionNotAllowed) as refused:
        messages.error(request, str(refused))
        return redirect("case_threshold", case.area.slug, case.reference)
    del request.session[_decision_key(case)]
    if data["outcome"] != ThresholdDecision.Outcome.NOT_MET:
        told = gettext(
            "Decision recorded. The applicant's letter is on its way, and the agencies have "
            "been asked for information."
        )
    else:
        told = gettext("Decision recorded. The applicant's letter is on its way.")
    messages.success(request, told)
    return redirect(case_url(case))


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
    # Suggestions the body confirmed fill in its check: found, with the record's reference.
    initial = suggestions.confirmed_initial(check) if may_record else {}
    form = (
        ThresholdCheckForm(posted, complaints=complaints, initial=initial) if may_record else None
    )
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            checks.record_check(check, form.findings(), by=request.user)
        except checks.CheckRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                gettext("Thank you. %(area)s has your check.") % {"area": case.area.name},
            )
            return redirect("threshold_check", check_id=check.pk)
    findings = {f.complaint_id: f for f in check.findings.all()}
    # The body's own incident records that may be each complaint (its staff only).
    suggested = suggestions.suggestions_for(check, complaints) if may_record else {}
    return render(
        request,
        "triggers/threshold/check.html",
        {
            "check": check,
            "case": case,
            "applicant": applicant_for(request.user, case),
            "form": form,
            "rows": [(c, findings.get(c.pk), suggested.get(c.pk, [])) for c in complaints],
            "elsewhere": checks.reported_elsewhere(case, complaints),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def check_suggestion(request, check_id):
    """The body confirms a suggested record of its own as a complaint, or rejects it."""
    check = get_object_or_404(
        access.threshold_checks_for(request.user).select_related("case__area", "agency"),
        pk=check_id,
    )
    try:
        record = suggestions.decide(
            check,
            _whole(request.POST.get("complaint")),
            _whole(request.POST.get("record")),
            request.POST.get("decision", ""),
            by=request.user,
        )
    except suggestions.SuggestionRefused as refused:
        messages.error(request, str(refused))
    else:
        if request.POST.get("decision") == "confirmed":
            messages.success(
                request,
                gettext("Your record %(reference)s is filled in below: record your check.")
                % {"reference": record.reference},
            )
        else:
            messages.success(
                request,
                gettext("Your record %(reference)s will not be suggested again.")
                % {"reference": record.reference},
            )
    return redirect("threshold_check", check_id=check.pk)


def _whole(text) -> int:
    return int(text) if text and str(text).isdigit() else 0
