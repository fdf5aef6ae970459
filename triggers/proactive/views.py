"""The officer's list of possible case reviews, each with its evidence and what to do next.

Only the area's case officers and admins see them (the single point of contact offers
reviews); anyone else gets 404. Every page is written to the access audit: it shows the
bodies' records about a person.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from agencies.access import area_ids_for
from audit import services as audit
from triggers.models import EarlierDecision, PossibleReview
from triggers.proactive import evidence, services
from triggers.proactive.forms import AgreementForm, DismissForm, OfferForm


def possible_reviews_for(user):
    """Possible reviews of the user's areas (case officers and area admins only)."""
    return PossibleReview.objects.filter(area_id__in=area_ids_for(user)).select_related(
        "area", "case", "offered_by", "dismissed_by"
    )


def _audit(request, possible=None) -> None:
    audit.record(
        "view" if request.method in ("GET", "HEAD") else "change",
        request=request,
        area_id=possible.area_id if possible else None,
        object_type="possible review" if possible else "possible reviews",
        object_id=str(possible.pk) if possible else "list",
        url_name=request.resolver_match.view_name,
    )


def _possible(request, possible_review_id) -> PossibleReview:
    possible = possible_reviews_for(request.user).filter(pk=possible_review_id).first()
    if possible is None:
        # What was asked for, never whether it exists (as the case pages' refusals).
        audit.record(
            "refused",
            request=request,
            object_type="possible review",
            object_id=str(possible_review_id),
            url_name=request.resolver_match.view_name,
        )
        raise Http404("Not found.")
    _audit(request, possible)
    return possible


@login_required
def possible_reviews(request):
    if not area_ids_for(request.user):
        raise Http404("Possible case reviews are for the area's officers.")
    show = request.GET.get("show", "open")
    listed = possible_reviews_for(request.user)
    if show != "all":
        listed = listed.filter(
            status__in=(PossibleReview.Status.NEW, PossibleReview.Status.OFFERED)
        )
    # Whether each came back from a decision, in the list's own query (no query per row).
    listed = listed.annotate(
        back=Exists(EarlierDecision.objects.filter(possible=OuterRef("pk")))
    ).prefetch_related("records__body")
    _audit(request)
    return render(
        request, "triggers/proactive/list.html", {"possibles": listed[:200], "show": show}
    )


@login_required
def possible_review(request, possible_review_id):
    possible = _possible(request, possible_review_id)
    records = sorted(possible.records.select_related("body"), key=lambda r: (r.reported_date, r.pk))
    return render(
        request,
        "triggers/proactive/detail.html",
        {
            "possible": possible,
            "records": records,
            "reasons": evidence.reasons_in_language(possible, records),
            "earlier": possible.earlier_decisions.select_related("decided_by", "case__area"),
        },
    )


def _act(request, possible, make_form, act, done: str, template: str):
    """One act on a possible review (offer, dismiss, start): only while it is open; a
    decided one sends the officer back to its page, where what was decided is shown."""
    if not possible.is_open:
        return redirect("possible_review", possible_review_id=possible.pk)
    form = make_form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = act(form)
        except services.OfferRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, str(done))
            if hasattr(result, "reference"):
                return redirect("case_detail", result.area.slug, result.reference)
            return redirect("possible_review", possible_review_id=possible.pk)
    return render(request, template, {"possible": possible, "form": form})


@login_required
def offer(request, possible_review_id):
    possible = _possible(request, possible_review_id)
    initial = {"phone": possible.phone, "address": possible.address, "postcode": possible.postcode}
    return _act(
        request,
        possible,
        lambda data: OfferForm(data, initial=initial),
        lambda f: services.offer_review(possible, f.offer(), by=request.user),
        _("The offer is on its way."),
        "triggers/proactive/offer.html",
    )


@login_required
def dismiss(request, possible_review_id):
    possible = _possible(request, possible_review_id)
    return _act(
        request,
        possible,
        DismissForm,
        lambda f: services.dismiss(
            possible, f.cleaned_data["reason"], f.cleaned_data["details"], by=request.user
        ),
        _("Dismissed, with your reason."),
        "triggers/proactive/dismiss.html",
    )


@login_required
def start(request, possible_review_id):
    possible = _possible(request, possible_review_id)
    initial = {
        "victim_name": possible.name,
        "phone": possible.phone,
        "address": possible.address,
        "postcode": possible.postcode,
    }
    return _act(
        request,
        possible,
        lambda data: AgreementForm(data, initial=initial),
        lambda f: services.start_case(possible, f.agreement(), by=request.user),
        _("The case has started, with the victim's agreement recorded."),
        "triggers/proactive/start.html",
    )


@login_required
def letter(request, possible_review_id):
    """The offer letter, to print and post where the area does not post through Notify."""
    possible = _possible(request, possible_review_id)
    if not possible.offer_letter:
        return redirect("possible_review", possible_review_id=possible.pk)
    return FileResponse(
        possible.offer_letter.open("rb"),
        as_attachment=True,
        filename=f"review-offer-{possible.pk}.pdf",
        content_type="application/pdf",
    )
