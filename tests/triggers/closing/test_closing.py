"""Closing never cuts an appeal short (DOMAIN.md §5.5): the officer's "close" waits for the
end of the time to appeal, an appeal cancels it, and the beat task closes what is due,
including "threshold not met" cases, which then fall to retention."""

import io
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from agencies import privacy
from appeals import lodging as appeals
from notifications.models import Message
from tests.appeals.helpers import lodge, not_met_case, outcome_sent_case
from triggers.closing import services as closing
from triggers.closing.tasks import close_cases_due
from triggers.models import Case, Letter
from triggers.selectors import appeal_window_end
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


def test_closing_on_the_outcome_day_waits_for_the_time_to_appeal(north):
    case = outcome_sent_case(north)
    end = appeal_window_end(case)
    assert end == appeals.appealable(case).appeal_by  # one rule for both
    done = closing.close_case(case, by=north.officer, reason="The family moved away.")
    assert done.letter is None and done.closes_on == end + timedelta(days=1)
    case.refresh_from_db()
    assert case.status == Status.ACTIONS_IN_PROGRESS and case.closes_on == done.closes_on
    assert not case.letters.filter(kind=Letter.Kind.CLOSURE).exists()
    assert case.events.filter(summary__startswith="Closure set").exists()
    # The appeal is still open to the applicant on the last day.
    assert appeals.appealable(case) is not None and not appeals.appealable(case).is_late(end)
    # The day before, the beat closes nothing; on the day, it closes the case with the letter.
    assert closing.close_cases_due(end) == {"scheduled": 0, "threshold_not_met": 0}
    assert closing.close_cases_due(done.closes_on)["scheduled"] == 1
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.closes_on is None
    letter = case.letters.get(kind=Letter.Kind.CLOSURE)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(letter.pdf))).pages)
    assert "The family moved away." in text
    assert Message.objects.filter(topic="Case closed", to_address=case.applicant_email).exists()
    assert closing.close_cases_due(done.closes_on)["scheduled"] == 0  # idempotent


def test_an_appeal_lodged_before_the_day_cancels_the_closure(north):
    case = outcome_sent_case(north)
    done = closing.close_case(case, by=north.officer, reason="Nothing more to do.")
    lodge(case)
    case.refresh_from_db()
    assert case.status == Status.APPEALED and case.closes_on is None
    assert case.events.filter(summary__contains="closure set for the end").exists()
    assert closing.close_cases_due(done.closes_on + timedelta(days=30))["scheduled"] == 0
    assert Case.objects.get(pk=case.pk).status == Status.APPEALED


def test_after_the_time_to_appeal_the_case_closes_at_once(north):
    case = outcome_sent_case(north)
    later = appeal_window_end(case) + timedelta(days=1)
    assert closing.closes_on_for(case, later) is None


def test_a_not_met_case_closes_itself_and_then_falls_to_retention(north):
    case = not_met_case(north)
    end = appeal_window_end(case)
    assert closing.close_cases_due(end) == {"scheduled": 0, "threshold_not_met": 0}
    assert closing.close_cases_due(end + timedelta(days=1))["threshold_not_met"] == 1
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.closed_at is not None
    assert case.events.filter(summary="Case closed: threshold not met").exists()
    years = relativedelta(years=case.area.retention_years, days=1)
    assert case in list(privacy.expired_cases(now=timezone.now() + years))


def test_an_appealed_not_met_case_does_not_close_itself(north):
    case = not_met_case(north)
    lodge(case)
    far = timezone.localdate() + timedelta(days=90)
    assert closing.close_cases_due(far)["threshold_not_met"] == 0
    assert Case.objects.get(pk=case.pk).status == Status.APPEALED


def test_the_close_page_says_when_the_case_will_close(client, north):
    case = outcome_sent_case(north)
    client.force_login(north.officer)
    url = reverse("case_close", args=[case.area.slug, case.reference])
    closes_on = closing.closes_on_for(case)
    expected = f"This case will close on {closes_on:%-d %B %Y}, when the time to appeal ends"
    assert expected in client.get(url).content.decode()
    response = client.post(url, {"reason": "Moved away."}, follow=True)
    page = response.content.decode()
    assert expected in page and "unless the applicant appeals" in page


def test_the_beat_runs_the_task_every_day():
    entry = next(
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == close_cases_due.name
    )
    assert close_cases_due.name == "triggers.tasks.close_cases_due"
    assert entry["schedule"].day_of_week == set(range(7))


def test_closing_is_one_transaction_so_a_failure_part_way_leaves_the_case_as_it_was(
    north, monkeypatch
):
    """The closure date and its history are written together or not at all (and the case's
    row lock, taken first, needs the transaction: PostgreSQL refuses one outside it)."""
    case = outcome_sent_case(north)

    def history_fails(*args, **kwargs):
        raise RuntimeError("the history could not be written")

    monkeypatch.setattr(closing, "record_event", history_fails)
    with pytest.raises(RuntimeError):
        closing.close_case(case, by=north.officer, reason="The family moved away.")
    case.refresh_from_db()
    assert case.closes_on is None and case.closing_reason == ""


@pytest.mark.django_db(transaction=True)
def test_closing_takes_its_row_lock_inside_its_own_transaction(north):
    """No request-wide transaction here (ATOMIC_REQUESTS is off), as in production."""
    case = outcome_sent_case(north)
    done = closing.close_case(case, by=north.officer, reason="The family moved away.")
    assert done.closes_on is not None
