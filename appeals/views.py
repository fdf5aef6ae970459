"""Appeal pages: the applicant's (private link), the council's record of an appeal made
another way, and the workspace of the body hearing appeals (the PCC's office or the area's
independent panel): list, detail, the decision with a check before it is recorded, figures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from agencies import access
from agencies.models import Area
from triggers import selectors as case_selectors
from triggers import uploads
from triggers.selectors import case_url
from triggers.threshold import services as threshold_services

from . import decisions, lodging, notices, selectors
from .forms import AppealForm, AppealListForm, DecisionForm, StaffAppealForm
from .models import Appeal

APPEALS_PER_PAGE = 25


def _posted(request) -> tuple:
    """The form's data and files when posted, even an empty post (so it shows its errors)."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _lodge(request, form, case, *, by=None, party=None) -> Appeal | None:
    """Lodge the appeal from a valid form; on refusal, put the reason on the form. Through a
    private link, `party` says whose link it is: the applicant's or the victim's own."""
    data = form.appeal_data()
    if party:
        data.party = party
    try:
        appeal = lodging.lodge_appeal(case, data, by=by)
    except uploads.UploadRefused as refused:
        form.add_error("documents", str(refused))
    except lodging.AppealRefused as refused:
        form.add_error(None, str(refused))
    else:
        return appeal
    return None


@never_cache
def track_lodge(request):
    """The applicant appeals through their private link."""
    case = access.case_for_applicant(request)
    if case is None:
        return render(request, "triggers/tracking/invalid.html", status=404)
    target = lodging.appealable(case)
    late = target is not None and target.is_late()
    form = AppealForm(*_posted(request), target=target)
    may_lodge = target is not None and not late
    appeal = may_lodge and request.method == "POST" and form.is_valid()
    appeal = appeal and _lodge(request, form, case, party=access.party_for_applicant(request, case))
    if appeal:
        messages.success(request, _lodged_message(appeal))
        return redirect("track:case")
    return render(
        request,
        "appeals/track_lodge.html",
        {"case": case, "target": target, "late": late, "form": form, **_routes(case, target)},
    )


def _lodged_message(appeal: Appeal) -> str:
    """The confirmation for whoever lodged it, in the page's language. It says an email is
    on its way only when one is: someone with no email address gets none (notices.py)."""
    if appeal.kind == Appeal.Kind.PCC_REVIEW:
        said = gettext("Your PCC review has been sent to %(body)s.")
    else:
        said = gettext("Your appeal has been sent to %(body)s.")
    said = said % {"body": appeal.body_name}
    emailed = any(p.role == appeal.party and p.email for p in notices.told_of_appeal(appeal))
    return f"{said} {gettext('We have emailed you to confirm it.')}" if emailed else said


def _routes(case, target) -> dict:
    """Who would hear an appeal, and whether a PCC review is open too: the page explains
    both routes when both are open."""
    try:
        body = lodging.hearing_body(case)
    except lodging.AppealRefused:
        body = None
    return {"body": body, "pcc_review_open": target is not None and target.pcc_review_open}


@login_required
def record(request, area, reference):
    """The council records an appeal made by phone, on paper or by email."""
    case = case_selectors.case_detail(request.user, area, reference)
    if not access.can_work_on(request.user, case):
        raise Http404
    target = lodging.appealable(case)
    if target is None:
        messages.error(
            request, gettext("There is no decision on this case that can be appealed now.")
        )
        return redirect(case_url(case))
    late = target.is_late()
    form = StaffAppealForm(*_posted(request), late=late, target=target, case=case)
    appeal = request.method == "POST" and form.is_valid()
    appeal = appeal and _lodge(request, form, case, by=request.user)
    if appeal:
        if appeal.kind == Appeal.Kind.PCC_REVIEW:
            said = gettext("PCC review recorded and sent to %(body)s.")
        else:
            said = gettext("Appeal recorded and sent to %(body)s.")
        messages.success(request, said % {"body": appeal.body_name})
        return redirect(case_url(case))
    return render(
        request,
        "appeals/record.html",
        {"case": case, "target": target, "late": late, "form": form, **_routes(case, target)},
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
    today = timezone.localdate()
    is_pcc = access.has_role(request.user, access.Role.PCC_OFFICER)
    is_panel = access.has_role(request.user, access.Role.APPEAL_PANEL)
    # The start page of those who decide appeals (issue #17): what waits for them, first.
    to_decide = selectors.to_decide(request.user, today=today) if is_pcc or is_panel else None
    return render(
        request,
        "appeals/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "today": today,
            "to_decide": to_decide,
            "is_pcc": is_pcc,
            "is_panel": is_panel,
            "panel_areas": Area.objects.filter(pk__in=access.panel_area_ids_for(request.user)),
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
            "may_decide": appeal.is_waiting and access.decides_appeal(request.user, appeal),
            "today": timezone.localdate(),
            **_case_file(request.user, case),
        },
    )


# What the check page posts back with the answers: not answers themselves.
CHECK_CONTROLS = {"csrfmiddlewaretoken", "confirm", "change", "submit"}


@login_required
def decide(request, appeal_id):
    """The body's decision: the form, then a check of the findings, the decision, its
    consequences and the letter; nothing changes until the decision is confirmed there."""
    appeal = selectors.appeal_detail(request.user, appeal_id)
    if not access.decides_appeal(request.user, appeal):
        raise Http404
    if not appeal.is_waiting:
        messages.error(request, gettext("This appeal is no longer waiting for a decision."))
        return redirect("appeals:detail", appeal_id=appeal.pk)
    form = DecisionForm(*_posted(request)[:1], appeal=appeal)
    context = {"appeal": appeal, "case": appeal.case, "form": form}
    if request.method != "POST" or "change" in request.POST or not form.is_valid():
        return render(request, "appeals/decide.html", context)
    data = form.decision_data()
    try:
        if "confirm" not in request.POST:
            preview = decisions.preview_decision(appeal, data, by=request.user)
            return render(
                request, "appeals/decide_check.html", {**context, **_check(request, preview)}
            )
        decisions.decide_appeal(appeal, data, by=request.user)
    except lodging.AppealRefused as refused:
        form.add_error(None, str(refused))
        return render(request, "appeals/decide.html", context)
    messages.success(
        request,
        gettext(
            "Decision recorded. The applicant's letter and the council's notice are on their way."
        ),
    )
    return redirect("appeals:detail", appeal_id=appeal.pk)


def _check(request, preview) -> dict:
    answers = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in CHECK_CONTROLS
        for value in values
    ]
    return {"preview": preview, "answers": answers}


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
