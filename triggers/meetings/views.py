"""Arranging, changing and cancelling the review meeting (officers and admins of the area)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext

from agencies import access
from triggers import selectors
from triggers.meetings import chairs, pack
from triggers.meetings import services as meetings
from triggers.meetings.forms import CancelMeetingForm, IndependentChairForm, ReviewMeetingForm
from triggers.meetings.pack import may_read_pack
from triggers.selectors import case_to_work_on, case_url
from triggers.workflow import Status, TransitionNotAllowed


@login_required
def schedule(request, area, reference):
    """Arrange the meeting, or change the one already arranged."""
    case = case_to_work_on(request, area, reference)
    meeting = meetings.current_meeting(case)
    if meeting is None and case.status != Status.AGENCIES_NOTIFIED:
        messages.error(
            request,
            gettext(
                "A review meeting can be arranged once the agencies have been asked for "
                "information."
            ),
        )
        return redirect(case_url(case))
    memberships = case.area.memberships.select_related("agency").order_by("agency__name")
    asked = case.information_requests.values_list("agency_id", flat=True)
    form = ReviewMeetingForm(
        request.POST or None,
        initial=ReviewMeetingForm.initial_for(meeting, asked),
        chairs=meetings.possible_chairs(case),
        memberships=memberships,
    )
    deadline = meetings.review_deadline(case)
    if request.method == "POST" and form.is_valid():
        try:
            if meeting is None:
                saved = meetings.schedule_review(case, form.meeting_data(), by=request.user)
            else:
                saved = meetings.reschedule_review(meeting, form.meeting_data(), by=request.user)
        except (meetings.MeetingRefused, TransitionNotAllowed) as refused:
            form.add_error(None, str(refused))
        else:
            done = (
                gettext(
                    "Review meeting arranged. Everyone invited has been emailed a calendar "
                    "invitation."
                )
                if meeting is None
                else gettext(
                    "Review meeting changed. Everyone invited has been emailed a calendar "
                    "invitation."
                )
            )
            if deadline and saved.starts_at.date() > deadline:
                done += gettext(" It is later than the deadline of %(deadline)s.") % {
                    "deadline": date_format(deadline, "d F Y")
                }
            messages.success(request, done)
            return redirect(case_url(case))
    typed = getattr(form, "cleaned_data", {}).get("date")
    return render(
        request,
        "triggers/meetings/schedule.html",
        {
            "case": case,
            "form": form,
            "meeting": meeting,
            "deadline": deadline,
            "late": bool(deadline and typed and typed > deadline),
            "administers_area": access.administered_areas_for(request.user)
            .filter(pk=case.area_id)
            .exists(),
        },
    )


@login_required
def cancel(request, area, reference):
    """Check before you cancel (issue #17): the meeting, who will be told, and the reason
    they will read. Nothing changes until the officer confirms with a reason."""
    case = case_to_work_on(request, area, reference)
    meeting = meetings.current_meeting(case)
    if meeting is None:
        messages.error(request, gettext("There is no review meeting arranged to cancel."))
        return redirect(case_url(case))
    form = CancelMeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.cancel_review(meeting, by=request.user, reason=form.cleaned_data["reason"])
        except (meetings.MeetingRefused, TransitionNotAllowed) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, gettext("Review meeting cancelled. Everyone invited has been told.")
            )
            return redirect(case_url(case))
    return render(
        request,
        "triggers/meetings/cancel.html",
        {
            "case": case,
            "meeting": meeting,
            "form": form,
            "invitees": meetings.invitees(meeting),
        },
    )


@login_required
def meeting_pack(request, area, reference):
    """The pack for the people invited, watermarked with the reader's name and the date."""
    case = selectors.case_detail(request.user, area, reference)
    if not may_read_pack(request.user, case):
        raise Http404
    pdf = pack.copy_for(case, request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pack.filename(case)}"'
    return response


@login_required
def independent_chairs(request, area):
    """The area's named independent chairs, kept by its area admins."""
    area = get_object_or_404(access.administered_areas_for(request.user), slug=area)
    form = IndependentChairForm(request.POST or None)
    if request.method == "POST" and request.POST.get("withdraw", "").isdigit():
        chairs.withdraw_independent_chair(area, int(request.POST["withdraw"]))
        messages.success(request, gettext("Taken off the list of independent chairs."))
        return redirect("area_independent_chairs", area=area.slug)
    if request.method == "POST" and form.is_valid():
        try:
            named = chairs.name_independent_chair(area, form.cleaned_data["email"])
        except meetings.MeetingRefused as refused:
            form.add_error("email", str(refused))
        else:
            messages.success(
                request,
                gettext("%(name)s may now chair %(area)s's reviews.")
                % {"name": named.full_name, "area": area.name},
            )
            return redirect("area_independent_chairs", area=area.slug)
    return render(
        request,
        "triggers/meetings/independent_chairs.html",
        {"area": area, "form": form, "chairs": chairs.independent_chairs(area)},
    )
