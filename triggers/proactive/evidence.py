"""What the linked records say about one person: their complaints, as the engine reads them.

Each record is a complaint to its body (DOMAIN.md §4). Reports of one person on one day to
several bodies are taken as one incident (counted once): the records rarely say more, and the
engine must never count more than the Act does.
"""

from __future__ import annotations

from django.utils import timezone, translation

from agencies.wording import Wording
from incidents.linking import reasons as link_reasons
from incidents.models import IncidentRecord
from incidents.selectors import pairs_of
from triggers import eligibility, eligibility_words
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


def reasons_words(records: list[IncidentRecord], decision: eligibility.Decision) -> Wording:
    """The engine's summary and its reason for every record, for the officer and the case:
    kept as words, so that each reader has them in their language (issue #19)."""
    kept = eligibility_words.wording()
    lines = [eligibility.explain(decision, kept)]
    for record, finding in zip(records, decision.complaints, strict=True):
        record_name = f"{record.body.name} {record.reference}"
        lines.append(
            Wording("%(record)s: %(reason)s", record=record_name, reason=finding.reason_in(kept))
        )
    return Wording.joined(*lines, sep="\n")


def reasons_text(records: list[IncidentRecord], decision: eligibility.Decision) -> str:
    """The same in English, as a possible review keeps it."""
    return reasons_words(records, decision).english()


def reasons_in_language(possible, records: list[IncidentRecord]) -> list[str]:
    """The engine's stored reasons, worded in the active language (issue #19).

    The reasons are kept as the engine wrote them, in English. For a page in another language
    the engine is asked again, as of the days it may have run; its answer is used only when its
    English is the stored text word for word (the records or rules have not changed since),
    else the stored reasons are shown as they are."""
    stored = possible.engine_reasons.splitlines()
    if (translation.get_language() or "en").startswith("en"):
        return stored
    days = {timezone.localdate(possible.updated_at), timezone.localdate(possible.found_at)}
    days.add(timezone.localdate())
    for day in sorted(day for day in days if day):
        reasons = reasons_words(records, assess_records(possible.area, records, today=day))
        if reasons.english() == possible.engine_reasons:
            return reasons.say().splitlines()
    return stored


def case_reasons(records: list[IncidentRecord], decision, evidence: list[dict]) -> Wording:
    """A proactive case's first history entry's reasons: the engine's, and how the records
    were taken to be one person's."""
    return Wording.joined(
        reasons_words(records, decision),
        Wording("How the records were linked:"),
        evidence_words(evidence) if evidence else Wording("One record only."),
        sep="\n",
    )


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


def evidence_words(evidence: list[dict]) -> Wording:
    """Each pair of linked records, how likely the same person, and why (the model's reasons
    said in the reader's language, as on the possible review's page)."""
    lines = []
    for pair in evidence:
        line = f"{pair['left']} ~ {pair['right']}: {pair['probability']:.2f}"
        if pair["reasons"]:
            because = Wording.joined(*(link_reasons.kept(r) for r in pair["reasons"]), sep=", ")
            line = Wording("%(pair)s (%(reasons)s)", pair=line, reasons=because)
        lines.append(line)
    return Wording.joined(*lines, sep="\n")
