"""The demo's incident records: one Liverpool resident who reported to the police, the
council and their landlord in the last two months, written a little differently by each
(`make run` then shows one possible case review; triggers/demo.py links them).

Idempotent: each record is found by its body's reference; its dates are set afresh on each
load, so the reports stay recent enough to meet the threshold whatever day the demo runs.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from agencies.models import Agency, Area

from .models import IncidentRecord

DEMO_AREA = "liverpool"

# body slug, reference, days ago, how the body wrote the person and their home
RECORDS = [
    (
        "merseyside-police",
        "MP-DEMO-4471",
        55,
        {"first_name": "Christopher", "address": "14 Rosemary Lane", "postcode": "L8 7PQ"},
        "Group of youths kicking a ball at the windows late at night",
    ),
    (
        "liverpool-council",
        "LCC-ASB-20931",
        34,
        {"first_name": "Chris", "address": "14 Rosemary Ln", "postcode": "L87PQ"},
        "Loud music and shouting from the neighbouring garden after midnight",
    ),
    (
        "mersey-vale-homes",
        "MVH-7730",
        12,
        {"first_name": "Christopher", "address": "14, Rosemary Lane", "postcode": "L8 7PQ"},
        "Bins set alight by the back gate",
    ),
]


@transaction.atomic
def load() -> None:
    area = Area.objects.filter(slug=DEMO_AREA).first()
    if area is None:
        return
    today = timezone.localdate()
    for body_slug, reference, days_ago, written, description in RECORDS:
        body = Agency.objects.filter(slug=body_slug).first()
        if body is None:
            continue
        incident = today - timedelta(days=days_ago)
        IncidentRecord.objects.update_or_create(
            body=body,
            reference=reference,
            defaults={
                "area": area,
                "incident_date": incident,
                "reported_date": incident + timedelta(days=1),
                "surname": "Okafor",
                "date_of_birth": date(1971, 3, 14),
                "phone": "07700 900461",
                "category": "Noise and nuisance",
                "description": description,
                **written,
            },
        )
