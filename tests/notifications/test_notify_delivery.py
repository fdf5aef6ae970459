"""Delivery through an area's GOV.UK Notify service, against the fake Notify on loopback."""

import base64
import uuid
from datetime import timedelta

import jwt
import pytest
import requests
from django.utils import timezone

from notifications import delivery, services
from notifications.models import Message

from .helpers import LINK, queue, queue_link
from .notify_helpers import EMAIL_TEMPLATE, TEXT_TEMPLATE, fake_notify, use_notify

pytestmark = pytest.mark.django_db
__all__ = ["fake_notify"]  # a fixture, used by name


def test_email_reaches_notify_with_its_template_and_personalisation(north, fake_notify):
    use_notify(north.area, fake_notify)
    message = queue_link(key="link-1", area=north.area)
    delivery.deliver_due()  # what the task does once the transaction commits

    message.refresh_from_db()
    (sent,) = fake_notify.of_kind("email")
    payload = sent.payload
    assert payload["template_id"] == EMAIL_TEMPLATE
    assert payload["email_address"] == "victim@example.com"
    assert payload["reference"] == "link-1"  # the idempotency key: Notify's reference
    personalisation = payload["personalisation"]
    assert personalisation["subject"] == message.subject
    assert personalisation["reference"] == "T-1"
    assert personalisation["file"] == ""
    # The private link is put in only at delivery; the stored row never holds it.
    assert LINK in personalisation["body"]
    assert LINK not in message.body and message.private_link == ""
    assert message.status == Message.Status.SENT and message.notify_id == sent.notify_id


def test_letter_pdf_goes_to_notify_as_a_file_link(north, fake_notify):
    use_notify(north.area, fake_notify)
    pdf = services.File("letter.pdf", "application/pdf", b"%PDF-1.4 the letter")
    ics = services.File("meeting.ics", "text/calendar", b"BEGIN:VCALENDAR")
    queue(key="with-pdf", area=north.area, attachments=(ics, pdf))
    delivery.deliver_due()  # what the task does once the transaction commits

    (sent,) = fake_notify.of_kind("email")
    upload = sent.payload["personalisation"]["file"]
    assert base64.b64decode(upload["file"]) == b"%PDF-1.4 the letter"
    assert upload["filename"] == "letter.pdf"


def test_area_without_notify_still_sends_by_smtp(north, fake_notify, mailoutbox):
    use_notify(north.area, fake_notify, use_for_email=False)
    message = queue(key="smtp", area=north.area)
    delivery.deliver_due()  # what the task does once the transaction commits
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and not fake_notify.received
    assert [m.to for m in mailoutbox] == [["victim@example.com"]]


def test_a_text_goes_to_notify_with_the_text_template(north, fake_notify):
    use_notify(north.area, fake_notify)
    message = services.queue_text(
        key="text-1",
        to="07700900982",
        template="letter_ready",
        context={"area": north.area, "reference": "NOR-1"},
        topic="Letter",
        area=north.area,
        reference="NOR-1",
    )
    delivery.deliver_due()  # what the task does once the transaction commits
    message.refresh_from_db()
    (sent,) = fake_notify.of_kind("sms")
    assert sent.payload["template_id"] == TEXT_TEMPLATE
    assert sent.payload["phone_number"] == "07700900982"
    assert sent.payload["reference"] == "text-1"
    assert "NOR-1" in sent.payload["personalisation"]["body"]
    assert message.channel == Message.Channel.TEXT and message.status == Message.Status.SENT


def test_a_posted_letter_goes_to_notify_precompiled(north, fake_notify):
    use_notify(north.area, fake_notify)
    pdf = services.File("letter.pdf", "application/pdf", b"%PDF-1.4 posted")
    message = services.queue_letter(key="post-1", letter=pdf, topic="Letter", area=north.area)
    delivery.deliver_due()  # what the task does once the transaction commits
    message.refresh_from_db()
    (sent,) = fake_notify.of_kind("letter")
    assert base64.b64decode(sent.payload["content"]) == b"%PDF-1.4 posted"
    assert sent.payload["reference"] == "post-1"
    assert message.status == Message.Status.SENT


def test_no_text_or_letter_is_queued_where_notify_does_not_send_them(north, fake_notify):
    use_notify(north.area, fake_notify, use_for_text=False, use_for_letters=False)
    pdf = services.File("letter.pdf", "application/pdf", b"%PDF")
    text = services.queue_text(
        key="t", to="07700900982", template="received", context={}, topic="T", area=north.area
    )
    assert text is None
    assert services.queue_letter(key="l", letter=pdf, topic="L", area=north.area) is None


def test_the_fake_refuses_a_badly_signed_request_so_signing_is_proved(north, fake_notify):
    # A key with the right service id but the wrong secret: the JWT's signature is wrong.
    wrong = f"portal_test-{fake_notify.service_id}-{uuid.uuid4()}"
    use_notify(north.area, fake_notify, api_key=wrong)
    message = queue(key="bad-jwt", area=north.area)
    delivery.deliver_due()  # what the task does once the transaction commits

    message.refresh_from_db()
    assert not fake_notify.received
    assert fake_notify.refused and fake_notify.refused[0].startswith("signature")
    assert message.status == Message.Status.PENDING and message.attempts == 1
    assert "403" in message.last_error


@pytest.mark.parametrize(
    "claims, why",
    [
        ({"iss": "someone-else"}, "iss is not this service"),
        ({"iat": 1_000_000_000}, "iat is not recent"),
    ],
)
def test_the_fake_checks_issuer_and_issue_time(fake_notify, claims, why):
    token = jwt.encode(
        {"iss": fake_notify.service_id, "iat": int(timezone.now().timestamp()), **claims},
        fake_notify.secret,
        algorithm="HS256",
    )
    response = requests.get(
        f"{fake_notify.url}/v2/notifications",
        headers={"Authorization": f"Bearer {token}"},
        timeout=5,
    )
    assert response.status_code == 403 and fake_notify.refused == [why]


