"""Build N cases into the bench database once, fast (bulk_create in batches).

Five areas of one force area. The officer's area (the first) holds a fifth of the cases,
about half of them open (so about a tenth of all cases are open there, as in the issue's
100,000 with 9,950 open); the other areas are mostly closed. Each case has three complaints
and the history its status implies: events, threshold decision, information requests (some
overdue), returns, meetings, review records, and appeals with their letters, so that every
list and dashboard has data to read. Run as `python -m bench.build N` with DATABASE_URL set.
"""

from __future__ import annotations

import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from .people import AREAS, FORCE_SLUG, people_and_areas, signed_in_sessions

BATCH = 5000
COMPLAINTS = 3
# How a case gets to each status, and the day (after receipt) each step is taken.
MET_PATH = (
    ("submitted", 0),
    ("acknowledged", 2),
    ("threshold_met", 10),
    ("agencies_notified", 10),
    ("review_scheduled", 25),
    ("review_held", 40),
    ("outcome_sent", 46),
    ("actions_in_progress", 50),
    ("closed", 120),
)
NOT_MET_PATH = (("submitted", 0), ("acknowledged", 2), ("threshold_not_met", 9), ("closed", 40))
OPEN_STATUSES = (
    "submitted",
    "acknowledged",
    "agencies_notified",
    "review_scheduled",
    "review_held",
    "outcome_sent",
    "actions_in_progress",
    "appealed",
)
SPREAD_DAYS = 700


def built(expected: int) -> bool:
    """Whether this database already holds the bench's data set of `expected` cases."""
    from triggers.models import Case

    return Case.objects.filter(area__force_area__slug=FORCE_SLUG).count() == expected


def build(total: int, out=sys.stdout) -> dict:
    from django.db import transaction

    started = time.perf_counter()
    with transaction.atomic():
        people = people_and_areas()
        made = 0
        for index, area in enumerate(people["areas"]):
            count = total // AREAS + (1 if index < total % AREAS else 0)
            made += _build_area(area, count, index == 0, people)
            out.write(
                f"  area {area.slug}: {count} cases ({time.perf_counter() - started:.0f} s)\n"
            )
            out.flush()
    _stored_figures(out)
    _settle(out)
    return {"cases": made, "seconds": round(time.perf_counter() - started, 1)}


def _stored_figures(out) -> None:
    """bulk_create bypasses the services that keep the case list's stored counts and the
    figures' summary right, so the bench recounts them from scratch, as an upgrade would."""
    from django.core.management import call_command

    call_command("recount_cases", stdout=out)
    call_command("rebuild_figures", "--all", stdout=out)


def _settle(out) -> None:
    """What autovacuum does to a live database within minutes of a bulk load: the planner's
    statistics, and the visibility map that lets a count read an index alone. Measuring
    before it has run would time a state production is never in for long."""
    from django.db import connection

    # VACUUM cannot run in a transaction: a build inside one (a test's) leaves it to autovacuum.
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
        out.write("Vacuumed and analysed.\n")


def _at(day: date, hour: int = 10) -> datetime:
    from django.utils import timezone

    return datetime.combine(day, clock_time(hour), tzinfo=timezone.get_current_timezone())


