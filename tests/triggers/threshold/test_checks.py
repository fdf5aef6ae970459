"""Passing the application on: every relevant body checks the complaints from receipt, and
the threshold page shows their checks beside the engine's count (DOMAIN.md §5.1-2)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agencies.models import Agency, AreaMembership, RoleAssignment
from agencies.working_days import add_working_days
from notifications.models import Message
from tests.factories import (
    AgencyFactory,
    MembershipFactory,
    complaint_data,
    make_case,
    user_with_role,
)
from triggers.models import ThresholdCheck, ThresholdDecision
from triggers.threshold import checks
from triggers.threshold import services as threshold_services
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


def check_url(check):
    return reverse("threshold_check", args=[check.pk])


def threshold_url(case):
    return reverse("case_threshold", args=[case.area.slug, case.reference])


def findings_post(case, finding="found", **extra):
    data = {}
    for complaint in case.complaints.all():
        data[f"finding_{complaint.pk}"] = finding
        data[f"reference_{complaint.pk}"] = f"CAD-{complaint.position}"
        data[f"note_{complaint.pk}"] = ""
    return {**data, **extra}


def test_each_relevant_body_gets_one_check_request_on_receipt(north, south):
    requests = Message.objects.filter(topic="Threshold check requested")
    north_to = set(north.area.memberships.values_list("contact_email", flat=True))
    assert set(requests.filter(area=north.area).values_list("to_address", flat=True)) == north_to
    assert requests.filter(area=north.area).count() == 2  # the council and the police
    assert not requests.filter(area=north.area, reference=south.case.reference).exists()
    for message in requests.filter(reference=north.case.reference):
        assert "applicant@example.com" not in message.body
        assert north.case.reference in message.subject
    check = north.case.threshold_checks.get(agency=north.police)
    due = add_working_days(north.case.application_date, north.area.threshold_decision_days)
    assert (check.status, check.due_date) == (ThresholdCheck.Status.REQUESTED, due)
    assert north.case.events.filter(summary__contains="passed on").exists()


def test_co_opted_and_partner_members_are_not_asked_on_receipt(north):
    fire = AgencyFactory(slug="north-fire", kind=Agency.Kind.FIRE, force_area=north.force)
    MembershipFactory(area=north.area, agency=fire, role=AreaMembership.Role.PARTNER)
    case = make_case(north.area)
    assert set(case.threshold_checks.values_list("agency__slug", flat=True)) == {
        "north-council",
        "north-police",
    }


def test_police_responder_sees_the_application_before_any_decision_and_records_a_check(
    client, north
):
    client.force_login(north.responder)
    inbox = client.get(reverse("inbox")).content.decode()
    assert "Applications to check" in inbox and north.case.reference in inbox
    check = north.case.threshold_checks.get(agency=north.police)
    page = client.get(check_url(check)).content.decode()
    assert north.case.applicant_name in page
    assert "applicant@example.com" not in page
    # Nothing chosen: an error summary, nothing recorded.
    page = client.post(check_url(check), {}).content.decode()
    assert "govuk-error-summary" in page and "Choose whether complaint 1" in page
    response = client.post(check_url(check), findings_post(north.case))
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.status == ThresholdCheck.Status.CHECKED and check.checked_by == north.responder
    assert check.findings.count() == 3 and check.findings.first().reference == "CAD-0"
    assert north.case.events.filter(summary__contains="checked by North Police").exists()
    # Recorded once: the page now shows it, with no form.
    assert "Record your check" not in client.get(check_url(check)).content.decode()


def test_responder_of_an_agency_that_is_no_relevant_body_gets_404(client, north, south):
    check = north.case.threshold_checks.get(agency=north.police)
    client.force_login(south.responder)
    assert client.get(check_url(check)).status_code == 404
    housing = AgencyFactory(slug="north-homes", kind=Agency.Kind.HOUSING, force_area=north.force)
    MembershipFactory(area=north.area, agency=housing, role=AreaMembership.Role.CO_OPTED_HOUSING)
    tenant_officer = user_with_role(RoleAssignment.Role.AGENCY_RESPONDER, agency=housing)
    client.force_login(tenant_officer)
    assert client.get(check_url(check)).status_code == 404
    assert north.case.reference not in client.get(reverse("inbox")).content.decode()


def test_another_bodys_check_cannot_be_recorded(north):
    council_check = north.case.threshold_checks.get(agency=north.council)
    with pytest.raises(checks.CheckRefused):
        checks.record_check(council_check, [], by=north.responder)


def test_refusing_against_the_engines_met_needs_a_listed_reason(client, north):
    client.force_login(north.officer)
    page = client.post(
        threshold_url(north.case),
        {"outcome": "not_met", "reasons": "It is under investigation by another agency."},
    ).content.decode()
    assert "govuk-error-summary" in page and "choose why from the list" in page
    north.case.refresh_from_db()
    assert north.case.status == Status.SUBMITTED
    page = client.post(
        threshold_url(north.case),
        {"outcome": "not_met", "refusal_reason": "under_investigation", "reasons": "Police."},
    ).content.decode()
    assert "govuk-error-summary" in page  # not on the list: not a lawful reason
    response = client.post(
        threshold_url(north.case),
        {
            "outcome": "not_met",
            "refusal_reason": "outside_area",
            "reasons": "The flats are in the next borough.",
        },
    )
    assert response.status_code == 302
    check_page = client.get(response.url).content.decode()
    assert "The behaviour happened outside the area" in check_page
    assert not north.case.threshold_decisions.exists()  # nothing until confirmed
    response = client.post(response.url)
    assert response.status_code == 302
    decision = north.case.threshold_decisions.get()
    assert decision.refusal_reason == ThresholdDecision.RefusalReason.OUTSIDE_AREA
    event = north.case.events.get(to_status=Status.THRESHOLD_NOT_MET)
    assert "relevant bodies decided" in event.summary and "outside the area" in event.reasons
    letter = north.case.letters.get()
    reader = PdfReader(io.BytesIO(bytes(letter.pdf)))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "relevant bodies decided" in text
    assert "the behaviour happened outside this area" in text


def test_threshold_page_shows_each_bodys_findings(client, north):
    police_check = north.case.threshold_checks.get(agency=north.police)
    complaints = list(north.case.complaints.all())
    checks.record_check(
        police_check,
        [
            checks.FindingData(complaints[0].pk, "found", "CAD-111"),
            checks.FindingData(complaints[1].pk, "not_found"),
            checks.FindingData(complaints[2].pk, "not_ours", note="Reported to the council."),
        ],
        by=north.responder,
    )
    client.force_login(north.officer)
    page = client.get(threshold_url(north.case)).content.decode()
    assert "North Police</strong>: found in our records (ref CAD-111)" in page
    assert "not found in our records" in page and "Reported to the council." in page
    assert "North Council</strong>: not checked" in page
    assert "Counts" in page


def test_reminder_before_due_escalation_when_overdue_and_none_after_the_decision(north):
    check = north.case.threshold_checks.get(agency=north.police)
    days = north.area.threshold_decision_days
    remind_day = add_working_days(north.case.application_date, days - 2)
    assert checks.send_check_reminders(add_working_days(north.case.application_date, 1)) == (0, 0)
    assert checks.send_check_reminders(remind_day) == (2, 0)
    assert checks.send_check_reminders(remind_day) == (0, 0)  # sent once
    reminders = Message.objects.filter(topic="Reminder: threshold check due")
    assert set(reminders.values_list("to_address", flat=True)) == {
        check.contact_email,
        north.case.threshold_checks.get(agency=north.council).contact_email,
    }
    late = add_working_days(check.due_date, 1)
    assert checks.send_check_reminders(late) == (0, 2)
    overdue = Message.objects.filter(topic="Threshold check overdue")
    assert set(overdue.values_list("to_address", flat=True)) == {north.admin.email}
    # A decided case: its checks close, and nobody is reminded about them.
    case = make_case(north.area, complaints=[complaint_data(40), complaint_data(20)])
    threshold_services.decide_threshold(case, "not_met", by=north.officer, reasons="Two only.")
    assert set(case.threshold_checks.values_list("status", flat=True)) == {"closed"}
    due = case.threshold_checks.first().due_date
    assert checks.send_check_reminders(remind_day) == (0, 0)
    assert checks.send_check_reminders(add_working_days(due, 3)) == (0, 0)


def test_met_decision_still_asks_for_information(north):
    threshold_services.decide_threshold(north.case, "met", by=north.officer)
    north.case.refresh_from_db()
    assert north.case.status == Status.AGENCIES_NOTIFIED
    assert north.case.information_requests.count() == 2
    assert set(north.case.threshold_checks.values_list("status", flat=True)) == {"closed"}


def test_api_gives_a_responder_the_partner_view_only(client, north):
    client.force_login(north.responder)
    url = reverse("api:case_detail", args=[north.area.slug, north.case.reference])
    data = client.get(url).json()
    assert data["applicant_name"] == north.case.applicant_name
    assert data["applicant_email"] is None and data["applicant_phone"] is None


def test_a_report_to_someone_who_is_not_a_relevant_body_counts_and_is_flagged(client, north):
    """s104(11) asks only that a complaint was made: one made to an MP still counts, and the
    bodies are shown it to check with the person it was made to (DOMAIN.md §5, issue #14)."""
    case = make_case(
        north.area,
        complaints=[
            complaint_data(50, reported_to=north.police),
            complaint_data(30, reported_to=north.council),
            complaint_data(10, reported_to_other="Our MP, at her surgery"),
        ],
    )
    to_mp = case.complaints.get(reported_to_other__startswith="Our MP")
    assert threshold_services.assess_case(case).threshold_met  # it counts
    assert checks.reported_elsewhere(case, list(case.complaints.all())) == {to_mp.pk}
    client.force_login(north.officer)
    page = client.get(threshold_url(case)).content.decode()
    assert page.count("Not made to a relevant body") == 1
    client.force_login(north.responder)
    police_check = case.threshold_checks.get(agency=north.police)
    assert "Not made to a relevant body" in client.get(check_url(police_check)).content.decode()
