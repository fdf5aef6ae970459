"""Published figures (public) and the oversight dashboards and returns (staff).

The public pages show an area's counts and published procedure only: no case, no person.
Staff pages take their areas from agencies.access: another area's figures are a 404.
"""

from __future__ import annotations

import csv
import json
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from agencies import access, language
from agencies.models import Agency, Area

from . import dashboard, selectors, services
from .forms import PublishForm, YearForm
from .labels import period_label
from .periods import FINANCIAL, Period, is_calendar_year, is_financial_year, year, year_of

COLUMNS = ("period_start", "period_end", "status", *selectors.FIELDS, "published_at")
RETURN_COLUMNS = ("force_area", "area", "area_slug", *COLUMNS)


# --- Public ------------------------------------------------------------------------------------


def index(request):
    """Every area's published figures and procedure, listed by force area."""
    areas = Area.objects.select_related("force_area").order_by("force_area__name", "name")
    return render(request, "figures/index.html", {"areas": areas})


def figures_rows(area: Area) -> list[dict]:
    """The area's published years, newest first, after the current year's live figures,
    which are provisional until the year ends and an admin publishes them."""
    current = selectors.area_year_of(area, timezone.localdate())
    live = selectors.statutory_counts([area.pk], current)[area.pk]
    rows = [_row(current, "provisional", live.as_dict(), None)]
    for publication in selectors.published_years(area):
        period = Period(publication.period_start, publication.period_end)
        counts = {name: getattr(publication, name) for name in selectors.FIELDS}
        rows.append(_row(period, "published", counts, publication.published_at))
    return rows


def _row(period: Period, status: str, counts: dict, published_at) -> dict:
    label = period_label(period)
    named = is_financial_year(period) or is_calendar_year(period)
    return {
        "period_start": period.start,
        "period_end": period.end,
        "label": label,
        "name": period.name if named else label,
        "status": status,
        **counts,
        "published_at": published_at,
    }


def area_page(request, area):
    area = get_object_or_404(Area.objects.select_related("force_area"), slug=area)
    pcc = Agency.objects.filter(
        force_area_id=area.force_area_id, kind=Agency.Kind.PCC_OFFICE
    ).first()
    return render(
        request,
        "figures/area.html",
        {"area": area, "rows": figures_rows(area), "pcc": pcc, "team": language.area_team(area)},
    )


def area_csv(request, area):
    area = get_object_or_404(Area, slug=area)
    return _csv(f"{area.slug}-case-review-figures.csv", COLUMNS, figures_rows(area))


def area_json(request, area):
    area = get_object_or_404(Area, slug=area)
    return _json(
        {
            "area": {"name": area.name, "slug": area.slug},
            "figures": [{c: row[c] for c in COLUMNS} for row in figures_rows(area)],
        }
    )


def _csv(filename: str, columns, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.DictWriter(response, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return response


def _json(data) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2), content_type="application/json"
    )


# --- Staff -------------------------------------------------------------------------------------


def _figures_areas(user) -> list[Area]:
    areas = list(access.figures_areas_for(user).order_by("name"))
    if not areas:
        raise Http404("No figures for this account.")
    return areas


@login_required
def dashboard_page(request):
    areas = _figures_areas(request.user)
    form = YearForm(request.GET or None, kind=_kind_of(areas))
    year = form.period()
    # The roles read for the areas above say which the user administers: no further query.
    administered = access.area_ids_for(request.user, roles=(access.Role.AREA_ADMIN,))
    publishable = [a for a in areas if a.pk in administered]
    dues = selectors.publication_dues(publishable)
    return render(
        request,
        "figures/dashboard.html",
        {
            "form": form,
            "year": year,
            "areas": areas,
            "publishable": [(a, dues.get(a.pk)) for a in publishable],
            "today": timezone.localdate(),
            "year_label": period_label(year),
            **dashboard.build(areas, year),
        },
    )


def _kind_of(areas: list[Area]) -> str:
    """The year the areas publish by: theirs when they agree, else the financial year."""
    kinds = {a.publication_year for a in areas}
    return kinds.pop() if len(kinds) == 1 else FINANCIAL


class BadPeriod(ValueError):
    pass


def requested_period(query) -> Period:
    """?year=2025 (the financial year from 1 April 2025; with &kind=calendar, 2025), or
    ?start=…&end=… (any dates); the current financial year by default."""
    try:
        if query.get("start") or query.get("end"):
            return Period(date.fromisoformat(query["start"]), date.fromisoformat(query["end"]))
        if query.get("year"):
            return year(int(query["year"]), query.get("kind", FINANCIAL))
    except (KeyError, ValueError, OverflowError) as error:
        raise BadPeriod(
            "Give ?year=YYYY for a financial year, or ?start=YYYY-MM-DD&end=YYYY-MM-DD, "
            "with the end on or after the start."
        ) from error
    return year_of(timezone.localdate(), query.get("kind", FINANCIAL))


def return_rows(areas: list[Area], period: Period) -> list[dict]:
    """Every area's four counts for the period, and when they were published (if they were)."""
    ids = [a.pk for a in areas]
    counts = selectors.statutory_counts(ids, period)
    published = selectors.standing_publications(ids, period)
    return [
        {
            "force_area": a.force_area.name,
            "area": a.name,
            "area_slug": a.slug,
            **_row(
                period,
                "published" if a.pk in published else "live",
                counts[a.pk].as_dict(),
                published[a.pk].published_at if a.pk in published else None,
            ),
        }
        for a in areas
    ]


@login_required
def figures_return(request, fmt):
    """The return for the Home Office or the PCC: every area's counts the user may see."""
    areas = _figures_areas(request.user)
    try:
        period = requested_period(request.GET)
    except BadPeriod as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    rows = return_rows(areas, period)
    if fmt == "csv":
        return _csv(f"case-review-return-{period.start}-{period.end}.csv", RETURN_COLUMNS, rows)
    return _json(
        {
            "period_start": period.start,
            "period_end": period.end,
            "areas": [{c: row[c] for c in RETURN_COLUMNS} for row in rows],
        }
    )


@login_required
def publish(request, area):
    administered = selectors.with_publication_dates(access.administered_areas_for(request.user))
    area = get_object_or_404(administered, slug=area)
    form = PublishForm(request.POST or None, kind=area.publication_year)
    if request.method == "POST" and form.is_valid():
        try:
            publication = services.publish_figures(area, form.period(), by=request.user)
        except services.PublicationRefused as error:
            form.add_error("year", str(error))
        else:
            name = Period(publication.period_start, publication.period_end).name
            messages.success(
                request,
                gettext("%(area)s's figures for %(year)s are published.")
                % {"area": area.name, "year": name},
            )
            return redirect("figures:area", area=area.slug)
    kind = area.publication_year
    last_ended = year(year_of(timezone.localdate(), kind).start.year - 1, kind)
    preview = selectors.statutory_counts([area.pk], last_ended)[area.pk]
    return render(
        request,
        "figures/publish.html",
        {
            "area": area,
            "form": form,
            "last_ended": last_ended,
            "last_ended_label": period_label(last_ended),
            "preview": preview,
            "published": selectors.published_years(area),
            "due": selectors.publication_dues([area]).get(area.pk),
            "today": timezone.localdate(),
        },
    )
