"""Text messages (issue #16): only where the area sends texts through GOV.UK Notify, only to
people who chose them, and never with a name, an address or a link in them."""

import pytest

from appeals import decisions as appeals
from notifications import delivery
from notifications.models import Message
from tests.appeals.helpers import findings, lodge, not_met_case
from tests.triggers.applications.test_apply_journey import CONTACT, answer_until, url
from tests.triggers.meetings.test_review_meeting import schedule
from triggers.models import Case, ContactMethod
from triggers.threshold.services import decide_threshold

from .notify_helpers import fake_notify, use_notify

pytestmark = pytest.mark.django_db
__all__ = ["fake_notify"]

PHONE = "07700 900982"
ADDRESS = "12 Elm Court, Northtown"
POSTCODE = "NT1 2AB"


def wants_texts(case):
    Case.objects.filter(pk=case.pk).update(
        contact_method=ContactMethod.TEXT,
        applicant_name="Robin Quayle",
        applicant_phone=PHONE,
        applicant_address=ADDRESS,
        applicant_postcode=POSTCODE,
    )
    case.refresh_from_db()
    return case


def texts():
    return list(Message.objects.filter(channel=Message.Channel.TEXT).order_by("pk"))


def assert_no_personal_details(case, text):
    for personal in (case.applicant_name, *case.applicant_name.split(), ADDRESS, POSTCODE):
        assert personal not in text.body
    assert "/track/" not in text.body and "http" not in text.body
    assert case.reference in text.body and text.to_address == PHONE


def test_application_received_by_text_through_the_public_form(client, north, fake_notify):
    use_notify(north.area, fake_notify)
    answer_until(client, north, "impact")
    chosen = {**CONTACT, "contact_method": "text", "applicant_phone": PHONE}
    assert client.post(url("contact"), chosen)["Location"] == url("check")
    client.post(url("check"), {})
    case = Case.objects.get(area=north.area, applicant_name="Sam Applicant")
    assert case.contact_method == ContactMethod.TEXT
    (text,) = texts()
    assert text.topic == "Application received"
    assert_no_personal_details(case, text)
    delivery.deliver_due()
    (sms,) = fake_notify.of_kind("sms")
    assert "Sam" not in sms.payload["personalisation"]["body"]


def test_letter_ready_meeting_arranged_and_appeal_decided_texts(client, north, fake_notify):
    use_notify(north.area, fake_notify)
    case = wants_texts(north.case)
    decide_threshold(case, "met", by=north.officer)
    assert [t.topic for t in texts()][-1] == "Threshold decision"
    schedule(client, north, case)
    assert texts()[-1].topic == "Review meeting"
    assert "meeting has been arranged" in texts()[-1].body

    appealed = wants_texts(not_met_case(north))
    appeal = lodge(appealed)
    appeals.decide_appeal(
        appeal,
        appeals.DecisionData(
            upheld=False, reasons="Rightly counted.", findings=findings(appeal, False)
        ),
        by=north.pcc_officer,
    )
    assert "appeal has been decided" in texts()[-1].body
    for text in texts():
        assert_no_personal_details(Case.objects.get(reference=text.reference), text)


def test_no_texts_for_people_who_chose_email(north, fake_notify):
    use_notify(north.area, fake_notify)
    decide_threshold(north.case, "met", by=north.officer)
    assert texts() == []


def test_no_texts_where_the_area_has_not_set_up_notify(north):
    case = wants_texts(north.case)
    decide_threshold(case, "met", by=north.officer)
    assert texts() == []


def test_an_area_without_notify_offers_no_text_option(client, north, fake_notify):
    answer_until(client, north, "impact")
    page = client.get(url("contact")).content.decode()
    assert 'value="text"' not in page
    assert "Text messages are not available in this area." in page
    chosen = {**CONTACT, "contact_method": "text", "applicant_phone": PHONE}
    refused = client.post(url("contact"), chosen)
    assert refused.status_code == 200 and "govuk-error-summary" in refused.content.decode()

    use_notify(north.area, fake_notify)
    page = client.get(url("contact")).content.decode()
    assert 'value="text"' in page and "Text message" in page


def test_the_staff_form_offers_texts_only_where_notify_sends_them(client, north, fake_notify):
    from tests.triggers.applications import test_record_application as record

    client.force_login(north.officer)
    record.post(client, "start", record.arrival(north), then="who")
    record.post(client, "who", {"applying_for": "myself"}, then="complaints")
    record.post(client, "complaint", record.report(north.police.slug), "complaints")
    record.post(client, "complaints", {}, then="impact")
    record.post(client, "impact", record.IMPACT, then="contact")
    page = client.get(record.url("contact")).content.decode()
    assert 'value="text"' not in page and "Text messages are not available" in page
    use_notify(north.area, fake_notify)
    page = client.get(record.url("contact")).content.decode()
    assert 'value="text"' in page


def test_the_api_refuses_texts_where_the_area_sends_none(north, fake_notify):
    from rest_framework.test import APIClient

    from tests.triggers.api.test_api_cases import application, create

    api = APIClient()
    api.force_login(north.officer)
    response = create(api, application(north.area, contact_method="text"))
    assert response.status_code == 400 and "contact_method" in response.json()
    use_notify(north.area, fake_notify)
    assert create(api, application(north.area, contact_method="text")).status_code == 201


def test_a_text_template_may_not_hold_a_private_link(north, fake_notify):
    from notifications import services

    use_notify(north.area, fake_notify)
    with pytest.raises(ValueError, match="private link"):
        services.queue_text(
            key="leaky",
            to=PHONE,
            template="received",
            context={"area": {"name": "https://x.example/track/abcdefghijklmnopqrstu/"}},
            topic="T",
            area=north.area,
        )
