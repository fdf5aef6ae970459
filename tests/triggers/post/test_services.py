"""Letters reach people who have no email (DOMAIN.md §5.8): a postal applicant's letter waits
in the print queue, counts as sent when posted, and its window to appeal runs from the second
working day after posting."""

from datetime import date

import pytest
from django.utils import timezone

from agencies.working_days import add_working_days
from appeals import lodging as appeals
from notifications.models import Message
from triggers.closing import services as closing
from triggers.letters import send_letter
from triggers.models import Case, LetterDelivery
from triggers.post import services
from triggers.selectors import (
    appeal_deadline,
    appeal_window_end,
    appeal_window_waits,
    last_day_to_appeal,
)
from triggers.workflow import Status

from .helpers import postal_case, written_on

pytestmark = pytest.mark.django_db
Delivery = LetterDelivery.Status
FRIDAY = date(2026, 11, 20)  # no bank holiday on the Monday or Tuesday after


def letter_of(case):
    return case.letters.get(kind="threshold_decision")


def test_applicant_choosing_post_gets_the_letter_in_the_print_queue_not_an_email(north):
    case = postal_case(north, email="pat@example.com")  # has an email, but chose post
    letter = letter_of(case)
    delivery = letter.deliveries.get()
    assert (delivery.channel, delivery.status) == ("post", Delivery.QUEUED)
    assert (delivery.name, delivery.postcode) == ("Pat Post", "NT1 2AB")
    assert "14 Mill Lane" in delivery.address and delivery.queued_at is not None
    emailed = Message.objects.filter(reference=case.reference, topic="Threshold decision")
    assert not emailed.exists()
    # Not sent yet: no window runs, and nothing may treat it as over.
    assert letter.awaiting_delivery and appeal_window_waits(case)
    assert last_day_to_appeal(letter, case.area) is None and appeal_window_end(case) is None
    # An appeal made meanwhile is in time: its deadline is at the earliest one served today.
    target = appeals.appealable(case)
    assert target.appeal_by == appeal_deadline(timezone.localdate(), case.area)
    assert not target.is_late()


def test_applicant_with_email_is_emailed_and_the_delivery_is_recorded(north):
    from tests.appeals.helpers import not_met_case

    case = not_met_case(north)
    delivery = letter_of(case).deliveries.get()
    assert (delivery.channel, delivery.status) == ("email", Delivery.EMAILED)
    assert delivery.served_on == timezone.localdate()
    emailed = Message.objects.filter(reference=case.reference, topic="Threshold decision")
    assert emailed.get().to_address == "applicant@example.com"
    assert not letter_of(case).awaiting_delivery and appeal_window_end(case) is not None


def test_posted_on_a_friday_is_served_on_the_tuesday_and_the_window_runs_from_it(north):
    case = postal_case(north)
    written_on(case, FRIDAY)
    services.mark_posted(
        LetterDelivery.objects.filter(case=case), posted_on=FRIDAY, by=north.officer
    )
    delivery = LetterDelivery.objects.get(case=case)
    assert (delivery.status, delivery.posted_on, delivery.posted_by) == (
        Delivery.POSTED,
        FRIDAY,
        north.officer,
    )
    tuesday = date(2026, 11, 24)
    assert delivery.served_on == tuesday
    letter = letter_of(case)
    assert not letter.awaiting_delivery and letter.served_on == tuesday
    end = add_working_days(tuesday, north.area.appeal_window_days)
    assert appeal_window_end(case) == end == last_day_to_appeal(letter, north.area)
    assert appeals.appealable(case).appeal_by == end
    assert Case.objects.get(pk=case.pk).next_due == end
    assert case.events.filter(summary__startswith="Letter posted").exists()


def test_a_bank_holiday_monday_pushes_service_to_the_wednesday(north):
    # Friday 22 May 2026; Monday 25 May is the spring bank holiday.
    assert services.served_on_for(date(2026, 5, 22)) == date(2026, 5, 27)
    # Friday 18 December 2026 posts over Christmas: Monday 21, Tuesday 22.
    assert services.served_on_for(date(2026, 12, 18)) == date(2026, 12, 22)
    # Posted on Christmas Eve (Thursday): 25, 26-28 are holidays or weekend: 29, 30.
    assert services.served_on_for(date(2026, 12, 24)) == date(2026, 12, 30)


