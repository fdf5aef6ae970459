"""Reminders and escalation (beat): the body hearing an appeal is reminded before its
decision is due, and it and the council are told once it is overdue. Each is sent once."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from agencies.reminders import remind_then_escalate
from agencies.wording import Term, Wording
from triggers.history import record_event
from triggers.selectors import officer_and_admins

from .models import Appeal
from .notices import email_about
from .selectors import deciders

REMINDER_WORKING_DAYS = 3


DECISION_OVERDUE = {
    Appeal.Kind.APPEAL: gettext_noop("The appeal's decision is overdue"),
    Appeal.Kind.PCC_REVIEW: gettext_noop("The PCC review's decision is overdue"),
}


@transaction.atomic
def send_appeal_reminders(today: date | None = None) -> tuple[int, int]:
    """Beat, once a working day: remind the body hearing each appeal before its decision is
    due, and escalate to it and the council once it is overdue."""
    today = today or timezone.localdate()
    waiting = Appeal.objects.filter(status=Appeal.Status.LODGED).select_related(
        "case__area", "case__assigned_officer", "pcc_office"
    )
    return remind_then_escalate(
        waiting,
        due="decision_due",
        today=today,
        remind_days=REMINDER_WORKING_DAYS,
        remind=_remind,
        escalate=_escalate,
    )


def _remind(appeal: Appeal) -> None:
    for person in deciders(appeal):
        email_about(
            appeal, "appeal_reminder", "Reminder: appeal due", person.email, f"remind:{person.pk}"
        )


def _escalate(appeal: Appeal) -> None:
    for person in [*deciders(appeal), *officer_and_admins(appeal.case)]:
        email_about(
            appeal, "appeal_overdue", "Appeal overdue", person.email, f"overdue:{person.pk}"
        )
    record_event(
        appeal.case,
        Wording(DECISION_OVERDUE[appeal.kind]),
        reasons=Wording(
            "The decision of %(body)s was due on %(day)s.",
            body=Term(appeal.body_name),
            day=appeal.decision_due,
        ),
    )
