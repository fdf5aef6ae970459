"""Every change to a case: one function per use case, each in one transaction with history.

Views, API endpoints, tasks and management commands call these; none of them writes a case
model directly.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency, Area, AreaMembership
from agencies.working_days import add_working_days
from notifications.services import File, queue_email
from triggers import eligibility, uploads
from triggers.letters import write_letter
from triggers.models import (
    Case,
    CaseEvent,
    Channel,
    Complaint,
    Document,
    InformationRequest,
    InformationReturn,
    Letter,
    ReferenceCounter,
    ReturnedReport,
    ThresholdDecision,
)
from triggers.workflow import AWAITING_THRESHOLD_DECISION, Status, check_transition


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


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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
    return case, token


def tracking_url(token: str) -> str:
    return f"{settings.SITE_URL}{reverse('track:open', args=[token])}"


def _queue_receipt(case: Case, token: str) -> None:
    queue_email(
        key=f"case:{case.pk}:receipt",
        to=case.applicant_email,
        template="receipt",
        context={"case": case, "tracking_url": tracking_url(token), "area": case.area},
        topic="Application received",
        area=case.area,
        reference=case.reference,
    )


def _case_fields(data: ApplicationData) -> dict:
    fields = vars(data).copy()
    for not_a_column in ("complaints", "extra"):
        fields.pop(not_a_column)
    return fields


def record_event(
    case: Case,
    summary: str,
    *,
    by=None,
    reasons: str = "",
    from_status: str = "",
    to_status: str = "",
    at: datetime | None = None,
) -> CaseEvent:
    return CaseEvent.objects.create(
        area_id=case.area_id,
        case=case,
        at=at or timezone.now(),
        by=by,
        summary=summary,
        reasons=reasons,
        from_status=from_status,
        to_status=to_status,
    )


@transaction.atomic
def transition(
    case: Case,
    target: str,
    *,
    by=None,
    reasons: str = "",
    summary: str = "",
    next_due: date | None = None,
) -> Case:
    """Move a case to `target` if the workflow allows it, and record who, when and why."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    check_transition(case.status, target)
    previous = case.status
    case.status = target
    case.next_due = next_due
    if target in (Status.CLOSED, Status.WITHDRAWN):
        case.closed_at = timezone.now()
    case.save(update_fields=["status", "next_due", "closed_at", "updated_at"])
    record_event(
        case,
        summary or Status(target).label,
        by=by,
        reasons=reasons,
        from_status=previous,
        to_status=target,
    )
    return case


@transaction.atomic
def assign_officer(case: Case, officer, *, by=None) -> Case:
    """Make `officer` the case's single point of contact, and record it."""
    case.assigned_officer = officer
    case.save(update_fields=["assigned_officer", "updated_at"])
    record_event(case, f"Assigned to {officer.full_name}", by=by)
    return case