def _status_of(n: int, officers_area: bool) -> str:
    """Half the officer's area open, a fifth elsewhere; of the closed, one in four not met."""
    open_ = n % 2 == 0 if officers_area else n % 5 == 0
    if open_:
        return OPEN_STATUSES[(n // 5) % len(OPEN_STATUSES)]
    return "withdrawn" if n % 17 == 3 else "closed"


def _path(status: str, n: int) -> list[tuple[str, int]]:
    if status == "withdrawn":
        return [("submitted", 0), ("acknowledged", 2), ("withdrawn", 5)]
    if status == "closed" and n % 4 == 1:
        return list(NOT_MET_PATH)
    if status == "appealed":
        steps = [step for step in MET_PATH if step[0] not in ("actions_in_progress", "closed")]
        return [*steps, ("appealed", 55)]
    names = [name for name, _ in MET_PATH]
    return list(MET_PATH[: names.index(status) + 1])


def _build_area(area, count: int, officers_area: bool, people: dict) -> int:
    from django.utils import timezone

    from agencies.working_days import add_working_days
    from triggers.models import Case

    today = timezone.localdate()
    officer = people["officer"]
    cases, paths = [], []
    for n in range(count):
        received = today - timedelta(days=5 + (n * 7919) % SPREAD_DAYS)
        status = _status_of(n, officers_area)
        path = _path(status, n)
        # Open cases are recent enough not to have reached their later steps yet.
        if status not in ("closed", "withdrawn"):
            received = today - timedelta(days=path[-1][1] + 1 + n % 30)
        open_ = status not in ("closed", "withdrawn")
        cases.append(
            Case(
                area=area,
                reference=f"{area.reference_prefix}-{n:06d}",
                status=status,
                received_at=_at(received),
                application_date=received,
                applicant_name=f"Bench applicant {n}",
                applicant_postcode=f"L{n % 30} {n % 9}AB",
                assigned_officer=officer if officers_area and n % 3 else None,
                acknowledge_due=add_working_days(received, area.acknowledge_days),
                threshold_decision_due=add_working_days(received, area.threshold_decision_days),
                next_due=(received + timedelta(days=20 + n % 60)) if open_ else None,
                closed_at=None if open_ else _at(received + timedelta(days=path[-1][1])),
            )
        )
        paths.append(path)
    cases = Case.objects.bulk_create(cases, batch_size=BATCH)
    _history(cases, paths, people, today)
    return len(cases)


def _history(cases, paths, people, today) -> None:
    from appeals.models import Appeal
    from triggers.models import (
        CaseEvent,
        Complaint,
        InformationRequest,
        InformationReturn,
        Letter,
        ReviewMeeting,
        ReviewRecord,
        ThresholdDecision,
    )

    staff, agencies = people["officer"], people["agencies"]
    rows = {
        "complaints": [],
        "events": [],
        "decisions": [],
        "requests": [],
        "meetings": [],
        "reviews": [],
        "letters": [],
    }
    for n, (case, path) in enumerate(zip(cases, paths, strict=True)):
        received = case.received_at
        for position in range(COMPLAINTS):
            incident = received.date() - timedelta(days=30 + 20 * position + n % 11)
            rows["complaints"].append(
                Complaint(
                    area_id=case.area_id,
                    case=case,
                    position=position,
                    incident_date=incident,
                    reported_date=incident + timedelta(days=1),
                    reported_to=agencies[position % 2],
                    description="Loud music and shouting late at night.",
                    hate_related=n % 13 == 0,
                )
            )
        previous = ""
        for step, day in path:
            rows["events"].append(
                CaseEvent(
                    area_id=case.area_id,
                    case=case,
                    at=received + timedelta(days=day, minutes=n % 50),
                    from_status=previous,
                    to_status=step,
                    summary=step.replace("_", " ").capitalize(),
                )
            )
            previous = step
        steps = dict(path)
        _stages(case, n, steps, staff, agencies, today, rows)
    CaseEvent.objects.bulk_create(rows["events"], batch_size=BATCH)
    Complaint.objects.bulk_create(rows["complaints"], batch_size=BATCH)
    ThresholdDecision.objects.bulk_create(rows["decisions"], batch_size=BATCH)
    requests = InformationRequest.objects.bulk_create(rows["requests"], batch_size=BATCH)
    InformationReturn.objects.bulk_create(
        (
            InformationReturn(
                area_id=r.area_id,
                request=r,
                submitted_by=staff,
                submitted_at=r.requested_at + timedelta(days=8 + r.case_id % 7),
            )
            for r in requests
            if r.status == InformationRequest.Status.RETURNED
        ),
        batch_size=BATCH,
    )
    ReviewMeeting.objects.bulk_create(rows["meetings"], batch_size=BATCH)
    ReviewRecord.objects.bulk_create(rows["reviews"], batch_size=BATCH)
    letters = Letter.objects.bulk_create(rows["letters"], batch_size=BATCH)
    Appeal.objects.bulk_create(
        (
            Appeal(
                area_id=letter.area_id,
                case_id=letter.case_id,
                letter=letter,
                appealed_decision=Appeal.Decision.OUTCOME,
                pcc_office=people["pcc"],
                body_name="Bench PCC",
                explanation="The recommendations do not address the noise.",
                lodged_at=letter.sent_at + timedelta(days=5),
                appeal_by=(letter.sent_at + timedelta(days=20)).date(),
                previous_status="outcome_sent",
                decision_due=(letter.sent_at + timedelta(days=25)).date(),
                status=Appeal.Status.LODGED if letter.title == "open" else Appeal.Status.NOT_UPHELD,
                decided_by=None if letter.title == "open" else staff,
                decided_at=None if letter.title == "open" else letter.sent_at + timedelta(days=20),
            )
            for letter in letters
        ),
        batch_size=BATCH,
    )


def _stages(case, n, steps, staff, agencies, today, rows) -> None:
    """The records each reached step leaves behind."""
    from triggers.models import (
        InformationRequest,
        Letter,
        ReviewMeeting,
        ReviewRecord,
        ThresholdDecision,
    )

    received = case.received_at
    for outcome, route in (("threshold_met", "complaints"), ("threshold_not_met", "not_met")):
        if outcome in steps:
            rows["decisions"].append(
                ThresholdDecision(
                    area_id=case.area_id,
                    case=case,
                    outcome="met" if outcome == "threshold_met" else "not_met",
                    engine_route=route,
                    engine_qualifying=3 if route == "complaints" else 1,
                    engine_threshold=3,
                    decided_by=staff,
                    decided_at=received + timedelta(days=steps[outcome]),
                )
            )
    if "agencies_notified" in steps:
        asked = received + timedelta(days=steps["agencies_notified"])
        answered = "review_scheduled" in steps
        for agency in agencies:
            rows["requests"].append(
                InformationRequest(
                    area_id=case.area_id,
                    case=case,
                    agency=agency,
                    contact_name="Bench contact",
                    contact_email=f"{agency.slug}@example.org",
                    status=InformationRequest.Status.RETURNED
                    if answered
                    else InformationRequest.Status.REQUESTED,
                    requested_at=asked,
                    requested_by=staff,
                    # Some waiting requests are overdue, so "needs attention" has work.
                    due_date=(asked + timedelta(days=15)).date()
                    if answered or n % 3
                    else today - timedelta(days=1 + n % 5),
                )
            )
    if "review_scheduled" in steps:
        starts = received + timedelta(days=steps.get("review_held", 40))
        rows["meetings"].append(
            ReviewMeeting(
                area_id=case.area_id,
                case=case,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                venue="Town hall",
                chair=staff,
                created_by=staff,
                status=ReviewMeeting.Status.HELD
                if "review_held" in steps
                else ReviewMeeting.Status.SCHEDULED,
            )
        )
    if "review_held" in steps:
        held = received + timedelta(days=steps["review_held"])
        sent = steps.get("outcome_sent")
        rows["reviews"].append(
            ReviewRecord(
                area_id=case.area_id,
                case=case,
                attendance="Bench",
                findings="Bench",
                recommendations_made=n % 3 != 0,
                held_on=held.date(),
                recorded_at=held,
                recorded_by=staff,
                outcome_due=(held + timedelta(days=7)).date(),
                consultation_closes=(held + timedelta(days=7)).date(),
                outcome_sent_at=received + timedelta(days=sent) if sent else None,
            )
        )
    appealed = "appealed" in steps or ("outcome_sent" in steps and n % 10 == 7)
    if appealed:
        rows["letters"].append(
            Letter(
                area_id=case.area_id,
                case=case,
                kind=Letter.Kind.OUTCOME,
                # Carries whether the appeal is still open to the appeal built from it.
                title="open" if "appealed" in steps else "decided",
                pdf=b"",
                sent_at=received + timedelta(days=steps["outcome_sent"]),
            )
        )


def main(argv: list[str]) -> None:
    import json

    import django

    django.setup()
    total = int(argv[0])
    if built(total):
        print(f"  {total} cases already built")
    else:
        result = build(total)
        print(f"  built {result['cases']} cases in {result['seconds']} s")
    print("SESSIONS " + json.dumps(signed_in_sessions()))


if __name__ == "__main__":
    main(sys.argv[1:])
