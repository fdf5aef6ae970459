"""Staff change the victim's consent record and who the case writes to (DOMAIN.md §5.9), with
a check page (GOV.UK "check your answers"): the change waits in the session until confirmed,
and nothing changes before that."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from triggers.applications.consent import (
    ConsentForm,
    ConsentRecord,
    ConsentRefused,
    change_consent,
)
from triggers.selectors import case_to_work_on, case_url


def _session_key(case) -> str:
    return f"consent:{case.pk}"


def _case(request, area, reference):
    case = case_to_work_on(request, area, reference)
    if not case.on_behalf:
        raise Http404
    return case


@never_cache
@login_required
def consent(request, area, reference):
    """The consent record as it is now, to change; the next page checks the change."""
    case = _case(request, area, reference)
    stored = request.session.get(_session_key(case))
    if stored:
        record = ConsentRecord.from_session(stored)
        initial = {
            "victim_consent_share": record.share,
            "victim_consent_contact": record.contact,
            "victim_consent_how": record.how,
            "victim_consent_on": record.on,
            "send_to": record.send_to,
            "reason": record.reason,
        }
    else:
        initial = ConsentForm.initial_for(case)
    form = ConsentForm(
        request.POST if request.method == "POST" else None, initial=initial, case=case
    )
    if request.method == "POST" and form.is_valid():
        request.session[_session_key(case)] = form.record().to_session()
        return redirect("case_victim_consent_check", case.area.slug, case.reference)
    return render(request, "triggers/applications/consent.html", {"case": case, "form": form})


@never_cache
@login_required
def consent_check(request, area, reference):
    case = _case(request, area, reference)
    stored = request.session.get(_session_key(case))
    if not stored:
        return redirect("case_victim_consent", case.area.slug, case.reference)
    record = ConsentRecord.from_session(stored)
    if request.method == "POST":
        try:
            change_consent(case, record, by=request.user)
        except ConsentRefused as refused:
            messages.error(request, str(refused))
            return redirect("case_victim_consent", case.area.slug, case.reference)
        del request.session[_session_key(case)]
        messages.success(request, _("The victim's consent record has been changed."))
        return redirect(case_url(case))
    before = ConsentRecord.of(case).shown_rows()
    rows = [(name, before[name], now) for name, now in record.shown_rows().items()]
    return render(
        request,
        "triggers/applications/consent_check.html",
        {"case": case, "record": record, "rows": rows},
    )