@transaction.atomic
def acknowledge(case: Case, *, by) -> Case:
    """The single point of contact takes the case on and tells the applicant who they are."""
    case = transition(
        case,
        Status.ACKNOWLEDGED,
        by=by,
        next_due=case.threshold_decision_due,
        summary=f"Acknowledged by {by.full_name}",
    )
    if case.assigned_officer_id is None:
        assign_officer(case, by, by=by)
    queue_email(
        key=f"case:{case.pk}:acknowledged",
        to=case.applicant_email,
        template="acknowledged",
        context={"case": case, "officer": by, "area": case.area},
        topic="Application acknowledged",
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
) -> ThresholdDecision:
    """Record the officer's threshold decision, tell the applicant, and start the next stage.

    "Met" must agree with the engine: the statute's threshold is a fact, not a judgement.
    Anything else ("met on discretion", or "not met" against the engine) needs reasons.
    When a review goes ahead, every relevant body (and the optional members in `also_ask`)
    is asked for information in the same transaction: no case waits on a second click.
    """
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if case.status not in AWAITING_THRESHOLD_DECISION:
        raise DecisionRefused("The threshold has already been decided for this case.")
    complaints = list(case.complaints.select_related("reported_to"))
    engine = assess_case(case, complaints)
    _check_decision(engine, outcome, reasons, grounds)
    decision = ThresholdDecision.objects.create(
        area_id=case.area_id,
        case=case,
        outcome=outcome,
        engine_route=engine.route,
        engine_qualifying=engine.qualifying_complaints,
        engine_threshold=engine.threshold,
        grounds=list(grounds),
        reasons=reasons,
        decided_by=by,
        decided_at=timezone.now(),
    )
    if case.assigned_officer_id is None:
        assign_officer(case, by, by=by)  # whoever decides is the applicant's contact
    today = timezone.localdate()
    met = outcome != ThresholdDecision.Outcome.NOT_MET
    meeting_by = add_working_days(today, case.area.review_meeting_days)
    case = transition(
        case, OUTCOME_STATUS[outcome], by=by, reasons=reasons, next_due=meeting_by if met else None
    )
    letter = _threshold_letter(case, decision, engine, complaints, meeting_by, by)
    queue_email(
        key=f"case:{case.pk}:threshold:{decision.pk}",
        to=case.applicant_email,
        template="threshold_decision",
        context={"case": case, "decision": decision, "met": met},
        topic="Threshold decision",
        area=case.area,
        reference=case.reference,
        attachments=(File(letter.filename, "application/pdf", bytes(letter.pdf)),),
    )
    if met:
        notify_agencies(case, by=by, also_ask=also_ask)
    return decision


def _check_decision(engine, outcome, reasons, grounds):
    Outcome = ThresholdDecision.Outcome
    if outcome not in Outcome.values:
        raise DecisionRefused("Choose whether the threshold is met.")
    if outcome == Outcome.MET and not engine.threshold_met:
        raise DecisionRefused(
            "The reports do not meet the threshold. To hold a review anyway, choose "
            "'review on discretion' and give the reasons."
        )
    if outcome == Outcome.MET_ON_DISCRETION and not grounds:
        raise DecisionRefused("Choose at least one ground for ordering a review on discretion.")
    if outcome != Outcome.MET and not reasons.strip():
        raise DecisionRefused("Give the reasons for this decision: the applicant will read them.")
    unknown = set(grounds) - set(ThresholdDecision.Ground.values)
    if unknown:
        raise DecisionRefused("Choose grounds from the list.")


def _threshold_letter(case, decision, engine, complaints, meeting_by, by) -> Letter:
    findings = [{"complaint": complaints[f.index], "reason": f.reason} for f in engine.complaints]
    return write_letter(
        case,
        Letter.Kind.THRESHOLD_DECISION,
        "Your case review: the threshold is not met"
        if decision.outcome == "not_met"
        else "Your case review will go ahead",
        {
            "decision": decision,
            "findings": findings,
            "explanation": eligibility.explain(engine),
            "meeting_by": meeting_by,
            "officer_name": by.full_name,
            "grounds": [ThresholdDecision.Ground(g).label for g in decision.grounds],
            "appeal_by": add_working_days(timezone.localdate(), case.area.appeal_window_days),
        },
    )


# --- Information requests and returns (issue: multi-agency notification) -------------------

NOTIFIABLE = frozenset({Status.THRESHOLD_MET, Status.MET_ON_DISCRETION, Status.FURTHER_REVIEW})


class RequestRefused(ValueError):
    """Agencies cannot be asked, or a return cannot be accepted, as things stand."""


def agencies_to_ask(case: Case):
    """The area's memberships: relevant bodies are always asked; the others are optional."""
    memberships = case.area.memberships.select_related("agency").order_by("agency__name")
    required = [m for m in memberships if m.role == AreaMembership.Role.RELEVANT_BODY]
    optional = [m for m in memberships if m.role != AreaMembership.Role.RELEVANT_BODY]
    return required, optional


