"""The application stage: an application, however it arrived, becomes a case.

Every change to a case is a service like these: one function per use case, each in one
transaction with history. Views, API endpoints, tasks and commands call them; none of them
writes a case model directly.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from agencies.models import Agency, Area
from agencies.working_days import add_working_days
from notifications.services import queue_email
from triggers.history import record_event
from triggers.models import (
    Case,
    Channel,
    Complaint,
    ReferenceCounter,
)
from triggers.texts import text_people
from triggers.threshold.checks import request_checks
from triggers.tracking.services import hash_token, tracking_url


@dataclass
class ComplaintData:
    incident_date: date
    reported_date: date
    description: str
    reported_to: Agency | None = None
    reported_to_other: str = ""
    reference_number: str = ""
    complainant: str = "applicant"
    incident_key: str = ""
    hate_related: bool = False


@dataclass
class ApplicationData:
    """What an application says, however it arrived (online, phone, paper, in person...)."""

    applicant_name: str
    complaints: list[ComplaintData]
    applicant_email: str = ""
    applicant_phone: str = ""
    applicant_address: str = ""
    applicant_postcode: str = ""
    on_behalf: bool = False
    relationship: str = ""
    organisation: str = ""
    victim_name: str = ""
    victim_consent: bool = False
    behaviour_location: str = ""
    others_affected: str = ""
    impact: str = ""
    desired_outcome: str = ""
    contact_method: str = "email"
    adjustments: str = ""
    extra: dict = field(default_factory=dict)


class ApplicationRefused(ValueError):
    """An application that cannot be accepted as it stands (the message says why)."""


def next_reference(area: Area, year: int) -> str:
    """The next reference of the area's year, e.g. LIV-2026-0042. Call inside a transaction."""
    counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(area=area, year=year)
    ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db(fields=["last_number"])
    return f"{area.reference_prefix}-{year}-{counter.last_number:04d}"


@transaction.atomic
def submit_application(
    area: Area,
    data: ApplicationData,
    *,
    channel: str = Channel.ONLINE,
    recorded_by=None,
    received_at: datetime | None = None,
) -> tuple[Case, str]:
    """Record an application and start its clock. Returns the case and its private token.

    The token is shown to the applicant once (in the acknowledgement); only its hash is kept.
    """
    if data.on_behalf and not data.victim_consent:
        raise ApplicationRefused(
            "The victim must agree to someone applying for them before the application is sent."
        )
    if not data.complaints:
        raise ApplicationRefused("An application needs at least one report of the behaviour.")
    received_at = received_at or timezone.now()
    received_on = timezone.localtime(received_at).date()
    token = secrets.token_urlsafe(32)
    case = Case.objects.create(
        area=area,
        reference=next_reference(area, received_on.year),
        channel=channel,
        received_at=received_at,
        application_date=received_on,
        recorded_by=recorded_by,
        acknowledge_due=add_working_days(received_on, area.acknowledge_days),
        threshold_decision_due=add_working_days(received_on, area.threshold_decision_days),
        tracking_token_hash=hash_token(token),
        **_case_fields(data),
    )
    case.next_due = case.acknowledge_due
    case.save(update_fields=["next_due"])
    Complaint.objects.bulk_create(
        Complaint(area=area, case=case, position=i, **vars(c))
        for i, c in enumerate(data.complaints)
    )
    how = Channel(channel).label.lower()
    record_event(case, f"Application received ({how})", by=recorded_by, to_status=case.status)
    _queue_receipt(case, token)
    # s104(3)(b): every application reaches every relevant body on receipt, to check.
    request_checks(case, by=recorded_by)
    return case, token


def _queue_receipt(case: Case, token: str) -> None:
    queue_email(
        key=f"case:{case.pk}:receipt",
        to=case.applicant_email,
        template="receipt",
        context={"case": case, "area": case.area},
        # Kept beside the message until it is sent, never in its stored body.
        private_link=tracking_url(token),
        topic="Application received",
        area=case.area,
        reference=case.reference,
    )
    text_people(case, "received", key=f"case:{case.pk}:receipt", topic="Application received")


def _case_fields(data: ApplicationData) -> dict:
    fields = vars(data).copy()
    for not_a_column in ("complaints", "extra"):
        fields.pop(not_a_column)
    return fields
