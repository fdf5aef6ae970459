"""Recommendations of the review and their recipients' responses (DOMAIN.md §5.11).

A recommendation may go to any person or body exercising public functions: a member agency
of the area, or a named body outside the membership, reached by email. When the outcome is
sent each recipient is told, with a link to respond: a member agency's area contact gets the
responders' page; a named body gets a private link that works once and expires, whose token
is kept only as a hash (like the applicant's tracking link) and never stored in the message.
The recipient accepts (what it will do, by when) or does not (why); the officer is told, and
a recipient who has not answered after 20 working days is reminded.

services.py calls this module (it sits below it, so it never imports services.py).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from agencies.models import Agency, AreaMembership
from agencies.site import site_url
from agencies.wording import Term, Wording
from agencies.working_days import add_working_days
from notifications.services import queue_email
from triggers.history import record_event
from triggers.models import Recommendation, ReviewRecord

RESPONSE_REMINDER_WORKING_DAYS = 20
# A named body's link works this long; a reminder sends a new one (the old one stops).
LINK_DAYS = 90


class RecommendationRefused(ValueError):
    """A response that cannot be recorded as things stand (the message says why)."""


@dataclass
class RecommendationData:
    """To a member agency (`agency`), or else to a named body (`name` and `email`)."""

    agency: Agency | None
    text: str
    name: str = ""
    email: str = ""


@dataclass
class ResponseData:
    accepted: bool
    action: str = ""
    due: date | None = None
    reason: str = ""
    responder_name: str = ""


def recipients_problem(recommendations: list[RecommendationData], members: set[int]) -> str:
    """Why these recipients cannot be recorded, or "" when they can."""
    for r in recommendations:
        if r.agency is not None and r.agency.pk not in members:
            return "Choose agencies of this area from the list."
        if r.agency is None and not (r.name.strip() and r.email.strip()):
            return "Give the named body's name and email address."
    return ""


def create_recommendations(review: ReviewRecord, data: list[RecommendationData]) -> None:
    Recommendation.objects.bulk_create(
        Recommendation(
            area_id=review.area_id,
            review=review,
            agency=r.agency,
            recipient_name="" if r.agency else r.name.strip(),
            recipient_email="" if r.agency else r.email.strip(),
            text=r.text.strip(),
            position=i,
        )
        for i, r in enumerate(data)
    )


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def respond_url(recommendation: Recommendation) -> str:
    return f"{site_url()}{reverse('recommendation_respond', args=[recommendation.pk])}"


def _tell(recommendation: Recommendation, template: str, key: str) -> None:
    """Email the recipient: the agency's contact for the area, or the named body (with a
    fresh private link, which replaces any earlier one)."""
    review, now = recommendation.review, timezone.now()
    case = review.case
    context = {"case": case, "recommendation": recommendation, "review": review}
    if recommendation.agency_id:
        membership = AreaMembership.objects.filter(
            area_id=case.area_id, agency_id=recommendation.agency_id
        ).first()
        to = membership.contact_email if membership else ""
        context |= {"url": respond_url(recommendation), "membership": membership}
        private_link = ""
    else:
        token = secrets.token_urlsafe(32)
        recommendation.token_hash = hash_token(token)
        recommendation.token_expires_at = now + timedelta(days=LINK_DAYS)
        recommendation.save(update_fields=["token_hash", "token_expires_at"])
        to = recommendation.recipient_email
        private_link = f"{site_url()}{reverse('recommendation_answer', args=[token])}"
    queue_email(
        key=key,
        to=to,
        template=template,
        context=context,
        private_link=private_link,
        topic="Recommendation",
        area=case.area,
        reference=case.reference,
    )


def tell_recipients(review: ReviewRecord) -> None:
    """With the outcome: each recipient learns its recommendation and how to respond."""
    now = timezone.now()
    for recommendation in review.recommendations.select_related("agency", "review__case__area"):
        recommendation.sent_at = now
        recommendation.save(update_fields=["sent_at"])
        _tell(recommendation, "recommendation_made", f"recommendation:{recommendation.pk}:sent")
    if review.recommendations.exists():
        record_event(
            review.case,
            Wording("Recommendations sent to their recipients"),
            reasons=", ".join(r.recipient for r in review.recommendations.all()),
        )


def recommendation_for_token(token: str) -> Recommendation | None:
    """The named body's recommendation its link opens; None once used or expired."""
    if not token:
        return None
    found = (
        Recommendation.objects.filter(token_hash=hash_token(token), response="")
        .select_related("review__case__area")
        .first()
    )
    if found is None or found.token_expires_at is None or found.token_expires_at < timezone.now():
        return None
    return found


