"""Following the action plan: owners update their actions, and are reminded before an action
falls due and escalated once it is overdue.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from agencies.models import AreaMembership
from agencies.reminders import remind_then_escalate
from agencies.site import site_url
from agencies.wording import Wording
from notifications.services import queue_email
from triggers.history import record_event
from triggers.models import (
    Action,
    ActionUpdate,
    Case,
)
from triggers.reviews.services import ReviewRefused, email_officer, first_open_due
from triggers.selectors import officer_and_admins
from triggers.workflow import Status

ACTION_REMINDER_WORKING_DAYS = 5


ACTION_DONE = gettext_noop("Action done by %(name)s: %(action)s")
ACTION_UPDATED = gettext_noop("Action updated by %(name)s: %(action)s")


@transaction.atomic
def update_action(action: Action, note: str, *, done: bool, by) -> ActionUpdate:
    """A progress note from the owner agency (or the officer), and perhaps marking it done."""
    action = Action.objects.select_for_update().select_related("case").get(pk=action.pk)
    note = note.strip()
    if not note:
        raise ReviewRefused(gettext("Write what has been done."))
    if action.status == Action.Status.DONE:
        raise ReviewRefused(gettext("This action is already done."))
    now = timezone.now()
    update = ActionUpdate.objects.create(
        area_id=action.area_id, action=action, note=note, marked_done=done, by=by, at=now
    )
    if done:
        action.status, action.completed_at, action.completed_by = Action.Status.DONE, now, by
        action.save(update_fields=["status", "completed_at", "completed_by"])
    case = action.case
    said = ACTION_DONE if done else ACTION_UPDATED
    summary = Wording(said, name=by.full_name, action=action.description[:120])
    record_event(case, summary, by=by, reasons=note)
    if case.status == Status.ACTIONS_IN_PROGRESS:
        first_due = first_open_due(case)
        Case.objects.filter(pk=case.pk).update(next_due=first_due)
        if first_due is None:
            email_officer(case, "actions_all_done", f"case:{case.pk}:all-done:{update.pk}")
    return update


def _action_url(action: Action) -> str:
    return f"{site_url()}{reverse('action_detail', args=[action.pk])}"


def _owner_contact(action: Action) -> str:
    membership = AreaMembership.objects.filter(
        area_id=action.area_id, agency_id=action.owner_agency_id
    ).first()
    return membership.contact_email if membership else ""


@transaction.atomic
def send_action_reminders(today: date | None = None) -> tuple[int, int]:
    """Beat, once a working day: remind owner agencies before an action falls due, and
    escalate overdue actions to the case officer and the area's admins. Each is sent once."""
    today = today or timezone.localdate()
    open_actions = Action.objects.filter(
        status=Action.Status.OPEN, case__status=Status.ACTIONS_IN_PROGRESS
    ).select_related("case__area", "case__assigned_officer", "owner_agency")
    return remind_then_escalate(
        open_actions,
        due="due_date",
        today=today,
        remind_days=ACTION_REMINDER_WORKING_DAYS,
        remind=_remind,
        escalate=_escalate,
    )


def _remind(action: Action) -> None:
    _queue_action_email(action, "action_reminder", to=_owner_contact(action))


def _escalate(action: Action) -> None:
    for person in officer_and_admins(action.case):
        _queue_action_email(action, "action_overdue", to=person.email, suffix=f":{person.pk}")
    record_event(
        action.case,
        Wording("An action for %(body)s is overdue", body=action.owner_agency.name),
        reasons=Wording(
            "%(action)s (due %(day)s)", action=action.description[:200], day=action.due_date
        ),
    )


def _queue_action_email(action: Action, template: str, *, to: str, suffix: str = "") -> None:
    queue_email(
        key=f"action:{action.pk}:{template}{suffix}",
        to=to,
        template=template,
        context={"action": action, "case": action.case, "url": _action_url(action)},
        topic="Action plan",
        area=action.case.area,
        reference=action.case.reference,
    )