@transaction.atomic
def notify_agencies(case: Case, *, by, also_ask: tuple[int, ...] = ()) -> list[InformationRequest]:
    """Ask every relevant body, and the optional members the officer chose, for information.

    Every application must reach all relevant bodies (s104(3)); co-opted housing providers
    and other partners join when the case concerns them.
    """
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if case.status not in NOTIFIABLE:
        raise RequestRefused("Agencies can be asked only once a review has been decided on.")
    required, optional = agencies_to_ask(case)
    chosen = [m for m in optional if m.agency_id in set(also_ask)]
    if not required:
        raise RequestRefused(
            f"{case.area.name} has no relevant bodies set up. Ask your area admin to add them."
        )
    round_number = _next_round(case)
    now = timezone.now()
    due = add_working_days(timezone.localdate(), case.area.information_return_days)
    requests = [
        InformationRequest.objects.create(
            area_id=case.area_id,
            case=case,
            agency=m.agency,
            round=round_number,
            contact_name=m.contact_name,
            contact_email=m.contact_email,
            requested_at=now,
            requested_by=by,
            due_date=due,
        )
        for m in [*required, *chosen]
    ]
    for request in requests:
        _queue_request_email(request, "information_request", "Information requested")
    names = ", ".join(r.agency.name for r in requests)
    transition(
        case,
        Status.AGENCIES_NOTIFIED,
        by=by,
        next_due=due,
        summary=f"Agencies asked for information (round {round_number})",
        reasons=f"Asked: {names}. Due {due:%d %B %Y}.",
    )
    return requests


def _next_round(case: Case) -> int:
    last = case.information_requests.order_by("-round").values_list("round", flat=True).first()
    return (last or 0) + 1


def request_url(request: InformationRequest) -> str:
    return f"{settings.SITE_URL}{reverse('request_detail', args=[request.pk])}"


def _queue_request_email(
    request: InformationRequest, template: str, topic: str, *, to: str = "", key_suffix: str = ""
) -> None:
    queue_email(
        key=f"request:{request.pk}:{template}{key_suffix}",
        to=to or request.contact_email,
        template=template,
        topic=topic,
        area=request.case.area,
        reference=request.case.reference,
        context={"request": request, "case": request.case, "url": request_url(request)},
    )


@dataclass
class ReportData:
    reported_on: date
    summary: str
    reference: str = ""


@dataclass
class ReturnData:
    holds_no_information: bool = False
    actions_taken: str = ""
    risk_and_vulnerability: str = ""
    proposals: str = ""
    reports: list[ReportData] = field(default_factory=list)


@transaction.atomic
def submit_return(
    request: InformationRequest, data: ReturnData, *, by, files=()
) -> InformationReturn:
    """Record an agency's information, store its documents, and tell the case officer."""
    request = (
        InformationRequest.objects.select_for_update(of=("self",))
        .select_related("case__area", "case__assigned_officer", "agency")
        .get(pk=request.pk)
    )
    if request.status != InformationRequest.Status.REQUESTED:
        raise RequestRefused("This request has already been answered.")
    if by.agency_id != request.agency_id:
        raise RequestRefused("Only staff of the agency asked can return its information.")
    if not data.holds_no_information and not (data.reports or data.actions_taken.strip()):
        raise RequestRefused(
            "Add at least one report or the actions taken, or say that you hold no information."
        )
    checked = [uploads.check_file(f) for f in files]
    if len(checked) > uploads.MAX_FILES_PER_RETURN:
        raise RequestRefused(f"Attach at most {uploads.MAX_FILES_PER_RETURN} files.")
    now = timezone.now()
    info = InformationReturn.objects.create(
        area_id=request.area_id,
        request=request,
        submitted_by=by,
        submitted_at=now,
        holds_no_information=data.holds_no_information,
        actions_taken=data.actions_taken,
        risk_and_vulnerability=data.risk_and_vulnerability,
        proposals=data.proposals,
    )
    ReturnedReport.objects.bulk_create(
        ReturnedReport(area_id=request.area_id, information_return=info, **vars(r))
        for r in data.reports
    )
    for upload, check in zip(files, checked, strict=True):
        _store_document(request, upload, check, by, now)
    request.status = InformationRequest.Status.RETURNED
    request.save(update_fields=["status"])
    record_event(request.case, f"Information returned by {request.agency.name}", by=by)
    _tell_officer_of_return(request)
    return info


