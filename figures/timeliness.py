"""Timeliness: for each stage of a case, how often it was done within the area's timescale,
and the median number of working days it took.

A stage counts in the period in which it was completed (a review on the day its meeting was
held). Read from the summary rows, which hold each day's completions with the working days
they took and whether they were on time (figures/recount.py counts them from the history):
one query for every stage and area, whatever the number of cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from agencies.models import Area

from .days import WorkingDayCounter  # noqa: F401  (re-exported for the tests)
from .models import StageSummary
from .periods import Period
from .recount import TIMESCALE_OF
from .selectors import Totals, totals

Stage = StageSummary.Stage


@dataclass
class StageTimeliness:
    """One stage in one area: how many were completed, how many on time, and how long."""

    completed: int = 0
    on_time: int = 0
    days: Counter = field(default_factory=Counter, repr=False)  # working days -> how many

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.completed if self.completed else None

    @property
    def median_days(self) -> float | None:
        """The median of the working days taken (the mean of the middle two when even)."""
        if not self.completed:
            return None
        middle = [(self.completed - 1) // 2, self.completed // 2]
        found, seen = [], 0
        for days, count in sorted(self.days.items()):
            while len(found) < 2 and middle[len(found)] < seen + count:
                found.append(days)
            seen += count
        return sum(found) / 2

    def all_days(self) -> list[int]:
        return sorted(self.days.elements())


@dataclass(frozen=True)
class TimedStage:
    key: str
    label: str
    timescale_field: str  # the Area field with this stage's timescale in working days


STAGES = tuple(
    TimedStage(stage.value, stage.label, TIMESCALE_OF[stage])
    for stage in (
        Stage.ACKNOWLEDGEMENT,
        Stage.THRESHOLD_DECISION,
        Stage.INFORMATION_RETURN,
        Stage.REVIEW_HELD,
        Stage.OUTCOME_SENT,
        Stage.APPEAL_DECIDED,
    )
)


def timeliness(
    areas: Iterable[Area], period: Period, found: Totals | None = None
) -> dict[str, dict[int, StageTimeliness]]:
    """For each stage (in STAGES order) and area: completions in the period, how many within
    the area's timescale, and the working days they took."""
    area_ids = [a.pk for a in areas]
    found = found or totals(area_ids, period)
    return {
        stage.key: {
            a: StageTimeliness(
                completed=found.count(a, stage.key),
                on_time=found.on_time[(a, stage.key)],
                days=Counter(found.days.get((a, stage.key), {})),
            )
            for a in area_ids
        }
        for stage in STAGES
    }
