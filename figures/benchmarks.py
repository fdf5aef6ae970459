"""Benchmark: the PCC dashboard over 100,000 cases in five areas of one force area.

The cases and their history (events, threshold decisions, information requests and returns,
review records, appeals) are written with bulk_create, then the dashboard is rendered
several times through its view with a RequestFactory request, as the PCC officer.

Clean-up: everything runs inside one transaction that is rolled back at the end, so the
database (the one DATABASE_URL names; it must be migrated) is left as it was. Run with
`manage.py bench dashboard`.
"""

from __future__ import annotations

import statistics
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agencies.models import Agency, Area, ForceArea, RoleAssignment, User
from agencies.working_days import add_working_days
from triggers.models import (
    Case,
    CaseEvent,
    InformationRequest,
    InformationReturn,
    ReviewRecord,
    ThresholdDecision,
)
from triggers.workflow import Status

AREAS = 5
RENDERS = 5
BATCH = 5000
YEAR_START = date(2025, 4, 1)  # the dashboard shows the financial year 2025 to 2026
SPREAD_DAYS = 300  # cases are received from April to January, so every stage ends in the year


class _RollBack(Exception):
    """Raised to leave the benchmark's transaction without keeping anything."""


def dashboard(stdout, cases: int = 100_000) -> dict:
    results: dict = {}
    try:
        with transaction.atomic():
            started = time.perf_counter()
            pcc_officer, built = _build(cases)
            results["cases"] = built
            results["build_seconds"] = round(time.perf_counter() - started, 1)
            stdout.write(f"  built {built} cases in {results['build_seconds']} s")
            results.update(_render(pcc_officer))
            raise _RollBack
    except _RollBack:
        pass
    return results


def _render(pcc_officer: User) -> dict:
    from .views import dashboard_page

    timings, queries = [], []
    for _ in range(RENDERS):
        request = RequestFactory().get("/figures/dashboard/", {"year": YEAR_START.year})
        request.user = User.objects.get(pk=pcc_officer.pk)  # no cached roles between renders
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = dashboard_page(request)
            timings.append(time.perf_counter() - started)
        if response.status_code != 200:  # a refused page would time an error, not the work
            raise CommandError(f"The dashboard answered {response.status_code}, not 200.")
        queries.append(len(captured.captured_queries))
    return {
        "renders": RENDERS,
        "median_ms": round(statistics.median(timings) * 1000),
        "fastest_ms": round(min(timings) * 1000),
        "queries": max(queries),
        "page_kb": round(len(response.content) / 1024),
    }


def _build(total: int) -> tuple[User, int]:
    force = ForceArea.objects.create(name="Benchmark Force", slug="benchmark-force")
    pcc = Agency.objects.create(
        name="Benchmark PCC", slug="benchmark-pcc", kind=Agency.Kind.PCC_OFFICE, force_area=force
    )
    police = Agency.objects.create(
        name="Benchmark Police", slug="benchmark-police", kind=Agency.Kind.POLICE, force_area=force
    )
    officer = User.objects.create(email="bench.pcc@example.org", full_name="Bench PCC", agency=pcc)
    RoleAssignment.objects.create(user=officer, role=RoleAssignment.Role.PCC_OFFICER)
    areas = [
        Area.objects.create(
            force_area=force,
            name=f"Benchmark {n}",
            slug=f"benchmark-{n}",
            reference_prefix=f"BM{n}",
        )
        for n in range(AREAS)
    ]
    made = 0
    for area_index, area in enumerate(areas):
        count = total // AREAS + (1 if area_index < total % AREAS else 0)
        made += _build_area(area, count, officer, police)
    # bulk_create bypasses the services, so their summary rows are counted as a deployment
    # would after loading data: by the rebuild.
    from .summary import rebuild

    rebuild(areas)
    return officer, made


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, clock_time(hour), tzinfo=timezone.get_current_timezone())


