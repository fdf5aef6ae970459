"""The application stage: an application, however it arrived, becomes a case.

Every change to a case is a service like these: one function per use case, each in one
transaction with history. Views, API endpoints, tasks and commands call them; none of them
writes a case model directly.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from agencies.models import Agency, Area
from agencies.wording import Term, Wording
from agencies.working_days import add_working_days
from notifications.services import queue_email
from triggers import counts
from triggers.history import completed, record_event
from triggers.models import (
    Case,
    Channel,
    Complaint,
    ConsentHow,
    ContactMethod,
    Language,
    ReferenceCounter,
    SendTo,
)
from triggers.people import consent_words
from triggers.recipients import Role, applicant_of, default_send_to, emailed
from triggers.texts import text_people
from triggers.threshold.checks import request_checks
from triggers.tracking.services import (
    hash_token,
    issue_victim_link,
    reissue_tracking_link,
    tracking_url,
)


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
    # The victim as a party (DOMAIN.md §5.9): what their consent covers, how and when it was
    # given, their own contact details, and who receives the case's messages.
    victim_consent_share: bool = False
    victim_consent_contact: bool = False
    victim_consent_how: str = ""
    victim_consent_on: date | None = None
    victim_email: str = ""
    victim_phone: str = ""
    victim_address: str = ""
    victim_postcode: str = ""
    victim_contact_method: str = ""
    victim_adjustments: str = ""
    # The language the victim chose ("en" or "cy", DOMAIN.md §5.12): known before the case
    # exists, so that their receipt, queued with the case, is written in it.
    victim_language: str = "en"
    send_to: str = ""
    behaviour_location: str = ""
    others_affected: str = ""
    impact: str = ""
    desired_outcome: str = ""
    contact_method: str = "email"
    adjustments: str = ""
    # The language the applicant applied in, or chose when staff recorded the application
    # ("en" or "cy", DOMAIN.md §5.12): their messages are written in it.
    applicant_language: str = "en"
    extra: dict = field(default_factory=dict)

    # What the check pages show of the victim's answers, in words of the page's language
    # (the same words as the record's in English: `consent_covers`, `SendTo`).
    @property
    def consent_covers_text(self) -> str:
        covers = [_("applying")]
        if self.victim_consent_share:
            covers.append(_("sharing their information with the bodies"))
        if self.victim_consent_contact:
            covers.append(_("being contacted"))
        return ", ".join(covers)

    @property
    def consent_how_text(self) -> str:
        return ConsentHow(self.victim_consent_how).label if self.victim_consent_how else ""

    @property
    def victim_contact_method_text(self) -> str:
        method = self.victim_contact_method
        return ContactMethod(method).label if method else ""

    @property
    def applicant_language_text(self) -> str:
        # A language is named in itself ("Cymraeg"), whatever the page's language.
        return Language(self.applicant_language).label

    @property
    def victim_language_text(self) -> str:
        return Language(self.victim_language).label

    @property
    def send_to_text(self) -> str:
        words = {
            SendTo.BOTH: _("The person affected and the applicant"),
            SendTo.VICTIM: _("The person affected only"),
            SendTo.APPLICANT: _("The applicant only"),
        }
        return words.get(self.send_to, "") if self.send_to else _("Not chosen")


class ApplicationRefused(ValueError):
    """An application that cannot be accepted as it stands (the message says why)."""


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
            _("The victim must agree to someone applying for them before the application is sent.")
        )
    if not data.complaints:
        raise ApplicationRefused(_("An application needs at least one report of the behaviour."))
    received_at = received_at or timezone.now()
    received_on = timezone.localtime(received_at).date()
    token = secrets.token_urlsafe(32)
    case = Case(
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
    case.complaint_count = len(data.complaints)
    _make_victim_a_party(case, data, recorded_by)
    case.save(force_insert=True)
    Complaint.objects.bulk_create(
        Complaint(area=area, case=case, position=i, **vars(c))
        for i, c in enumerate(data.complaints)
    )
    counts.status_moved(area.pk, entering=case.status)
    record_event(
        case,
        Wording("Application received (%(how)s)", how=Term(Channel(channel).label, lower=True)),
        by=recorded_by,
        to_status=case.status,
    )
    _record_languages(case, recorded_by)
    completed(case, "application_received", received_on)
    if case.on_behalf:
        record_event(case, consent_summary(case), by=recorded_by)
    _queue_receipt(case, token)
    # s104(3)(b): every application reaches every relevant body on receipt, to check.
    request_checks(case, by=recorded_by)
    return case, token


def _record_languages(case: Case, recorded_by) -> None:
    """The history says who chose Welsh: online, by applying in it; otherwise as staff
    recorded their choice."""
    if case.applicant_language == Language.WELSH:
        if case.channel == Channel.ONLINE:
            chose = Wording("The applicant applied in Cymraeg")
        else:
            chose = Wording("The applicant chose to be written to in Cymraeg")
        record_event(case, chose, by=recorded_by)
    if case.on_behalf and case.victim_language == Language.WELSH:
        record_event(case, Wording("The victim chose to be written to in Cymraeg"), by=recorded_by)


def _make_victim_a_party(case: Case, data: ApplicationData, recorded_by) -> None:
    """Who recorded the victim's consent, and who the case writes to (unless chosen:
    both when the victim can be reached, else the applicant)."""
    if not case.on_behalf:
        case.send_to = SendTo.APPLICANT
        return
    case.victim_consent_recorded_by = recorded_by
    case.send_to = data.send_to or default_send_to(case)


def consent_summary(case: Case) -> Wording:
    """The victim's consent in words, for the case's history."""
    covers = consent_words(case.victim_consent_share, case.victim_consent_contact)
    how = case.victim_consent_how
    how = Term(ConsentHow(how).label, lower=True) if how else Term("in a way not recorded")
    if case.victim_consent_on:
        return Wording(
            "Victim's consent recorded: given %(how)s on %(day)s, to %(covers)s",
            how=how,
            day=case.victim_consent_on,
            covers=covers,
        )
    return Wording(
        "Victim's consent recorded: given %(how)s, to %(covers)s", how=how, covers=covers
    )


def _queue_receipt(case: Case, token: str) -> None:
    """The applicant's receipt, with their private link; and, when the victim is written to
    by email, the victim's own, with a private link of their own."""
    _receipt(case, applicant_of(case), token)
    victim = next((p for p in emailed(case) if p.role == Role.VICTIM), None)
    if victim is not None:
        _receipt(case, victim, issue_victim_link(case))


