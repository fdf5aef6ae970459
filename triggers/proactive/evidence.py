"""What the linked records say about one person: their complaints, as the engine reads them.

Each record is a complaint to its body (DOMAIN.md §4). Reports of one person on one day to
several bodies are taken as one incident (counted once): the records rarely say more, and the
engine must never count more than the Act does.
"""

from __future__ import annotations

from django.utils import timezone

from incidents.models import IncidentRecord
from incidents.selectors import pairs_of
from triggers import eligibility
from triggers.threshold.services import engine_policy

COMPLAINANT = "the person"


def engine_complaints(records: list[IncidentRecord]) -> list[eligibility.Complaint]:
    return [
        eligibility.Complaint(
            incident_date=r.incident_date,
            reported_date=r.reported_date,
            complainant=COMPLAINANT,
            incident=r.incident_date.isoformat(),
            hate_related=r.hate_related,
            reported_to=r.body.name,
        )
        for r in records
    ]


def assess_records(area, records: list[IncidentRecord], today=None) -> eligibility.Decision:
    """The engine's answer for these records, as if the person applied today."""
    today = today or timezone.localdate()
    return eligibility.assess(
        engine_policy(area), engine_complaints(records), application_date=today, today=today
    )


def reasons_text(records: list[IncidentRecord], decision: eligibility.Decision) -> str:
    """The engine's summary and its reason for every record, for the officer and the case."""
    lines = [eligibility.explain(decision)]
    for record, finding in zip(records, decision.complaints, strict=True):
        lines.append(f"{record.body.name} {record.reference}: {finding.reason}")
    return "\n".join(lines)


def linking_evidence(records: list[IncidentRecord]) -> list[dict]:
    """How strongly, and why, the records are taken to be one person."""
    return [
        {
            "left": f"{p.left.body.name} {p.left.reference}",
            "right": f"{p.right.body.name} {p.right.reference}",
            "probability": round(p.match_probability, 4),
            "reasons": list(p.reasons),
        }
        for p in pairs_of(records)
    ]


def evidence_text(evidence: list[dict]) -> str:
    return "\n".join(
        f"{e['left']} ~ {e['right']}: {e['probability']:.2f}"
        + (f" ({', '.join(e['reasons'])})" if e["reasons"] else "")
        for e in evidence
    )
