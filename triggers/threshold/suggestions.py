"""The check page's suggestions: the body's own incident records that may be a complaint.

For each complaint of an application, the body asked to check it is shown its own records of
the same area whose incident is within a few days of the complaint's, scored on the name and
postcode of the applicant (and the victim, when someone applied for them) and the dates. The
body confirms one (its check is filled in: found, with the record's reference) or rejects it
(it is not suggested again). Only the body's own records, and only to its own staff.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from difflib import SequenceMatcher

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from incidents.models import IncidentRecord
from incidents.schema import normalise_postcode
from triggers.models import Complaint, SuggestionDecision, ThresholdCheck

DAYS_APART = 3
SHOWN_FROM = 0.5  # below this a suggestion is noise, not help
MOST_PER_COMPLAINT = 3
Decision = SuggestionDecision.Decision


class SuggestionRefused(ValueError):
    pass


@dataclass
class Suggestion:
    complaint: Complaint
    record: IncidentRecord
    strength: float
    reasons: list[str] = field(default_factory=list)
    decision: str = ""

    @property
    def percent(self) -> int:
        return round(self.strength * 100)

    @property
    def words(self) -> str:
        return gettext("Strong match") if self.strength >= 0.8 else gettext("Possible match")


def _people(case) -> list[tuple[str, str]]:
    """(name, postcode) of the applicant and, when someone applied for them, the victim."""
    people = [(case.applicant_name, case.applicant_postcode)]
    if case.on_behalf:
        people.append((case.victim_name, case.victim_postcode or case.applicant_postcode))
    return [(n, normalise_postcode(p or "") or "") for n, p in people if n]


def _similar(a: str, b: str) -> float:
    a, b = a.lower().strip(), b.lower().strip()
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def score(complaint: Complaint, record: IncidentRecord, people) -> tuple[float, list[str]]:
    """How likely the record is this complaint: dates (0.3), name (0.4), postcode (0.3)."""
    apart = abs((record.incident_date - complaint.incident_date).days)
    date_part = max(0.0, 1 - apart / (DAYS_APART + 1))
    reasons = [
        gettext("incident on the same day")
        if apart == 0
        else gettext("incidents %(days)s days apart") % {"days": apart}
    ]
    best, best_reasons = 0.0, []
    for name, postcode in people:
        surname = name.split()[-1] if name.split() else ""
        name_part = max(_similar(name, record.name), _similar(surname, record.surname))
        place_part = 1.0 if postcode and postcode == record.postcode else 0.0
        total = 0.4 * name_part + 0.3 * place_part
        if total > best:
            best = total
            best_reasons = (
                [gettext("name: %(name)s ~ %(record)s") % {"name": name, "record": record.name}]
                if name_part >= 0.7
                else []
            )
            if place_part:
                best_reasons.append(gettext("same postcode"))
    if record.reference and record.reference == complaint.reference_number:
        best, best_reasons = 0.7, [*best_reasons, gettext("the applicant gave this reference")]
    return round(min(1.0, best + 0.3 * date_part), 2), reasons + best_reasons


def suggestions_for(check: ThresholdCheck, complaints: list[Complaint]) -> dict[int, list]:
    """complaint id -> its suggestions, strongest first (rejected ones left out)."""
    case = check.case
    people = _people(case)
    decided = {
        (d.complaint_id, d.record_id): d.decision
        for d in SuggestionDecision.objects.filter(check_record=check)
    }
    found: dict[int, list[Suggestion]] = {}
    for complaint in complaints:
        window = timedelta(days=DAYS_APART)
        candidates = IncidentRecord.objects.filter(
            area_id=case.area_id,
            body_id=check.agency_id,
            incident_date__range=(
                complaint.incident_date - window,
                complaint.incident_date + window,
            ),
        ).select_related("body")[:50]
        listed = []
        for record in candidates:
            decision = decided.get((complaint.pk, record.pk), "")
            if decision == Decision.REJECTED:
                continue
            strength, reasons = score(complaint, record, people)
            if strength >= SHOWN_FROM or decision:
                listed.append(Suggestion(complaint, record, strength, reasons, decision))
        listed.sort(key=lambda s: (s.decision != Decision.CONFIRMED, -s.strength))
        found[complaint.pk] = listed[:MOST_PER_COMPLAINT]
    return found


def confirmed_initial(check: ThresholdCheck) -> dict:
    """The check form filled in from confirmed suggestions: found, with the record's reference."""
    initial = {}
    confirmed = SuggestionDecision.objects.filter(check_record=check, decision=Decision.CONFIRMED)
    for d in confirmed.select_related("record"):
        initial[f"finding_{d.complaint_id}"] = "found"
        initial[f"reference_{d.complaint_id}"] = d.record.reference
    return initial


@transaction.atomic
def decide(check: ThresholdCheck, complaint_id: int, record_id: int, decision: str, *, by):
    """The body's answer to one suggestion. Confirming one replaces any earlier confirmation
    for that complaint (a complaint is one record)."""
    if check.status != ThresholdCheck.Status.REQUESTED or by.agency_id != check.agency_id:
        raise SuggestionRefused(gettext("Only the body asked can answer, while its check is open."))
    if decision not in Decision.values:
        raise SuggestionRefused(gettext("Choose whether the record is this complaint."))
    complaint = check.case.complaints.filter(pk=complaint_id).first()
    record = IncidentRecord.objects.filter(
        pk=record_id, body_id=check.agency_id, area_id=check.case.area_id
    ).first()
    if complaint is None or record is None:
        raise SuggestionRefused(gettext("That suggestion is no longer there."))
    strength, _ = score(complaint, record, _people(check.case))
    if decision == Decision.CONFIRMED:
        SuggestionDecision.objects.filter(
            check_record=check, complaint=complaint, decision=Decision.CONFIRMED
        ).exclude(record=record).delete()
    SuggestionDecision.objects.update_or_create(
        check_record=check,
        complaint=complaint,
        record=record,
        defaults={
            "area_id": check.area_id,
            "decision": decision,
            "strength": strength,
            "decided_by": by,
            "decided_at": timezone.now(),
        },
    )
    return record
