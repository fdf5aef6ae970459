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
    form = WithdrawForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        on_behalf=case.on_behalf,
    )
    if request.method == "POST" and form.is_valid() and _allowed(case, form):
        data = form.withdrawal_data()
        request.session[_session_key(case)] = {"reason": data.reason, "details": data.details}
        return redirect("case_withdraw_check", case.area.slug, case.reference)
    return _withdraw_page(request, case, form)


def _withdraw_page(request, case, form):
    return render(request, "triggers/closing/withdraw.html", {"case": case, "form": form})


def _allowed(case, form) -> bool:
    """The service's rule on the form (DOMAIN.md §5.5: only the applicant's or victim's own
    request may end a case while it can be appealed), shown in its error summary."""
    try:
        services.check_withdrawal(case, form.withdrawal_data())
    except services.ClosingRefused as refused:
        form.add_error("reason", str(refused))
        return False
    return True


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
            # Things changed since the form (an appeal lodged): say why on the form itself.
            form = WithdrawForm(stored, on_behalf=case.on_behalf)
            form.is_valid()
            form.add_error("reason", str(refused))
            return _withdraw_page(request, case, form)
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
    """The case is open to withdrawal at all (the applicant's request always is); whether the
    officer's chosen reason may end it now is the form's question."""
    try:
        asked = services.WithdrawalData(WithdrawalReason.APPLICANT_ASKED)
        services.check_withdrawal(case, asked)
    except services.ClosingRefused as refused:
        messages.error(request, str(refused))
        return False
    return True