def _receipt(case: Case, person, token: str) -> None:
    queue_email(
        key=person.key(f"case:{case.pk}:receipt"),
        to=person.email,
        template="receipt",
        context={"case": case, "area": case.area, "recipient": person},
        # Kept beside the message until it is sent, never in its stored body.
        private_link=tracking_url(token),
        language=person.language,
        topic="Application received",
        area=case.area,
        reference=case.reference,
    )
    text_people(case, "received", key=f"case:{case.pk}:receipt", topic="Application received")


def _case_fields(data: ApplicationData) -> dict:
    fields = vars(data).copy()
    for not_a_column in ("complaints", "extra"):
        fields.pop(not_a_column)
    return fields


# The victim's details by the words the history uses for them.
VICTIM_DETAILS = {
    "victim_email": gettext_noop("email"),
    "victim_phone": gettext_noop("phone"),
    "victim_address": gettext_noop("address"),
    "victim_postcode": gettext_noop("postcode"),
    "victim_contact_method": gettext_noop("how they like to be contacted"),
    "victim_adjustments": gettext_noop("what they need to take part"),
}


@transaction.atomic
def update_victim(case: Case, details: dict, send_to: str, *, by) -> Case:
    """Staff keep the victim's contact details, and who receives the case's messages, up to
    date (DOMAIN.md §5.9). The history says what changed, never the details themselves."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if not case.on_behalf:
        raise ApplicationRefused(_("Nobody applied for someone else on this case."))
    if send_to not in SendTo.values:
        raise ApplicationRefused(_("Choose who we write to."))
    changed = [name for name in VICTIM_DETAILS if getattr(case, name) != details[name]]
    for name in changed:
        setattr(case, name, details[name])
    before, case.send_to = case.send_to, send_to
    if send_to == SendTo.VICTIM and not case.victim_reachable:
        raise ApplicationRefused(
            _(
                "The victim cannot be written to alone: they need an email or postal address, "
                "and to have agreed to being contacted."
            )
        )
    case.save(update_fields=[*changed, "send_to", "updated_at"])
    if changed:
        what = Wording.joined(*(Term(VICTIM_DETAILS[name]) for name in changed), sep=", ")
        record_event(
            case,
            Wording("The victim's contact details changed"),
            by=by,
            reasons=Wording("Changed: %(what)s.", what=what),
        )
    if before != send_to:
        record_event(
            case,
            Wording("Who we write to changed: %(to)s", to=Term(SendTo(send_to).label, lower=True)),
            by=by,
            reasons=Wording("Before: %(was)s.", was=Term(SendTo(before).label, lower=True)),
        )
    # A victim written to by email for the first time gets their own link to follow the case.
    newly_emailed = any(person.role == Role.VICTIM for person in emailed(case))
    if newly_emailed and not case.victim_tracking_token_hash:
        reissue_tracking_link(case, by=by, party=Role.VICTIM)
    return case