def test_a_failed_notify_call_retries_like_smtp_and_is_sent_once(north, fake_notify):
    use_notify(north.area, fake_notify)
    fake_notify.fail_next(1)
    message = queue(key="retry", area=north.area)
    delivery.deliver_due()  # what the task does once the transaction commits

    message.refresh_from_db()
    assert message.status == Message.Status.PENDING and message.attempts == 1
    assert message.next_attempt_at > timezone.now() + timedelta(seconds=30)
    assert "500" in message.last_error and not fake_notify.received

    assert delivery.deliver_due(now=timezone.now() + timedelta(minutes=5)) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and message.attempts == 2
    assert len(fake_notify.of_kind("email")) == 1
    # Nothing else is due: a later run sends nothing more.
    assert delivery.deliver_due(now=timezone.now() + timedelta(hours=1)) == 0
    assert len(fake_notify.received) == 1


def test_a_try_whose_answer_was_lost_is_not_sent_twice(north, fake_notify):
    """A timeout can hide a request Notify did take: the retry finds it by its reference."""
    use_notify(north.area, fake_notify)
    message = queue(key="lost-answer", area=north.area)
    delivery.deliver_due()  # what the task does once the transaction commits
    (first,) = fake_notify.received
    # As if that answer never reached us: the row still waits for a second try.
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.PENDING, attempts=1, notify_id="", next_attempt_at=timezone.now()
    )
    delivery.deliver_due(now=timezone.now() + timedelta(minutes=1))
    message.refresh_from_db()
    assert len(fake_notify.received) == 1
    assert message.status == Message.Status.SENT and message.notify_id == first.notify_id


def test_a_failed_notify_message_fails_after_a_day_of_tries(north, fake_notify):
    use_notify(north.area, fake_notify)
    fake_notify.fail_next(1000)
    message = queue(key="outage", area=north.area)
    delivery.deliver_due()  # what the task does once the transaction commits
    later = timezone.now() + timedelta(days=1, minutes=1)
    delivery.deliver_due(now=later)
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED and message.failed_at == later


def test_a_letter_to_an_applicant_who_wants_post_is_posted_through_notify(north, fake_notify):
    from triggers.models import Case, ContactMethod
    from triggers.threshold.services import decide_threshold

    use_notify(north.area, fake_notify)
    Case.objects.filter(pk=north.case.pk).update(
        contact_method=ContactMethod.POST,
        applicant_address="1 Elm Court",
        applicant_postcode="NT1 2AB",
    )
    north.case.refresh_from_db()
    decide_threshold(north.case, "met", by=north.officer)
    (posted,) = Message.objects.filter(channel=Message.Channel.LETTER)
    assert posted.reference == north.case.reference
    assert bytes(posted.attachments.get().content)[:4] == b"%PDF"  # memoryview on PostgreSQL
    delivery.deliver_due()
    (sent,) = fake_notify.of_kind("letter")
    assert sent.payload["reference"] == posted.idempotency_key
    # Notify prints and posts it: it never waits in the area's own print queue, and counts
    # as served on the second working day after Notify posts it (DOMAIN.md §5.8).
    from agencies.working_days import add_working_days
    from triggers.models import LetterDelivery

    (copy,) = LetterDelivery.objects.filter(case=north.case)
    assert copy.status == LetterDelivery.Status.POSTED
    assert copy.posted_on == add_working_days(timezone.localdate(), 1)
    assert copy.served_on == add_working_days(copy.posted_on, 2)


def test_no_letter_is_posted_where_notify_does_not_post_them(north, fake_notify):
    from triggers.models import Case, ContactMethod
    from triggers.threshold.services import decide_threshold

    use_notify(north.area, fake_notify, use_for_letters=False)
    Case.objects.filter(pk=north.case.pk).update(
        contact_method=ContactMethod.POST, applicant_address="1 Elm Court"
    )
    north.case.refresh_from_db()
    decide_threshold(north.case, "met", by=north.officer)
    assert not Message.objects.filter(channel=Message.Channel.LETTER).exists()


def test_a_letter_posted_through_notify_is_dated_today_and_appealable_from_service(
    north, fake_notify
):
    import io

    from pypdf import PdfReader

    from agencies.working_days import add_working_days
    from triggers.models import Case, ContactMethod
    from triggers.selectors import appeal_deadline
    from triggers.threshold.services import decide_threshold

    use_notify(north.area, fake_notify)
    Case.objects.filter(pk=north.case.pk).update(
        contact_method=ContactMethod.POST,
        applicant_address="1 Elm Court",
        applicant_postcode="NT1 2AB",
    )
    north.case.refresh_from_db()
    decide_threshold(
        north.case, "not_met", by=north.officer, reasons="Not found.", refusal_reason="not_found"
    )
    (posted,) = Message.objects.filter(channel=Message.Channel.LETTER)
    pdf = bytes(posted.attachments.get().content)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    today = timezone.localdate()
    served = add_working_days(add_working_days(today, 1), 2)
    assert f"Date: {today:%-d %B %Y}" in text
    assert f"{appeal_deadline(served, north.area):%-d %B %Y}" in text
    # The letter kept on the case says the same.
    kept = north.case.letters.get()
    kept_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(kept.pdf))).pages)
    assert f"{appeal_deadline(served, north.area):%-d %B %Y}" in kept_text
    assert kept.dated == today
