"""Closing and withdrawing a case (DOMAIN.md §5.5): closing never cuts an appeal short, and
the applicant (or, where someone applied for a victim, the victim) may withdraw at any time
before the case is closed, even while an appeal waits (their choice: the `case_withdrawn`
signal lets appeals close the waiting appeal). A "withdrawal" for any other reason is the
officer ending the case, so it is refused while the letter can still be appealed or an appeal
waits: the officer closes the case instead, which waits for the time to appeal to end.

The officer's "close" on a case whose letter can still be appealed sets the day it closes by
itself (the first day after the time to appeal), and an appeal lodged before then cancels
that; a beat task closes the cases whose day has come, and the "threshold not met" cases
whose time to appeal passed with no appeal, so that retention applies to them. Every
function runs in one transaction, records the case's history and queues its emails.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop, ngettext

from agencies.site import site_url
from agencies.wording import Term, Wording, as_words
from notifications.services import queue_email
from triggers.history import record_event, transition
from triggers.information.services import close_open_requests
from triggers.letters import send_letter, write_letter
from triggers.meetings.services import cancel_review, current_meeting
from triggers.models import Action, Case, Letter, WithdrawalReason
from triggers.selectors import (
    appeal_window_end,
    appeal_window_waits,
    appealable_letter,
    officer_and_admins,
)
from triggers.threshold.checks import close_checks
from triggers.workflow import OPEN_STATUSES, Status, TransitionNotAllowed

from .signals import case_withdrawn
from .window import CLOSABLE, appeal_refusal, closes_on_for

# Any time before closure (DOMAIN.md §5.5), at the applicant's (or victim's) own request, an
# appeal waiting or not: the waiting appeal is closed as withdrawn with the case.
WITHDRAWABLE = OPEN_STATUSES
# The reasons that are the party's own request; any other is the officer ending the case.
OWN_REQUEST = frozenset({WithdrawalReason.APPLICANT_ASKED, WithdrawalReason.VICTIM_ASKED})


class ClosingRefused(ValueError):
    """A closure or withdrawal that cannot happen as things stand (the message says why)."""


# What a view shows the officer as a refusal rather than an error.
REFUSED = (ClosingRefused, TransitionNotAllowed)


# --- Closing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Closing:
    """What the officer's "close" did: closed the case (the letter) or set its day."""

    letter: Letter | None = None
    closes_on: date | None = None


def still_open(count: int) -> str:
    """ "1 action is still open", "3 actions are still open"."""
    return ngettext("%(n)s action is still open", "%(n)s actions are still open", count) % {
        "n": count
    }


@transaction.atomic
def close_case(case: Case, *, by, reason: str = "") -> Closing:
    """Close the case: when every action is done (the officer confirms), or earlier with a
    reason. While the letter can still be appealed, the closure waits for the end of the
    time to appeal. The applicant gets a letter and an email saying when and why."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if case.status not in CLOSABLE:
        raise ClosingRefused(gettext("A case can be closed once the outcome has been sent."))
    if case.closes_on is not None:
        raise ClosingRefused(
            gettext("This case already closes on %(day)s.")
            % {"day": date_filter(case.closes_on, "j F Y")}
        )
    open_actions = case.actions.filter(status=Action.Status.OPEN).count()
    reason = reason.strip()
    if open_actions and not reason:
        raise ClosingRefused(
            gettext("%(open)s: give the reason for closing the case now.")
            % {"open": still_open(open_actions)}
        )
    if appeal_window_waits(case):
        raise ClosingRefused(
            gettext(
                "The outcome letter has not been sent to everyone yet (it waits to be posted, "
                "or for an address): the time to appeal starts when it is served."
            )
        )
    why = reason or gettext_noop("Every action of the plan has been completed.")
    closes_on = closes_on_for(case)
    if closes_on is None:
        return Closing(letter=_close_now(case, by=by, why=why, all_done=not open_actions))
    Case.objects.filter(pk=case.pk).update(closes_on=closes_on, closing_reason=why)
    record_event(
        case,
        Wording("Closure set for when the time to appeal ends"),
        by=by,
        reasons=Wording.joined(
            Wording(SCHEDULED_CLOSURE, day=closes_on),
            Wording("Reason: %(reason)s", reason=Term(why)),
        ),
    )
    return Closing(closes_on=closes_on)


def scheduled_closure_text(closes_on: date) -> str:
    """In the active language, for the officer's page; the case's history keeps the same
    sentence as words (SCHEDULED_CLOSURE), said in each reader's language."""
    return gettext(SCHEDULED_CLOSURE) % {"day": date_filter(closes_on, "j F Y")}


