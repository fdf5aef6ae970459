"""The threshold stage: the single point of contact acknowledges the application, and the
bodies' decision on the threshold is recorded with the engine's count beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from agencies.wording import Term, Wording
from agencies.working_days import add_working_days
from notifications.services import queue_email
from triggers import eligibility, eligibility_words
from triggers.history import completed, record_event, transition
from triggers.information.services import notify_agencies
from triggers.letters import preview_html, send_letter, single_point_of_contact, write_letter
from triggers.models import (
    Case,
    Complaint,
    Letter,
    ThresholdDecision,
)
from triggers.recipients import emailed
from triggers.selectors import appeal_deadline
from triggers.threshold.checks import close_checks, current_round
from triggers.workflow import AWAITING_THRESHOLD_DECISION, Status


@transaction.atomic
def assign_officer(case: Case, officer, *, by=None) -> Case:
    """Make `officer` the case's single point of contact, and record it."""
    case.assigned_officer = officer
    case.save(update_fields=["assigned_officer", "updated_at"])
    record_event(case, Wording("Assigned to %(officer)s", officer=officer.full_name), by=by)
    return case


@transaction.atomic
def acknowledge(case: Case, *, by) -> Case:
    """The single point of contact takes the case on and tells the applicant who they are."""
    case = transition(
        case,
        Status.ACKNOWLEDGED,
        by=by,
        next_due=case.threshold_decision_due,
        summary=Wording("Acknowledged by %(officer)s", officer=by.full_name),
    )
    if case.assigned_officer_id is None:
        assign_officer(case, by, by=by)
    # To the people of the case, as they chose (`triggers.recipients`).
    for person in emailed(case):
        queue_email(
            key=person.key(f"case:{case.pk}:acknowledged"),
            to=person.email,
            template="acknowledged",
            context={
                "case": case,
                "contact": single_point_of_contact(case),
                "area": case.area,
                "recipient": person,
            },
            topic="Application acknowledged",
            language=person.language,
            area=case.area,
            reference=case.reference,
        )
    return case


def engine_policy(area) -> eligibility.Policy:
    return eligibility.Policy(
        complaint_threshold=area.complaint_threshold,
        hate_incident_threshold=area.hate_incident_threshold,
    )


def engine_complaint(complaint: Complaint) -> eligibility.Complaint:
    return eligibility.Complaint(
        incident_date=complaint.incident_date,
        reported_date=complaint.reported_date,
        complainant=complaint.complainant or "applicant",
        incident=complaint.incident_key or None,
        hate_related=complaint.hate_related,
        reported_to=complaint.reported_to_name,
    )


def assess_case(case: Case, complaints=None) -> eligibility.Decision:
    """The engine's answer for a case, as at its application date."""
    complaints = list(case.complaints.all()) if complaints is None else complaints
    return eligibility.assess(
        engine_policy(case.area),
        [engine_complaint(c) for c in complaints],
        application_date=case.application_date,
        today=timezone.localdate(),
    )


class DecisionRefused(ValueError):
    """A threshold decision that cannot be recorded as it stands (the message says why)."""


OUTCOME_STATUS = {
    ThresholdDecision.Outcome.MET: Status.THRESHOLD_MET,
    ThresholdDecision.Outcome.MET_ON_DISCRETION: Status.MET_ON_DISCRETION,
    ThresholdDecision.Outcome.NOT_MET: Status.THRESHOLD_NOT_MET,
}