def _build_area(area: Area, count: int, staff: User, police: Agency) -> int:
    """`count` cases with histories; most reach a review, some are appealed."""
    cases = []
    for n in range(count):
        received = YEAR_START + timedelta(days=n % SPREAD_DAYS)
        cases.append(
            Case(
                area=area,
                reference=f"{area.reference_prefix}-2025-{n:06d}",
                status=Status.SUBMITTED,
                received_at=_at(received),
                application_date=received,
                applicant_name="Benchmark applicant",
                acknowledge_due=add_working_days(received, area.acknowledge_days),
                threshold_decision_due=add_working_days(received, area.threshold_decision_days),
            )
        )
    cases = Case.objects.bulk_create(cases, batch_size=BATCH)
    events, decisions, requests, reviews = [], [], [], []
    for n, case in enumerate(cases):
        _history(case, n, staff, police, events, decisions, requests, reviews)
    CaseEvent.objects.bulk_create(events, batch_size=BATCH)
    ThresholdDecision.objects.bulk_create(decisions, batch_size=BATCH)
    requests = InformationRequest.objects.bulk_create(requests, batch_size=BATCH)
    InformationReturn.objects.bulk_create(
        (
            InformationReturn(
                area=area,
                request=r,
                submitted_by=staff,
                submitted_at=r.requested_at + timedelta(days=8 + r.case_id % 7),
            )
            for r in requests
        ),
        batch_size=BATCH,
    )
    ReviewRecord.objects.bulk_create(reviews, batch_size=BATCH)
    return len(cases)


def _history(case, n, staff, police, events, decisions, requests, reviews):
    """The case's path: acknowledged; 80% decided (a quarter of them not met); of those met,
    every one reviewed with an outcome sent, and one in ten appealed."""
    received = case.received_at

    def event(days: int, to_status: str, from_status: str = ""):
        events.append(
            CaseEvent(
                area_id=case.area_id,
                case=case,
                at=received + timedelta(days=days),
                from_status=from_status,
                to_status=to_status,
                summary=Status(to_status).label,
            )
        )

    event(0, Status.SUBMITTED)
    event(1 + n % 6, Status.ACKNOWLEDGED, Status.SUBMITTED)
    if n % 5 == 4:
        return
    decided = 7 + n % 9
    met = n % 4 != 0
    outcome = ThresholdDecision.Outcome.MET if met else ThresholdDecision.Outcome.NOT_MET
    decisions.append(
        ThresholdDecision(
            area_id=case.area_id,
            case=case,
            outcome=outcome,
            engine_route="complaints" if met else "not_met",
            engine_qualifying=3 if met else 1,
            engine_threshold=3,
            decided_by=staff,
            decided_at=received + timedelta(days=decided),
        )
    )
    status = Status.THRESHOLD_MET if met else Status.THRESHOLD_NOT_MET
    event(decided, status, Status.ACKNOWLEDGED)
    if not met:
        return
    event(decided, Status.AGENCIES_NOTIFIED, status)
    requests.append(
        InformationRequest(
            area_id=case.area_id,
            case=case,
            agency=police,
            contact_name="Benchmark contact",
            contact_email="contact@example.org",
            status=InformationRequest.Status.RETURNED,
            requested_at=received + timedelta(days=decided),
            requested_by=staff,
            due_date=(received + timedelta(days=decided + 14)).date(),
        )
    )
    held = decided + 20 + n % 15
    event(decided + 5, Status.REVIEW_SCHEDULED, Status.AGENCIES_NOTIFIED)
    event(held, Status.REVIEW_HELD, Status.REVIEW_SCHEDULED)
    event(held + 6, Status.OUTCOME_SENT, Status.REVIEW_HELD)
    reviews.append(
        ReviewRecord(
            area_id=case.area_id,
            case=case,
            attendance="Benchmark",
            findings="Benchmark",
            recommendations_made=n % 3 != 0,
            held_on=(received + timedelta(days=held)).date(),
            recorded_at=received + timedelta(days=held),
            recorded_by=staff,
            outcome_due=(received + timedelta(days=held + 7)).date(),
            consultation_closes=(received + timedelta(days=held + 7)).date(),
            outcome_sent_at=received + timedelta(days=held + 6),
        )
    )
    if n % 10 == 1:
        event(held + 10, Status.APPEALED, Status.OUTCOME_SENT)
        upheld = n % 20 == 1
        event(
            held + 25,
            Status.FURTHER_REVIEW if upheld else Status.OUTCOME_SENT,
            Status.APPEALED,
        )


BENCHMARKS = {"dashboard": dashboard}
