"""The officer switches off a private link, or replaces it: the applicant's, or the victim's
own when someone applied for them (`?party=victim`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext, pgettext_lazy
from django.views.decorators.cache import never_cache

from triggers.recipients import applicant_of, victim_of
from triggers.selectors import case_to_work_on, case_url
from triggers.tracking import services

# Each party as the pages name them, after "the" ("the applicant's private link").
PARTY_NAMES = {
    services.APPLICANT: pgettext_lazy("private link party", "applicant"),
    services.VICTIM: pgettext_lazy("private link party", "victim"),
}


def _party(request, case) -> str:
    party = request.POST.get("party") or request.GET.get("party") or services.APPLICANT
    if party not in services.PARTIES or (party == services.VICTIM and not case.on_behalf):
        raise Http404
    return party


@never_cache
@login_required
def private_link(request, area, reference):
    case = case_to_work_on(request, area, reference)
    party = _party(request, case)
    person = victim_of(case) if party == services.VICTIM else applicant_of(case)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "revoke":
        services.revoke_tracking_link(case, by=request.user, party=party)
        messages.success(request, gettext("The private link no longer works."))
        return redirect(case_url(case))
    if action == "reissue":
        token = services.reissue_tracking_link(case, by=request.user, party=party)
        if token is None:
            messages.success(
                request,
                gettext("A new private link has been emailed to the %(party)s.")
                % {"party": PARTY_NAMES[party]},
            )
            return redirect(case_url(case))
        # Shown once, in this answer only: nothing keeps the token but its hash.
        return render(
            request,
            "triggers/tracking/private_link_issued.html",
            {
                "case": case,
                "party": party,
                "party_name": PARTY_NAMES[party],
                "tracking_url": services.tracking_url(token),
            },
        )
    hash_field, revoked_field = services.LINK_FIELDS[party]
    return render(
        request,
        "triggers/tracking/private_link.html",
        {
            "case": case,
            "party": party,
            "party_name": PARTY_NAMES[party],
            "person": person,
            "has_link": bool(getattr(case, hash_field)),
            "revoked": getattr(case, revoked_field),
        },
    )
