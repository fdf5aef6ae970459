"""PLEDGE benchmarks for `manage.py bench`: pure, so they read and write no data.

Target: scoring one assessment (20 questions, six commitments) takes well under a millisecond,
so a page listing an organisation's whole history scores it in the request without caching.
"""

from __future__ import annotations

import random
import time

from . import charts, scoring

QUESTIONS = 20
ASSESSMENTS = 2000


def _assessment(rng: random.Random) -> list[scoring.ScoredAnswer]:
    values = ["yes", "partly", "no", "n/a", ""]
    return [
        scoring.ScoredAnswer(
            commitment=rng.randint(1, 6),
            weight=rng.randint(1, 3),
            value=rng.choice(values),
            legal=rng.random() < 0.35,
        )
        for _ in range(QUESTIONS)
    ]


def scoring_speed(stdout) -> dict:
    # A seeded generator: the same sample data on every run, nothing secret.
    rng = random.Random(7)  # noqa: S311  # nosec B311
    assessments = [_assessment(rng) for _ in range(ASSESSMENTS)]
    started = time.perf_counter()
    for answers in assessments:
        scoring.assess(answers, [1, 2, 3, 4, 5, 6])
    elapsed = time.perf_counter() - started
    chart_started = time.perf_counter()
    charts.history_chart([(f"#{i}", rng.randint(0, 100)) for i in range(50)])
    return {
        "assessments scored": ASSESSMENTS,
        "microseconds per assessment": round(elapsed / ASSESSMENTS * 1e6, 1),
        "history chart of 50 assessments (ms)": round(
            (time.perf_counter() - chart_started) * 1000, 2
        ),
    }


BENCHMARKS = {"pledge_scoring": scoring_speed}
