"""The rhythm every waiting item follows (agencies/reminders.py): reminded once before it is
due, escalated once after, never both on one day, nothing twice."""

from datetime import timedelta

import pytest

from agencies.reminders import remind_then_escalate
from agencies.working_days import add_working_days
from triggers.models import InformationRequest
from triggers.threshold import services as threshold_services

pytestmark = pytest.mark.django_db


def run(today, remind_days=2):
    reminded, escalated = [], []
    counts = remind_then_escalate(
        InformationRequest.objects.order_by("pk"),
        due="due_date",
        today=today,
        remind_days=remind_days,
        remind=reminded.append,
        escalate=escalated.append,
    )
    return counts, [r.pk for r in reminded], [r.pk for r in escalated]


@pytest.fixture
def requests(north):
    threshold_services.decide_threshold(north.case, "met", by=north.officer)
    return list(north.case.information_requests.order_by("pk"))


def test_reminded_once_within_the_working_days_before_it_is_due(requests):
    due = requests[0].due_date
    too_early = due - timedelta(days=10)
    assert run(too_early) == ((0, 0), [], [])
    window_opens = next(
        day
        for day in (due - timedelta(days=n) for n in range(10, -1, -1))
        if add_working_days(day, 2) >= due
    )
    pks = [r.pk for r in requests]
    assert run(window_opens) == ((len(pks), 0), pks, [])
    assert run(due) == ((0, 0), [], [])  # already reminded: not again, even on the day
    assert all(r.reminder_sent_at for r in InformationRequest.objects.all())


def test_escalated_once_when_overdue_and_never_reminded_after_the_date(requests):
    overdue = requests[0].due_date + timedelta(days=1)
    pks = [r.pk for r in requests]
    assert run(overdue) == ((0, len(pks)), [], pks)
    assert run(overdue + timedelta(days=5)) == ((0, 0), [], [])
    assert all(
        r.escalated_at and r.reminder_sent_at is None for r in InformationRequest.objects.all()
    )


def test_only_the_items_given_are_touched(requests):
    first = requests[0]
    reminded, escalated = [], []
    remind_then_escalate(
        InformationRequest.objects.filter(pk=first.pk),
        due="due_date",
        today=first.due_date + timedelta(days=1),
        remind_days=2,
        remind=reminded.append,
        escalate=escalated.append,
    )
    assert [r.pk for r in escalated] == [first.pk]
    assert InformationRequest.objects.filter(escalated_at__isnull=False).count() == 1
