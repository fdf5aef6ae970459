from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from agencies import access
from agencies.landing import landing_redirect
from triggers import selectors
from triggers.cases.forms import CaseFilterForm
from triggers.information import services as information_services
from triggers.people import applicant_for, may_read_letters
from triggers.reviews.views import review_context
from triggers.threshold import services as threshold_services
from triggers.workflow import AWAITING_THRESHOLD_DECISION

CASES_PER_PAGE = 25


@login_required
def home(request):
    """The staff home page: the cases this user may see, with filters."""
    landing = landing_redirect(request)
    if landing:
        return redirect(landing)
    areas = list(access.areas_for(request.user).order_by("name"))
    form = CaseFilterForm(request.GET or None, areas=areas)
    filters = form.filters() if request.GET else selectors.CaseFilters()
    cases = selectors.case_list(request.user, filters)
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "triggers/cases/home.html",
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
    engine = threshold_services.assess_case(case, complaints)
    full_view = access.sees_every_return(request.user, case)
    info_requests = case.information_requests.select_related(
        "agency", "information_return__submitted_by"
    ).prefetch_related("information_return__reports", "documents")
    if not full_view:
        info_requests = info_requests.filter(agency_id=request.user.agency_id)
    return render(
        request,
        "triggers/cases/case_detail.html",
        {
            "case": case,
            "complaints": complaints,
            "findings": list(zip(complaints, engine.complaints, strict=True)),
            "engine": engine,
            "decision": case.threshold_decisions.select_related("decided_by").first(),
            "applicant": applicant_for(request.user, case),
            "letters": case.letters.defer("pdf") if may_read_letters(request.user, case) else None,
            "events": case.events.select_related("by"),
            "can_work_on": access.can_work_on(request.user, case),
            "full_view": full_view,
            "info_requests": info_requests,
            "chronology": selectors.chronology(
                case, include_returns=full_view, agency_id=request.user.agency_id
            ),
            "awaiting_decision": case.status in AWAITING_THRESHOLD_DECISION,
            "may_notify": case.status in information_services.NOTIFIABLE,
            "meeting": case.review_meetings.filter(status="scheduled")
            .select_related("chair")
            .first(),
            "today": timezone.localdate(),
            "administers_area": case.area_id
            in access.area_ids_for(request.user, roles=(access.Role.AREA_ADMIN,)),
            **review_context(request.user, case),
        },
    )


@login_required
def letter(request, area, reference, letter_id):
    case = selectors.case_detail(request.user, area, reference)
    if not may_read_letters(request.user, case):
        raise Http404
    found = get_object_or_404(case.letters.select_related("case"), pk=letter_id)
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    return response
