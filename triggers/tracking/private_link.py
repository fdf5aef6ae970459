"""The officer switches off the applicant's private link, or replaces it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from triggers.selectors import case_to_work_on, case_url
from triggers.tracking import services


@never_cache
@login_required
def private_link(request, area, reference):
    case = case_to_work_on(request, area, reference)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "revoke":
        services.revoke_tracking_link(case, by=request.user)
        messages.success(request, "The private link no longer works.")
        return redirect(case_url(case))
    if action == "reissue":
        token = services.reissue_tracking_link(case, by=request.user)
        if token is None:
            messages.success(request, "A new private link has been emailed to the applicant.")
            return redirect(case_url(case))
        # Shown once, in this answer only: nothing keeps the token but its hash.
        return render(
            request,
            "triggers/tracking/private_link_issued.html",
            {"case": case, "tracking_url": services.tracking_url(token)},
        )
    return render(request, "triggers/tracking/private_link.html", {"case": case})
