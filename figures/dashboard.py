"""The oversight dashboard's content: each measure as a chart and the table beside it.

A council officer sees their own area(s); a PCC officer sees every area of their force area
side by side. Every measure is read from one query over the summary rows (figures/summary.py),
whatever the number of cases or areas.
"""

from __future__ import annotations

from dataclasses import dataclass

from agencies.models import Area

from . import selectors
from .charts import BarChart, bar_chart, percent
from .periods import Period, quarters
from .timeliness import STAGES, timeliness


def _quarter_name(quarter: Period) -> str:
    return f"{quarter.start:%b} to {quarter.end:%b} {quarter.start.year}"


@dataclass
class Section:
    """One measure: a heading, a chart, and the rows of the table beside it."""

    id: str
    heading: str
    chart: BarChart
    columns: list[str]
    rows: list[list]
    wide_table: bool = False  # too many columns to sit beside the chart: it goes below


def build(areas: list[Area], year: Period) -> dict:
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
        "Applications per quarter",
        bar_chart(
            "chart-applications",
            "Applications per quarter",
            f"Applications received in each quarter of {year.label}, by area.",
            groups,
        ),
        ["Area", *labels, "Total"],
        [[a.name, *by_quarter[a.pk], sum(by_quarter[a.pk])] for a in areas],
    )


def _threshold(areas, year, found) -> Section:
    outcomes = selectors.threshold_outcomes([a.pk for a in areas], year, found)
    groups = [
        ("", [(a.name, outcomes[a.pk].met_rate, percent(outcomes[a.pk].met_rate))]) for a in areas
    ]
    return Section(
        "threshold",
        "Threshold met rate",
        bar_chart(
            "chart-threshold",
            "Threshold met rate",
            f"The share of threshold decisions in {year.label} that led to a review, by area.",
            groups,
            maximum=1,
        ),
        ["Area", "Decisions", "Met", "Review on discretion", "Not met", "Met rate"],
        [
            [
                a.name,
                o.decided,
                o.met,
                o.met_on_discretion,
                o.not_met,
                percent(o.met_rate),
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
                ("Reviews carried out", c.reviews_held, str(c.reviews_held)),
                (
                    "With recommendations",
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
        "Reviews with recommendations",
        bar_chart(
            "chart-reviews",
            "Reviews with recommendations",
            "Reviews carried out, and those that resulted in recommendations, by area.",
            groups,
        ),
        ["Area", "Reviews carried out", "With recommendations"],
        [
            [a.name, counts[a.pk].reviews_held, counts[a.pk].reviews_with_recommendations]
            for a in areas
        ],
    )


def _timeliness(areas, year, found) -> Section:
    measured = timeliness(areas, year, found)
    groups, rows = [], []
    for stage in STAGES:
        bars = []
        for a in areas:
            result = measured[stage.key][a.pk]
            share = result.on_time_share
            bars.append((a.name, share, percent(share)))
            median = result.median_days
            rows.append(
                [
                    stage.label,
                    a.name,
                    getattr(a, stage.timescale_field),
                    result.completed,
                    percent(share),
                    "no data" if median is None else f"{median:g}",
                ]
            )
        groups.append((stage.label, bars))
    return Section(
        "timeliness",
        "Timeliness",
        bar_chart(
            "chart-timeliness",
            "Stages completed within the area's timescale",
            f"For each stage completed in {year.label}, the share done within the area's "
            "timescale, by area.",
            groups,
            maximum=1,
        ),
        [
            "Stage",
            "Area",
            "Timescale (working days)",
            "Completed",
            "Within timescale",
            "Median working days",
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
                ("Upheld", outcomes[a.pk].upheld, str(outcomes[a.pk].upheld)),
                ("Not upheld", outcomes[a.pk].not_upheld, str(outcomes[a.pk].not_upheld)),
            ],
        )
        for a in areas
    ]
    return Section(
        "appeals",
        "Appeals by outcome",
        bar_chart(
            "chart-appeals",
            "Appeals by outcome",
            f"Appeals decided in {year.label}: upheld (sent back for a further review or a new "
            "threshold decision) or not upheld, by area.",
            groups,
        ),
        ["Area", "Decided", "Upheld", "Not upheld"],
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
                ("Lodged", counted[a.pk].lodged, str(counted[a.pk].lodged)),
                ("Decided", counted[a.pk].decided, str(counted[a.pk].decided)),
                ("Upheld", counted[a.pk].upheld, str(counted[a.pk].upheld)),
            ],
        )
        for a in areas
    ]
    return Section(
        "pcc-reviews",
        "PCC reviews of threshold decisions",
        bar_chart(
            "chart-pcc-reviews",
            "PCC reviews of threshold decisions",
            f"Requests to the Police and Crime Commissioner to review a decision that the "
            f"threshold was not met, in {year.label}: lodged, decided and upheld, by area. "
            "Counted apart from appeals.",
            groups,
        ),
        ["Area", "PCC reviews lodged", "PCC reviews decided", "PCC reviews upheld"],
        [
            [a.name, counted[a.pk].lodged, counted[a.pk].decided, counted[a.pk].upheld]
            for a in areas
        ],
    )