@transaction.atomic
def decide_threshold(
    case: Case,
    outcome: str,
    *,
    by,
    reasons: str = "",
    grounds: tuple[str, ...] = (),
    also_ask: tuple[int, ...] = (),
    refusal_reason: str = "",
) -> ThresholdDecision:
    """Record the relevant bodies' threshold decision, tell the applicant, start the next stage.

    The bodies decide (s104(1)(b), (4)-(5)), having checked the complaints against their
    records; the single point of contact records their decision. "Met" must agree with the
    engine: the statute's threshold is a fact, not a judgement. Anything else needs reasons,
    and refusing when the engine counts "met" needs a reason from the fixed list too.
    When a review goes ahead, every relevant body (and the optional members in `also_ask`)
    is asked for information in the same transaction: no case waits on a second click.
    """
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if case.status not in AWAITING_THRESHOLD_DECISION:
        raise DecisionRefused(gettext("The threshold has already been decided for this case."))
    complaints = list(case.complaints.select_related("reported_to"))
    engine = assess_case(case, complaints)
    _check_decision(engine, outcome, reasons, grounds, refusal_reason)
    decision = ThresholdDecision.objects.create(
        area_id=case.area_id,
        case=case,
        round=current_round(case),
        outcome=outcome,
        engine_route=engine.route,
        engine_qualifying=engine.qualifying_complaints,
        engine_threshold=engine.threshold,
        grounds=list(grounds),
        reasons=reasons,
        refusal_reason=_listed_refusal(outcome, engine, refusal_reason),
        decided_by=by,
        decided_at=timezone.now(),
    )
    if case.assigned_officer_id is None:
        assign_officer(case, by, by=by)  # whoever decides is the applicant's contact
    today = timezone.localdate()
    met = outcome != ThresholdDecision.Outcome.NOT_MET
    meeting_by = add_working_days(today, case.area.review_meeting_days)
    status = OUTCOME_STATUS[outcome]
    case = transition(
        case,
        status,
        by=by,
        reasons=_history_reasons(decision),
        summary=Wording(
            "The relevant bodies decided: %(decision)s (recorded by %(officer)s)",
            decision=Term(status.label, lower=True),
            officer=by.full_name,
        ),
        next_due=meeting_by if met else None,
    )
    completed(case, "threshold_decided", decision.decided_at)
    close_checks(case)  # the bodies' checks still waiting are no longer needed
    letter = _threshold_letter(case, decision, engine, complaints, meeting_by, by)
    send_letter(
        letter,
        template="threshold_decision",
        key=f"case:{case.pk}:threshold:{decision.pk}",
        context={"decision": decision, "met": met},
        topic="Threshold decision",
    )
    if met:
        notify_agencies(case, by=by, also_ask=also_ask)
    return decision


# The listed reasons as the letter words them, in the language of each column of the letter
# (lazy: a bilingual letter reads each in Welsh and in English, DOMAIN.md §5.12).
REFUSAL_IN_WORDS = {
    ThresholdDecision.RefusalReason.NOT_FOUND: gettext_lazy(
        "at least one of the reports you listed could not be found in the records of any of "
        "the organisations that checked them"
    ),
    ThresholdDecision.RefusalReason.DIFFERENT_BEHAVIOUR: gettext_lazy(
        "the reports are about different behaviour, not the same anti-social behaviour carrying on"
    ),
    ThresholdDecision.RefusalReason.OUTSIDE_AREA: gettext_lazy(
        "the behaviour happened outside this area, so another area's organisations must look at it"
    ),
    ThresholdDecision.RefusalReason.DUPLICATE: gettext_lazy(
        "it repeats an application that has already been made about the same behaviour"
    ),
}
# The grounds for a review on discretion, as the letter's sentence names them.
GROUND_IN_WORDS = {
    ThresholdDecision.Ground.HARM: gettext_lazy("harm or potential harm"),
    ThresholdDecision.Ground.VULNERABILITY: gettext_lazy("the victim's vulnerability"),
    ThresholdDecision.Ground.PERSISTENCE: gettext_lazy("persistence of the behaviour"),
    ThresholdDecision.Ground.INADEQUATE_RESPONSE: gettext_lazy(
        "the response so far was not adequate"
    ),
}
# The letter's titles: kept in English on the case, translated where the letter prints them.
TITLE_NOT_MET = gettext_noop("Your case review: the threshold is not met")
TITLE_GOES_AHEAD = gettext_noop("Your case review will go ahead")


def _listed_refusal(outcome, engine, refusal_reason) -> str:
    # A listed reason is what refuses against the engine's "met"; otherwise it has none.
    if outcome == ThresholdDecision.Outcome.NOT_MET and engine.threshold_met:
        return refusal_reason
    return ""


def _history_reasons(decision: ThresholdDecision) -> str | Wording:
    if not decision.refusal_reason:
        return decision.reasons
    with translation.override("en"):  # the history is kept in English
        reason = str(ThresholdDecision.RefusalReason(decision.refusal_reason).label)
    return Wording(
        "Refused although the reports count to the threshold: %(reason)s. %(reasons)s",
        reason=Term(reason),
        reasons=decision.reasons,
    )