SCHEDULED_CLOSURE = gettext_noop(
    "This case will close on %(day)s, when the time to appeal ends, unless the applicant appeals."
)


def _close_now(
    case: Case, *, by, why: str, all_done: bool, summary: str = gettext_noop("Case closed")
):
    signed = (
        by.full_name
        if by is not None
        else (case.area.spoc_name or gettext_lazy("The case review team"))
    )
    letter = write_letter(
        case,
        Letter.Kind.CLOSURE,
        "Your case review is closed",
        {"reason": why, "all_done": all_done, "officer_name": signed},
    )
    Case.objects.filter(pk=case.pk).update(closes_on=None, closing_reason="")
    transition(case, Status.CLOSED, by=by, summary=Wording(summary), reasons=Term(why))
    _end_requests(case, why, by)
    email_applicant(case, letter, "closure", f"case:{case.pk}:closure")
    return letter


def cancel_scheduled_closure(case: Case, *, by=None, why: str | Wording) -> bool:
    """An appeal lodged before the day cancels the closure (call inside the lodging's
    transaction, with the case locked). True when there was one to cancel."""
    closes_on = Case.objects.filter(pk=case.pk).values_list("closes_on", flat=True).get()
    if closes_on is None:
        return False
    Case.objects.filter(pk=case.pk).update(closes_on=None, closing_reason="")
    case.closes_on, case.closing_reason = None, ""
    record_event(
        case,
        Wording("The closure set for the end of the time to appeal is cancelled"),
        by=by,
        reasons=Wording.joined(
            as_words(why), Wording("The case was to close on %(day)s.", day=closes_on)
        ),
    )
    return True


def set_closure_after_appeal(case: Case, *, why: str, by=None) -> date:
    """A not-upheld appeal cancelled the officer's closure when it was lodged: with nothing
    left to appeal (one appeal per decision) the closure is set again, for today, so the
    daily task closes the case without the officer closing it twice. Call inside the
    decision's transaction."""
    today = timezone.localdate()
    Case.objects.filter(pk=case.pk).update(closes_on=today, closing_reason=why)
    case.closes_on, case.closing_reason = today, why
    record_event(
        case,
        Wording("Closure set again: the appeal was not upheld"),
        by=by,
        reasons=Wording(
            "Nothing is left to appeal. The case closes on the next daily run. Reason: %(reason)s",
            reason=Term(why),
        ),
    )
    return today


def close_cases_due(today: date | None = None) -> dict:
    """Beat, daily: close the cases whose day has come and that have no appeal waiting, and
    the "threshold not met" cases whose time to appeal passed with no appeal (or whose appeal
    was not upheld), so that retention applies to them. One transaction per case."""
    today = today or timezone.localdate()
    scheduled = not_met = 0
    due = Case.objects.filter(closes_on__lte=today, status__in=CLOSABLE)
    for pk in due.values_list("pk", flat=True):
        scheduled += _close_scheduled(pk, today)
    for pk in Case.objects.filter(status=Status.THRESHOLD_NOT_MET).values_list("pk", flat=True):
        not_met += _close_not_met(pk, today)
    return {"scheduled": scheduled, "threshold_not_met": not_met}


@transaction.atomic
def _close_scheduled(pk: int, today: date) -> int:
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=pk)
    if case.status not in CLOSABLE or case.closes_on is None or case.closes_on > today:
        return 0
    all_done = not case.actions.filter(status=Action.Status.OPEN).exists()
    _close_now(
        case,
        by=None,
        why=case.closing_reason,
        all_done=all_done,
        summary=gettext_noop("Case closed: nothing is left to appeal"),
    )
    return 1


@transaction.atomic
def _close_not_met(pk: int, today: date) -> int:
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=pk)
    letter = appealable_letter(case)
    if case.status != Status.THRESHOLD_NOT_MET or letter is None:
        return 0
    if letter.awaiting_delivery:  # not posted yet: the time to appeal has not started
        return 0
    end = appeal_window_end(case)  # None: the letter was appealed, and the appeal decided
    if end is not None and end >= today:
        return 0
    if end is not None:
        reasons = Wording(
            "The time to appeal the threshold decision ended on %(day)s with no appeal.", day=end
        )
    else:
        reasons = Wording("The appeal (or PCC review) of the threshold decision was not upheld.")
    closed = Wording("Case closed: threshold not met")
    transition(case, Status.CLOSED, summary=closed, reasons=reasons)
    _end_requests(case, reasons, None)
    return 1


