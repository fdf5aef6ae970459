from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from agencies import access
from triggers import selectors, services
from triggers.forms import CaseFilterForm, ThresholdDecisionForm
from triggers.information_forms import AlsoAskField
from triggers.workflow import AWAITING_THRESHOLD_DECISION, TransitionNotAllowed

CASES_PER_PAGE = 25


@login_required
def home(request):
    """The staff home page: the cases this user may see, with filters."""
    areas = list(access.areas_for(request.user).order_by("name"))
    form = CaseFilterForm(request.GET or None, areas=areas)
    filters = form.filters() if request.GET else selectors.CaseFilters()
    cases = selectors.case_list(request.user, filters)
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "triggers/home.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "today": timezone.localdate(),
            "attention": selectors.needs_attention(request.user),
            "filtered": bool(request.GET.get("apply") or request.GET.get("status")),
            # Officers and admins record applications made by phone, paper or in person.
            "can_record": bool(areas),
        },
    )


@login_required
def case_detail(request, area, reference):
    case = selectors.case_detail(request.user, area, reference)
    complaints = list(case.complaints.select_related("reported_to"))
    engine = services.assess_case(case, complaints)
    full_view = access.sees_every_return(request.user, case)
    info_requests = case.information_requests.select_related(
        "agency", "information_return__submitted_by"
    ).prefetch_related("information_return__reports", "documents")
    if not full_view:
        info_requests = info_requests.filter(agency_id=request.user.agency_id)
    return render(
        request,
        "triggers/case_detail.html",
        {
            "case": case,
            "complaints": complaints,
            "findings": list(zip(complaints, engine.complaints, strict=True)),
            "engine": engine,
            "decision": case.threshold_decisions.select_related("decided_by").first(),
            "letters": case.letters.defer("pdf"),
            "events": case.events.select_related("by"),
            "can_work_on": access.can_work_on(request.user, case),
            "full_view": full_view,
            "info_requests": info_requests,
            "chronology": selectors.chronology(
                case, include_returns=full_view, agency_id=request.user.agency_id
            ),
            "awaiting_decision": case.status in AWAITING_THRESHOLD_DECISION,
            "may_notify": case.status in services.NOTIFIABLE,
            "meeting": case.review_meetings.filter(status="scheduled")
            .select_related("chair")
            .first(),
            "today": timezone.localdate(),
            "administers_area": case.area_id
            in access.area_ids_for(request.user, roles=(access.Role.AREA_ADMIN,)),
            **_review_context(request.user, case),
        },
    )


def _review_context(user, case) -> dict:
    from triggers.review_views import review_context

    return review_context(user, case)


def _case_to_work_on(request, area, reference):
    """A case the user may change: officers and admins of its area. Others get 404."""
    case = selectors.case_detail(request.user, area, reference)
    if not access.can_work_on(request.user, case):
        raise Http404
    return case


@login_required
@require_POST
def acknowledge(request, area, reference):
    case = _case_to_work_on(request, area, reference)
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
    case = _case_to_work_on(request, area, reference)
    if case.status not in AWAITING_THRESHOLD_DECISION:
        messages.error(request, "The threshold has already been decided for this case.")
        return redirect(case_url(case))
    _, optional = services.agencies_to_ask(case)
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
        "triggers/decide_threshold.html",
        {
            "case": case,
            "form": form,
            "engine": services.assess_case(case),
            "complaints": list(case.complaints.select_related("reported_to")),
        },
    )


@login_required
def letter(request, area, reference, letter_id):
    case = selectors.case_detail(request.user, area, reference)
    found = get_object_or_404(case.letters.select_related("case"), pk=letter_id)
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return response


def case_url(case) -> str:
    return reverse("case_detail", args=[case.area.slug, case.reference])
