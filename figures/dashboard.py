"""The oversight dashboard's content: each measure as a chart and the table beside it.

A council officer sees their own area(s); a PCC officer sees every area of their force area
side by side. Every measure is read from one query over the summary rows (figures/summary.py),
whatever the number of cases or areas.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from agencies.models import Area

from . import selectors
from .charts import BarChart, bar_chart, percent
from .labels import period_label
from .periods import Period, quarters
from .timeliness import STAGES, timeliness


def _quarter_name(quarter: Period) -> str:
    """ "Apr to Jun 2025", the months in the page's language."""
    return _("%(start)s to %(end)s %(year)s") % {
        "start": formats.date_format(quarter.start, "M"),
        "end": formats.date_format(quarter.end, "M"),
        "year": quarter.start.year,
    }


def _label(year: Period) -> str:
    """The year's months in the page's language ("April 2025 to March 2026")."""

    return period_label(year)


def _percent(share: float | None) -> str:
    return _("no data") if share is None else percent(share)


@dataclass
class Section:
    """One measure: a heading, a chart, and the rows of the table beside it."""

    id: str
    heading: str
    chart: BarChart
    columns: list[str]
    rows: list[list]
    wide_table: bool = False  # too many columns to sit beside the chart: it goes below

    def body(self) -> SafeString:
        """The table's rows as HTML, each cell localised and escaped as `{{ cell }}` would be.
        Written here rather than by loops in the template: a PCC dashboard has hundreds of
        cells, and drawing them was a sixth of its time (issue #18). Every cell is escaped
        (`_cell`); the rest is fixed markup."""
        return mark_safe(  # noqa: S308  # nosec B308 B703
            "".join(
                '<tr class="govuk-table__row">\n      <th scope="row" class="govuk-table__header">'
                f"{_cell(first)}</th>"
                + "".join(
                    f'<td class="govuk-table__cell govuk-table__cell--numeric">{_cell(c)}</td>'
                    for c in rest
                )
                + "\n    </tr>"
                for first, *rest in self.rows
            )
        )


def _cell(value) -> str:
    """`{{ value }}`: localised, then escaped. The two common kinds take a shorter way to the
    same text: a whole number without thousands separators is its digits (as Django's
    number_format gives it), and text is escaped as django.utils.html.escape does."""
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)
    if type(value) is str:
        return html.escape(value)
    return conditional_escape(formats.localize(value))


def build(areas: list[Area], year: Period) -> dict:
    """Every measure, its words in the page's language."""
    ids = [a.pk for a in areas]
    found = selectors.totals(ids, year, by_quarter=True)  # the one query for every measure
    counts = selectors.statutory_counts(ids, year, found)
    return {
        "counts": [(a, counts[a.pk]) for a in areas],
        "sections": [
            _applications(areas, year, found),
            _threshold(areas, year, found),
            _reviews(areas, counts),
            _timeliness(areas, year, found),
            _appeals(areas, year, found),
            _pcc_reviews(areas, year, found),
        ],
    }


def _applications(areas, year, found) -> Section:
    by_quarter = selectors.applications_by_quarter([a.pk for a in areas], year, found)
    labels = [_quarter_name(q) for q in quarters(year)]
    groups = [
        (a.name, [(label, n, str(n)) for label, n in zip(labels, by_quarter[a.pk], strict=True)])
        for a in areas
    ]
    return Section(
        "applications",
        _("Applications per quarter"),
        bar_chart(
            "chart-applications",
            _("Applications per quarter"),
            _("Applications received in each quarter of %(year)s, by area.")
            % {"year": _label(year)},
            groups,
        ),
        [_("Area"), *labels, _("Total")],
        [[a.name, *by_quarter[a.pk], sum(by_quarter[a.pk])] for a in areas],
    )


def _threshold(areas, year, found) -> Section:
    outcomes = selectors.threshold_outcomes([a.pk for a in areas], year, found)
    groups = [
        ("", [(a.name, outcomes[a.pk].met_rate, _percent(outcomes[a.pk].met_rate))]) for a in areas
    ]
    return Section(
        "threshold",
        _("Threshold met rate"),
        bar_chart(
            "chart-threshold",
            _("Threshold met rate"),
            _("The share of threshold decisions in %(year)s that led to a review, by area.")
            % {"year": _label(year)},
            groups,
            maximum=1,
        ),
        [
            _("Area"),
            _("Decisions"),
            _("Met"),
            _("Review on discretion"),
            _("Not met"),
            _("Met rate"),
        ],
        [
            [
                a.name,
                o.decided,
                o.met,
                o.met_on_discretion,
                o.not_met,
                _percent(o.met_rate),
            ]
            for a in areas
            for o in [outcomes[a.pk]]
        ],
    )


