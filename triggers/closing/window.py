"""How long a case can still be appealed, as closing and withdrawal both ask (DOMAIN.md §5.5,
Sch 4 para 3: closing never cuts an appeal short)."""

from __future__ import annotations

from datetime import date, timedelta

from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.translation import gettext

from triggers.models import Case
from triggers.selectors import appeal_window_end, appeal_window_waits
from triggers.workflow import Status

CLOSABLE = frozenset({Status.OUTCOME_SENT, Status.ACTIONS_IN_PROGRESS})


def closes_on_for(case: Case, today: date | None = None) -> date | None:
    """The day a case closed now must wait for: the first day after the time to appeal its
    letter, or None when nothing can be appealed any more."""
    end = appeal_window_end(case)
    if end is None or (today or timezone.localdate()) > end:
        return None
    return end + timedelta(days=1)


def appeal_refusal(case: Case) -> str:
    """Why the officer may not end `case` now ("" when they may): its letter can still be
    appealed, or an appeal waits. Only the applicant's (or the victim's) own request can end
    it before then, as their choice; the message says when it can be ended, and how."""
    own = gettext(
        "Only the applicant's own request (or the person affected's, where someone applied "
        "for them) can end it before then."
    )
    if case.status == Status.APPEALED:
        return gettext(
            "An appeal is waiting to be decided: the case can be ended once it is. %(own)s"
        ) % {"own": own}
    if appeal_window_waits(case):
        return gettext(
            "The letter has not been sent to everyone yet (it waits to be posted, or for an "
            "address), so the time to appeal it has not started. The case can be ended when "
            "that time has passed. %(own)s"
        ) % {"own": own}
    closes_on = closes_on_for(case)
    if closes_on is None:
        return ""
    if case.status in CLOSABLE:
        then = gettext(
            "To end it for another reason, close the case: it then closes by itself on %(day)s."
        )
    else:
        then = gettext("If nobody appeals, the case closes by itself on %(day)s.")
    return gettext("The letter can still be appealed until %(last)s. %(own)s %(then)s") % {
        "last": date_filter(closes_on - timedelta(days=1), "j F Y"),
        "own": own,
        "then": then % {"day": date_filter(closes_on, "j F Y")},
    }
