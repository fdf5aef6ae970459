"""Asking every relevant body for information, their returns, reminders and escalation."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency, AreaMembership
from agencies.working_days import add_working_days
from notifications.models import Message
from tests.factories import AgencyFactory, MembershipFactory
from triggers import counts, uploads
from triggers.information import services as information_services
from triggers.information.services import ReportData, ReturnData
from triggers.models import InformationRequest
from triggers.threshold import services as threshold_services
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def met(north):
    """North's case with the threshold met (not yet recorded), and a co-opted housing
    provider in the area."""
    north.housing = AgencyFactory(
        slug="north-homes", name="North Homes", kind=Agency.Kind.HOUSING, force_area=north.force
    )
    MembershipFactory(
        area=north.area, agency=north.housing, role=AreaMembership.Role.CO_OPTED_HOUSING
    )
    return north


def decide_met(side, also_ask=()):
    threshold_services.decide_threshold(side.case, "met", by=side.officer, also_ask=also_ask)
    side.case.refresh_from_db()
    return list(side.case.information_requests.select_related("agency"))


def test_every_relevant_body_is_asked_and_emailed_once(met):
    sent = decide_met(met)
    assert {r.agency for r in sent} == {met.council, met.police}  # housing only when chosen
    assert met.case.status == Status.AGENCIES_NOTIFIED
    due = add_working_days(timezone.localdate(), met.area.information_return_days)
    assert {r.due_date for r in sent} == {due} and met.case.next_due == due
    emails = Message.objects.filter(topic="Information requested")
    assert sorted(emails.values_list("to_address", flat=True)) == sorted(
        r.contact_email for r in sent
    )


def test_officer_chooses_co_opted_housing_provider_when_deciding(client, met):
    client.force_login(met.officer)
    url = reverse("case_threshold", args=[met.area.slug, met.case.reference])
    assert "North Homes" in client.get(url).content.decode()
    response = client.post(url, {"outcome": "met", "also_ask": [str(met.housing.pk)]})
    assert response.status_code == 302
    assert "North Homes" in client.get(response.url).content.decode()  # who will be asked
    assert client.post(response.url).status_code == 302
    assert set(met.case.information_requests.values_list("agency__slug", flat=True)) == {
        met.council.slug,
        met.police.slug,
        "north-homes",
    }


def test_agencies_cannot_be_asked_before_the_threshold_is_decided(north):
    with pytest.raises(information_services.RequestRefused):
        information_services.notify_agencies(north.case, by=north.officer)


def test_area_without_relevant_bodies_is_refused_clearly(met):
    met.area.memberships.filter(role=AreaMembership.Role.RELEVANT_BODY).delete()
    with pytest.raises(information_services.RequestRefused, match="no relevant bodies"):
        decide_met(met)
    met.case.refresh_from_db()
    assert met.case.status == Status.SUBMITTED  # the whole decision rolled back


def test_further_round_asks_again_through_the_notify_page(client, met):
    decide_met(met)
    met.case.status = Status.FURTHER_REVIEW  # as an upheld appeal leaves it
    met.case.save()
    client.force_login(met.officer)
    url = reverse("case_notify", args=[met.area.slug, met.case.reference])
    page = client.get(url).content.decode()
    assert "North Homes" in page and met.police.name in page
    assert client.post(url, {"also_ask": [str(met.housing.pk)]}).status_code == 302
    rounds = met.case.information_requests.values_list("round", flat=True)
    assert sorted(rounds) == [1, 1, 2, 2, 2]


def police_request(side):
    decide_met(side)
    return side.case.information_requests.get(agency=side.police)


def test_responder_returns_information_with_reports_and_a_document(client, met):
    request = police_request(met)
    client.force_login(met.responder)
    url = reverse("request_detail", args=[request.pk])
    assert "Send your information" in client.get(url).content.decode()
    pdf = SimpleUploadedFile("incident-log.pdf", b"%PDF-1.7\n...", "application/pdf")
    response = client.post(
        url,
        {
            "report_1_date_0": "3",
            "report_1_date_1": "10",
            "report_1_date_2": "2026",
            "report_1_summary": "Noise complaint, officers attended.",
            "report_1_reference": "MP-1",
            "actions_taken": "Warning letter sent.",
            "documents": pdf,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.RETURNED
    info = request.information_return
    assert info.reports.get().reference == "MP-1"
    document = request.documents.get()
    assert (
        document.content_type == "application/pdf" and document.original_name == "incident-log.pdf"
    )
    assert (
        Message.objects.filter(topic="Information returned", to_address=met.officer.email).count()
        == 1
    )
    download = client.get(reverse("document", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_disguised_executable_is_refused_and_nothing_is_saved(client, met):
    request = police_request(met)
    client.force_login(met.responder)
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(
        reverse("request_detail", args=[request.pk]),
        {"actions_taken": "Visited.", "documents": fake},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "must be a PDF" in page
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.REQUESTED
    assert not request.documents.exists()


def test_upload_size_limit():
    with pytest.raises(uploads.UploadRefused, match="smaller than"):
        uploads.check_upload("big.pdf", uploads.MAX_UPLOAD_BYTES + 1, b"%PDF-")
    assert uploads.check_upload("notes.txt", 10, b"plain words").content_type == "text/plain"
    with pytest.raises(uploads.UploadRefused):
        uploads.check_upload("archive.zip", 10, b"PK\x03\x04rest")


def test_empty_return_is_refused(met):
    request = police_request(met)
    with pytest.raises(information_services.RequestRefused):
        information_services.submit_return(request, ReturnData(), by=met.responder)
    info = information_services.submit_return(
        request, ReturnData(holds_no_information=True), by=met.responder
    )
    assert info.holds_no_information


def test_another_agencys_staff_cannot_answer(client, met):
    council_request = next(r for r in decide_met(met) if r.agency == met.council)
    client.force_login(met.responder)  # police
    assert client.get(reverse("request_detail", args=[council_request.pk])).status_code == 404
    with pytest.raises(information_services.RequestRefused):
        information_services.submit_return(
            council_request, ReturnData(actions_taken="x"), by=met.responder
        )


def test_responder_sees_only_own_agencys_return_on_the_case(client, met):
    requests = decide_met(met)
    council_request = next(r for r in requests if r.agency == met.council)
    police = next(r for r in requests if r.agency == met.police)
    council_user = met.officer  # stands in for council staff returning the council's part
    council_user.agency = met.council
    information_services.submit_return(
        council_request,
        ReturnData(
            reports=[
                ReportData(timezone.localdate() - timedelta(days=5), "Council noise team visit")
            ]
        ),
        by=council_user,
    )
    information_services.submit_return(
        police,
        ReturnData(reports=[ReportData(timezone.localdate() - timedelta(days=3), "Police patrol")]),
        by=met.responder,
    )
    client.force_login(met.responder)
    page = client.get(reverse("case_detail", args=[met.area.slug, met.case.reference]))
    text = page.content.decode()
    assert "Police patrol" in text and "Council noise team visit" not in text
    assert met.case.applicant_email not in text  # contact details are the council's to hold
    client.force_login(met.officer)
    text = client.get(
        reverse("case_detail", args=[met.area.slug, met.case.reference])
    ).content.decode()
    assert "Police patrol" in text and "Council noise team visit" in text


def test_chronology_merges_application_and_returns_by_date(met):
    from triggers.selectors import chronology

    request = police_request(met)
    first_incident = met.case.complaints.order_by("incident_date").first().incident_date
    information_services.submit_return(
        request,
        ReturnData(
            reports=[ReportData(first_incident - timedelta(days=1), "Earlier report to police")]
        ),
        by=met.responder,
    )
    entries = chronology(met.case, include_returns=True)
    assert entries[0]["text"] == "Earlier report to police"
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)


def test_reminder_before_due_and_escalation_when_overdue_each_once(met):
    request = police_request(met)
    due = request.due_date
    day_before = due - timedelta(days=1)
    assert information_services.send_information_reminders(day_before) == (2, 0)
    assert information_services.send_information_reminders(day_before) == (0, 0)
    after = due + timedelta(days=1)
    assert information_services.send_information_reminders(after) == (0, 2)
    assert information_services.send_information_reminders(after) == (0, 0)
    overdue = Message.objects.filter(topic="Information overdue")
    assert set(overdue.values_list("to_address", flat=True)) == {met.admin.email, met.officer.email}
    assert met.case.events.filter(summary__contains="overdue").count() == 2


def test_case_list_shows_overdue_returns(client, met):
    request = police_request(met)
    InformationRequest.objects.filter(pk=request.pk).update(
        due_date=timezone.localdate() - timedelta(days=3)
    )
    # The due date moved outside the services: the case's stored earliest open return is
    # brought up to date as the services do (triggers/counts.py).
    counts.requests_changed(request.case_id)
    client.force_login(met.officer)
    page = client.get(reverse("home"), {"overdue": "on", "apply": "1"}).content.decode()
    assert met.case.reference in page and "1 return overdue" in page


def test_assigned_officer_is_emailed_when_a_return_arrives(met, django_capture_on_commit_callbacks):
    from django.core import mail

    request = police_request(met)
    with django_capture_on_commit_callbacks(execute=True):
        information_services.submit_return(
            request, ReturnData(actions_taken="Patrols."), by=met.responder
        )
    assert any("returned its information" in m.subject for m in mail.outbox)


def test_requests_of_a_held_review_are_no_longer_needed_and_never_chased(client, met):
    """DOMAIN.md §5.4: the review held, the requests still waiting close; nobody is reminded
    or escalated about them, and the responder sees "No longer needed" and cannot answer."""
    from tests.triggers.reviews.test_review import review_data, schedule
    from triggers.reviews import services as reviews_services

    requests = decide_met(met)
    schedule(met, met.case)
    met.case.refresh_from_db()
    reviews_services.record_review(met.case, review_data(met), by=met.officer)
    for request in requests:
        request.refresh_from_db()
        assert request.status == InformationRequest.Status.NO_LONGER_NEEDED
        assert request.get_status_display() == "No longer needed" and request.closed_at
    assert met.case.events.filter(summary__contains="no longer needed").exists()
    due = requests[0].due_date
    for day in (due - timedelta(days=1), due + timedelta(days=1), due + timedelta(days=30)):
        assert information_services.send_information_reminders(day) == (0, 0)
    assert not Message.objects.filter(
        topic__in=["Reminder: information due", "Information overdue"]
    )
    police = next(r for r in requests if r.agency_id == met.police.pk)
    client.force_login(met.responder)
    url = reverse("request_detail", args=[police.pk])
    page = client.get(url).content.decode()
    assert "No longer needed" in page and "Send your information" not in page
    assert "No longer needed" in client.get(reverse("inbox") + "?show=all").content.decode()
    with pytest.raises(information_services.RequestRefused, match="no longer needed"):
        information_services.submit_return(
            police, ReturnData(holds_no_information=True), by=met.responder
        )