def _reviews(areas, counts) -> Section:
    groups = [
        (
            a.name,
            [
                (_("Reviews carried out"), c.reviews_held, str(c.reviews_held)),
                (
                    _("With recommendations"),
                    c.reviews_with_recommendations,
                    str(c.reviews_with_recommendations),
                ),
            ],
        )
        for a in areas
        for c in [counts[a.pk]]
    ]
    return Section(
        "reviews",
        _("Reviews with recommendations"),
        bar_chart(
            "chart-reviews",
            _("Reviews with recommendations"),
            _("Reviews carried out, and those that resulted in recommendations, by area."),
            groups,
        ),
        [_("Area"), _("Reviews carried out"), _("With recommendations")],
        [
            [a.name, counts[a.pk].reviews_held, counts[a.pk].reviews_with_recommendations]
            for a in areas
        ],
    )


def _timeliness(areas, year, found) -> Section:
    measured = timeliness(areas, year, found)
    groups, rows = [], []
    for stage in STAGES:
        stage_label = _(stage.label)
        bars = []
        for a in areas:
            result = measured[stage.key][a.pk]
            share = result.on_time_share
            bars.append((a.name, share, _percent(share)))
            median = result.median_days
            rows.append(
                [
                    stage_label,
                    a.name,
                    getattr(a, stage.timescale_field),
                    result.completed,
                    _percent(share),
                    _("no data") if median is None else f"{median:g}",
                ]
            )
        groups.append((stage_label, bars))
    return Section(
        "timeliness",
        _("Timeliness"),
        bar_chart(
            "chart-timeliness",
            _("Stages completed within the area's timescale"),
            _(
                "For each stage completed in %(year)s, the share done within the area's "
                "timescale, by area."
            )
            % {"year": _label(year)},
            groups,
            maximum=1,
        ),
        [
            _("Stage"),
            _("Area"),
            _("Timescale (working days)"),
            _("Completed"),
            _("Within timescale"),
            _("Median working days"),
        ],
        rows,
        wide_table=True,
    )


def _appeals(areas, year, found) -> Section:
    outcomes = selectors.appeal_outcomes([a.pk for a in areas], year, found)
    groups = [
        (
            a.name,
            [
                (_("Upheld"), outcomes[a.pk].upheld, str(outcomes[a.pk].upheld)),
                (_("Not upheld"), outcomes[a.pk].not_upheld, str(outcomes[a.pk].not_upheld)),
            ],
        )
        for a in areas
    ]
    return Section(
        "appeals",
        _("Appeals by outcome"),
        bar_chart(
            "chart-appeals",
            _("Appeals by outcome"),
            _(
                "Appeals decided in %(year)s: upheld (sent back for a further review or a new "
                "threshold decision) or not upheld, by area."
            )
            % {"year": _label(year)},
            groups,
        ),
        [_("Area"), _("Decided"), _("Upheld"), _("Not upheld")],
        [
            [a.name, outcomes[a.pk].decided, outcomes[a.pk].upheld, outcomes[a.pk].not_upheld]
            for a in areas
        ],
    )


def _pcc_reviews(areas, year, found) -> Section:
    """PCC reviews of "threshold not met" decisions (Crime and Policing Bill): their own rows,
    never added into appeals."""
    counted = selectors.pcc_reviews([a.pk for a in areas], year, found)
    groups = [
        (
            a.name,
            [
                (_("Lodged"), counted[a.pk].lodged, str(counted[a.pk].lodged)),
                (_("Decided"), counted[a.pk].decided, str(counted[a.pk].decided)),
                (_("Upheld"), counted[a.pk].upheld, str(counted[a.pk].upheld)),
            ],
        )
        for a in areas
    ]
    return Section(
        "pcc-reviews",
        _("PCC reviews of threshold decisions"),
        bar_chart(
            "chart-pcc-reviews",
            _("PCC reviews of threshold decisions"),
            _(
                "Requests to the Police and Crime Commissioner to review a decision that the "
                "threshold was not met, in %(year)s: lodged, decided and upheld, by area. "
                "Counted apart from appeals."
            )
            % {"year": _label(year)},
            groups,
        ),
        [_("Area"), _("PCC reviews lodged"), _("PCC reviews decided"), _("PCC reviews upheld")],
        [
            [a.name, counted[a.pk].lodged, counted[a.pk].decided, counted[a.pk].upheld]
            for a in areas
        ],
    )