@transaction.atomic
def respond(recommendation: Recommendation, data: ResponseData, *, by=None) -> Recommendation:
    """Record the recipient's response, once. `by` is the responder (None through a link)."""
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if rec.response:
        raise RecommendationRefused(
            gettext("A response to this recommendation is already recorded.")
        )
    if rec.sent_at is None:
        raise RecommendationRefused(gettext("The recommendation has not been sent yet."))
    if data.accepted and not (data.action.strip() and data.due):
        raise RecommendationRefused(gettext("Say what will be done, and by when."))
    if not data.accepted and not data.reason.strip():
        raise RecommendationRefused(gettext("Say why the recommendation is not accepted."))
    rec.response = rec.Response.ACCEPTED if data.accepted else rec.Response.NOT_ACCEPTED
    rec.response_action = data.action.strip() if data.accepted else ""
    rec.response_due = data.due if data.accepted else None
    rec.response_reason = "" if data.accepted else data.reason.strip()
    rec.responder_name = data.responder_name.strip() or (by.full_name if by else "")
    rec.responded_at, rec.responded_by = timezone.now(), by
    # Clears the hash: the link works once.
    rec.token_hash = ""  # nosec B105
    rec.save()
    rec = Recommendation.objects.select_related("agency", "review__case__area").get(pk=rec.pk)
    case = rec.review.case
    record_event(
        case,
        Wording(
            "%(recipient)s responded to a recommendation: %(response)s",
            recipient=rec.recipient,
            response=Term(rec.get_response_display(), lower=True),
        ),
        by=by,
        reasons=rec.response_action or rec.response_reason,
    )
    _email_officer(case, "recommendation_response", f"recommendation:{rec.pk}:response", rec)
    return rec


def _email_officer(case, template: str, key: str, recommendation: Recommendation) -> None:
    if case.assigned_officer is None:
        return
    url = reverse("case_detail", args=[case.area.slug, case.reference])
    queue_email(
        key=key,
        to=case.assigned_officer.email,
        template=template,
        context={"case": case, "recommendation": recommendation, "url": site_url() + url},
        topic="Recommendation",
        area=case.area,
        reference=case.reference,
    )


def send_response_reminders(today: date | None = None) -> int:
    """Beat, daily: remind each recipient once that has not answered 20 working days after
    the recommendation was sent, and tell the officer. Each in its own transaction."""
    today = today or timezone.localdate()
    waiting = Recommendation.objects.filter(
        sent_at__isnull=False, response="", reminder_sent_at__isnull=True
    ).select_related("agency", "review__case__area", "review__case__assigned_officer")
    reminded = 0
    for recommendation in waiting:
        sent_on = timezone.localdate(recommendation.sent_at)
        if add_working_days(sent_on, RESPONSE_REMINDER_WORKING_DAYS) > today:
            continue
        with transaction.atomic():
            rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
            if rec.response or rec.reminder_sent_at:
                continue
            rec.reminder_sent_at = timezone.now()
            rec.save(update_fields=["reminder_sent_at"])
            recommendation.reminder_sent_at = rec.reminder_sent_at
            key = f"recommendation:{rec.pk}:reminder"
            _tell(recommendation, "recommendation_reminder", key)
            case = recommendation.review.case
            _email_officer(case, "recommendation_overdue", f"{key}:officer", recommendation)
            reminded_to = "%(recipient)s reminded to respond to a recommendation"
            record_event(case, Wording(reminded_to, recipient=recommendation.recipient))
            reminded += 1
    return reminded
