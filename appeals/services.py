"""Every change to an appeal: lodging, deciding, reminders. One transaction each, with the
case's history (`triggers.services.record_event` / `transition`) and the outbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from agencies import access
from agencies.models import Agency, User
from agencies.site import site_url
from agencies.working_days import add_working_days
from notifications.services import queue_email
from triggers import uploads
from triggers.closing.services import cancel_scheduled_closure
from triggers.history import record_event, transition
from triggers.letters import send_letter, write_letter
from triggers.meetings.services import cancel_pending_meetings
from triggers.models import Case, Channel, Letter
from triggers.selectors import (
    appeal_deadline,
    appealable_letter,
    last_day_to_appeal,
    officer_and_admins,
)
from triggers.threshold.checks import start_check_round
from triggers.workflow import Status

from .models import Appeal, AppealDocument, AppealGround
from .selectors import pcc_officers

REMINDER_WORKING_DAYS = 3
MAX_FILES = uploads.MAX_FILES_PER_RETURN


class AppealRefused(ValueError):
    """An appeal, or a decision on one, that cannot be accepted as it stands."""


class LateAppeal(AppealRefused):
    """Lodged after the area's window: refused unless staff accept it with a reason."""

    def __init__(self, appeal_by: date):
        self.appeal_by = appeal_by
        super().__init__(
            f"The time to appeal ended on {appeal_by:%-d %B %Y}. Contact the council's case "
            "review team: they can accept a late appeal if there is a good reason."
        )


@dataclass(frozen=True)
class Appealable:
    """What an applicant may appeal now: the letter, the decision it records, the deadline."""

    letter: Letter
    decision: str
    appeal_by: date

    def is_late(self, today: date | None = None) -> bool:
        return (today or timezone.localdate()) > self.appeal_by


def appealable(case: Case) -> Appealable | None:
    """The decision the applicant may appeal now, or None: nothing to appeal, an appeal is
    waiting for the PCC, or the PCC has already decided an appeal against that letter (the
    procedure's last stage: one appeal per decision)."""
    letter = appealable_letter(case)
    if letter is None or Appeal.objects.filter(letter=letter).exists():
        return None
    # A letter still waiting for the post has no window running yet (DOMAIN.md §5.8): an
    # appeal now is in time, and its window could end no earlier than one served today.
    appeal_by = last_day_to_appeal(letter, case.area) or appeal_deadline(
        timezone.localdate(), case.area
    )
    # The decision's values are the letter's kinds: what the appeal is against.
    return Appealable(letter, letter.kind, appeal_by)


@dataclass
class AppealData:
    grounds: list[str]
    explanation: str
    files: list = field(default_factory=list)
    late_reason: str = ""
    channel: str = Channel.ONLINE


def pcc_office_for(case: Case) -> Agency:
    office = Agency.objects.filter(
        kind=Agency.Kind.PCC_OFFICE, force_area_id=case.area.force_area_id
    ).first()
    if office is None:
        raise AppealRefused(
            f"No Police and Crime Commissioner's office is set up for {case.area.name}. "
            "Ask your platform admin to add it."
        )
    return office


