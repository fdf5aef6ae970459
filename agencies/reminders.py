"""Remind before a deadline, escalate after it: the one rhythm of everything that waits on
someone by a due date.

Threshold checks, information requests, actions and appeals each wait on a body by a due
date. Once a working day the beat reminds whoever owes it a few working days before it is
due, and escalates once it is overdue. Each happens once per item, stamped on the item
(`reminder_sent_at`, `escalated_at`), so a second run the same day, or a missed day caught up,
sends nothing twice; an item already overdue when first seen is escalated, not reminded.
What is sent, to whom, and what the history says is each stage's own (`remind`, `escalate`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from .working_days import add_working_days


def remind_then_escalate(
    waiting: QuerySet,
    *,
    due: str,
    today: date,
    remind_days: int,
    remind: Callable,
    escalate: Callable,
) -> tuple[int, int]:
    """Remind each item of `waiting` due within `remind_days` working days of `today`, and
    escalate each whose `due` date has passed. Returns (reminded, escalated). Call it inside
    the caller's transaction: the messages and the stamps are written together."""
    remind_from = add_working_days(today, remind_days)
    reminded = escalated = 0
    coming_due = {f"{due}__gte": today, f"{due}__lte": remind_from}
    for item in waiting.filter(reminder_sent_at__isnull=True, **coming_due):
        remind(item)
        _stamp(item, "reminder_sent_at")
        reminded += 1
    for item in waiting.filter(escalated_at__isnull=True, **{f"{due}__lt": today}):
        escalate(item)
        _stamp(item, "escalated_at")
        escalated += 1
    return reminded, escalated


def _stamp(item, field: str) -> None:
    setattr(item, field, timezone.now())
    item.save(update_fields=[field])
