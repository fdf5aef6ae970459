"""Server-rendered bar charts as accessible SVG: no JavaScript, readable without colour.

A chart is drawn from groups of labelled bars; every bar carries its value as text, so the
chart does not rely on colour or on reading a scale. The SVG has role="img" with a <title>
and <desc>; the same numbers are in a GOV.UK table beside it, which is what a screen reader
user reads (templates/figures/_bar_chart.html).

Pure: the layout is computed here, the template only draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

# GOV.UK colours with at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast).
SERIES_COLOURS = ("#1d70b8", "#00703c", "#6f2c91", "#b58840", "#d4351c", "#505a5f")

WIDTH = 450
LABEL_WIDTH = 175
VALUE_SPACE = 65
BAR_HEIGHT = 18
BAR_GAP = 6
GROUP_HEADING = 24
GROUP_GAP = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as a person reads it: "12", "75%", "no data"
    x: float
    y: float
    width: float
    colour: str

    @property
    def label_y(self) -> float:
        return self.y + BAR_HEIGHT * 0.75

    @property
    def text_x(self) -> float:
        return self.x + self.width + 6

    def svg(self) -> str:
        """The bar's label, rectangle and value as SVG, the label and value escaped (the rest
        are numbers and a colour of ours). Written here rather than in the template: a
        dashboard draws dozens of bars, and six filters per bar were most of its rendering
        time (issue #18)."""
        label_y, text_x = f"{self.label_y:.1f}", f"{self.text_x:.1f}"
        return mark_safe(  # noqa: S308  # nosec B308 B703
            f'<text x="{LABEL_WIDTH - 8}" y="{label_y}" font-size="14" text-anchor="end" '
            f'fill="#0b0c0c">{conditional_escape(self.label)}</text>'
            f'<rect x="{self.x:.1f}" y="{self.y:.1f}" width="{self.width:.1f}" '
            f'height="{BAR_HEIGHT}" fill="{self.colour}"></rect>'
            f'<text x="{text_x}" y="{label_y}" font-size="14" fill="#0b0c0c">'
            f"{conditional_escape(self.text)}</text>"
        )


@dataclass(frozen=True)
class Group:
    label: str
    y: float
    bars: list[Bar] = field(default_factory=list)

    @property
    def label_y(self) -> float:
        return self.y + GROUP_HEADING * 0.7


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    groups: list[Group]
    height: float
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT
    label_width: int = LABEL_WIDTH

    def svg_groups(self) -> str:
        """Every group's heading and bars, as the template's loops over them drew them (one
        call rather than two template loops and a filter per group: issue #18)."""
        return mark_safe(  # noqa: S308  # nosec B308 B703
            "".join(
                "\n  "
                + (
                    f'<text x="0" y="{group.label_y:.1f}" font-size="15" font-weight="bold" '
                    f'fill="#0b0c0c">{conditional_escape(group.label)}</text>'
                    if group.label
                    else ""
                )
                + "\n  "
                + "".join(bar.svg() for bar in group.bars)
                + "\n  "
                for group in self.groups
            )
        )


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    groups: list[tuple[str, list[tuple[str, float | None, str]]]],
    *,
    maximum: float | None = None,
) -> BarChart:
    """Lay out horizontal bars: `groups` is [(group label, [(bar label, value, text)])].

    A value of None draws no bar but keeps its label and text ("no data"), so a missing
    figure is said, never shown as a zero.
    """
    values = [v for _, bars in groups for _, v, _ in bars if v is not None]
    top = maximum if maximum is not None else max(values, default=0)
    scale = (WIDTH - LABEL_WIDTH - VALUE_SPACE) / top if top else 0
    laid_out, y = [], 0.0
    for label, bars in groups:
        group_y = y
        y += GROUP_HEADING if label else 0
        drawn = []
        for n, (bar_label, value, text) in enumerate(bars):
            width = max(0.0, (value or 0) * scale)
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            drawn.append(Bar(bar_label, value or 0, text, LABEL_WIDTH, y, width, colour))
            y += BAR_HEIGHT + BAR_GAP
        laid_out.append(Group(label, group_y, drawn))
        y += GROUP_GAP
    return BarChart(chart_id, title, description, laid_out, height=max(y, BAR_HEIGHT))


def percent(share: float | None) -> str:
    return "no data" if share is None else f"{round(share * 100)}%"
