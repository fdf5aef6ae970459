"""Benchmarks of appeals (`manage.py bench appeal_list`): the PCC workspace and figures with
many appeals. Everything is created inside a transaction that is rolled back."""

from __future__ import annotations

import time

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

APPEALS = 2000


class _Rollback(Exception):
    pass


def _world():
    from agencies.models import Agency, Area, ForceArea, RoleAssignment, User
    from triggers.models import Case, Letter

    from .models import Appeal, AppealGround

    force = ForceArea.objects.create(name="Bench Force", slug="bench-force")
    pcc = Agency.objects.create(
        name="Bench PCC", slug="bench-pcc", kind=Agency.Kind.PCC_OFFICE, force_area=force
    )
    user = User.objects.create_user("bench.pcc@example.org", None, full_name="Bench", agency=pcc)
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.PCC_OFFICER)
    now = timezone.now()
    for n in range(5):
        area = Area.objects.create(
            force_area=force, name=f"Bench {n}", slug=f"bench-{n}", reference_prefix=f"BN{n}"
        )
        case = Case.objects.create(
            area=area,
            reference=f"BN{n}-1",
            received_at=now,
            application_date=now.date(),
            applicant_name="Bench",
            status="threshold_not_met",
        )
        letter = Letter.objects.create(
            area=area, case=case, kind="threshold_decision", title="t", pdf=b"", sent_at=now
        )
        appeals = Appeal.objects.bulk_create(
            Appeal(
                area=area,
                case=case,
                letter=letter,
                appealed_decision="threshold_decision",
                pcc_office=pcc,
                body_name=pcc.name,
                explanation="x",
                lodged_at=now,
                appeal_by=now.date(),
                previous_status="threshold_not_met",
                decision_due=now.date(),
                status=Appeal.Status.NOT_UPHELD,
                decided_at=now,
            )
            for _ in range(APPEALS // 5)
        )
        AppealGround.objects.bulk_create(
            AppealGround(area=area, appeal=a, ground="other") for a in appeals
        )
    return user


def _timed(client, url) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        status = client.get(url, {"show": "all"}).status_code
        if status != 200:  # a refused page would time an error, not the work
            raise CommandError(f"{url} answered {status}, not 200.")
        return round((time.perf_counter() - start) * 1000, 1), len(queries)


def appeal_list(stdout) -> dict:
    """The PCC's list and figures over APPEALS appeals in five areas."""
    result = {}
    try:
        with transaction.atomic():
            client = Client()
            client.force_login(_world())
            for name in ("appeals:list", "appeals:figures"):
                ms, queries = _timed(client, reverse(name))
                result[f"{name} ms"] = ms
                result[f"{name} queries"] = queries
            raise _Rollback
    except _Rollback:
        pass
    result["appeals"] = APPEALS
    return result


BENCHMARKS = {"appeal_list": appeal_list}
