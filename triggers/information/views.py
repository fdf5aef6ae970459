"""Asking agencies for information, their inbox, their returns, and documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from agencies import access
from agencies.working_days import add_working_days
from triggers import blocks, selectors, uploads
from triggers.information import services
from triggers.information.forms import (
    DRAFT,
    REPORTS,
    InformationReturnForm,
    NotifyAgenciesForm,
)
from triggers.models import InformationRequest
from triggers.selectors import case_to_work_on, case_url


@login_required
def notify_agencies(request, area, reference):
    case = case_to_work_on(request, area, reference)
    if case.status not in services.NOTIFIABLE:
        messages.error(
            request, gettext("Agencies can be asked once the review has been decided on.")
        )
        return redirect(case_url(case))
    required, optional = services.agencies_to_ask(case)
    form = NotifyAgenciesForm(
        request.POST or None,
        optional=optional,
        initial={"also_ask": services.reported_to_among(case, optional)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.notify_agencies(case, by=request.user, also_ask=form.agency_ids())
        except services.RequestRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                gettext("%(n)s agencies have been asked for information.") % {"n": len(sent)},
            )
            return redirect(case_url(case))
    return render(
        request,
        "triggers/information/notify.html",
        {
            "case": case,
            "form": form,
            "required": required,
            "due": add_working_days(timezone.localdate(), case.area.information_return_days),
        },
    )


@login_required
def inbox(request):
    """A responder's requests across every area their agency works in (officers: theirs)."""
    show = request.GET.get("show", "waiting")
    found = access.information_requests_for(request.user).select_related("case__area", "agency")
    if show != "all":
        found = found.filter(status=InformationRequest.Status.REQUESTED)
    page = Paginator(found.order_by("due_date", "pk"), 25).get_page(request.GET.get("page"))
    # Applications to check: passed on to every relevant body on receipt (s104(3)(b)).
    to_check = access.threshold_checks_for(request.user).select_related("case__area", "agency")
    if show != "all":
        to_check = to_check.filter(status="requested")
    return render(
        request,
        "triggers/information/inbox.html",
        {
            "to_check": to_check.order_by("due_date", "pk")[:100],
            "page": page,
            "show": show,
            "today": timezone.localdate(),
        },
    )


def _request_for(user, request_id) -> InformationRequest:
    return get_object_or_404(
        access.information_requests_for(user).select_related(
            "case__area", "agency", "information_return__submitted_by", "draft__saved_by"
        ),
        pk=request_id,
    )


@login_required
def request_detail(request, request_id):
    info_request = _request_for(request.user, request_id)
    case = info_request.case
    form = _return_form(request, info_request) if _may_answer(request, info_request) else None
    sending = request.method == "POST" and not blocks.pressed(request.POST, [REPORTS])
    if form is not None and sending and DRAFT in request.POST:
        return _save_draft(request, info_request, form)
    if form is not None and sending and form.is_valid():
        correcting = info_request.status == InformationRequest.Status.RETURNED
        try:
            services.submit_return(
                info_request,
                form.return_data(),
                by=request.user,
                files=form.cleaned_data["documents"],
            )
        except (services.RequestRefused, uploads.UploadRefused) as refused:
            form.add_error(
                "documents" if isinstance(refused, uploads.UploadRefused) else None, str(refused)
            )
        else:
            if correcting:
                done = gettext("Thank you. %(area)s has your corrected information.")
            else:
                done = gettext("Thank you. %(area)s has your information.")
            messages.success(request, done % {"area": case.area.name})
            return redirect("request_detail", request_id=info_request.pk)
    returned = info_request.status == InformationRequest.Status.RETURNED
    own = request.user.agency_id == info_request.agency_id
    return render(
        request,
        "triggers/information/request_detail.html",
        {
            "info_request": info_request,
            "case": case,
            "form": form,
            "complaints": case.complaints.select_related("reported_to"),
            "documents": info_request.documents.all(),
            "reports": info_request.information_return.reports.all() if returned else [],
            "draft": getattr(info_request, "draft", None),
            "may_correct": own and returned and form is None and services.may_correct(info_request),
            "today": timezone.localdate(),
        },
    )


def _may_answer(request, info_request) -> bool:
    """The agency asked answers a waiting request, or corrects its return (?change) until
    the review is held."""
    if request.user.agency_id != info_request.agency_id:
        return False
    if info_request.status == InformationRequest.Status.REQUESTED:
        return True
    changing = request.method == "POST" or "change" in request.GET
    return (
        changing
        and info_request.status == InformationRequest.Status.RETURNED
        and services.may_correct(info_request)
    )


def _return_form(request, info_request) -> InformationReturnForm:
    # A return already sent is corrected and sent again, not put back into a draft.
    drafts = info_request.status == InformationRequest.Status.REQUESTED
    if request.method == "POST" and blocks.pressed(request.POST, [REPORTS]):
        edited, counts = blocks.edit(request.POST, [REPORTS])
        form = InformationReturnForm(edited, reports=counts[REPORTS], drafts=drafts)
        return blocks.without_errors(form)
    if request.method == "POST":
        return InformationReturnForm(request.POST, request.FILES, drafts=drafts)
    draft = getattr(info_request, "draft", None)
    if drafts and draft is not None:
        return blocks.without_errors(InformationReturnForm(answers_as_data(draft.answers)))
    if not drafts:
        initial = InformationReturnForm.initial_for(info_request.information_return)
        return InformationReturnForm(initial=initial, reports=initial["reports"], drafts=False)
    return InformationReturnForm()


def _save_draft(request, info_request, form):
    try:
        services.save_draft(info_request, form.typed_answers(), by=request.user)
    except services.RequestRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            gettext(
                "Your draft is saved. It has not been sent: come back to this page to finish "
                "it. Documents are not kept in a draft: attach them when you send."
            ),
        )
    return redirect("request_detail", request_id=info_request.pk)


def answers_as_data(answers: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in answers.items():
        data.setlist(name, [str(v) for v in values])
    return data


@login_required
def document(request, document_id):
    """Serve an upload only to someone who may see it, never from a public address."""
    cases = access.cases_for(request.user)
    found = selectors.document_for(request.user, cases, document_id)
    if found is None:
        raise Http404
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
