"""Scores of a PLEDGE self-assessment: pure functions, no ORM, property-tested.

Each answered question scores yes = 1, partly = 0.5, no = 0, times its weight; "not applicable"
and unanswered questions are left out of both the score and the maximum. A commitment's score
is its weighted share in 0..1; the overall score is the weighted share over every question, so
a commitment with more (or heavier) questions counts for more.

Rating (our product decision, shown on the results page and in the report):
- green: a score of at least GREEN_FROM (80%),
- amber: at least AMBER_FROM (50%),
- red: below that.
An organisation with any legal-compliance question answered other than "yes" is never green
overall: the law is the floor of the pledge, not one practice among others.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

YES, PARTLY, NO, NOT_APPLICABLE = "yes", "partly", "no", "n/a"
POINTS = {YES: Decimal(1), PARTLY: Decimal("0.5"), NO: Decimal(0)}

GREEN_FROM = Decimal("0.8")
AMBER_FROM = Decimal("0.5")

GREEN, AMBER, RED = "green", "amber", "red"
RATING_LABELS = {GREEN: _("Green"), AMBER: _("Amber"), RED: _("Red")}


@dataclass(frozen=True)
class ScoredAnswer:
    commitment: int  # the section's position, 1..6
    weight: int
    value: str  # yes / partly / no / n/a, or "" when unanswered
    legal: bool = False


@dataclass(frozen=True)
class Score:
    points: Decimal
    maximum: Decimal

    @property
    def share(self) -> Decimal | None:
        """0..1, or None when nothing in it was scored (all not applicable or unanswered)."""
        return None if not self.maximum else self.points / self.maximum

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else int((share * 100).quantize(Decimal(1), "ROUND_HALF_UP"))


@dataclass(frozen=True)
class Result:
    commitments: dict[int, Score]
    overall: Score
    overall_rating: str | None
    legal_gaps: int


def score(answers: list[ScoredAnswer]) -> Score:
    scored = [a for a in answers if a.value in POINTS]
    return Score(
        points=sum((POINTS[a.value] * a.weight for a in scored), Decimal(0)),
        maximum=sum((Decimal(a.weight) for a in scored), Decimal(0)),
    )


def rating(share: Decimal | None) -> str | None:
    if share is None:
        return None
    if share >= GREEN_FROM:
        return GREEN
    return AMBER if share >= AMBER_FROM else RED


def assess(answers: list[ScoredAnswer], commitments: list[int]) -> Result:
    """Scores per commitment (every one listed, even if nothing in it is scored) and overall."""
    per_commitment = {c: score([a for a in answers if a.commitment == c]) for c in commitments}
    overall = score(answers)
    legal_gaps = sum(1 for a in answers if a.legal and a.value != YES)
    overall_rating = rating(overall.share)
    if overall_rating == GREEN and legal_gaps:
        overall_rating = AMBER
    return Result(per_commitment, overall, overall_rating, legal_gaps)


def is_gap(value: str) -> bool:
    """An answer that becomes an item of the improvement plan."""
    return value in (NO, PARTLY)
