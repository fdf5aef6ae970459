"""Scheduling the review meeting: invitations with a calendar file, updates and cancellation.

Every invitee gets one email with an iCalendar (RFC 5545) attachment, so the meeting lands in
their calendar. The attachment's UID stays the same for the meeting's life and its SEQUENCE
goes up with every change, so a calendar program replaces the earlier invitation instead of
adding a second one. Each attendee's file names only that attendee: the applicant's email
address is not shown to the agencies, nor theirs to the applicant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar, Event, vCalAddress, vText

from agencies import language as languages
from agencies.models import Agency, AreaMembership, RoleAssignment, User
from agencies.site import site_url
from agencies.wording import Term, Wording, as_words
from agencies.working_days import add_working_days
from notifications.services import File, queue_email
from triggers.history import record_event, transition
from triggers.meetings.by_post import invite_by_post
from triggers.models import Case, ReviewMeeting
from triggers.recipients import Role as Party
from triggers.recipients import applicant_of, emailed, victim_of
from triggers.texts import text_people
from triggers.workflow import Status

Role = RoleAssignment.Role

# Who may chair: the area's own case officers and admins, and the independent chairs named
# for the area (users holding the review chair role for it), as the guidance recommends.
AREA_STAFF_ROLES = (Role.CASE_OFFICER, Role.AREA_ADMIN)


class MeetingRefused(ValueError):
    """A meeting that cannot be scheduled, changed or cancelled as things stand."""


@dataclass
class MeetingData:
    starts_at: datetime
    ends_at: datetime
    chair: User
    in_person: bool = True
    venue: str = ""
    online: bool = False
    online_link: str = ""
    chair_independent: bool = False
    agencies: list[Agency] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Invitee:
    email: str
    name: str
    # "chair", "agency", "applicant", "victim" or "other": the email's wording depends on it
    kind: str
    # The language their email and calendar file are written in: the applicant's and the
    # victim's recorded one (`triggers.recipients.language_of`, DOMAIN.md §5.12); staff and
    # agencies are written to in English.
    language: str = languages.ENGLISH

    @property
    def is_public(self) -> bool:
        """The applicant or the victim: people with no account, who follow a private link."""
        return self.kind in (Party.APPLICANT, Party.VICTIM)


def possible_chairs(case: Case):
    """Who may chair the case's review: the area's own staff and its named independent
    chairs, never the staff of other areas (issue #17)."""
    area = case.area_id
    named = Q(roles__role=Role.REVIEW_CHAIR, roles__area_id=area)
    staff = Q(roles__role__in=AREA_STAFF_ROLES, roles__area_id=area)
    return User.objects.filter(named | staff, is_active=True).distinct().order_by("full_name")


def review_deadline(case: Case) -> date | None:
    """The last day for holding the meeting: the area's review_meeting_days working days
    from the threshold decision (DOMAIN.md §3). None before a decision."""
    decision = case.threshold_decisions.order_by("-decided_at").first()
    if decision is None:
        return None
    decided_on = timezone.localtime(decision.decided_at).date()
    return add_working_days(decided_on, case.area.review_meeting_days)


def current_meeting(case: Case) -> ReviewMeeting | None:
    return (
        case.review_meetings.filter(status=ReviewMeeting.Status.SCHEDULED)
        .select_related("chair")
        .first()
    )


def _check(case: Case, data: MeetingData) -> None:
    if data.ends_at <= data.starts_at:
        raise MeetingRefused(gettext("The meeting must end after it starts."))
    if data.starts_at <= timezone.now():
        raise MeetingRefused(gettext("The meeting must start in the future."))
    if not (data.in_person or data.online):
        raise MeetingRefused(gettext("Choose whether people attend in person, online or both."))
    if data.in_person and not data.venue.strip():
        raise MeetingRefused(gettext("Enter where the meeting is held."))
    if data.online and not data.online_link.strip():
        raise MeetingRefused(gettext("Enter the link to join the meeting online."))
    if not possible_chairs(case).filter(pk=data.chair.pk).exists():
        raise MeetingRefused(gettext("Choose a chair from the list."))
    area_agencies = set(case.area.memberships.values_list("agency_id", flat=True))
    if any(a.pk not in area_agencies for a in data.agencies):
        raise MeetingRefused(gettext("Choose agencies from the list."))


def _apply(meeting: ReviewMeeting, data: MeetingData) -> None:
    meeting.starts_at = data.starts_at
    meeting.ends_at = data.ends_at
    meeting.in_person = data.in_person
    meeting.venue = data.venue.strip() if data.in_person else ""
    meeting.online = data.online
    meeting.online_link = data.online_link.strip() if data.online else ""
    meeting.chair = data.chair
    meeting.chair_independent = data.chair_independent
    meeting.invited_emails = sorted({e.strip().lower() for e in data.emails if e.strip()})


def current_round(case: Case) -> int:
    last = case.information_requests.order_by("-round").values_list("round", flat=True).first()
    return last or 1


@transaction.atomic
def schedule_review(case: Case, data: MeetingData, *, by) -> ReviewMeeting:
    """Arrange the review meeting, invite everyone, and move the case to 'review scheduled'."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if case.status != Status.AGENCIES_NOTIFIED:
        raise MeetingRefused(
            gettext(
                "A review meeting can be arranged once the agencies have been asked for "
                "information."
            )
        )
    _check(case, data)
    meeting = ReviewMeeting(
        area_id=case.area_id, case=case, round=current_round(case), created_by=by
    )
    _apply(meeting, data)
    meeting.save()
    meeting.invited_agencies.set(data.agencies)
    when = timezone.localtime(meeting.starts_at)
    transition(
        case,
        Status.REVIEW_SCHEDULED,
        by=by,
        next_due=when.date(),
        summary=Wording("Review meeting arranged for %(when)s", when=when),
        reasons=_describe(meeting),
    )
    for invitee in invitees(meeting):
        _send(meeting, invitee, "meeting_invitation", "REQUEST")
    invite_by_post(meeting)  # those with no email are invited by letter (§5.8, §5.9)
    text_people(case, "meeting_arranged", key=f"meeting:{meeting.pk}", topic="Review meeting")
    return meeting


@transaction.atomic
def reschedule_review(meeting: ReviewMeeting, data: MeetingData, *, by) -> ReviewMeeting:
    """Change the meeting: everyone still invited gets the update; anyone dropped from the
    invitation gets a cancellation, so no stale meeting stays in their calendar."""
    meeting = ReviewMeeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    case = meeting.case
    if meeting.status != ReviewMeeting.Status.SCHEDULED:
        raise MeetingRefused(gettext("Only a meeting that is still arranged can be changed."))
    _check(case, data)
    before = {i.email: i for i in invitees(meeting)}
    _apply(meeting, data)
    meeting.sequence += 1
    meeting.save()
    meeting.invited_agencies.set(data.agencies)
    after = invitees(meeting)
    when = timezone.localtime(meeting.starts_at)
    case.next_due = when.date()
    case.save(update_fields=["next_due", "updated_at"])
    record_event(
        case,
        Wording("Review meeting moved to %(when)s", when=when),
        by=by,
        reasons=_describe(meeting),
    )
    for invitee in after:
        _send(meeting, invitee, "meeting_updated", "REQUEST")
    kept = {i.email for i in after}
    for email, invitee in before.items():
        if email not in kept:
            _send(meeting, invitee, "meeting_cancelled", "CANCEL")
    return meeting


@transaction.atomic
def cancel_review(meeting: ReviewMeeting, *, by, reason: str) -> ReviewMeeting:
    """Call the meeting off, tell everyone invited, and send the case back to wait for a new
    date (its deadline is again the area's timescale from the threshold decision)."""
    meeting = ReviewMeeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if meeting.status != ReviewMeeting.Status.SCHEDULED:
        raise MeetingRefused(gettext("This meeting is no longer arranged."))
    if not reason.strip():
        # Everyone invited is told why (issue #17): a cancellation never goes out unexplained.
        raise MeetingRefused(gettext("Give the reason the meeting is cancelled."))
    _call_off(meeting, reason.strip())
    case = meeting.case
    transition(
        case,
        Status.AGENCIES_NOTIFIED,
        by=by,
        next_due=review_deadline(case),
        summary=Wording("Review meeting cancelled"),
        reasons=Term(reason.strip()),
    )
    return meeting


@transaction.atomic
def cancel_pending_meetings(case: Case, *, by, reason: str) -> list[ReviewMeeting]:
    """Call off every meeting of the case still arranged, without moving the case: its round
    has ended another way (an upheld appeal sends the case to a further review, whose meeting
    is arranged afresh). Everyone invited gets the cancellation and its calendar file."""
    pending = list(
        ReviewMeeting.objects.select_for_update(of=("self",)).filter(
            case=case, status=ReviewMeeting.Status.SCHEDULED
        )
    )
    for meeting in pending:
        _call_off(meeting, reason)
        when = timezone.localtime(meeting.starts_at)
        record_event(
            case,
            Wording("Review meeting of %(when)s cancelled", when=when),
            by=by,
            reasons=as_words(reason),
        )
    return pending


def _call_off(meeting: ReviewMeeting, reason: str) -> None:
    meeting.status = ReviewMeeting.Status.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence"])
    for invitee in invitees(meeting):
        # A reason the service gives (lazy) is worded in each invitee's language.
        _send(meeting, invitee, "meeting_cancelled", "CANCEL", reason=reason)


def invitees(meeting: ReviewMeeting) -> list[Invitee]:
    """Everyone invited, once each: the chair, each invited agency's contact for the case's
    area, the other people named, and the people of the case who receive its messages
    (`triggers.recipients`: the victim, the applicant or both) who have an email address."""
    case = meeting.case
    found: dict[str, Invitee] = {}

    def add(email, name, kind, language=languages.ENGLISH):
        email = (email or "").strip().lower()
        if email and email not in found:
            found[email] = Invitee(email, name, kind, language)

    add(meeting.chair.email, meeting.chair.full_name, "chair")
    contacts = AreaMembership.objects.filter(
        area_id=case.area_id, agency__in=meeting.invited_agencies.all()
    ).select_related("agency")
    for membership in contacts.order_by("agency__name"):
        add(membership.contact_email, membership.contact_name, "agency")
    for email in meeting.invited_emails:
        add(email, "", "other")
    for person in emailed(case):
        add(person.email, person.name, person.role, person.language)
    return list(found.values())


def party_invitee(case: Case, party: str = Party.APPLICANT) -> Invitee:
    """The applicant, or the victim, as an invitee: for the calendar file their own private
    link offers, in their language (with no email address, the file names no attendee)."""
    person = victim_of(case) if party == Party.VICTIM else applicant_of(case)
    return Invitee(person.email or "", person.name, person.role, person.language)


def _send(meeting, invitee: Invitee, template: str, method: str, *, reason: str = "") -> None:
    case = meeting.case
    ics = calendar_file(meeting, invitee, method)
    queue_email(
        key=f"meeting:{meeting.pk}:{meeting.sequence}:{template}:{invitee.email}",
        to=invitee.email,
        template=template,
        context={
            "case": case,
            "meeting": meeting,
            "invitee": invitee,
            "starts": timezone.localtime(meeting.starts_at),
            "ends": timezone.localtime(meeting.ends_at),
            "reason": reason,
            # The applicant has no account: their private link is in their other emails.
            "case_url": "" if invitee.is_public else _case_url(case),
        },
        topic="Review meeting",
        language=invitee.language,
        area=case.area,
        reference=case.reference,
        attachments=(
            File(f"review-meeting-{case.reference}.ics", f"text/calendar; method={method}", ics),
        ),
    )


def _case_url(case: Case) -> str:
    return f"{site_url()}{reverse('case_detail', args=[case.area.slug, case.reference])}"


def _organizer(meeting: ReviewMeeting) -> tuple[str, str]:
    area = meeting.case.area
    if area.spoc_email:
        return area.spoc_email, area.spoc_name or area.name
    return meeting.created_by.email, meeting.created_by.full_name


def calendar_file(meeting: ReviewMeeting, invitee: Invitee, method: str = "REQUEST") -> bytes:
    """The meeting as an iCalendar file for one invitee (times in UTC), its words in their
    language."""
    with translation.override(languages.ACTIVATE.get(invitee.language, "en-gb")):
        return _calendar(meeting, invitee, method)


def _calendar(meeting: ReviewMeeting, invitee: Invitee, method: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//ASB Case Review//Review meeting//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    # The reference, never a name: calendars are often shared or synced to phones.
    # In the active language: each invitee's own, and the private link page's.
    event.add(
        "summary",
        gettext("ASB case review meeting (%(reference)s)") % {"reference": meeting.case.reference},
    )
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    places = [p for p in (meeting.venue if meeting.in_person else "", meeting.online_link) if p]
    if places:
        event.add("location", " / ".join(places))
    if meeting.online and meeting.online_link:
        event.add("url", meeting.online_link)
    event.add("description", _describe(meeting).say())
    email, name = _organizer(meeting)
    organizer = vCalAddress(f"mailto:{email}")
    organizer.params["cn"] = vText(name)
    event.add("organizer", organizer)
    if invitee.email:
        event.add("attendee", _attendee(invitee))
    cal.add_component(event)
    return cal.to_ical()


def _attendee(invitee: Invitee) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{invitee.email}")
    if invitee.name:
        attendee.params["cn"] = vText(invitee.name)
    attendee.params["role"] = vText("CHAIR" if invitee.kind == "chair" else "REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    attendee.params["rsvp"] = vText("TRUE")
    return attendee


def _describe(meeting: ReviewMeeting) -> Wording:
    """How the meeting is held and who chairs it: said in the active language for a calendar
    file, kept in the case's history for its reader's."""
    ways = []
    if meeting.in_person:
        ways.append(Wording("In person at %(venue)s", venue=meeting.venue))
    if meeting.online:
        ways.append(Wording("Online: %(link)s", link=meeting.online_link))
    chair = meeting.chair.full_name
    if meeting.chair_independent:
        chair = Wording("%(chair)s (independent of the agencies involved)", chair=chair)
    return Wording.joined(*ways, Wording("Chair: %(chair)s", chair=chair), sep="\n")
