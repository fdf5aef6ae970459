"""s104(10): areas publish their figures at least every 12 months. A month before that falls
due, each area admin gets one email; the figures pages say when the next publication is due."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse

from agencies.models import RoleAssignment
from figures import services
from figures.models import Publication
from figures.periods import add_months, publication_due
from notifications.models import Message
from tests.factories import make_case, user_with_role
from triggers.models import Case

LONDON = ZoneInfo("Europe/London")


def published(side, on: date) -> Publication:
    return Publication.objects.create(
        area=side.area,
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        applications_received=3,
        threshold_not_met=1,
        reviews_held=2,
        reviews_with_recommendations=1,
        published_by=side.admin,
        published_at=datetime.combine(on, datetime.min.time().replace(hour=10), tzinfo=LONDON),
    )


def reminders():
    return Message.objects.filter(idempotency_key__startswith="figures-due:")


def test_due_dates_are_twelve_months_on_and_the_reminder_a_month_before():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)
    assert publication_due(date(2026, 1, 15), date(2020, 1, 1)) == date(2027, 1, 15)
    assert publication_due(None, date(2025, 6, 2)) == date(2026, 6, 2)
    assert publication_due(None, None) is None


def test_the_reminder_goes_once_to_the_area_admins_a_month_before_due(north, south):
    second_admin = user_with_role(
        RoleAssignment.Role.AREA_ADMIN, area=north.area, email="admin2@north.example.org"
    )
    published(north, date(2026, 1, 15))  # due 15 January 2027, reminder from 15 December 2026
    published(south, date(2026, 1, 15))
    published(south, date(2026, 10, 1))  # south published again recently: not due

    assert services.send_publication_reminders(today=date(2026, 12, 14)) == 0
    assert services.send_publication_reminders(today=date(2026, 12, 15)) == 2
    assert services.send_publication_reminders(today=date(2026, 12, 16)) == 0

    assert set(reminders().values_list("to_address", flat=True)) == {
        north.admin.email,
        second_admin.email,
    }
    message = reminders().get(to_address=north.admin.email)
    assert message.area == north.area
    assert "15 January 2027" in message.subject and "Northshire" in message.subject
    assert "last published its ASB case review figures on 15 January 2026" in message.body
    assert reverse("figures:publish", args=["north"]) in message.body


def test_an_area_that_never_published_is_due_twelve_months_after_its_first_case(north):
    case = make_case(north.area)
    Case.objects.filter(pk=case.pk).update(application_date=date(2025, 6, 2))
    type(north.area).objects.filter(pk=north.area.pk).update(name="Brighton & Hove")
    assert services.send_publication_reminders(today=date(2026, 5, 1)) == 0
    assert services.send_publication_reminders(today=date(2026, 5, 2)) == 1
    message = reminders().get()
    assert message.to_address == north.admin.email
    # Plain text: the area's name as it is, not HTML-escaped.
    assert "Brighton & Hove has not published its ASB case review figures yet" in message.body
    assert "2 June 2026" in message.body


def test_an_area_with_no_case_and_no_publication_gets_no_reminder(north):
    assert services.send_publication_reminders(today=date(2030, 1, 1)) == 0


def test_the_daily_task_is_named_and_scheduled(north):
    from config.celery import app
    from figures.tasks import remind_publication_due

    assert remind_publication_due.name == "figures.tasks.remind_publication_due"
    assert "figures.tasks.remind_publication_due" in app.tasks
    scheduled = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "figures.tasks.remind_publication_due" in scheduled
    published(north, date(2020, 1, 1))  # long overdue
    assert remind_publication_due() == {"queued": 1}


@pytest.mark.parametrize("page", ["dashboard", "publish"])
def test_the_figures_pages_say_when_the_next_publication_is_due(client, north, page):
    published(north, date(2020, 1, 1))
    client.force_login(north.admin)
    url = (
        reverse("figures:publish", args=["north"])
        if page == "publish"
        else reverse("figures:dashboard")
    )
    html = client.get(url).content.decode()
    assert "Figures due by 1 January 2021" in html
    assert "12 months after the last publication on 1 January 2020" in html
    assert "Overdue" in html


def test_the_first_application_is_the_earliest_date_of_each_areas_cases(north, south):
    from figures.selectors import publication_dues

    for area, days in ((north.area, (9, 3, 20)), (south.area, (5, 28))):
        for day in days:
            case = make_case(area)
            Case.objects.filter(pk=case.pk).update(application_date=date(2025, 6, day))
    dues = publication_dues([north.area, south.area])
    assert dues[north.area.pk].first_case == date(2025, 6, 3)
    assert dues[south.area.pk].first_case == date(2025, 6, 5)
