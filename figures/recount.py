"""Counting the summary rows from the case history: what `StageSummary` holds, recomputed.

Used to write the rows of a day when something happens on it (figures/summary.py) and to
rebuild them all (`manage.py rebuild_figures`); never by a page. Every count comes from the
history (events, decisions and records with their dates), never from a case's current status,
so a past day's rows stay right after its cases move on.

Each measure is one query over a range of days, grouped by area and by the hour (in UTC) that
things happened: the rows fetched are bounded by the calendar, not by the number of cases.
Each hour is then turned into the local day (England and Wales are a whole number of hours
from UTC, so the hour decides the day), and working days are counted in Python with a running
total, so each group costs two dictionary look-ups however long it took.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import (
    Count,
    DateField,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from agencies.models import Area
from appeals.models import Appeal
from triggers.models import (
    Action,
    Case,
    CaseEvent,
    InformationReturn,
    ReviewRecord,
    ThresholdDecision,
)
from triggers.workflow import Status

from .days import Span, UtcHour, WorkingDayCounter, deadline_after, local_day
from .models import StageSummary

Stage = StageSummary.Stage
REVIEW_STARTS = (Status.THRESHOLD_MET, Status.MET_ON_DISCRETION, Status.FURTHER_REVIEW)
# An appeal is upheld when the case goes back for a further review or a new threshold
# decision; any other way out of "appealed" means the original decision stands.
UPHELD_STATUSES = (Status.FURTHER_REVIEW, Status.THRESHOLD_REDECISION)

# (area_id, day, stage, working_days) -> [completed, on_time]
Rows = dict[tuple[int, date, str, int], list[int]]


# --- Counts ------------------------------------------------------------------------------------


def _add(rows: Rows, area_id, day, stage, n, working_days=0, on_time=0):
    if n:
        found = rows.setdefault((area_id, day, stage, working_days), [0, 0])
        found[0] += n
        found[1] += on_time


def _count_by_hour(rows: Rows, queryset, moment: str, stages: dict, span: Span):
    """Count `queryset` by area and local day of `moment`; `stages` maps each stage to the
    condition (a Q) a row must meet to count in it."""
    grouped = (
        queryset.filter(span.moments(moment))
        .annotate(hour=UtcHour(moment))
        .values_list("area_id", "hour")
        .annotate(**{f"n{i}": Count("pk", filter=q) for i, q in enumerate(stages.values())})
        .order_by()
    )
    for area_id, hour, *counts in grouped:
        day = local_day(hour, span.zone)
        for stage, n in zip(stages, counts, strict=True):
            _add(rows, area_id, day, stage, n)


def applications(rows: Rows, area_ids, span: Span, timescales) -> None:
    """Applications received, by the day the case was received."""
    cases = Case.objects.filter(area_id__in=area_ids)
    _count_by_hour(rows, cases, "received_at", {Stage.APPLICATIONS_RECEIVED: Q()}, span)


def threshold(rows: Rows, area_ids, span: Span, timescales) -> None:
    """Threshold decisions by outcome, on the day decided (a decision made again after an
    upheld appeal is another decision, and counts again); and the first decision's timeliness."""
    Outcome = ThresholdDecision.Outcome
    outcomes = {
        Stage.THRESHOLD_MET: Q(outcome=Outcome.MET),
        Stage.MET_ON_DISCRETION: Q(outcome=Outcome.MET_ON_DISCRETION),
        Stage.THRESHOLD_NOT_MET: Q(outcome=Outcome.NOT_MET),
    }
    decisions = ThresholdDecision.objects.filter(area_id__in=area_ids)
    _count_by_hour(rows, decisions, "decided_at", outcomes, span)
    # Only a case's first decision has a clock: a decision made again has its own.
    earlier = ThresholdDecision.objects.filter(
        case_id=OuterRef("case_id"), decided_at__lt=OuterRef("decided_at")
    )
    first = decisions.filter(span.moments("decided_at")).exclude(Exists(earlier))
    _timed(
        rows,
        Stage.THRESHOLD_DECISION,
        first,
        span,
        timescales,
        "case__received_at",
        "decided_at",
        F("case__threshold_decision_due"),
    )


