"""Possible case reviews: finding them after each import, offering, dismissing, starting.

The 2023 ASB Action Plan asks agencies to start a review once the threshold is hit without
waiting for an application. After the bodies' records are linked, the engine runs on each
linked person; anyone who meets the area's threshold and has no open case is listed for the
area's officers, with the evidence. An officer offers the victim a review (through the
outbox, in their language) or dismisses it with a reason; with the victim's agreement the
case starts as a practitioner's application with consent, its complaints the linked records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from agencies.models import Area
from agencies.wording import Wording
from incidents.models import IncidentRecord, LinkCluster
from notifications.services import File, letters_by_notify, queue_email, queue_letter, queue_text
from notifications.services import texts_available as area_sends_texts
from triggers.applications.services import ApplicationData, ComplaintData, submit_application
from triggers.history import record_event
from triggers.letters import render_pdf
from triggers.models import Case, Channel, ContactMethod, Language, PossibleReview, SendTo
from triggers.proactive import evidence as ev
from triggers.proactive import returns

Status = PossibleReview.Status


class OfferRefused(ValueError):
    """An offer, dismissal or start that cannot be made as it stands (the message says why)."""


# --- Finding them ---------------------------------------------------------------------------


def has_open_case(area: Area, records: list[IncidentRecord]) -> bool:
    """An open case of the area about this person: their postcode, and their surname in the
    applicant's or the victim's name. A looser match hides someone; so it errs that way only
    when both agree."""
    postcodes = {r.postcode for r in records if r.postcode}
    surnames = {r.surname for r in records if r.surname}
    if not postcodes or not surnames:
        return False
    names = Q()
    for surname in surnames:
        names |= Q(applicant_name__icontains=surname) | Q(victim_name__icontains=surname)
    places = Q(applicant_postcode__in=postcodes) | Q(victim_postcode__in=postcodes)
    return Case.objects.open().filter(area=area).filter(names & places).exists()


@transaction.atomic
def refresh_possible_reviews(area: Area, today: date | None = None) -> int:
    """Run the engine on every linked person of the area; list those who meet the threshold
    and have no open case. Returns how many are open on the list.

    One dismissed, or whose case has closed, stays as decided until the complaints reported
    after the decision meet the threshold on their own: then it is new again, the decision
    kept beside it (our rule: triggers/proactive/returns.py). One not yet acted on that no
    longer meets it leaves the list; if it had come back, it returns to its earlier decision."""
    today = today or timezone.localdate()
    existing = {
        p.person_key: p
        for p in PossibleReview.objects.filter(area=area)
        .select_related("case")
        .prefetch_related("earlier_decisions")
    }
    meeting: set[str] = set()
    clusters = LinkCluster.objects.filter(area=area).prefetch_related("members__record__body")
    for cluster in clusters:
        records = sorted(
            (m.record for m in cluster.members.all()), key=lambda r: (r.reported_date, r.pk)
        )
        decision = ev.assess_records(area, records, today)
        if not decision.threshold_met or has_open_case(area, records):
            continue
        found = existing.get(cluster.key)
        if found is not None and not returns.listed(area, found, records, today):
            continue
        meeting.add(cluster.key)
        _list(area, cluster.key, records, decision, found)
    stale = [p for k, p in existing.items() if p.status == Status.NEW and k not in meeting]
    gone = []
    for possible in stale:
        if returns.last_cover(possible):
            returns.restore(possible)
        else:
            gone.append(possible.pk)
    PossibleReview.objects.filter(pk__in=gone).delete()
    return PossibleReview.objects.filter(area=area, status__in=(Status.NEW, Status.OFFERED)).count()


def _list(area, key, records, decision, found: PossibleReview | None) -> None:
    latest = records[-1]
    possible = found or PossibleReview(area=area, person_key=key, found_at=timezone.now())
    possible.name = latest.name[:170]
    possible.address, possible.postcode, possible.phone = (
        latest.address,
        latest.postcode,
        latest.phone,
    )
    possible.engine_route = decision.route
    possible.engine_qualifying = decision.qualifying_complaints
    possible.engine_threshold = decision.threshold
    possible.engine_reasons = ev.reasons_text(records, decision)
    possible.evidence = ev.linking_evidence(records)
    possible.save()
    possible.records.set(records)


# --- Offering a review ----------------------------------------------------------------------


@dataclass
class Offer:
    via: str  # ContactMethod: email, text or post
    language: str = Language.ENGLISH
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""


def _template(name: str, language: str) -> str:
    return f"{name}_cy" if language == Language.WELSH else name


@transaction.atomic
def offer_review(possible: PossibleReview, offer: Offer, *, by) -> PossibleReview:
    """Write to the victim, through the outbox, offering a case review in their language."""
    possible = PossibleReview.objects.select_for_update().get(pk=possible.pk)
    if possible.status not in (Status.NEW, Status.OFFERED):
        raise OfferRefused(gettext("This possible review has already been dismissed or started."))
    area = possible.area
    key = f"possible-review:{possible.pk}:offer:{timezone.now():%Y%m%d%H%M%S}"
    context = {"possible": possible, "area": area, "officer": by, "offer": offer}
    template = _template("review_offer", offer.language)
    topic = "A case review offered"
    if offer.via == ContactMethod.EMAIL:
        if not offer.email:
            raise OfferRefused(gettext("Enter the email address to write to."))
        queue_email(
            key=key, to=offer.email, template=template, context=context, topic=topic, area=area
        )
    elif offer.via == ContactMethod.TEXT:
        if not area_sends_texts(area):
            raise OfferRefused(
                gettext("%(area)s does not send text messages: choose another way.")
                % {"area": area.name}
            )
        if not offer.phone:
            raise OfferRefused(gettext("Enter the mobile number to text."))
        queue_text(
            key=key, to=offer.phone, template=template, context=context, topic=topic, area=area
        )
    elif offer.via == ContactMethod.POST:
        if not offer.address.strip():
            raise OfferRefused(gettext("Enter the address to post the letter to."))
        _write_letter(possible, key, context, offer, topic)
    else:
        raise OfferRefused(gettext("Choose how to offer the review: email, text or letter."))
    possible.status = Status.OFFERED
    possible.offered_at, possible.offered_by = timezone.now(), by
    possible.offered_via, possible.offer_language = offer.via, offer.language
    possible.save()
    return possible


def _write_letter(possible, key, context, offer: Offer, topic: str) -> None:
    """The letter as a PDF, kept with the possible review: posted through GOV.UK Notify where
    the area posts that way, else printed and posted by the officer from its page."""
    pdf = render_pdf(
        "triggers/proactive/offer_letter.html",
        {
            **context,
            "today": timezone.localdate(),
            "welsh": offer.language == Language.WELSH,
            # The person's language, not the officer's page's (triggers/letters.py does so too).
            "letter_lang": "cy" if offer.language == Language.WELSH else "en-gb",
        },
    )
    name = f"review-offer-{possible.pk}.pdf"
    possible.offer_letter.save(name, ContentFile(pdf), save=False)
    if letters_by_notify(possible.area):
        queue_letter(
            key=key,
            letter=File(name, "application/pdf", pdf),
            topic=topic,
            area=possible.area,
        )


# --- Dismissing -----------------------------------------------------------------------------


@transaction.atomic
def dismiss(possible: PossibleReview, reason: str, details: str, *, by) -> PossibleReview:
    possible = PossibleReview.objects.select_for_update().get(pk=possible.pk)
    if not possible.is_open:
        raise OfferRefused(gettext("This possible review has already been dismissed or started."))
    if reason not in PossibleReview.DismissalReason.values:
        raise OfferRefused(gettext("Choose why it is dismissed."))
    if reason == PossibleReview.DismissalReason.OTHER and not details.strip():
        raise OfferRefused(gettext("Say why it is dismissed."))
    possible.status = Status.DISMISSED
    possible.dismissal_reason, possible.dismissal_details = reason, details.strip()
    possible.dismissed_at, possible.dismissed_by = timezone.now(), by
    possible.save()
    return possible


# --- Starting the case, with the victim's agreement -----------------------------------------


@dataclass
class Agreement:
    """The victim's agreement to a case review, as the officer recorded it."""

    victim_name: str
    consent_how: str
    consent_on: date
    contact_method: str
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    language: str = Language.ENGLISH


