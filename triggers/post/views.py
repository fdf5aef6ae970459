"""The print queue: letters of an area waiting to be posted or for an address, the PDF to
print them on, and marking them posted. Officers and admins of the area only; another area's
queue and letters are not found."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from agencies import access
from triggers.models import LetterDelivery
from triggers.post import services
from triggers.post.forms import AddressForm, ChooseLettersForm
from triggers.post.layout import print_pdf

Status = LetterDelivery.Status


def _area(request, slug):
    return get_object_or_404(access.areas_for(request.user), slug=slug)


def _waiting(request, area):
    """The area's copies waiting, oldest first, with what the list shows (no letter bodies)."""
    return (
        access.letters_to_post_for(request.user, area)
        .select_related("case", "letter")
        .defer("letter__pdf", "letter__html")
        .order_by("created_at", "pk")
    )


@login_required
def queues(request):
    """The header's link: the user's one area's queue, or each of their areas with its count."""
    areas = list(access.areas_for(request.user).order_by("name"))
    if not areas:
        raise Http404
    if len(areas) == 1:
        return redirect("print_queue_area", area=areas[0].slug)
    counts = dict(
        access.letters_to_post_for(request.user)
        .values_list("area_id")
        .annotate(n=Count("pk"))
        .values_list("area_id", "n")
    )
    rows = [(area, counts.get(area.pk, 0)) for area in areas]
    return render(request, "triggers/post/queues.html", {"rows": rows})


def _render_queue(request, area, form, status=200):
    waiting = list(_waiting(request, area))
    return render(
        request,
        "triggers/post/queue.html",
        {
            "area": area,
            "queued": [d for d in waiting if d.status == Status.QUEUED],
            "no_address": [d for d in waiting if d.status == Status.CANNOT_SEND],
            "form": form,
            "selected": set(form.data.getlist("delivery")) if form.is_bound else set(),
            "administers": access.administered_areas_for(request.user).filter(pk=area.pk).exists(),
        },
        status=status,
    )


def _queue_ids(request, area) -> list[int]:
    return list(_waiting(request, area).filter(status=Status.QUEUED).values_list("pk", flat=True))


@login_required
def queue(request, area):
    area = _area(request, area)
    return _render_queue(request, area, ChooseLettersForm(queue_ids=_queue_ids(request, area)))


@login_required
def queue_pdf(request, area):
    """GET: every letter waiting to be posted; POST: the ones ticked."""
    area = _area(request, area)
    queued = (
        access.letters_to_post_for(request.user, area)
        .filter(status=Status.QUEUED)
        .select_related("case__area", "letter")
        .defer("letter__pdf")
        .order_by("created_at", "pk")
    )
    if request.method == "POST":
        form = ChooseLettersForm(request.POST, queue_ids=_queue_ids(request, area))
        if not form.is_valid():
            return _render_queue(request, area, form)
        queued = queued.filter(pk__in=form.cleaned_data["delivery"])
    deliveries = list(queued)
    if not deliveries:
        messages.info(request, gettext("There are no letters waiting to be posted."))
        return redirect("print_queue_area", area=area.slug)
    response = HttpResponse(print_pdf(deliveries), content_type="application/pdf")
    name = f"{area.slug}-letters-{timezone.localdate():%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def posted(request, area):
    area = _area(request, area)
    form = ChooseLettersForm(request.POST, queue_ids=_queue_ids(request, area))
    if not form.is_valid():
        return _render_queue(request, area, form)
    posted_on = form.cleaned_data["posted_on"] or timezone.localdate()
    chosen = _waiting(request, area).filter(pk__in=form.cleaned_data["delivery"])
    try:
        done = services.mark_posted(chosen, posted_on=posted_on, by=request.user)
    except services.PostingRefused as refused:
        form.add_error("posted_on", str(refused))
        return _render_queue(request, area, form)
    served = services.served_on_for(posted_on)
    messages.success(
        request,
        ngettext(
            "%(n)s letter marked posted on %(posted)s: served on %(served)s.",
            "%(n)s letters marked posted on %(posted)s: served on %(served)s.",
            len(done),
        )
        % {
            "n": len(done),
            "posted": date_format(posted_on, "j F Y"),
            "served": date_format(served, "j F Y"),
        },
    )
    return redirect("print_queue_area", area=area.slug)


@login_required
def address(request, area, delivery_id):
    """Give a letter that could not be sent an address: it joins the print queue."""
    area = _area(request, area)
    waiting = _waiting(request, area).filter(status=Status.CANNOT_SEND)
    delivery = get_object_or_404(waiting, pk=delivery_id)
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_address(delivery, **form.cleaned_data, by=request.user)
        messages.success(
            request,
            gettext("The letter to %(name)s is in the print queue.") % {"name": delivery.name},
        )
        return redirect(reverse("print_queue_area", kwargs={"area": area.slug}))
    return render(
        request, "triggers/post/address.html", {"area": area, "delivery": delivery, "form": form}
    )
