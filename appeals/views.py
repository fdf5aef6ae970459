"""Appeal pages: the applicant's (private link), the council's record of an appeal made
another way, and the PCC's workspace, decision and figures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from agencies import access
from triggers import selectors as case_selectors
from triggers import uploads
from triggers.selectors import case_url
from triggers.threshold import services as threshold_services

from . import selectors, services
from .forms import AppealForm, AppealListForm, DecisionForm, StaffAppealForm
from .models import Appeal

APPEALS_PER_PAGE = 25


def _posted(request) -> tuple:
    """The form's data and files when posted, even an empty post (so it shows its errors)."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _lodge(request, form, case, *, by=None) -> bool:
    """Lodge the appeal from a valid form; on refusal, put the reason on the form."""
    try:
        services.lodge_appeal(case, form.appeal_data(), by=by)
    except uploads.UploadRefused as refused:
        form.add_error("documents", str(refused))
    except services.AppealRefused as refused:
        form.add_error(None, str(refused))
    else:
        return True
    return False


def _decision(target) -> str:
    return target.decision if target is not None else Appeal.Decision.OUTCOME


@never_cache
def track_lodge(request):
    """The applicant appeals through their private link."""
    case = access.case_for_applicant(request)
    if case is None:
        return render(request, "triggers/tracking/invalid.html", status=404)
    target = services.appealable(case)
    late = target is not None and target.is_late()
    form = AppealForm(*_posted(request), decision=_decision(target))
    may_lodge = target is not None and not late
    if may_lodge and request.method == "POST" and form.is_valid() and _lodge(request, form, case):
        messages.success(
            request,
            "Your appeal has been sent to the Police and Crime Commissioner's office. "
            "We have emailed you to confirm it.",
        )
        return redirect("track:case")
    return render(
        request,
        "appeals/track_lodge.html",
        {"case": case, "target": target, "late": late, "form": form},
    )


@login_required
def record(request, area, reference):
    """The council records an appeal made by phone, on paper or by email."""
    case = case_selectors.case_detail(request.user, area, reference)
    if not access.can_work_on(request.user, case):
        raise Http404
    target = services.appealable(case)
    if target is None:
        messages.error(request, "There is no decision on this case that can be appealed now.")
        return redirect(case_url(case))
    late = target.is_late()
    form = StaffAppealForm(*_posted(request), late=late, decision=target.decision)
    if (
        request.method == "POST"
        and form.is_valid()
        and _lodge(request, form, case, by=request.user)
    ):
        messages.success(
            request, "Appeal recorded and sent to the Police and Crime Commissioner's office."
        )
        return redirect(case_url(case))
    return render(
        request,
        "appeals/record.html",
        {"case": case, "target": target, "late": late, "form": form},
    )


@login_required
def appeal_list(request):
    """The PCC workspace: every appeal from every area of their force area."""
    form = AppealListForm(request.GET or None)
    show, sort = form.choice("show"), form.choice("sort")
    appeals = selectors.appeal_list(request.user, show=show, sort=sort)
    page = Paginator(appeals, APPEALS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "appeals/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "today": timezone.localdate(),
            "is_pcc": access.has_role(request.user, access.Role.PCC_OFFICER),
        },
    )


def _case_file(user, case) -> dict:
    """The appealed case's file, read-only: the same selectors as the case page."""
    complaints = list(case.complaints.select_related("reported_to"))
    engine = threshold_services.assess_case(case, complaints)
    return {
        "findings": list(zip(complaints, engine.complaints, strict=True)),
        "engine": engine,
        "decisions": case.threshold_decisions.select_related("decided_by"),
        "info_requests": case.information_requests.select_related(
            "agency", "information_return"
        ).prefetch_related("information_return__reports", "documents"),
        "meetings": case.review_meetings.select_related("chair").order_by("round", "starts_at"),
        "reviews": case.reviews.order_by("round").prefetch_related(
            "recommendations__agency", "actions__owner_agency"
        ),
        "chronology": case_selectors.chronology(case, include_returns=True),
        "letters": case.letters.defer("pdf", "html").prefetch_related("deliveries"),
        "events": case.events.select_related("by"),
    }


@login_required
def appeal_detail(request, appeal_id):
    appeal = selectors.appeal_detail(request.user, appeal_id)
    case = appeal.case
    return render(
        request,
        "appeals/detail.html",
        {
            "appeal": appeal,
            "case": case,
            "grounds": appeal.grounds.all(),
            "documents": appeal.documents.all(),
            "may_decide": not appeal.is_decided
            and access.decides_appeals_of(request.user, case.area),
            "today": timezone.localdate(),
            **_case_file(request.user, case),
        },
    )


@login_required
def decide(request, appeal_id):
    appeal = selectors.appeal_detail(request.user, appeal_id)
    if not access.decides_appeals_of(request.user, appeal.case.area):
        raise Http404
    if appeal.is_decided:
        messages.error(request, "This appeal has already been decided.")
        return redirect("appeals:detail", appeal_id=appeal.pk)
    form = DecisionForm(*_posted(request)[:1], appeal=appeal)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_appeal(appeal, form.decision_data(), by=request.user)
        except services.AppealRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                "Decision recorded. The applicant's letter and the council's notice are on "
                "their way.",
            )
            return redirect("appeals:detail", appeal_id=appeal.pk)
    return render(
        request,
        "appeals/decide.html",
        {"appeal": appeal, "case": appeal.case, "form": form},
    )


@login_required
def document(request, appeal_id, document_id):
    """An applicant's document, only to those who may see the appeal."""
    appeal = selectors.appeal_detail(request.user, appeal_id)
    found = get_object_or_404(appeal.documents, pk=document_id)
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def figures(request):
    """Appeals by area, grounds, outcome and timeliness, for the user's force area."""
    return render(request, "appeals/figures.html", selectors.figures(request.user))
