"""The officer's close and withdrawal pages (the applicant asks to withdraw on their private
link: triggers/tracking/views.py).

Withdrawal has a check page (GOV.UK "check your answers"): the answers are kept in the
session until the officer confirms them, and nothing changes before that.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from triggers.closing import services
from triggers.closing.forms import CloseCaseForm, WithdrawForm
from triggers.models import Action, WithdrawalReason
from triggers.selectors import case_to_work_on, case_url


@login_required
def close(request, area, reference):
    case = case_to_work_on(request, area, reference)
    if case.status not in services.CLOSABLE or case.closes_on is not None:
        messages.error(request, gettext("A case can be closed once the outcome has been sent."))
        return redirect(case_url(case))
    open_actions = case.actions.filter(status=Action.Status.OPEN).count()
    form = CloseCaseForm(
        request.POST if request.method == "POST" else None, open_actions=open_actions
    )
    if request.method == "POST" and form.is_valid():
        try:
            done = services.close_case(case, by=request.user, reason=form.cleaned_data["reason"])
        except services.REFUSED as refused:
            form.add_error(None, str(refused))
        else:
            if done.closes_on is not None:
                messages.success(request, services.scheduled_closure_text(done.closes_on))
            else:
                messages.success(
                    request, gettext("Case closed. The applicant has been told when and why.")
                )
            return redirect(case_url(case))
    return render(
        request,
        "triggers/closing/close.html",
        {
            "case": case,
            "form": form,
            "open_actions": open_actions,
            "closes_on": services.closes_on_for(case),
        },
    )


def _session_key(case) -> str:
    return f"withdrawal:{case.pk}"


@login_required
def withdraw(request, area, reference):
    """The reason for withdrawing; the next page checks it before anything changes."""
    case = case_to_work_on(request, area, reference)
    if not _may_withdraw(request, case):
        return redirect(case_url(case))
    stored = request.session.get(_session_key(case))
    initial = stored or (
        {"reason": WithdrawalReason.APPLICANT_ASKED, "details": case.withdrawal_request_details}
        if case.withdrawal_requested_at
        else None
    )
    form = WithdrawForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.withdrawal_data()
        request.session[_session_key(case)] = {"reason": data.reason, "details": data.details}
        return redirect("case_withdraw_check", case.area.slug, case.reference)
    return render(request, "triggers/closing/withdraw.html", {"case": case, "form": form})


@login_required
def withdraw_check(request, area, reference):
    case = case_to_work_on(request, area, reference)
    stored = request.session.get(_session_key(case))
    if not _may_withdraw(request, case) or not stored:
        return redirect("case_withdraw", case.area.slug, case.reference)
    data = services.WithdrawalData(**stored)
    if request.method == "POST":
        try:
            services.withdraw_case(case, data, by=request.user)
        except services.REFUSED as refused:
            messages.error(request, str(refused))
            return redirect("case_withdraw", case.area.slug, case.reference)
        del request.session[_session_key(case)]
        messages.success(request, gettext("Case withdrawn. The applicant has been sent a letter."))
        return redirect(case_url(case))
    return render(
        request,
        "triggers/closing/withdraw_check.html",
        {
            "case": case,
            "data": data,
            "reason_label": WithdrawalReason(data.reason).label,
            "meeting": case.review_meetings.filter(status="scheduled").first(),
        },
    )


def _may_withdraw(request, case) -> bool:
    try:
        services.check_withdrawal(case, services.WithdrawalData(WithdrawalReason.OTHER, "-"))
    except services.ClosingRefused as refused:
        messages.error(request, str(refused))
        return False
    return True
