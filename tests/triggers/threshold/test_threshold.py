"""The officer's threshold decision: engine reasons shown, decision recorded, applicant told."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from notifications import delivery
from notifications.models import Message
from tests.factories import complaint_data, make_case
from triggers.models import ThresholdDecision
from triggers.threshold import services as threshold_services
from triggers.tracking import services as tracking_services
from triggers.workflow import Status, TransitionNotAllowed

pytestmark = pytest.mark.django_db


def case_url(case, suffix=""):
    return reverse("case_detail", args=[case.area.slug, case.reference]) + suffix


def pdf_text(data: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def decide(client, case, data):
    """The decision form, then its check page's confirmation."""
    response = client.post(case_url(case, "threshold/"), data)
    assert response.status_code == 302 and response.url.endswith("/threshold/check/")
    return client.post(response.url)


def test_case_page_shows_each_complaints_reason(client, north):
    case = make_case(north.area, complaints=[complaint_data(20), complaint_data(400)])
    client.force_login(north.officer)
    page = client.get(case_url(case)).content.decode()
    assert "Does not count" in page and "Counts" in page
    assert "do not meet the threshold" in page


def test_met_decision_moves_case_writes_letter_and_queues_email(
    client, north, django_capture_on_commit_callbacks
):
    client.force_login(north.officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, north.case, {"outcome": "met"})
    assert response.status_code == 302
    north.case.refresh_from_db()
    # A review goes ahead, so every relevant body is asked at once.
    assert north.case.status == Status.AGENCIES_NOTIFIED
    assert north.case.information_requests.count() == 2
    assert north.case.next_due is not None
    decision = north.case.threshold_decisions.get()
    assert (decision.engine_route, decision.engine_qualifying) == ("complaints", 3)
    letter = north.case.letters.get()
    assert "will go ahead" in letter.title
    assert north.case.reference in pdf_text(bytes(letter.pdf))
    sent = [m for m in mail.outbox if "go ahead" in m.subject]
    assert len(sent) == 1 and sent[0].attachments[0][2] == "application/pdf"
    assert north.case.events.filter(to_status=Status.THRESHOLD_MET, by=north.officer).exists()


def test_met_is_refused_when_the_engine_says_not_met(client, north):
    case = make_case(north.area, complaints=[complaint_data(20)])
    client.force_login(north.officer)
    page = client.post(case_url(case, "threshold/"), {"outcome": "met"}).content.decode()
    assert "govuk-error-summary" in page and "do not meet the threshold" in page
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_discretion_needs_grounds_and_reasons(client, north):
    case = make_case(north.area, complaints=[complaint_data(20)])
    client.force_login(north.officer)
    page = client.post(
        case_url(case, "threshold/"), {"outcome": "met_on_discretion", "reasons": ""}
    ).content.decode()
    assert "Choose at least one ground" in page
    response = decide(
        client,
        case,
        {
            "outcome": "met_on_discretion",
            "grounds": ["vulnerability"],
            "reasons": "The victim is disabled and lives alone.",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.events.filter(to_status=Status.MET_ON_DISCRETION).exists()
    assert case.status == Status.AGENCIES_NOTIFIED
    text = pdf_text(bytes(case.letters.get().pdf))
    assert "vulnerability" in text.lower()


def test_not_met_letter_explains_how_to_appeal(north):
    case = make_case(north.area, complaints=[complaint_data(20), complaint_data(300)])
    threshold_services.decide_threshold(
        case, "not_met", by=north.officer, reasons="Only one report in the last six months."
    )
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET and case.next_due is None
    text = pdf_text(bytes(case.letters.get().pdf))
    assert "looked at again" in text and "Police and Crime Commissioner" in text


def test_hate_incident_route_meets_threshold_with_one_report(north):
    case = make_case(north.area, complaints=[complaint_data(20, hate_related=True)])
    decision = threshold_services.decide_threshold(case, "met", by=north.officer)
    assert decision.engine_route == "hate_incident"


def test_cannot_decide_twice(north):
    threshold_services.decide_threshold(north.case, "met", by=north.officer)
    with pytest.raises(threshold_services.DecisionRefused):
        threshold_services.decide_threshold(north.case, "met", by=north.officer)


def test_bad_outcome_value_gets_an_error_not_a_500(client, north):
    client.force_login(north.officer)
    response = client.post(
        case_url(north.case, "threshold/"), {"outcome": "maybe", "grounds": ["nonsense"]}
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_responder_cannot_decide(client, north):
    client.force_login(north.responder)
    assert client.get(case_url(north.case, "threshold/")).status_code == 404
    assert ThresholdDecision.objects.count() == 0


def test_acknowledge_assigns_officer_and_tells_applicant(client, north):
    client.force_login(north.officer)
    response = client.post(case_url(north.case, "acknowledge/"))
    assert response.status_code == 302
    north.case.refresh_from_db()
    assert north.case.status == Status.ACKNOWLEDGED
    assert north.case.assigned_officer == north.officer
    assert north.case.next_due == north.case.threshold_decision_due
    assert Message.objects.filter(topic="Application acknowledged").count() == 1
    with pytest.raises(TransitionNotAllowed):
        threshold_services.acknowledge(north.case, by=north.officer)


def test_submission_queues_receipt_with_private_link(north):
    message = Message.objects.get(reference=north.case.reference, topic="Application received")
    assert north.case.token not in message.body  # kept apart until sent
    assert message.private_link.endswith(f"/track/{north.case.token}/")
    assert delivery.deliver(message.pk) == Message.Status.SENT
    assert north.case.token in mail.outbox[-1].body
    message.refresh_from_db()
    assert message.private_link == "" and north.case.token not in message.body
    assert north.case.tracking_token_hash not in mail.outbox[-1].body
    assert north.case.tracking_token_hash == tracking_services.hash_token(north.case.token)
