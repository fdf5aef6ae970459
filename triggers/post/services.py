"""Letters by post: marking copies posted, and adding an address to a copy that could not be
sent (DOMAIN.md §5.8). Each function runs in one transaction and records the case's history.

A posted letter counts as served on the second working day after posting (ours, following the
Civil Procedure Rules' deemed service of first-class post); the window to appeal runs from
that day (triggers.selectors.last_day_to_appeal).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from agencies.wording import Term, Wording
from triggers.history import record_event
from triggers.letters import restamp_posted, served_on_for, update_service
from triggers.models import Case, Letter, LetterDelivery, ReviewRecord
from triggers.recipients import Role
from triggers.selectors import APPEALABLE_LETTER, appealable_letter, last_day_to_appeal

Status = LetterDelivery.Status


class PostingRefused(ValueError):
    """A posting that cannot be recorded as asked (the message says why)."""


@transaction.atomic
def mark_posted(deliveries, *, posted_on: date, by) -> list[LetterDelivery]:
    """Mark queued copies posted on `posted_on` (today or earlier). `deliveries` is a queryset
    the caller has already scoped to what the user may see; copies no longer queued (posted
    meanwhile by someone else) are left alone."""
    if posted_on > timezone.localdate():
        raise PostingRefused(gettext("The date of posting must be today or in the past"))
    rows = list(
        deliveries.select_for_update(of=("self",))
        .filter(status=Status.QUEUED)
        .select_related("letter", "case__area")
    )
    _posted_after_written(rows, posted_on)
    served = served_on_for(posted_on)
    for delivery in rows:
        delivery.status, delivery.posted_on, delivery.posted_by = Status.POSTED, posted_on, by
        delivery.served_on = served
        delivery.save(update_fields=["status", "posted_on", "posted_by", "served_on"])
        record_event(
            delivery.case,
            Wording("Letter posted: %(letter)s", letter=Term(delivery.letter.title)),
            by=by,
            reasons=Wording(
                "Posted to %(name)s on %(posted)s; served on %(served)s.",
                name=delivery.name,
                posted=posted_on,
                served=served,
            ),
        )
    for letter in {d.letter_id: d.letter for d in rows}.values():
        update_service(letter)
        restamp_posted(letter)
        if not letter.awaiting_delivery:
            _window_starts(letter)
    return rows


def _posted_after_written(rows: list[LetterDelivery], posted_on: date) -> None:
    """A letter cannot go in the post before it was written: a window counted from such a
    date (an appeal's, and the date printed on the letter) would start before the decision
    existed, and end early (DOMAIN.md §5.8)."""
    written = max((d.letter.dated for d in rows), default=None)
    if written is not None and posted_on < written:
        raise PostingRefused(
            gettext("The date of posting cannot be before the letter was written, %(day)s")
            % {"day": date_format(written, "j F Y")}
        )


def _window_starts(letter: Letter) -> None:
    """Once the case's appealable letter is served, the stored deadlines that were counted
    from the day it was written are counted again from the day it was served."""
    case = Case.objects.select_related("area").get(pk=letter.case_id)
    if APPEALABLE_LETTER.get(case.status) != letter.kind:
        return
    current = appealable_letter(case)
    if current is None or current.pk != letter.pk:
        return
    appeal_by = last_day_to_appeal(letter, case.area)
    Case.objects.filter(pk=case.pk).update(next_due=appeal_by)
    if letter.kind == Letter.Kind.OUTCOME:
        ReviewRecord.objects.filter(case=case, outcome_sent_at=letter.sent_at).update(
            appeal_by=appeal_by
        )


@transaction.atomic
def add_address(delivery: LetterDelivery, *, address: str, postcode: str, by) -> LetterDelivery:
    """Give a copy that could not be sent an address: it joins the print queue. The
    applicant's address is kept on the case too, so that later letters reach them."""
    delivery = LetterDelivery.objects.select_for_update(of=("self",)).get(pk=delivery.pk)
    if delivery.status != Status.CANNOT_SEND:
        raise PostingRefused("This letter already has an address.")
    delivery.address, delivery.postcode = address.strip(), postcode.strip().upper()
    delivery.status, delivery.queued_at = Status.QUEUED, timezone.now()
    delivery.save(update_fields=["address", "postcode", "status", "queued_at"])
    case = delivery.case
    if delivery.role == Role.APPLICANT and not case.applicant_address.strip():
        Case.objects.filter(pk=case.pk).update(
            applicant_address=delivery.address, applicant_postcode=delivery.postcode
        )
    record_event(
        case,
        Wording("Address added for a letter: %(letter)s", letter=Term(delivery.letter.title)),
        by=by,
        reasons=Wording("The letter to %(name)s is in the print queue.", name=delivery.name),
    )
    update_service(delivery.letter)
    return delivery
