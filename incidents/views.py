"""The bodies' incident feeds: uploading a CSV, matching its columns, the import's report,
and the records themselves. Every read is written to the access audit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from audit import services as audit

from . import schema, selectors, services
from .forms import MappingForm, UploadForm
from .models import AreaLinkModel, IncidentFeed


def _audit(request, object_type: str, object_id, area_id=None, action="view") -> None:
    audit.record(
        action,
        request=request,
        area_id=area_id,
        object_type=object_type,
        object_id=str(object_id),
        url_name=request.resolver_match.view_name,
    )


def _found_or_refused(request, queryset, object_type: str, pk):
    """The object, or 404; a refusal is audited too, saying what was asked for (never
    whether it exists), as the case pages' middleware does."""
    found = queryset.filter(pk=pk).first()
    if found is None:
        _audit(request, object_type, pk, action="refused")
        raise Http404("Not found.")
    return found


@login_required
def feeds(request):
    """The feeds the user may read, newest first, and where to upload the next."""
    listed = selectors.feeds_for(request.user)[:50]
    _audit(request, "incident feeds", "list")
    return render(
        request,
        "incidents/feeds.html",
        {
            "feeds": listed,
            "may_upload": selectors.feed_targets_for(request.user).exists(),
            "columns": schema.COLUMNS,
        },
    )


@login_required
def upload(request):
    targets = list(selectors.feed_targets_for(request.user))
    if not targets:
        raise Http404("Your agency sends no incident records to any area.")
    form = UploadForm(request.POST or None, request.FILES or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        membership = form.cleaned_data["membership"]
        try:
            feed = services.receive_upload(
                form.cleaned_data["file"],
                area=membership.area,
                body=membership.agency,
                by=request.user,
            )
        except services.FeedRefused as refused:
            form.add_error("file", str(refused))
        else:
            return redirect("incidents:feed_columns", feed_id=feed.pk)
    return render(request, "incidents/upload.html", {"form": form})


def _own_feed(request, feed_id) -> IncidentFeed:
    """A feed of the user's own body: only its senders match its columns."""
    feed = _found_or_refused(request, selectors.feeds_for(request.user), "incident feed", feed_id)
    if feed.body_id != request.user.agency_id:
        raise Http404("Not your body's feed.")
    return feed


@login_required
def feed_columns(request, feed_id):
    """Match the body's headers to our columns; the match is remembered for the next file."""
    feed = _own_feed(request, feed_id)
    if feed.status != IncidentFeed.Status.MAPPING:
        return redirect("incidents:feed_detail", feed_id=feed.pk)
    guess = schema.guess_mapping(feed.headers, services.remembered_mapping(feed.body))
    form = MappingForm(request.POST or None, headers=feed.headers, initial_mapping=guess)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.import_upload(feed, form.mapping(), by=request.user)
        except services.FeedRefused as refused:
            form.add_error(None, str(refused))
        else:
            counts = {"created": report.created, "updated": report.updated}
            if report.errors:
                messages.warning(
                    request,
                    gettext(
                        "%(created)s new records, %(updated)s updated. "
                        "Some rows could not be imported: see below."
                    )
                    % counts,
                )
            else:
                messages.success(
                    request,
                    gettext("%(created)s new records, %(updated)s updated. Every row was imported.")
                    % counts,
                )
            return redirect("incidents:feed_detail", feed_id=feed.pk)
    return render(request, "incidents/columns.html", {"feed": feed, "form": form})


@login_required
def feed_detail(request, feed_id):
    """The import's report: counts, and every bad row with its column and what is wrong."""
    feed = _found_or_refused(request, selectors.feeds_for(request.user), "incident feed", feed_id)
    _audit(request, "incident feed", feed.pk, feed.area_id)
    labels = {c.name: c.shown for c in schema.COLUMNS}
    errors = [{**e, "label": labels.get(e["column"], e["column"])} for e in feed.errors]
    return render(request, "incidents/feed.html", {"feed": feed, "errors": errors})


@login_required
def records(request):
    page = Paginator(selectors.records_for(request.user), 50).get_page(request.GET.get("page"))
    _audit(request, "incident records", f"page {page.number}")
    from agencies import access

    # An area admin reaches their areas' linking settings from here.
    administered = access.administered_areas_for(request.user).order_by("name")
    return render(request, "incidents/records.html", {"page": page, "administered": administered})


@login_required
def record_detail(request, record_id):
    records = selectors.records_for(request.user).select_related("feed", "link__cluster")
    record = _found_or_refused(request, records, "incident record", record_id)
    _audit(request, "incident record", record.pk, record.area_id)
    return render(request, "incidents/record.html", {"record": record})


@login_required
def linking_model(request, area):
    """The area admin's page on the area's linking model: when it was trained, on how many
    records, and the threshold, which they may change within bounds (with a reason)."""
    from agencies import access

    from . import link_models
    from .forms import ThresholdForm

    found = access.administered_areas_for(request.user).filter(slug=area).first()
    if found is None:
        _audit(request, "linking model", area, action="refused")
        raise Http404("Not found.")
    stored = AreaLinkModel.objects.filter(area=found).first() or AreaLinkModel(area=found)
    form = ThresholdForm(request.POST or None, initial={"threshold": stored.threshold})
    if request.method == "POST" and form.is_valid():
        try:
            link_models.change_threshold(
                found,
                form.cleaned_data["threshold"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except link_models.ThresholdRefused as error:
            form.add_error("threshold", str(error))
        else:
            messages.success(request, gettext("The threshold is saved: the next linking uses it."))
            return redirect("incidents:linking_model", area=found.slug)
    return render(
        request,
        "incidents/linking_model.html",
        {
            "area": found,
            "stored": stored,
            "form": form,
            "history": list(reversed(stored.threshold_history))[:20],
            "min_records": link_models.defaults.MIN_RECORDS_TO_TRAIN,
        },
    )
