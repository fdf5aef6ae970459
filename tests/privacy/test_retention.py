"""Retention: finished cases past their area's retention lose their personal data, and keep
what statutory publication needs."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from agencies import privacy
from audit.models import AccessRecord
from notifications.models import Message
from tests.factories import make_case
from triggers.information.services import ReturnData, submit_return
from triggers.models import Case, Complaint
from triggers.threshold.services import decide_threshold


def finish(case, *, years_ago, area):
    closed = timezone.now() - timedelta(days=365 * years_ago)
    Case.objects.filter(pk=case.pk).update(status="closed", closed_at=closed)


@pytest.fixture
def closed_case(north):
    case = north.case
    Case.objects.filter(pk=case.pk).update(
        applicant_phone="07700 900123",
        applicant_address="1 High Street",
        applicant_postcode="L1 1AA",
        impact="We cannot sleep.",
        victim_name="Victim Person",
    )
    decide_threshold(case, "met", by=north.officer, reasons="Three reports by Ms Applicant.")
    request = case.information_requests.get(agency=north.police)
    pdf = SimpleUploadedFile("log.pdf", b"%PDF-1.4 police log", "application/pdf")
    submit_return(
        request, ReturnData(actions_taken="Visited Ms Applicant."), by=north.responder, files=[pdf]
    )
    finish(case, years_ago=north.area.retention_years + 1, area=north.area)
    return Case.objects.get(pk=case.pk)


@pytest.mark.django_db
def test_expired_case_loses_personal_data_and_keeps_the_figures(
    closed_case, north, django_capture_on_commit_callbacks
):
    document = closed_case.documents.get()
    stored_name = document.file.name
    assert default_storage.exists(stored_name)
    events_before = closed_case.events.count()
    # The history's reasons are kept twice, in English and as words (issue #19): both go.
    assert closed_case.events.filter(words__has_key="reasons").exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert privacy.anonymise_expired_cases() == 1

    case = Case.objects.get(pk=closed_case.pk)
    assert case.applicant_name == "(removed)" and case.anonymised_at is not None
    for field in (
        "applicant_email",
        "applicant_phone",
        "applicant_address",
        "impact",
        "victim_name",
    ):
        assert getattr(case, field) == "", field
    assert case.tracking_token_hash == "" and case.tracking_revoked
    assert set(Complaint.objects.filter(case=case).values_list("description", flat=True)) == {""}
    assert not case.documents.exists() and not default_storage.exists(stored_name)
    assert bytes(case.letters.get().pdf) == b"" and case.letters.get().html == ""
    # How each person got the letter stays, without who they were or where they live.
    delivery = case.letter_deliveries.get()
    assert (delivery.name, delivery.address, delivery.status) == ("(removed)", "", "emailed")
    info_return = case.information_requests.get(agency=north.police).information_return
    assert info_return.actions_taken == ""
    assert case.threshold_decisions.get().reasons == ""
    assert set(case.events.values_list("reasons", flat=True)) == {""}
    assert not case.events.filter(words__has_key="reasons").exists()
    assert case.events.filter(words__has_key="summary").exists()  # what happened stays
    messages = Message.objects.filter(reference=case.reference)
    assert messages.exists() and not messages.exclude(body="").exists()
    assert not messages.filter(to_address="applicant@example.com").exists()

    # What publication needs is still there.
    assert case.area_id == north.area.pk and case.status == "closed"
    assert case.received_at and case.closed_at and case.application_date
    assert case.threshold_decisions.get().outcome == "met"
    assert case.complaints.count() == 3
    assert case.events.count() == events_before + 1
    assert case.events.filter(to_status="threshold_met").exists()
    assert case.events.last().summary.startswith("Personal data removed")
    record = AccessRecord.objects.get(action="anonymise")
    assert record.case_reference == case.reference and record.who == "system (retention)"


@pytest.mark.django_db
def test_cases_still_within_retention_or_open_are_left_alone(north, south):
    open_case = make_case(north.area, applicant_name="Still Open")
    finish(south.case, years_ago=south.area.retention_years - 1, area=south.area)
    assert privacy.anonymise_expired_cases() == 0
    assert Case.objects.get(pk=open_case.pk).applicant_name == "Still Open"
    assert Case.objects.get(pk=south.case.pk).applicant_name == "South Applicant"


@pytest.mark.django_db
def test_retention_runs_once_per_case(closed_case):
    assert privacy.anonymise_expired_cases() == 1
    assert privacy.anonymise_expired_cases() == 0


@pytest.mark.django_db
def test_the_beat_schedule_runs_it_nightly(closed_case, settings):
    from agencies.tasks import anonymise_expired_cases

    entry = settings.CELERY_BEAT_SCHEDULE["anonymise-expired-cases"]
    assert entry["task"] == "agencies.tasks.anonymise_expired_cases"
    assert anonymise_expired_cases.delay().get() == 1


def test_each_app_with_personal_data_has_privacy_hooks():
    found = {label for label, _ in privacy.hooks("anonymise_case")}
    assert {"audit", "notifications", "triggers"} <= found
    assert {"notifications", "triggers"} <= {label for label, _ in privacy.hooks("subject_access")}
