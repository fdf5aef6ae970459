"""The information stage: the bodies are asked for what they know, return it, and are
reminded (and the council told) when a return is late.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from agencies.reminders import remind_then_escalate
from agencies.site import site_url
from agencies.wording import Wording, as_words
from agencies.working_days import add_working_days
from notifications.services import queue_email
from triggers import counts, uploads
from triggers.history import completed, record_event, transition
from triggers.models import (
    Case,
    Document,
    DraftReturn,
    InformationRequest,
    InformationReturn,
    ReturnedReport,
)
from triggers.selectors import officer_and_admins
from triggers.threshold.checks import relevant_bodies
from triggers.workflow import Status

NOTIFIABLE = frozenset({Status.THRESHOLD_MET, Status.MET_ON_DISCRETION, Status.FURTHER_REVIEW})
# The statuses in which the bodies' information is still awaited for the coming meeting.
WAITING_FOR_REVIEW = (Status.AGENCIES_NOTIFIED, Status.REVIEW_SCHEDULED)


class RequestRefused(ValueError):
    """Agencies cannot be asked, or a return cannot be accepted, as things stand."""


def agencies_to_ask(case: Case):
    """The area's memberships: the bodies passed the application on receipt (the relevant
    bodies, and the co-opted housing providers a complaint was reported to: see
    threshold.checks.relevant_bodies) are always asked; the others are optional."""
    required = relevant_bodies(case)
    asked = {m.pk for m in required}
    memberships = case.area.memberships.select_related("agency").order_by("agency__name")
    optional = [m for m in memberships if m.pk not in asked]
    return required, optional


def reported_to_among(case: Case, optional) -> list[str]:
    """The optional members the applicant reported the behaviour to (a housing provider,
    say): the forms that choose whom else to ask start with them ticked (issue #17)."""
    reported = set(
        case.complaints.filter(reported_to__isnull=False).values_list("reported_to_id", flat=True)
    )
    return [str(m.agency_id) for m in optional if m.agency_id in reported]


@transaction.atomic
def notify_agencies(case: Case, *, by, also_ask: tuple[int, ...] = ()) -> list[InformationRequest]:
    """Ask every relevant body, and the optional members the officer chose, for information.

    Every application must reach all relevant bodies (s104(3)); co-opted housing providers
    and other partners join when the case concerns them.
    """
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if case.status not in NOTIFIABLE:
        raise RequestRefused(
            gettext("Agencies can be asked only once a review has been decided on.")
        )
    required, optional = agencies_to_ask(case)
    chosen = [m for m in optional if m.agency_id in set(also_ask)]
    if not required:
        raise RequestRefused(
            gettext("%(area)s has no relevant bodies set up. Ask your area admin to add them.")
            % {"area": case.area.name}
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
    counts.requests_changed(case.pk)
    for request in requests:
        _queue_request_email(request, "information_request", "Information requested")
    names = ", ".join(r.agency.name for r in requests)
    transition(
        case,
        Status.AGENCIES_NOTIFIED,
        by=by,
        next_due=due,
        summary=Wording("Agencies asked for information (round %(round)s)", round=round_number),
        reasons=Wording("Asked: %(bodies)s. Due %(due)s.", bodies=names, due=due),
    )
    return requests


def _next_round(case: Case) -> int:
    last = case.information_requests.order_by("-round").values_list("round", flat=True).first()
    return (last or 0) + 1


def request_url(request: InformationRequest) -> str:
    return f"{site_url()}{reverse('request_detail', args=[request.pk])}"


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
    """Record an agency's information, store its documents, and tell the case officer.

    A return already sent may be corrected and sent again until the review is held: the
    return is replaced, the history records each submission and the officer is told."""
    request = _request_to_answer(request, by)
    if not data.holds_no_information and not (data.reports or data.actions_taken.strip()):
        raise RequestRefused(
            gettext(
                "Add at least one report or the actions taken, or say that you hold no information."
            )
        )
    checked = [uploads.check_file(f) for f in files]
    if len(checked) > uploads.MAX_FILES_PER_RETURN:
        raise RequestRefused(
            gettext("Attach at most %(n)s files.") % {"n": uploads.MAX_FILES_PER_RETURN}
        )
    now = timezone.now()
    answers = {
        "submitted_by": by,
        "submitted_at": now,
        "holds_no_information": data.holds_no_information,
        "actions_taken": data.actions_taken,
        "risk_and_vulnerability": data.risk_and_vulnerability,
        "proposals": data.proposals,
    }
    correcting = request.status == InformationRequest.Status.RETURNED
    if correcting:
        info = request.information_return
        submitted_before = info.submitted_at  # the return counted on that day until now
        for name, value in answers.items():
            setattr(info, name, value)
        info.submissions += 1
        info.save()
        info.reports.all().delete()
    else:
        info = InformationReturn.objects.create(area_id=request.area_id, request=request, **answers)
    ReturnedReport.objects.bulk_create(
        ReturnedReport(area_id=request.area_id, information_return=info, **vars(r))
        for r in data.reports
    )
    for upload, check in zip(files, checked, strict=True):
        _store_document(request, upload, check, by, now)
    DraftReturn.objects.filter(request=request).delete()
    completed(request.case, "information_returned", now, submitted_before if correcting else None)
    if correcting:
        record_event(
            request.case,
            Wording("Information corrected by %(body)s", body=request.agency.name),
            by=by,
            reasons=Wording(
                "Submission %(number)s replaces the information sent before.",
                number=info.submissions,
            ),
        )
        _tell_officer_of_return(request, "information_corrected", key_suffix=f":{info.submissions}")
    else:
        request.status = InformationRequest.Status.RETURNED
        request.save(update_fields=["status"])
        counts.requests_changed(request.case_id)
        returned = Wording("Information returned by %(body)s", body=request.agency.name)
        record_event(request.case, returned, by=by)
        _tell_officer_of_return(request, "information_returned")
    return info


def _request_to_answer(request: InformationRequest, by) -> InformationRequest:
    """The request, locked, if `by` may send (or correct) its return now."""
    request = (
        InformationRequest.objects.select_for_update(of=("self",))
        .select_related("case__area", "case__assigned_officer", "agency")
        .get(pk=request.pk)
    )
    if request.status == InformationRequest.Status.NO_LONGER_NEEDED:
        raise RequestRefused(
            gettext(
                "This request is no longer needed: %(reason)s. Nothing more is needed from "
                "your agency for it."
            )
            % {"reason": request.closed_reason or gettext("its purpose has ended")}
        )
    if by.agency_id != request.agency_id:
        raise RequestRefused(gettext("Only staff of the agency asked can return its information."))
    if request.status == InformationRequest.Status.RETURNED and not may_correct(request):
        raise RequestRefused(
            gettext(
                "The review has been held, so this information can no longer be changed. If "
                "something in it is wrong, tell the case officer."
            )
        )
    return request


def may_correct(request: InformationRequest) -> bool:
    """A return sent can be corrected until the review it is for is held (or the case moves
    on to a later round of review)."""
    latest = _next_round(request.case) - 1
    return request.case.status in WAITING_FOR_REVIEW and request.round == latest


@transaction.atomic
def save_draft(request: InformationRequest, answers: dict, *, by) -> DraftReturn:
    """Keep what a responder typed, unsent: the request stays open, its deadline unchanged,
    nobody is told and nothing is recorded in the case's history."""
    request = _request_to_answer(request, by)
    if request.status != InformationRequest.Status.REQUESTED:
        raise RequestRefused(
            gettext("This information has been sent: change it and send it again.")
        )
    draft, _ = DraftReturn.objects.update_or_create(
        request=request,
        defaults={
            "area_id": request.area_id,
            "answers": answers,
            "saved_by": by,
            "saved_at": timezone.now(),
        },
    )
    return draft


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


def _tell_officer_of_return(request: InformationRequest, template: str, key_suffix="") -> None:
    officer = request.case.assigned_officer
    topic = (
        "Information corrected" if template == "information_corrected" else "Information returned"
    )
    if officer is not None:
        _queue_request_email(request, template, topic, to=officer.email, key_suffix=key_suffix)


@transaction.atomic
def close_open_requests(case: Case, reason: str | Wording, by=None) -> list[InformationRequest]:
    """Close every request of the case still waiting for information: its purpose has ended
    (the review was held, the case was withdrawn or closed; DOMAIN.md §5.4). Closed requests
    are never reminded or escalated, and can no longer be answered. Recorded in the history;
    called by the services that end the purpose, inside their transaction."""
    waiting = list(
        InformationRequest.objects.select_for_update(of=("self",))
        .filter(case=case, status=InformationRequest.Status.REQUESTED)
        .select_related("agency")
        .order_by("agency__name")
    )
    if not waiting:
        return []
    now = timezone.now()
    for request in waiting:
        request.status = InformationRequest.Status.NO_LONGER_NEEDED
        request.closed_at = now
        request.closed_reason = str(reason)[:200]
        request.save(update_fields=["status", "closed_at", "closed_reason"])
    counts.requests_changed(case.pk)
    record_event(
        case,
        Wording("Information requests closed: no longer needed"),
        by=by,
        reasons=Wording.joined(
            as_words(reason),
            Wording(
                "Not returned by: %(bodies)s.", bodies=", ".join(r.agency.name for r in waiting)
            ),
        ),
    )
    return waiting


@transaction.atomic
def send_information_reminders(today: date | None = None) -> tuple[int, int]:
    """Beat, once a working day: remind agencies before their request is due, and escalate
    overdue requests to the case officer and the area's admins. Each is sent once."""
    today = today or timezone.localdate()
    # Only requests still waiting, of cases still waiting for their review: a request whose
    # purpose ended is closed (close_open_requests) and never touched again.
    waiting = InformationRequest.objects.filter(
        status=InformationRequest.Status.REQUESTED, case__status__in=WAITING_FOR_REVIEW
    ).select_related("case__area", "case__assigned_officer", "agency")
    return remind_then_escalate(
        waiting,
        due="due_date",
        today=today,
        remind_days=REMINDER_WORKING_DAYS,
        remind=_remind,
        escalate=_escalate,
    )


REMINDER_WORKING_DAYS = 2


def _remind(request: InformationRequest) -> None:
    _queue_request_email(request, "information_reminder", "Reminder: information due")


def _escalate(request: InformationRequest) -> None:
    for person in officer_and_admins(request.case):
        _queue_request_email(
            request,
            "information_overdue",
            "Information overdue",
            to=person.email,
            key_suffix=f":{person.pk}",
        )
    record_event(
        request.case,
        Wording("Information from %(body)s is overdue", body=request.agency.name),
        reasons=Wording("It was due on %(day)s.", day=request.due_date),
    )