def reviews(rows: Rows, area_ids, span: Span, timescales) -> None:
    """Reviews carried out on the day their meeting was held (DOMAIN.md §5.11), those that
    resulted in recommendations (recommendations made, or an action plan that gives actions
    to bodies: an action is a recommendation to its owner), and their timeliness."""
    records = ReviewRecord.objects.filter(area_id__in=area_ids).filter(span.days("held_on"))
    with_actions = Exists(Action.objects.filter(review_id=OuterRef("pk")))
    grouped = (
        records.alias(with_actions=with_actions)
        .values_list("area_id", "held_on")
        .annotate(
            held=Count("pk"),
            recommended=Count("pk", filter=Q(recommendations_made=True) | Q(with_actions=True)),
        )
        .order_by()
    )
    for area_id, held_on, held, recommended in grouped:
        _add(rows, area_id, held_on, Stage.REVIEWS_HELD, held)
        _add(rows, area_id, held_on, Stage.REVIEWS_WITH_RECOMMENDATIONS, recommended)
    # From the decision to hold a review (or a further review) to the day of the meeting.
    started = _latest_event({"to_status__in": REVIEW_STARTS}, OuterRef("recorded_at"))
    _timed(
        rows,
        Stage.REVIEW_HELD,
        records,
        span,
        timescales,
        started,
        _meeting_day(),
        counted_on="held_on",
    )


def acknowledgements(rows: Rows, area_ids, span: Span, timescales) -> None:
    events = CaseEvent.objects.filter(area_id__in=area_ids, to_status=Status.ACKNOWLEDGED)
    events = events.filter(span.moments("at"))
    _timed(
        rows,
        Stage.ACKNOWLEDGEMENT,
        events,
        span,
        timescales,
        "case__received_at",
        "at",
        F("case__acknowledge_due"),
    )


def information_returns(rows: Rows, area_ids, span: Span, timescales) -> None:
    returns = InformationReturn.objects.filter(area_id__in=area_ids)
    returns = returns.filter(span.moments("submitted_at"))
    _timed(
        rows,
        Stage.INFORMATION_RETURN,
        returns,
        span,
        timescales,
        "request__requested_at",
        "submitted_at",
        F("request__due_date"),
    )


def outcomes(rows: Rows, area_ids, span: Span, timescales) -> None:
    # From the meeting to the outcome letter; the review keeps the deadline it was given.
    records = ReviewRecord.objects.filter(area_id__in=area_ids)
    records = records.filter(span.moments("outcome_sent_at"))
    _timed(
        rows,
        Stage.OUTCOME_SENT,
        records,
        span,
        timescales,
        _meeting_day(),
        "outcome_sent_at",
        F("outcome_due"),
    )


def appeal_decision_events(events):
    """Of the events where a case left "appealed", those that are an appeal's decision: not a
    withdrawal (the appeal ended undecided), and not a PCC review's decision (counted apart,
    DOMAIN.md §5.7). The request a case waited on is the last one lodged before it left."""
    waited_on = (
        Appeal.objects.filter(case_id=OuterRef("case_id"), lodged_at__lte=OuterRef("at"))
        .order_by("-lodged_at", "-pk")
        .values("kind")[:1]
    )
    return (
        events.exclude(to_status=Status.WITHDRAWN)
        .alias(request_kind=Subquery(waited_on))
        .filter(Q(request_kind__isnull=True) | Q(request_kind=Appeal.Kind.APPEAL))
    )


def appeals(rows: Rows, area_ids, span: Span, timescales) -> None:
    """Appeals decided (a decided appeal is the case leaving "appealed"), by outcome and with
    their timeliness; PCC reviews lodged, decided and upheld, counted apart."""
    events = appeal_decision_events(
        CaseEvent.objects.filter(area_id__in=area_ids, from_status=Status.APPEALED)
    )
    upheld = Q(to_status__in=UPHELD_STATUSES)
    stages = {Stage.APPEALS_UPHELD: upheld, Stage.APPEALS_NOT_UPHELD: ~upheld}
    _count_by_hour(rows, events, "at", stages, span)
    started = _latest_event({"to_status": Status.APPEALED}, OuterRef("at"))
    _timed(
        rows,
        Stage.APPEAL_DECIDED,
        events.filter(span.moments("at")),
        span,
        timescales,
        started,
        "at",
    )
    pcc = Appeal.objects.filter(area_id__in=area_ids, kind=Appeal.Kind.PCC_REVIEW)
    _count_by_hour(rows, pcc, "lodged_at", {Stage.PCC_REVIEWS_LODGED: Q()}, span)
    decided = Q(status__in=[Appeal.Status.UPHELD, Appeal.Status.NOT_UPHELD])
    stages = {
        Stage.PCC_REVIEWS_DECIDED: decided,
        Stage.PCC_REVIEWS_UPHELD: Q(status=Appeal.Status.UPHELD),
    }
    _count_by_hour(rows, pcc.filter(decided), "decided_at", stages, span)


# --- Timeliness --------------------------------------------------------------------------------