# --- Withdrawal ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WithdrawalData:
    reason: str
    details: str = ""

    def describe(self) -> str:
        """In English, as the letter's record and the requests' closing reason keep it."""
        return str(self.words())

    def words(self) -> Term | Wording:
        """The same for the case's history, said in its reader's language."""
        label = Term(WithdrawalReason(self.reason).label)
        if not self.details.strip():
            return label
        return Wording("%(reason)s: %(details)s", reason=label, details=self.details.strip())


def check_withdrawal(case: Case, data: WithdrawalData) -> None:
    """Why `data` cannot withdraw `case` now (raises), as the form, the check page and the
    service all ask."""
    if case.status not in WITHDRAWABLE:
        raise ClosingRefused(gettext("This case is no longer open: it cannot be withdrawn."))
    if data.reason not in WithdrawalReason.values:
        raise ClosingRefused(gettext("Choose why the case is being withdrawn."))
    if data.reason == WithdrawalReason.VICTIM_ASKED and not case.on_behalf:
        raise ClosingRefused(
            gettext("Nobody applied for someone else on this case: choose another reason.")
        )
    if data.reason == WithdrawalReason.OTHER and not data.details.strip():
        raise ClosingRefused(gettext("Say why the case is being withdrawn."))
    if data.reason not in OWN_REQUEST and (refusal := appeal_refusal(case)):
        raise ClosingRefused(refusal)


@transaction.atomic
def withdraw_case(case: Case, data: WithdrawalData, *, by) -> Letter:
    """Withdraw the case, at the applicant's (or victim's) request at any time, or the
    officer's when nothing can be appealed (check_withdrawal): a meeting still arranged is
    called off (everyone invited is told), an appeal still waiting ends as withdrawn (the
    party's choice), the applicant gets a letter and an email, and the history says who,
    when and why."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    check_withdrawal(case, data)
    why = data.describe()
    meeting = current_meeting(case)
    if meeting is not None:
        cancel_review(meeting, by=by, reason=gettext_noop("The case has been withdrawn."))
    _end_requests(case, data.words(), by)
    Case.objects.filter(pk=case.pk).update(
        withdrawal_reason=data.reason,
        withdrawal_details=data.details.strip(),
        closes_on=None,
        closing_reason="",
    )
    letter = write_letter(
        case,
        Letter.Kind.WITHDRAWAL,
        "Your case review has been withdrawn",
        {"reason": why, "officer_name": by.full_name},
    )
    # An appeal still waiting ends with the case (appeals listens), in this transaction.
    case_withdrawn.send(sender=Case, case=case, by=by, reason=data.words())
    transition(
        case, Status.WITHDRAWN, by=by, summary=Wording("Case withdrawn"), reasons=data.words()
    )
    email_applicant(case, letter, "withdrawal", f"case:{case.pk}:withdrawal")
    return letter


@transaction.atomic
def request_withdrawal(case: Case, details: str) -> None:
    """The applicant asks, through their private link, to withdraw. The officer confirms it
    (they call first: a request may come under pressure from the people complained about)."""
    case = Case.objects.select_for_update(of=("self",)).select_related("area").get(pk=case.pk)
    if case.status not in WITHDRAWABLE:
        raise ClosingRefused(
            gettext("This case can no longer be withdrawn online. Contact us instead.")
        )
    if case.withdrawal_requested_at is not None:
        raise ClosingRefused(gettext("You have already asked to withdraw. We will contact you."))
    Case.objects.filter(pk=case.pk).update(
        withdrawal_requested_at=timezone.now(), withdrawal_request_details=details.strip()
    )
    asked = Wording("The applicant asked to withdraw the case")
    record_event(case, asked, reasons=details.strip())
    url = f"{site_url()}{reverse('case_withdraw', args=[case.area.slug, case.reference])}"
    for person in officer_and_admins(case):
        queue_email(
            key=f"case:{case.pk}:withdrawal-requested:{person.pk}",
            to=person.email,
            template="withdrawal_requested",
            context={"case": case, "url": url},
            topic="Withdrawal requested",
            area=case.area,
            reference=case.reference,
        )


def email_applicant(case: Case, letter: Letter, template: str, key: str) -> None:
    send_letter(
        letter,
        template=template,
        key=key,
        context={"track_url": f"{site_url()}{reverse('track:case')}"},
    )


def _end_requests(case: Case, why: str | Wording, by) -> None:
    """Requests end when their purpose ends (DOMAIN.md §5.4): the bodies' threshold checks
    and the information requests still waiting are closed, and never reminded again."""
    close_checks(case)
    close_open_requests(case, why, by)
