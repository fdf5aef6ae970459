"""The summary rows the services write equal a recount from scratch, whatever happened.

Hypothesis draws cases that each go their own way through the services (acknowledged or not,
the threshold met or not, information returned and corrected, a review held, revised, its
outcome sent, appeals upheld, not upheld or withdrawn), at hours either side of midnight and
across the start of British Summer Time and of the financial year. Afterwards the rows kept
by the services must be exactly what `figures.recount` counts from the history, and what
`rebuild_figures` writes.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figures.models import StageSummary, SummarisedYear
from figures.recount import recount
from figures.summary import rebuild
from triggers.reviews import services as reviews
from triggers.reviews.services import RecommendationData, ReviewData
from triggers.workflow import Status

from .builders import (
    LONDON,
    acknowledge,
    appeal,
    apply,
    clock,
    decide,
    hold_review,
    return_information,
    schedule,
    send_outcome,
)

pytestmark = pytest.mark.django_db

# Two weeks before British Summer Time starts (29 March 2026) and the financial year ends.
BASE = date(2026, 3, 16)
STEPS = 9

paths = st.fixed_dictionaries(
    {
        "side": st.sampled_from(["north", "south"]),
        "start": st.integers(0, 30),
        "gaps": st.lists(st.integers(0, 6), min_size=STEPS, max_size=STEPS),
        "hours": st.lists(st.sampled_from([0, 9, 16, 23]), min_size=STEPS, max_size=STEPS),
        "acknowledge": st.booleans(),
        "outcome": st.sampled_from(["met", "not_met"]),
        "returns": st.integers(0, 2),  # none, returned, returned then corrected
        "review": st.sampled_from(["none", "held", "revised", "outcome"]),
        "recommendations": st.booleans(),
        "actions": st.booleans(),
        "appeal": st.sampled_from([None, "upheld", "not_upheld", "withdrawn"]),
    }
)


def stored() -> dict:
    return {
        (r.area_id, r.day, r.stage, r.working_days): [r.completed, r.on_time]
        for r in StageSummary.objects.all()
    }


class Moments:
    """The moments of one case's steps, each after the one before."""

    def __init__(self, path):
        self.path, self.step, self.day = path, 0, BASE + timedelta(days=path["start"])
        self.last = None

    def next(self, *, at_hour: int | None = None) -> str:
        n = self.step % STEPS
        self.day += timedelta(days=self.path["gaps"][n])
        hour = self.path["hours"][n] if at_hour is None else at_hour
        moment = datetime.combine(self.day, time(hour, 30))
        if self.last is not None and moment <= self.last:
            moment = self.last + timedelta(hours=1)
            self.day = moment.date()
        self.last, self.step = moment, self.step + 1
        return moment.isoformat(timespec="minutes")


def _decide_appeal(side, case, moments, decision):
    lodged, decided = moments.next(), moments.next()
    return appeal(side, case, lodged, decided, decision=decision)


def run(sides, path) -> None:
    side = sides[path["side"]]
    moments = Moments(path)
    n = moments.path["start"]
    case = apply(side, moments.next(), name=f"Applicant {n}", email=f"a{n}@example.com")
    if path["acknowledge"]:
        acknowledge(side, case, moments.next())
    decide(side, case, moments.next(), path["outcome"])
    if path["outcome"] == "not_met":
        if path["appeal"]:
            stays = {
                "upheld": Status.THRESHOLD_REDECISION,
                "not_upheld": Status.THRESHOLD_NOT_MET,
                "withdrawn": Status.WITHDRAWN,
            }
            _decide_appeal(side, case, moments, stays[path["appeal"]])
        return
    for _ in range(path["returns"]):
        return_information(side, case, moments.next())
    if path["review"] == "none":
        return
    scheduled = moments.next()
    meeting = datetime.fromisoformat(scheduled).date() + timedelta(days=1 + path["gaps"][0])
    schedule(side, case, scheduled, f"{meeting.isoformat()}T10:00")
    moments.day, moments.last = meeting, datetime.combine(meeting, time(11))
    review = hold_review(
        side,
        case,
        moments.next(at_hour=15),
        recommendations=path["recommendations"],
        actions=path["actions"],
    )
    if path["review"] == "revised":  # the draft plan changed: made or dropped recommendations
        when = moments.next()
        flipped = not path["recommendations"]
        data = ReviewData(
            attendance="Council, police",
            findings="Reports were missed.",
            recommendations=[RecommendationData(side.police, "Patrol.")] if flipped else [],
            actions=[],
            without_missing_returns=True,
        )
        with clock(when):
            reviews.revise_review(review, data, by=side.officer)
        return
    if path["review"] == "outcome":
        send_outcome(side, case, moments.next())
        if path["appeal"]:
            stays = {
                "upheld": Status.FURTHER_REVIEW,
                "not_upheld": Status.OUTCOME_SENT,
                "withdrawn": Status.WITHDRAWN,
            }
            _decide_appeal(side, case, moments, stays[path["appeal"]])


@pytest.mark.timeout(900)  # every example runs whole cases through the services
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(paths, min_size=1, max_size=2))
def test_the_rows_the_services_write_equal_a_recount_from_scratch(north, south, drawn):
    sides = {"north": north, "south": south}
    with transaction.atomic():
        for path in drawn:
            run(sides, path)
        areas = [north.area, south.area]
        written = stored()
        assert written == recount(areas)
        assert written, "every path completes at least one stage"
        with clock("2027-05-01"):
            rebuild(areas, everything=True)
        assert stored() == written
        transaction.set_rollback(True)


def test_a_correction_moves_a_return_to_the_day_it_was_sent_again(north):
    case = apply(north, "2026-05-05")
    decide(north, case, "2026-05-06")
    return_information(north, case, "2026-05-07")
    return_information(north, case, "2026-05-11")
    days = set(
        StageSummary.objects.filter(stage=StageSummary.Stage.INFORMATION_RETURN).values_list(
            "day", flat=True
        )
    )
    assert days == {date(2026, 5, 11)}
    assert stored() == recount([north.area])


def test_rebuild_stores_a_closed_year_once_and_leaves_it_alone(north):
    case = apply(north, "2025-06-02")
    decide(north, case, "2025-06-10", "not_met")
    apply(north, "2026-05-05")
    with clock("2026-08-01"):
        call_command("rebuild_figures", "--area", "north", stdout=io.StringIO())
    assert SummarisedYear.objects.filter(area=north.area).count() == 1  # April 2025 to March 2026
    # Rows of the closed year changed by hand stand for what a rebuild must not touch (a
    # year whose cases were anonymised): an ordinary rebuild leaves them, --all counts again.
    closed = StageSummary.objects.filter(area=north.area, day=date(2025, 6, 2))
    closed.update(completed=7)
    with clock("2026-08-02"):
        call_command("rebuild_figures", stdout=io.StringIO())
    assert closed.get().completed == 7
    open_year = StageSummary.objects.get(area=north.area, day=date(2026, 5, 5))
    assert open_year.completed == 1
    with clock("2026-08-02"):
        call_command("rebuild_figures", "--all", stdout=io.StringIO())
    assert closed.get().completed == 1
    assert stored() == recount([north.area])


def test_late_evening_and_small_hours_count_on_the_local_day(north):
    # 00:30 in summer is 23:30 UTC the day before: it counts on the London day.
    apply(north, "2026-06-02T00:30")
    row = StageSummary.objects.get(stage=StageSummary.Stage.APPLICATIONS_RECEIVED)
    assert row.day == date(2026, 6, 2)
    assert datetime.fromisoformat("2026-06-02T00:30").replace(tzinfo=LONDON).utcoffset()