def complaints_from(records: list[IncidentRecord]) -> list[ComplaintData]:
    """The case's complaints: one per linked record, each a complaint to the body that holds
    it, with its reference; reports of one day are one incident (counted once)."""
    return [
        ComplaintData(
            incident_date=r.incident_date,
            reported_date=r.reported_date,
            description=r.description or r.category or f"Reported to {r.body.name}",
            reported_to=r.body,
            reference_number=r.reference,
            complainant="applicant",
            incident_key=r.incident_date.isoformat(),
            hate_related=r.hate_related,
        )
        for r in records
    ]


@transaction.atomic
def start_case(possible: PossibleReview, agreement: Agreement, *, by) -> Case:
    """The victim agreed: the case starts as an application by the officer (a practitioner)
    for the victim, with their consent recorded, its complaints taken from the records."""
    possible = PossibleReview.objects.select_for_update().get(pk=possible.pk)
    if not possible.is_open:
        raise OfferRefused(gettext("This possible review has already been dismissed or started."))
    records = sorted(possible.records.select_related("body"), key=lambda r: (r.reported_date, r.pk))
    if not records:
        raise OfferRefused(gettext("Its records have been deleted: nothing is left to start from."))
    data = ApplicationData(
        applicant_name=by.full_name or by.email,
        applicant_email=by.email,
        organisation=by.agency.name if by.agency_id else "",
        relationship="Practitioner (a proactive case review)",
        on_behalf=True,
        victim_name=agreement.victim_name,
        victim_consent=True,
        victim_consent_share=True,
        victim_consent_contact=True,
        victim_consent_how=agreement.consent_how,
        victim_consent_on=agreement.consent_on,
        victim_email=agreement.email,
        victim_phone=agreement.phone,
        victim_address=agreement.address,
        victim_postcode=agreement.postcode,
        victim_contact_method=agreement.contact_method,
        # Known before the case is made: the victim's receipt is queued with it, in this.
        victim_language=agreement.language,
        behaviour_location=possible.address,
        complaints=complaints_from(records),
    )
    case, _ = submit_application(
        possible.area, data, channel=Channel.AGENCY_REFERRAL, recorded_by=by
    )
    reachable = case.victim_reachable
    case.send_to = SendTo.VICTIM if reachable else SendTo.APPLICANT
    case.save(update_fields=["send_to", "updated_at"])
    decision = ev.assess_records(possible.area, records)
    record_event(
        case,
        Wording("Started from the bodies' linked incident records (a proactive case review)"),
        by=by,
        reasons=ev.case_reasons(records, decision, possible.evidence),
    )
    possible.status, possible.case = Status.STARTED, case
    possible.save(update_fields=["status", "case", "updated_at"])
    return case
