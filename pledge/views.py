"""PLEDGE pages: an organisation's pledge, its self-assessment, results, plan and signature,
and the public register. Objects come through `agencies.access` (others' are a 404); pages
only read, services write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from . import charts, scoring, selectors, services
from .forms import SUBMIT, AssessmentForm, ImprovementForm, SignForm
from .selectors import organisation_of


def _pdf(template: str, context: dict) -> bytes:
    from triggers.letters import render_pdf

    return render_pdf(template, context)


@login_required
def home(request):
    """The organisations whose pledge the user works on or may read."""
    organisations = selectors.organisations_for(request.user, read=True)
    if not organisations:
        raise Http404
    return render(request, "pledge/home.html", {"organisations": organisations})


def register(request):
    """The public register of organisations that have signed the pledge (no sign-in)."""
    return render(request, "pledge/register.html", {"signatures": selectors.register()})


@login_required
def organisation(request, kind, slug):
    org = selectors.organisation_for(request.user, kind, slug, read=True)
    own = _is_own(request.user, org)
    history = selectors.history(org)
    return render(
        request,
        "pledge/organisation.html",
        {
            "org": org,
            "own": own,
            "assessments": org.assessments().select_related("version", "started_by"),
            "signature": org.signature(),
            "history": history,
            "chart": charts.history_chart(
                [(formats.date_format(a.submitted_at, "d M Y"), percent) for a, percent in history]
            ),
        },
    )


def _is_own(user, org) -> bool:
    return any(o == org for o in selectors.organisations_for(user))


@login_required
@require_POST
def start(request, kind, slug):
    org = selectors.organisation_for(request.user, kind, slug)
    try:
        assessment = services.start_assessment(org, by=request.user)
    except services.AssessmentRefused as refused:
        messages.error(request, str(refused))
        return redirect("pledge:organisation", kind, slug)
    return redirect("pledge:assessment", assessment.pk)


@login_required
def assessment(request, assessment_id):
    """The questionnaire of a draft; a submitted (or someone else's) assessment shows results."""
    item = selectors.assessment_for(request.user, assessment_id, read=request.method == "GET")
    editable = item.is_draft and _is_own(request.user, organisation_of(item))
    if not editable:
        if request.method != "GET":
            raise Http404
        return redirect("pledge:results", item.pk)
    answers = list(
        item.answers.select_related("question__section").order_by(
            "question__section__position", "question__position"
        )
    )
    form = AssessmentForm(request.POST or None, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_answers(item, form.answers_data(), by=request.user)
            if request.POST.get("action") == SUBMIT:
                services.submit_assessment(item, by=request.user)
                messages.success(request, gettext("Your self-assessment has been submitted."))
                return redirect("pledge:results", item.pk)
        except services.AssessmentRefused as refused:
            _add_errors(form, refused)
        else:
            messages.success(request, gettext("Your answers have been saved."))
            return redirect("pledge:assessment", item.pk)
    return render(
        request,
        "pledge/assessment.html",
        {
            "assessment": item,
            "org": organisation_of(item),
            "form": form,
            "sections": _by_section(form),
        },
    )


def _add_errors(form: AssessmentForm, refused: services.AssessmentRefused) -> None:
    """The service's refusals shown against the question they concern (nothing typed is lost)."""
    for code, message in refused.errors.items():
        field = f"{code}-override" if message == services.OVERRIDE_MESSAGE else f"{code}-value"
        form.add_error(field, message)
    if not refused.errors:
        form.add_error(None, str(refused))


def _by_section(form: AssessmentForm):
    sections: dict = {}
    for row in form.rows():
        sections.setdefault(row[0].question.section, []).append(row)
    return list(sections.items())


def _results_context(item):
    per_commitment, result = selectors.results(item)
    return {
        "assessment": item,
        "org": organisation_of(item),
        "commitments": [(c, charts.score_bar(c.score.percent)) for c in per_commitment],
        "result": result,
        "overall_bar": charts.score_bar(result.overall.percent),
        "rating_labels": scoring.RATING_LABELS,
        "improvements": item.improvements.select_related("question__section"),
        "green_from": int(scoring.GREEN_FROM * 100),
        "amber_from": int(scoring.AMBER_FROM * 100),
    }


@login_required
def results(request, assessment_id):
    item = selectors.assessment_for(request.user, assessment_id)
    context = _results_context(item)
    context["own"] = _is_own(request.user, context["org"])
    return render(request, "pledge/results.html", context)


@login_required
def report(request, assessment_id):
    """The results and plan as a PDF (WeasyPrint), for boards and partners."""
    item = selectors.assessment_for(request.user, assessment_id)
    context = {**_results_context(item), "today": timezone.localdate()}
    pdf = _pdf("pledge/report.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"pledge-{context['org'].slug}-{item.pk}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def improvement(request, assessment_id, item_id):
    """The organisation sets an improvement's owner and target date, and marks it done."""
    item = selectors.assessment_for(request.user, assessment_id, read=False)
    gap = get_object_or_404(item.improvements.select_related("question"), pk=item_id)
    initial = {"owner": gap.owner, "target_date": gap.target_date, "done": gap.status == "done"}
    form = ImprovementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_improvement(gap, **form.cleaned_data, by=request.user)
        messages.success(request, gettext("The improvement has been updated."))
        return redirect("pledge:results", item.pk)
    return render(
        request, "pledge/improvement.html", {"assessment": item, "item": gap, "form": form}
    )


@login_required
def sign(request, kind, slug):
    org = selectors.organisation_for(request.user, kind, slug)
    refusal = None
    try:
        backing = services.signing_check(org)
    except services.SigningRefused as refused:
        backing, refusal = None, refused
    form = SignForm(request.POST or None)
    if backing and request.method == "POST" and form.is_valid():
        try:
            services.sign_pledge(org, **form.cleaned_data, by=request.user)
        except services.SigningRefused as refused:
            refusal = refused
        else:
            messages.success(
                request, gettext("%(name)s has signed the ASB Help PLEDGE.") % {"name": org.name}
            )
            return redirect("pledge:organisation", kind, slug)
    return render(
        request,
        "pledge/sign.html",
        {"org": org, "form": form, "refusal": refusal, "assessment": backing},
    )
