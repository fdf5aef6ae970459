"""Records made directly, for tests that are not about the import itself."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from incidents.models import IncidentRecord


def record(side, body=None, ref="R-1", days=30, **fields) -> IncidentRecord:
    incident = timezone.localdate() - timedelta(days=days)
    values = {
        "first_name": "Jane",
        "surname": "Doe",
        "postcode": "L1 8JQ",
        "address": "1 Long Street",
        "incident_date": incident,
        "reported_date": incident + timedelta(days=1),
        "category": "Noise",
    }
    values.update(fields)
    return IncidentRecord.objects.create(
        area=side.area, body=body or side.police, reference=ref, **values
    )