def _latest_event(status_filter: dict, before) -> Subquery:
    """The time of the case's latest event matching `status_filter` up to `before`."""
    earlier = CaseEvent.objects.filter(
        case_id=OuterRef("case_id"), at__lte=before, **status_filter
    ).order_by("-at", "-pk")
    return Subquery(earlier.values("at")[:1], output_field=DateTimeField())


def _meeting_day():
    """When the review was held: the meeting's start, or the recording if it came first."""
    return Least(Coalesce("meeting__starts_at", "recorded_at"), F("recorded_at"))


NO_STORED_DEADLINE = Value(None, output_field=DateField())
NO_DAY = Value(None, output_field=DateField())


def _timed(
    rows: Rows,
    stage: str,
    queryset,
    span: Span,
    timescales: dict[int, int],
    started,
    done,
    due=NO_STORED_DEADLINE,
    counted_on: str | None = None,
) -> None:
    """Group the stage's completions by (area, hour started, hour completed, deadline, day
    counted on) and add them to `rows` with the working days they took and whether on time.
    A stage counts on the day it was completed, unless `counted_on` names its own day."""
    grouped = (
        queryset.annotate(
            started_on=UtcHour(started),
            done_on=UtcHour(done),
            due=due,
            counted=F(counted_on) if counted_on else NO_DAY,
        )
        .filter(started_on__isnull=False)
        .values_list("area_id", "started_on", "done_on", "due", "counted")
        .annotate(n=Count("pk"))
        .order_by()
    )
    found = [
        (area_id, local_day(s, span.zone), local_day(d, span.zone), due, counted, n)
        for area_id, s, d, due, counted, n in grouped
    ]
    if not found:
        return
    counter = WorkingDayCounter(min(r[1] for r in found), max(max(r[1], r[2]) for r in found))
    for area_id, started_on, done_on, deadline, counted, n in found:
        # Stored deadlines (set when the case entered the stage) win over ones computed from
        # the area's policy, so a later change to the policy does not rewrite history.
        due_on = deadline or deadline_after(started_on, timescales[area_id])
        days = counter.between(started_on, done_on)
        _add(rows, area_id, counted or done_on, stage, n, days, n if done_on <= due_on else 0)


# What happened (the names triggers.history.stage_completed is sent with) -> what it changes.
RECOUNTS = {
    "application_received": applications,
    "acknowledged": acknowledgements,
    "threshold_decided": threshold,
    "information_returned": information_returns,
    "review_held": reviews,
    "outcome_sent": outcomes,
    "appeal": appeals,
}
# Which stages each recount writes: those rows are replaced together.
STAGES_OF = {
    applications: (Stage.APPLICATIONS_RECEIVED,),
    acknowledgements: (Stage.ACKNOWLEDGEMENT,),
    threshold: (
        Stage.THRESHOLD_MET,
        Stage.MET_ON_DISCRETION,
        Stage.THRESHOLD_NOT_MET,
        Stage.THRESHOLD_DECISION,
    ),
    information_returns: (Stage.INFORMATION_RETURN,),
    reviews: (Stage.REVIEWS_HELD, Stage.REVIEWS_WITH_RECOMMENDATIONS, Stage.REVIEW_HELD),
    outcomes: (Stage.OUTCOME_SENT,),
    appeals: (
        Stage.APPEALS_UPHELD,
        Stage.APPEALS_NOT_UPHELD,
        Stage.APPEAL_DECIDED,
        Stage.PCC_REVIEWS_LODGED,
        Stage.PCC_REVIEWS_DECIDED,
        Stage.PCC_REVIEWS_UPHELD,
    ),
}
TIMESCALE_OF = {
    Stage.ACKNOWLEDGEMENT: "acknowledge_days",
    Stage.THRESHOLD_DECISION: "threshold_decision_days",
    Stage.INFORMATION_RETURN: "information_return_days",
    Stage.REVIEW_HELD: "review_meeting_days",
    Stage.OUTCOME_SENT: "outcome_days",
    Stage.APPEAL_DECIDED: "appeal_decision_days",
}


def recount(
    areas: Iterable[Area],
    first: date | None = None,
    last: date | None = None,
    recounts: Iterable = tuple(STAGES_OF),
) -> Rows:
    """The summary rows of `areas` for the days from `first` to `last` (None: unbounded),
    counted from the history by each of `recounts` (all by default)."""
    areas = list(areas)
    area_ids = [a.pk for a in areas]
    span = Span(first, last, timezone.get_default_timezone())
    rows: Rows = {}
    for count in recounts:
        stages = STAGES_OF[count]
        timescales = defaultdict(int)
        for stage in stages:
            if stage in TIMESCALE_OF:
                timescales.update({a.pk: getattr(a, TIMESCALE_OF[stage]) for a in areas})
        count(rows, area_ids, span, timescales)
    return rows
