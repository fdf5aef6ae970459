"""Passing the application on: every relevant body checks its complaints (DOMAIN.md §5.1-2).

s104(3)(b) asks that every application be passed on to all the relevant bodies, and the
threshold is the bodies' decision. So on receipt each relevant body of the area, and each
co-opted housing provider a complaint was reported to (relevant_bodies), is asked to check
the applicant's complaints against its own records (found, not found, not ours) within the
area's threshold timescale; the single point of contact then records the bodies' decision
with these checks beside the engine's count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from agencies.models import AreaMembership
from agencies.reminders import remind_then_escalate
from agencies.site import site_url
from agencies.wording import Wording, as_words
from agencies.working_days import add_working_days
from notifications.services import queue_email
from triggers.history import record_event
from triggers.models import Case, ComplaintFinding, ThresholdCheck
from triggers.selectors import officer_and_admins
from triggers.workflow import AWAITING_THRESHOLD_DECISION

REMINDER_WORKING_DAYS = 2


class CheckRefused(ValueError):
    """A check that cannot be recorded as it stands (the message says why)."""


def relevant_bodies(case: Case) -> list[AreaMembership]:
    """The members of the case's area passed the application on receipt and asked to check
    it: the relevant bodies (council, police, health body) and the co-opted housing providers
    relevant to this application.

    Our rule (DOMAIN.md §5.1): a co-opted housing provider (Sch 4 para 5) is relevant to an
    application when any of its complaints was reported to it (the complaint's reported_to
    is that provider); it then holds one of the very complaints, so it is passed the
    application on receipt and checks it like the other bodies, and its responders see the
    case through that check (agencies/access.py). Other co-opted providers and partners are
    not asked on receipt; the officer may add them when asking for information."""
    reported_to = case.complaints.filter(reported_to__isnull=False).values("reported_to_id")
    return list(
        case.area.memberships.filter(
            Q(role=AreaMembership.Role.RELEVANT_BODY)
            | Q(role=AreaMembership.Role.CO_OPTED_HOUSING, agency_id__in=reported_to)
        )
        .select_related("agency")
        .order_by("agency__name")
    )


def request_checks(case: Case, *, by=None) -> list[ThresholdCheck]:
    """Ask every relevant body of the case's area to check the complaints. Called inside the
    transaction that records the application, so no application waits to be passed on."""
    received_on = timezone.localtime(case.received_at).date()
    due = add_working_days(received_on, case.area.threshold_decision_days)
    checks = _ask_bodies(case, round_number=1, due=due)
    if checks:
        record_event(
            case,
            Wording("Application passed on to the relevant bodies"),
            by=by,
            reasons=_asked(checks, due),
        )
    return checks


@transaction.atomic
def start_check_round(case: Case, *, by, reason: str | Wording) -> list[ThresholdCheck]:
    """A fresh threshold decision is ordered (an upheld appeal): every relevant body checks
    the complaints again, in a new round due by the area's threshold timescale from today.
    Checks of the earlier round still waiting are no longer needed: nobody is reminded."""
    earlier = current_round(case)
    closed = case.threshold_checks.filter(
        round__lte=earlier, status=ThresholdCheck.Status.REQUESTED
    ).update(status=ThresholdCheck.Status.CLOSED)
    round_number = earlier + 1
    due = add_working_days(timezone.localdate(), case.area.threshold_decision_days)
    checks = _ask_bodies(case, round_number=round_number, due=due)
    closing = (
        Wording(
            "%(count)s check of round %(round)s no longer needed.",
            plural="%(count)s checks of round %(round)s no longer needed.",
            count=closed,
            round=earlier,
        )
        if closed
        else ""
    )
    record_event(
        case,
        Wording(
            "The relevant bodies asked to check the complaints again (round %(round)s)",
            round=round_number,
        ),
        by=by,
        reasons=Wording.joined(as_words(reason), checks and _asked(checks, due), closing),
    )
    return checks


def current_round(case: Case) -> int:
    """The round of checks the bodies are on: 1 until a fresh decision is ordered."""
    last = case.threshold_checks.order_by("-round").values_list("round", flat=True).first()
    return last or 1


def _ask_bodies(case: Case, *, round_number: int, due: date) -> list[ThresholdCheck]:
    now = timezone.now()
    checks = [
        ThresholdCheck.objects.create(
            area_id=case.area_id,
            case=case,
            agency=m.agency,
            round=round_number,
            contact_name=m.contact_name,
            contact_email=m.contact_email,
            requested_at=now,
            due_date=due,
        )
        for m in relevant_bodies(case)
    ]
    for check in checks:
        _queue_check_email(check, "threshold_check_request", "Threshold check requested")
    return checks


def _asked(checks: list[ThresholdCheck], due) -> Wording:
    bodies = ", ".join(c.agency.name for c in checks)
    return Wording("Asked to check: %(bodies)s. Due %(due)s.", bodies=bodies, due=due)


def check_url(check: ThresholdCheck) -> str:
    return f"{site_url()}{reverse('threshold_check', args=[check.pk])}"


def _queue_check_email(
    check: ThresholdCheck, template: str, topic: str, *, to: str = "", key_suffix: str = ""
) -> None:
    # The email names the case and the body, never the applicant's email or phone.
    queue_email(
        key=f"check:{check.pk}:{template}{key_suffix}",
        to=to or check.contact_email,
        template=template,
        topic=topic,
        area=check.case.area,
        reference=check.case.reference,
        context={"check": check, "case": check.case, "url": check_url(check)},
    )


@dataclass
class FindingData:
    complaint_id: int
    finding: str
    reference: str = ""
    note: str = ""


@transaction.atomic
def record_check(check: ThresholdCheck, findings: list[FindingData], *, by) -> ThresholdCheck:
    """Record a body's finding on each of the applicant's complaints, and tell the officer."""
    check = (
        ThresholdCheck.objects.select_for_update(of=("self",))
        .select_related("case__area", "case__assigned_officer", "agency")
        .get(pk=check.pk)
    )
    if check.status != ThresholdCheck.Status.REQUESTED:
        raise CheckRefused(
            gettext("This check is closed: it has been recorded or is no longer needed.")
        )
    if by.agency_id != check.agency_id:
        raise CheckRefused(gettext("Only staff of the body asked can record its check."))
    complaint_ids = set(check.case.complaints.values_list("pk", flat=True))
    given = {f.complaint_id: f for f in findings}
    if set(given) != complaint_ids:
        raise CheckRefused(gettext("Give a finding for every complaint in the application."))
    if any(f.finding not in ComplaintFinding.Finding.values for f in findings):
        raise CheckRefused(gettext("Choose found, not found or not ours for every complaint."))
    ComplaintFinding.objects.bulk_create(
        ComplaintFinding(
            area_id=check.area_id,
            check_record=check,
            complaint_id=f.complaint_id,
            finding=f.finding,
            reference=f.reference.strip(),
            note=f.note.strip(),
        )
        for f in findings
    )
    check.status = ThresholdCheck.Status.CHECKED
    check.checked_by, check.checked_at = by, timezone.now()
    check.save(update_fields=["status", "checked_by", "checked_at"])
    found = sum(f.finding == ComplaintFinding.Finding.FOUND for f in findings)
    record_event(
        check.case,
        Wording("Complaints checked by %(body)s", body=check.agency.name),
        by=by,
        reasons=Wording(
            "Found in its records: %(found)s of %(total)s.", found=found, total=len(findings)
        ),
    )
    officer = check.case.assigned_officer
    if officer is not None:
        _queue_check_email(check, "threshold_checked", "Threshold check recorded", to=officer.email)
    return check


def close_checks(case: Case) -> int:
    """The threshold is decided: checks still waiting are no longer needed (never reminded)."""
    return case.threshold_checks.filter(status=ThresholdCheck.Status.REQUESTED).update(
        status=ThresholdCheck.Status.CLOSED
    )


@transaction.atomic
def send_check_reminders(today: date | None = None) -> tuple[int, int]:
    """Once a working day: remind bodies 2 working days before their check is due, and
    escalate overdue checks to the case officer and the area's admins. Each is sent once.
    Checks of a case whose threshold is decided are closed, and skipped here regardless, and
    so are those of a round that a later round replaced."""
    today = today or timezone.localdate()
    later_round = ThresholdCheck.objects.filter(case=OuterRef("case"), round__gt=OuterRef("round"))
    waiting = (
        ThresholdCheck.objects.filter(
            status=ThresholdCheck.Status.REQUESTED, case__status__in=AWAITING_THRESHOLD_DECISION
        )
        # Only the current round's: an earlier round's check is closed when a new one starts,
        # and is never reminded even if something left it open.
        .exclude(Exists(later_round))
        .select_related("case__area", "case__assigned_officer", "agency")
    )
    return remind_then_escalate(
        waiting,
        due="due_date",
        today=today,
        remind_days=REMINDER_WORKING_DAYS,
        remind=_remind,
        escalate=_escalate,
    )


def _remind(check: ThresholdCheck) -> None:
    _queue_check_email(check, "threshold_check_reminder", "Reminder: threshold check due")


def _escalate(check: ThresholdCheck) -> None:
    for person in officer_and_admins(check.case):
        _queue_check_email(
            check,
            "threshold_check_overdue",
            "Threshold check overdue",
            to=person.email,
            key_suffix=f":{person.pk}",
        )
    record_event(
        check.case,
        Wording("The threshold check by %(body)s is overdue", body=check.agency.name),
        reasons=Wording("It was due on %(day)s.", day=check.due_date),
    )


def reported_elsewhere(case: Case, complaints) -> set[int]:
    """Complaints made to someone who was not asked to check them (an MP, a councillor, a
    school). They still count (s104(11) asks only that a complaint was made), so the engine
    counts them; the bodies are shown them, to check with the person they were made to."""
    bodies = {m.agency_id for m in relevant_bodies(case)}
    return {c.pk for c in complaints if c.reported_to_id not in bodies}


def findings_table(case: Case, complaints, engine) -> tuple[list, list[dict]]:
    """The current round's checks beside the engine's count, for the threshold page: the
    checks, and one row per complaint with the engine's finding and each body's (None until
    checked)."""
    checks = list(
        case.threshold_checks.filter(round=current_round(case))
        .select_related("agency", "checked_by")
        .prefetch_related("findings")
    )
    by_check = {c.pk: {f.complaint_id: f for f in c.findings.all()} for c in checks}
    elsewhere = reported_elsewhere(case, complaints)
    rows = [
        {
            "complaint": complaint,
            "engine": counted,
            "bodies": [(c, by_check[c.pk].get(complaint.pk)) for c in checks],
            "elsewhere": complaint.pk in elsewhere,
        }
        for complaint, counted in zip(complaints, engine.complaints, strict=True)
    ]
    return checks, rows


def earlier_rounds(case: Case) -> list[dict]:
    """The rounds before the current one, for the record: each with its checks and the
    bodies' findings, newest first."""
    current = current_round(case)
    if current == 1:
        return []
    checks = (
        case.threshold_checks.filter(round__lt=current)
        .select_related("agency", "checked_by")
        .prefetch_related("findings__complaint")
        .order_by("-round", "agency__name")
    )
    rounds: dict[int, list] = {}
    for check in checks:
        rounds.setdefault(check.round, []).append(check)
    return [{"round": n, "checks": found} for n, found in rounds.items()]