def _check_decision(engine, outcome, reasons, grounds, refusal_reason=""):
    Outcome = ThresholdDecision.Outcome
    if outcome not in Outcome.values:
        raise DecisionRefused(gettext("Choose whether the threshold is met."))
    if outcome == Outcome.MET and not engine.threshold_met:
        raise DecisionRefused(
            gettext(
                "The reports do not meet the threshold. To hold a review anyway, choose "
                "'review on discretion' and give the reasons."
            )
        )
    if outcome == Outcome.MET_ON_DISCRETION and not grounds:
        raise DecisionRefused(
            gettext("Choose at least one ground for ordering a review on discretion.")
        )
    if outcome != Outcome.MET and not reasons.strip():
        raise DecisionRefused(
            gettext("Give the reasons for this decision: the applicant will read them.")
        )
    unknown = set(grounds) - set(ThresholdDecision.Ground.values)
    if unknown:
        raise DecisionRefused(gettext("Choose grounds from the list."))
    if refusal_reason and refusal_reason not in ThresholdDecision.RefusalReason.values:
        raise DecisionRefused(gettext("Choose the reason for refusing from the list."))
    if outcome == Outcome.NOT_MET and engine.threshold_met and not refusal_reason:
        raise DecisionRefused(
            gettext(
                "The reports count to the threshold. To refuse, choose why from the list: a "
                "complaint not found in any body's records, different behaviour, outside the "
                "area, or a duplicate application."
            )
        )


def _threshold_letter(case, decision, engine, complaints, meeting_by, by) -> Letter:
    title, context = _letter_parts(case, decision, engine, complaints, meeting_by, by)
    return write_letter(case, Letter.Kind.THRESHOLD_DECISION, title, context)


def _letter_parts(case, decision, engine, complaints, meeting_by, by) -> tuple[str, dict]:
    findings = [
        {"complaint": complaints[f.index], "reason": _in_letters_language(f.reason_in)}
        for f in engine.complaints
    ]
    title = TITLE_NOT_MET if decision.outcome == "not_met" else TITLE_GOES_AHEAD
    return title, {
        "decision": decision,
        "findings": findings,
        "explanation": _in_letters_language(eligibility.explain, engine),
        "meeting_by": meeting_by,
        "officer_name": by.full_name,
        "grounds": [GROUND_IN_WORDS[ThresholdDecision.Ground(g)] for g in decision.grounds],
        "refusal_in_words": REFUSAL_IN_WORDS.get(decision.refusal_reason, ""),
        "appeal_by": appeal_deadline(timezone.localdate(), case.area),
    }


def _worded(write, *arguments) -> str:
    return write(*arguments, words=eligibility_words.words())


# The engine's words, written in the language active where the letter shows them: each
# column of a bilingual letter reads them in its own (triggers/eligibility_words.py).
_in_letters_language = lazy(_worded, str)


@dataclass
class DecisionPreview:
    """What recording a decision would do, for the check page: nothing is saved."""

    decision: ThresholdDecision
    status: str
    met: bool
    meeting_by: date
    appeal_by: date
    letter_html: str


def preview_decision(
    case: Case, outcome: str, *, by, reasons="", grounds=(), refusal_reason=""
) -> DecisionPreview:
    """Check a decision as `decide_threshold` would, and show its letter, changing nothing."""
    if case.status not in AWAITING_THRESHOLD_DECISION:
        raise DecisionRefused(gettext("The threshold has already been decided for this case."))
    complaints = list(case.complaints.select_related("reported_to"))
    engine = assess_case(case, complaints)
    _check_decision(engine, outcome, reasons, grounds, refusal_reason)
    decision = ThresholdDecision(
        area_id=case.area_id,
        case=case,
        outcome=outcome,
        grounds=list(grounds),
        reasons=reasons,
        refusal_reason=_listed_refusal(outcome, engine, refusal_reason),
    )
    meeting_by = add_working_days(timezone.localdate(), case.area.review_meeting_days)
    title, context = _letter_parts(case, decision, engine, complaints, meeting_by, by)
    return DecisionPreview(
        decision=decision,
        status=OUTCOME_STATUS[outcome],
        met=outcome != ThresholdDecision.Outcome.NOT_MET,
        meeting_by=meeting_by,
        appeal_by=context["appeal_by"],
        letter_html=preview_html(case, Letter.Kind.THRESHOLD_DECISION, title, context),
    )
