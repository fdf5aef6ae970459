"""Server-side SVG charts: geometry only, computed here and drawn by the templates.

No JavaScript and no images: every chart is inline SVG with a text alternative, and the
history chart has its data table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

BAR_WIDTH = 300  # the width of a full (100%) score bar, in SVG units
BAR_HEIGHT = 20

HISTORY_HEIGHT = 160  # the plot area's height for 100%
HISTORY_COLUMN = 48
HISTORY_GAP = 24
HISTORY_LEFT = 40  # room for the axis labels
HISTORY_BOTTOM = 24  # room for the dates


@dataclass(frozen=True)
class Bar:
    percent: int | None
    width: int  # the filled part, in SVG units
    total_width: int = BAR_WIDTH
    height: int = BAR_HEIGHT


def score_bar(percent: int | None) -> Bar:
    filled = 0 if percent is None else round(BAR_WIDTH * max(0, min(percent, 100)) / 100)
    return Bar(percent=percent, width=filled)


@dataclass(frozen=True)
class Column:
    label: str
    percent: int | None
    x: int
    y: int
    height: int
    label_x: int


@dataclass(frozen=True)
class HistoryChart:
    columns: list[Column]
    width: int
    height: int
    plot_bottom: int
    gridlines: list[tuple[int, int]]  # (percent, y)


def history_chart(points: list[tuple[str, int | None]]) -> HistoryChart:
    """A column per assessment (label, overall percent), oldest on the left."""
    columns = []
    for index, (label, percent) in enumerate(points):
        x = HISTORY_LEFT + HISTORY_GAP + index * (HISTORY_COLUMN + HISTORY_GAP)
        height = round(HISTORY_HEIGHT * (percent or 0) / 100)
        columns.append(
            Column(
                label=label,
                percent=percent,
                x=x,
                y=HISTORY_HEIGHT - height + 8,
                height=height,
                label_x=x + HISTORY_COLUMN // 2,
            )
        )
    width = HISTORY_LEFT + HISTORY_GAP + len(points) * (HISTORY_COLUMN + HISTORY_GAP)
    plot_bottom = HISTORY_HEIGHT + 8
    gridlines = [(p, plot_bottom - round(HISTORY_HEIGHT * p / 100)) for p in (0, 50, 100)]
    return HistoryChart(
        columns=columns,
        width=max(width, 200),
        height=plot_bottom + HISTORY_BOTTOM,
        plot_bottom=plot_bottom,
        gridlines=gridlines,
    )