@transaction.atomic
def lodge_appeal(case: Case, data: AppealData, *, by: User | None = None) -> Appeal:
    """Record an appeal from the applicant (by=None, their private link) or from staff for
    them, route it to the PCC's office, and tell everyone concerned."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    target = appealable(case)
    if target is None:
        raise AppealRefused("There is no decision on this case that can be appealed now.")
    _check_appeal(data, target.decision)
    late_reason = data.late_reason.strip()
    if target.is_late() and not (by is not None and late_reason):
        raise LateAppeal(target.appeal_by)
    checked = [uploads.check_file(f) for f in data.files]
    now = timezone.now()
    appeal = Appeal.objects.create(
        area_id=case.area_id,
        case=case,
        letter=target.letter,
        appealed_decision=target.decision,
        pcc_office=pcc_office_for(case),
        explanation=data.explanation.strip(),
        channel=data.channel if by is not None else Channel.ONLINE,
        recorded_by=by,
        lodged_at=now,
        appeal_by=target.appeal_by,
        late_reason=late_reason if target.is_late() else "",
        previous_status=case.status,
        decision_due=add_working_days(timezone.localdate(), case.area.appeal_decision_days),
    )
    AppealGround.objects.bulk_create(
        AppealGround(area_id=case.area_id, appeal=appeal, ground=g)
        for g in Appeal.Ground.values
        if g in data.grounds
    )
    for upload, check in zip(data.files, checked, strict=True):
        _store_document(appeal, upload, check, now)
    cancel_scheduled_closure(case, by=by, why="The applicant appealed.")
    transition(
        case,
        Status.APPEALED,
        by=by,
        next_due=appeal.decision_due,
        summary=f"Appeal lodged with {appeal.pcc_office.name}",
        reasons=_lodged_reasons(appeal),
    )
    _queue_lodged_emails(appeal)
    return appeal


def _check_appeal(data: AppealData, decision: str) -> None:
    if not data.grounds:
        raise AppealRefused("Choose at least one reason for appealing.")
    if set(data.grounds) - set(Appeal.Ground.values):
        raise AppealRefused("Choose reasons from the list.")
    wrong = [g for g in Appeal.Ground.values if g in data.grounds]
    wrong = [g for g in wrong if g not in Appeal.grounds_for(decision)]
    if wrong:
        raise AppealRefused(
            f"'{Appeal.Ground(wrong[0]).label}' is not a reason to appeal against "
            f"{Appeal.Decision(decision).label.lower()}: choose reasons from the list."
        )
    if not data.explanation.strip():
        raise AppealRefused("Explain why you are appealing.")
    if data.channel not in Channel.values:
        raise AppealRefused("Choose how the appeal was made.")
    if len(data.files) > MAX_FILES:
        raise AppealRefused(f"Attach at most {MAX_FILES} files.")


def _lodged_reasons(appeal: Appeal) -> str:
    text = f"Against: {appeal.get_appealed_decision_display().lower()}. "
    text += f"Decision due {appeal.decision_due:%-d %B %Y}."
    if appeal.late_reason:
        text += (
            f" Accepted after the deadline of {appeal.appeal_by:%-d %B %Y}: {appeal.late_reason}"
        )
    return text


def _store_document(appeal, upload, check, now) -> AppealDocument:
    document = AppealDocument(
        area_id=appeal.area_id,
        appeal=appeal,
        original_name=check.name,
        content_type=check.content_type,
        size=check.size,
        uploaded_at=now,
    )
    document.file.save(check.name, upload, save=False)
    document.save()
    return document


# --- Who hears about an appeal ----------------------------------------------------------------


def appeal_url(appeal: Appeal) -> str:
    return f"{site_url()}{reverse('appeals:detail', args=[appeal.pk])}"


def case_url(case: Case) -> str:
    return f"{site_url()}{reverse('case_detail', args=[case.area.slug, case.reference])}"


def _email(appeal: Appeal, template: str, topic: str, to: str, key: str, **extra) -> None:
    queue_email(
        key=f"appeal:{appeal.pk}:{key}",
        to=to,
        template=template,
        topic=topic,
        area=appeal.case.area,
        reference=appeal.case.reference,
        context={
            "appeal": appeal,
            "case": appeal.case,
            "appeal_url": appeal_url(appeal),
            "case_url": case_url(appeal.case),
            **extra.pop("context", {}),
        },
        **extra,
    )


def _queue_lodged_emails(appeal: Appeal) -> None:
    case = appeal.case
    _email(appeal, "appeal_received", "Appeal received", case.applicant_email, "received")
    for person in officer_and_admins(case):
        _email(appeal, "appeal_lodged", "Appeal lodged", person.email, f"lodged:{person.pk}")
    for person in pcc_officers(appeal):
        _email(appeal, "appeal_to_pcc", "Appeal to decide", person.email, f"to_pcc:{person.pk}")


# --- The PCC's decision -------------------------------------------------------------------------


@dataclass
class Finding:
    ground: str
    made_out: bool
    finding: str


@dataclass
class DecisionData:
    upheld: bool
    reasons: str
    findings: list[Finding]
    remedy: str = ""
    points_to_address: str = ""


@transaction.atomic
def decide_appeal(appeal: Appeal, data: DecisionData, *, by: User) -> Appeal:
    """Record the PCC's finding on each ground and the decision, send the case where the
    decision says, write the letter, and tell the applicant and the council."""
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("case__area", "case__assigned_officer", "pcc_office")
        .get(pk=appeal.pk)
    )
    if appeal.status != Appeal.Status.LODGED:
        raise AppealRefused("This appeal has already been decided.")
    if not access.decides_appeals_of(by, appeal.case.area):
        raise AppealRefused("Only the Police and Crime Commissioner's office decides appeals.")
    grounds = {g.ground: g for g in appeal.grounds.all()}
    _check_decision(appeal, data, grounds)
    for finding in data.findings:
        row = grounds[finding.ground]
        row.made_out, row.finding = finding.made_out, finding.finding.strip()
        row.save(update_fields=["made_out", "finding"])
    appeal.status = Appeal.Status.UPHELD if data.upheld else Appeal.Status.NOT_UPHELD
    appeal.remedy = data.remedy if data.upheld else ""
    appeal.reasons = data.reasons.strip()
    appeal.points_to_address = data.points_to_address.strip() if data.upheld else ""
    appeal.decided_by, appeal.decided_at = by, timezone.now()
    appeal.save()
    _move_case(appeal, by)
    letter = _decision_letter(appeal, by)
    _queue_decision_emails(appeal, letter)
    return appeal


def _check_decision(appeal: Appeal, data: DecisionData, grounds: dict) -> None:
    if {f.ground for f in data.findings} != set(grounds):
        raise AppealRefused("Record a finding on every ground of the appeal.")
    if any(not f.finding.strip() for f in data.findings):
        raise AppealRefused("Explain the finding on every ground.")
    if not data.reasons.strip():
        raise AppealRefused("Give the reasons for the decision: the applicant will read them.")
    made_out = any(f.made_out for f in data.findings)
    if data.upheld and not made_out:
        raise AppealRefused("An upheld appeal needs at least one ground found made out.")
    if not data.upheld and made_out:
        raise AppealRefused(
            "A ground is found made out: uphold the appeal, or change that finding."
        )
    if data.upheld:
        if data.remedy not in remedies_for(appeal):
            raise AppealRefused("Choose what must happen next.")
        if not data.points_to_address.strip():
            raise AppealRefused("Say what the council must address.")


def remedies_for(appeal: Appeal) -> list[str]:
    """A fresh threshold decision only answers a threshold appeal; any upheld appeal may
    send the case to a further review."""
    if appeal.appealed_decision == Appeal.Decision.THRESHOLD:
        return [Appeal.Remedy.FRESH_THRESHOLD_DECISION, Appeal.Remedy.FURTHER_REVIEW]
    return [Appeal.Remedy.FURTHER_REVIEW]


def _move_case(appeal: Appeal, by: User) -> None:
    area = appeal.case.area
    if appeal.status != Appeal.Status.UPHELD:
        transition(
            appeal.case,
            appeal.previous_status,
            by=by,
            summary="Appeal not upheld: the decision stands",
            reasons=appeal.reasons,
        )
        return
    if appeal.remedy == Appeal.Remedy.FRESH_THRESHOLD_DECISION:
        due = add_working_days(timezone.localdate(), area.threshold_decision_days)
    else:
        due = add_working_days(timezone.localdate(), area.information_return_days)
    transition(
        appeal.case,
        appeal.remedy,
        by=by,
        next_due=due,
        summary=f"Appeal upheld: {appeal.get_remedy_display().lower()}",
        reasons=f"To address: {appeal.points_to_address}",
    )
    # The earlier round is over: a meeting still arranged for it is called off.
    cancel_pending_meetings(appeal.case, by=by, reason="The appeal was upheld.")
    if appeal.remedy == Appeal.Remedy.FRESH_THRESHOLD_DECISION:
        start_check_round(appeal.case, by=by, reason="The appeal was upheld.")


def _decision_letter(appeal: Appeal, by: User) -> Letter:
    upheld = appeal.status == Appeal.Status.UPHELD
    return write_letter(
        appeal.case,
        Letter.Kind.APPEAL_DECISION,
        "Your appeal is upheld" if upheld else "Your appeal is not upheld",
        {
            "appeal": appeal,
            "grounds": list(appeal.grounds.all()),
            "upheld": upheld,
            "officer_name": by.full_name,
            "signed_for": appeal.pcc_office.name,
        },
    )


def _queue_decision_emails(appeal: Appeal, letter: Letter) -> None:
    send_letter(
        letter,
        template="appeal_decision",
        key=f"appeal:{appeal.pk}:decision",
        topic="Appeal decision",
        text="appeal_decided",
        context={
            "appeal": appeal,
            "appeal_url": appeal_url(appeal),
            "case_url": case_url(appeal.case),
        },
    )
    for person in officer_and_admins(appeal.case):
        _email(appeal, "appeal_decided", "Appeal decided", person.email, f"decided:{person.pk}")


# --- Reminders and escalation (beat) ------------------------------------------------------------


@transaction.atomic
def send_appeal_reminders(today: date | None = None) -> tuple[int, int]:
    """Beat, once a working day: remind the PCC's office before an appeal's decision is due,
    and escalate to the office and the council once it is overdue. Each is sent once."""
    today = today or timezone.localdate()
    waiting = Appeal.objects.filter(status=Appeal.Status.LODGED).select_related(
        "case__area", "case__assigned_officer", "pcc_office"
    )
    reminded = escalated = 0
    remind_from = add_working_days(today, REMINDER_WORKING_DAYS)
    for appeal in waiting.filter(
        reminder_sent_at__isnull=True, decision_due__gte=today, decision_due__lte=remind_from
    ):
        for person in pcc_officers(appeal):
            _email(
                appeal,
                "appeal_reminder",
                "Reminder: appeal due",
                person.email,
                f"remind:{person.pk}",
            )
        appeal.reminder_sent_at = timezone.now()
        appeal.save(update_fields=["reminder_sent_at"])
        reminded += 1
    for appeal in waiting.filter(escalated_at__isnull=True, decision_due__lt=today):
        _escalate(appeal)
        escalated += 1
    return reminded, escalated


def _escalate(appeal: Appeal) -> None:
    for person in [*pcc_officers(appeal), *officer_and_admins(appeal.case)]:
        _email(appeal, "appeal_overdue", "Appeal overdue", person.email, f"overdue:{person.pk}")
    appeal.escalated_at = timezone.now()
    appeal.save(update_fields=["escalated_at"])
    record_event(
        appeal.case,
        "The appeal's decision is overdue",
        reasons=f"The PCC's decision was due on {appeal.decision_due:%-d %B %Y}.",
    )
