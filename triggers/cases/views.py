from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from agencies import access
from agencies.landing import landing_redirect
from triggers import listing, selectors
from triggers.cases import handover, notes, services
from triggers.cases.columns import columns, header_cells
from triggers.cases.forms import CaseFilterForm, HandoverForm, NoteForm, filters_from, query_for
from triggers.cases.rows import FIELDS, table_rows
from triggers.information import services as information_services
from triggers.meetings import services as meetings
from triggers.people import applicant_for, may_read_letters
from triggers.reviews.views import review_context
from triggers.threshold import services as threshold_services
from triggers.workflow import AWAITING_THRESHOLD_DECISION, OPEN_STATUSES, Status

CASES_PER_PAGE = 25
UNFILTERED = selectors.CaseFilters(sort="", direction="")


def list_total(user, filters, cases, areas) -> int:
    """How many cases the list holds: from the stored per-status counts when it is filtered
    by areas and statuses only and the user sees their areas' cases (officers, admins);
    otherwise counted on triggers_case alone (never over a join), for officers in the same
    statement as their counters."""
    plain = not (filters.q or filters.overdue or filters.officer)
    if not (plain and access.sees_by_area_only(user)):
        total = selectors.area_counts_for(user, listed=cases)[2] if areas else None
        return cases.order_by().count() if total is None else total
    if filters.status:
        statuses = {filters.status}
    else:
        statuses = set(Status) if filters.show_closed else set(OPEN_STATUSES)
    # Every area the user may filter on is one of `areas`.
    area = next((a.pk for a in areas if a.slug == filters.area), 0) if filters.area else None
    counts = selectors.status_counts_for(user, area_id=area)
    return sum(n for status, n in counts.items() if status in statuses)


@login_required
def home(request):
    """The staff home page: the cases this user may see, searched, filtered and sorted."""
    landing = landing_redirect(request)
    if landing:
        return redirect(landing)
    areas = access.own_areas(request.user)
    filters = filters_from(request.GET, areas)
    cases = selectors.case_list(request.user, filters)
    # The total first: it reads the stored counts (with the list's own total when filtered
    # further) in one statement, which the status filter's labels then reuse.
    total = list_total(request.user, filters, cases, areas)
    counts = selectors.status_counts_for(request.user) if areas else None
    form = CaseFilterForm(request.GET or None, areas=areas, counts=counts)
    page = listing.case_page(
        cases,
        number=request.GET.get("page"),
        cursor=request.GET.get("cursor", ""),
        count=total,
        per_page=CASES_PER_PAGE,
        key=selectors.sort_key(*filters.ordering()),
        fields=FIELDS,
    )
    query = query_for(filters)
    return render(
        request,
        "triggers/cases/home.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "query": query,
            "header_cells": header_cells(columns(filters)),
            "search_keeps": [(k, v) for k, v in QueryDict(query).items() if k != "q"],
            "saved_filters": services.saved_filters_for(request.user),
            "rows": table_rows(page.object_list, timezone.localdate()),
            "attention": selectors.needs_attention(request.user),
            "filtered": replace(filters, sort="", direction="") != UNFILTERED,
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
    letters = None
    if may_read_letters(request.user, case):
        letters = list(case.letters.defer("pdf", "html").prefetch_related("deliveries"))
    info_requests = case.information_requests.select_related(
        "agency", "information_return__submitted_by", "draft"
    ).prefetch_related("information_return__reports", "documents")
    if not full_view:
        info_requests = info_requests.filter(agency_id=request.user.agency_id)
    meeting = meetings.current_meeting(case)
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
            "letters": letters,
            "letters_not_sent": [
                d for letter in letters or () for d in letter.deliveries.all() if d.is_waiting
            ],
            "events": case.events.select_related("by"),
            "can_work_on": access.can_work_on(request.user, case),
            "full_view": full_view,
            "info_requests": info_requests,
            "chronology": selectors.chronology(
                case,
                include_returns=full_view,
                agency_id=request.user.agency_id,
                notes=selectors.notes_for(request.user, case),
            ),
            "awaiting_decision": case.status in AWAITING_THRESHOLD_DECISION,
            "may_notify": case.status in information_services.NOTIFIABLE,
            "meeting": meeting,
            "may_download_calendar": bool(
                meeting and access.may_read_meeting_pack(request.user, case, meeting)
            ),
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
    # "View" opens the letter in the browser; the stored letter is its PDF exactly as sent,
    # so that is what is shown, never a fresh rendering that could differ from it.
    how = "inline" if request.resolver_match.url_name == "case_letter_view" else "attachment"
    response["Content-Disposition"] = f'{how}; filename="{found.filename}"'
    return response


@login_required
def add_note(request, area, reference, kind="note"):
    """Add a note, or (kind "contact") record a contact, on the case: its area's staff only."""
    case = selectors.case_to_work_on(request, area, reference)
    contact = kind == "contact"
    form = NoteForm(request.POST or None, contact=contact)
    if request.method == "POST" and form.is_valid():
        try:
            notes.add_note(
                case,
                form.cleaned_data["text"],
                visibility=form.cleaned_data["visibility"],
                by=request.user,
                contact=form.contact_data(),
            )
        except notes.NoteRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, gettext("Contact recorded.") if contact else gettext("Note added.")
            )
            return redirect(selectors.case_url(case))
    return render(
        request, "triggers/cases/note.html", {"case": case, "form": form, "contact": contact}
    )


@login_required
def hand_over(request, area, reference):
    """Hand the case to another officer of the area, and its meeting to another chair."""
    case = selectors.case_to_work_on(request, area, reference)
    meeting = meetings.current_meeting(case)
    form = HandoverForm(
        request.POST or None,
        initial={"officer": case.assigned_officer_id, "chair": meeting and meeting.chair_id},
        officers=handover.possible_officers(case),
        chairs=meetings.possible_chairs(case) if meeting else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            handover.hand_over(
                case,
                form.cleaned_data["officer"],
                chair=form.cleaned_data.get("chair"),
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except handover.HandoverRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, gettext("Handed over. The people concerned have been emailed.")
            )
            return redirect(selectors.case_url(case))
    return render(
        request,
        "triggers/cases/handover.html",
        {"case": case, "form": form, "meeting": meeting},
    )


@login_required
def meeting_calendar(request, area, reference):
    """The arranged review meeting as a calendar file, for the people invited to it."""
    case = selectors.case_detail(request.user, area, reference)
    meeting = meetings.current_meeting(case)
    if meeting is None:
        if not access.can_work_on(request.user, case):
            raise Http404
        messages.error(request, gettext("There is no review meeting arranged."))
        return redirect(selectors.case_url(case))
    if not access.may_read_meeting_pack(request.user, case, meeting):
        raise Http404
    kind = "chair" if meeting.chair_id == request.user.pk else "other"
    reader = meetings.Invitee(request.user.email, request.user.full_name, kind)
    # PUBLISH: a copy to keep, not an invitation to answer (RFC 5546).
    ics = meetings.calendar_file(meeting, reader, "PUBLISH")
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="review-meeting-{case.reference}.ics"'
    return response