def _store_document(request, upload, check, by, now) -> Document:
    document = Document(
        area_id=request.area_id,
        case=request.case,
        information_request=request,
        original_name=check.name,
        content_type=check.content_type,
        size=check.size,
        uploaded_by=by,
        uploaded_at=now,
    )
    document.file.save(check.name, upload, save=False)
    document.save()
    return document


def _tell_officer_of_return(request: InformationRequest) -> None:
    officer = request.case.assigned_officer
    if officer is not None:
        _queue_request_email(
            request, "information_returned", "Information returned", to=officer.email
        )


@transaction.atomic
def send_information_reminders(today: date | None = None) -> tuple[int, int]:
    """Beat, once a working day: remind agencies before their request is due, and escalate
    overdue requests to the case officer and the area's admins. Each is sent once."""
    today = today or timezone.localdate()
    waiting = InformationRequest.objects.filter(
        status=InformationRequest.Status.REQUESTED
    ).select_related("case__area", "case__assigned_officer", "agency")
    reminded = escalated = 0
    remind_from = add_working_days(today, REMINDER_WORKING_DAYS)
    for request in waiting.filter(
        reminder_sent_at__isnull=True, due_date__gte=today, due_date__lte=remind_from
    ):
        _queue_request_email(request, "information_reminder", "Reminder: information due")
        request.reminder_sent_at = timezone.now()
        request.save(update_fields=["reminder_sent_at"])
        reminded += 1
    for request in waiting.filter(escalated_at__isnull=True, due_date__lt=today):
        _escalate(request)
        escalated += 1
    return reminded, escalated


REMINDER_WORKING_DAYS = 2


def _escalate(request: InformationRequest) -> None:
    for person in officer_and_admins(request.case):
        _queue_request_email(
            request,
            "information_overdue",
            "Information overdue",
            to=person.email,
            key_suffix=f":{person.pk}",
        )
    request.escalated_at = timezone.now()
    request.save(update_fields=["escalated_at"])
    record_event(
        request.case,
        f"Information from {request.agency.name} is overdue",
        reasons=f"It was due on {request.due_date:%d %B %Y}.",
    )


def officer_and_admins(case: Case):
    """The case's officer and the area's admins: whom the portal tells when the council must act."""
    from agencies.models import RoleAssignment, User

    people = {
        u.pk: u
        for u in User.objects.filter(
            is_active=True, roles__role=RoleAssignment.Role.AREA_ADMIN, roles__area=case.area_id
        )
    }
    if case.assigned_officer_id:
        people[case.assigned_officer_id] = case.assigned_officer
    return list(people.values())


# --- The applicant's private link: switch it off, or replace it ------------------------------


@transaction.atomic
def revoke_tracking_link(case: Case, *, by) -> None:
    """Stop the private link (and every browser session it opened) from working."""
    Case.objects.filter(pk=case.pk).update(tracking_revoked=True)
    record_event(case, "Private link switched off", by=by)


@transaction.atomic
def reissue_tracking_link(case: Case, *, by) -> str | None:
    """Replace the private link: the old one, and sessions it opened, stop working.

    The new link is emailed through the outbox when the applicant gave an email address
    (returns None). Otherwise the token is returned, for the officer to pass on by phone or
    post: it is shown once and only its hash is kept.
    """
    token = secrets.token_urlsafe(32)
    Case.objects.filter(pk=case.pk).update(
        tracking_token_hash=hash_token(token), tracking_revoked=False
    )
    event = record_event(case, "New private link issued; the old one no longer works", by=by)
    if not case.applicant_email:
        return token
    queue_email(
        key=f"case:{case.pk}:tracking-link:{event.pk}",
        to=case.applicant_email,
        template="tracking_link",
        context={"case": case, "tracking_url": tracking_url(token), "area": case.area},
        topic="New private link",
        area=case.area,
        reference=case.reference,
    )
    return None