def test_posting_in_the_future_is_refused_and_posting_twice_changes_nothing(north):
    case = postal_case(north)
    written_on(case, FRIDAY)
    chosen = LetterDelivery.objects.filter(case=case)
    with pytest.raises(services.PostingRefused):
        services.mark_posted(chosen, posted_on=date(2999, 1, 1), by=north.officer)
    assert services.mark_posted(chosen, posted_on=FRIDAY, by=north.officer)
    assert services.mark_posted(chosen, posted_on=date(2026, 11, 26), by=north.officer) == []
    assert chosen.get().posted_on == FRIDAY


def test_letter_with_no_address_is_a_task_not_sent_and_joins_the_queue_with_one(north):
    case = postal_case(north, address="", postcode="")
    letter = letter_of(case)
    delivery = letter.deliveries.get()
    assert delivery.status == Delivery.CANNOT_SEND and delivery.queued_at is None
    assert letter.awaiting_delivery and appeal_window_end(case) is None
    # The beat does not close a "not met" case whose letter never went out.
    assert closing.close_cases_due(date(2999, 1, 1))["threshold_not_met"] == 0
    assert Case.objects.get(pk=case.pk).status == Status.THRESHOLD_NOT_MET

    services.add_address(delivery, address="3 New Road", postcode="nt9 9zz", by=north.officer)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.address, delivery.postcode) == (
        Delivery.QUEUED,
        "3 New Road",
        "NT9 9ZZ",
    )
    case.refresh_from_db()
    assert (case.applicant_address, case.applicant_postcode) == ("3 New Road", "NT9 9ZZ")
    assert letter_of(case).awaiting_delivery  # still to be posted
    with pytest.raises(services.PostingRefused):
        services.add_address(delivery, address="again", postcode="X", by=north.officer)


def test_the_window_waits_for_every_copy(north, monkeypatch):
    """A letter to two people: the window starts when the last copy is served."""
    from triggers import letters
    from triggers.recipients import Recipient, applicant_of

    def two(case):
        other = Recipient("victim", "Val Victim", "", "", "9 Elm St", "NT3 3CC", "post")
        return [applicant_of(case), other]

    from tests.appeals.helpers import not_met_case

    case = not_met_case(north)
    letter = letter_of(case)
    letter.deliveries.all().delete()
    monkeypatch.setattr(letters, "recipients", two)
    send_letter(letter, template="threshold_decision", key=f"again:{case.pk}", context={})
    letter.refresh_from_db()
    assert letter.awaiting_delivery and appeal_window_end(case) is None
    today = timezone.localdate()
    services.mark_posted(letter.deliveries.filter(role="victim"), posted_on=today, by=None)
    letter.refresh_from_db()
    # Emailed today, posted today: served when the posted copy is, two working days on.
    assert letter.served_on == services.served_on_for(today) and not letter.awaiting_delivery


def test_sending_a_letter_again_records_each_person_once(north):
    case = postal_case(north)
    letter = letter_of(case)
    send_letter(letter, template="threshold_decision", key=f"case:{case.pk}:again", context={})
    assert letter.deliveries.count() == 1


def test_a_case_whose_outcome_waits_for_the_post_cannot_close_until_it_is_served(north):
    from datetime import timedelta

    from tests.appeals.helpers import outcome_sent_case
    from triggers.models import ReviewRecord

    Case.objects.filter(pk=north.case.pk).update(
        contact_method="post", applicant_address="1 High St", applicant_postcode="NT1 1AA"
    )
    north.case.refresh_from_db()
    case = outcome_sent_case(north)
    assert appeal_window_waits(case)
    with pytest.raises(closing.ClosingRefused, match="not been sent to everyone"):
        closing.close_case(case, by=north.officer, reason="The family moved away.")
    today = timezone.localdate()
    services.mark_posted(
        LetterDelivery.objects.filter(case=case), posted_on=today, by=north.officer
    )
    end = add_working_days(services.served_on_for(today), north.area.appeal_window_days)
    assert appeal_window_end(case) == end
    assert ReviewRecord.objects.get(case=case).appeal_by == end  # counted again from service
    done = closing.close_case(case, by=north.officer, reason="The family moved away.")
    assert done.closes_on == end + timedelta(days=1)
