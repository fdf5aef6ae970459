"""The return's reports grow with "Add another" on the server; a return can be saved as a
draft (not sent) and, once sent, corrected until the review is held."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import RoleAssignment
from notifications.models import Message
from tests.factories import user_with_role
from triggers.information import services as information_services
from triggers.information.services import ReportData, ReturnData
from triggers.models import DraftReturn, InformationRequest
from triggers.threshold import services as threshold_services
from triggers.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(north):
    threshold_services.decide_threshold(north.case, "met", by=north.officer)
    return north.case.information_requests.get(agency=north.police)


def report(n, summary, day="3"):
    return {
        f"report_{n}_date_0": day,
        f"report_{n}_date_1": "10",
        f"report_{n}_date_2": "2026",
        f"report_{n}_summary": summary,
        f"report_{n}_reference": f"REF-{n}",
    }


def blocks_shown(page: str) -> int:
    return page.count('data-add-another-item="report"')


def test_the_return_starts_with_one_report_block(client, north, police):
    client.force_login(north.responder)
    page = client.get(reverse("request_detail", args=[police.pk])).content.decode()
    assert blocks_shown(page) == 1 and "Add another report" in page


def test_add_another_keeps_what_was_typed_and_judges_nothing(client, north, police):
    client.force_login(north.responder)
    url = reverse("request_detail", args=[police.pk])
    response = client.post(url, {**report(1, "Noise at night"), "add": "report"})
    page = response.content.decode()
    assert response.status_code == 200 and blocks_shown(page) == 2
    assert "Noise at night" in page and 'name="report_2_summary"' in page
    assert "govuk-error-summary" not in page  # the new empty block is not an error
    police.refresh_from_db()
    assert police.status == InformationRequest.Status.REQUESTED  # nothing was sent


def test_remove_takes_the_block_out_and_moves_the_later_ones_up(client, north, police):
    client.force_login(north.responder)
    url = reverse("request_detail", args=[police.pk])
    typed = {**report(1, "First"), **report(2, "Second"), **report(3, "Third")}
    page = client.post(url, {**typed, "remove": "report-2"}).content.decode()
    assert blocks_shown(page) == 2 and "Second" not in page
    assert "First" in page and "Third" in page
    assert page.index('name="report_2_summary"') < page.index("Third")


def test_sending_n_blocks_stores_n_reports(client, north, police):
    client.force_login(north.responder)
    url = reverse("request_detail", args=[police.pk])
    typed = {f"{k}": v for n in range(1, 8) for k, v in report(n, f"Report {n}").items()}
    response = client.post(url, typed)
    assert response.status_code == 302
    police.refresh_from_db()
    assert police.information_return.reports.count() == 7  # more than the old five slots


def test_a_draft_is_not_a_return(client, north, police):
    client.force_login(north.responder)
    url = reverse("request_detail", args=[police.pk])
    due = police.due_date
    messages_before = Message.objects.count()
    typed = {**report(1, "Half done"), "report_2_summary": "no date yet", "draft": ""}
    assert client.post(url, typed).status_code == 302
    police.refresh_from_db()
    assert police.status == InformationRequest.Status.REQUESTED and police.due_date == due
    assert Message.objects.count() == messages_before  # nobody is told
    assert not InformationRequest.objects.filter(information_return__isnull=False).exists()
    page = client.get(url).content.decode()  # come back and continue, as typed
    assert "Half done" in page and "no date yet" in page and blocks_shown(page) == 2
    assert "govuk-error-summary" not in page
    client.force_login(north.officer)
    page = client.get(url).content.decode()
    assert "Draft saved" in page and "Half done" not in page
    assert "Information returned" not in page


def test_sending_after_a_draft_sends_and_forgets_the_draft(client, north, police):
    client.force_login(north.responder)
    url = reverse("request_detail", args=[police.pk])
    client.post(url, {**report(1, "Noise"), "draft": ""})
    assert client.post(url, {**report(1, "Noise")}).status_code == 302
    police.refresh_from_db()
    assert police.status == InformationRequest.Status.RETURNED
    assert not DraftReturn.objects.exists()


def test_another_agencys_responder_cannot_open_the_draft(client, north, police):
    client.force_login(north.responder)
    url = reverse("request_detail", args=[police.pk])
    client.post(url, {**report(1, "Private draft"), "draft": ""})
    council_responder = user_with_role(
        RoleAssignment.Role.AGENCY_RESPONDER,
        agency=north.council,
        email="responder@council.example.org",
    )
    client.force_login(council_responder)
    assert client.get(url).status_code == 404
    with pytest.raises(information_services.RequestRefused):
        information_services.save_draft(police, {}, by=council_responder)


def sent(north, police, summary="Patrols"):
    return information_services.submit_return(
        police,
        ReturnData(reports=[ReportData(timezone.localdate() - timedelta(days=2), summary)]),
        by=north.responder,
    )


def test_a_return_is_corrected_until_the_review_is_held(client, north, police):
    sent(north, police)
    client.force_login(north.responder)
    url = reverse("request_detail", args=[police.pk])
    assert "Change your information" in client.get(url).content.decode()
    page = client.get(url + "?change=1").content.decode()
    assert "Patrols" in page and "Save as draft" not in page  # shown as sent, to change
    response = client.post(url + "?change=1", {**report(1, "Patrols, corrected")})
    assert response.status_code == 302
    info = InformationRequest.objects.get(pk=police.pk).information_return
    assert info.submissions == 2 and info.reports.get().summary == "Patrols, corrected"
    assert north.case.events.filter(summary__startswith="Information corrected").count() == 1
    assert north.case.events.filter(summary__startswith="Information returned").count() == 1
    corrected = Message.objects.filter(topic="Information corrected")
    assert list(corrected.values_list("to_address", flat=True)) == [north.officer.email]


def test_no_correction_once_the_review_is_held(client, north, police):
    sent(north, police)
    north.case.status = Status.REVIEW_HELD
    north.case.save()
    with pytest.raises(information_services.RequestRefused, match="review has been held"):
        sent(north, police, "Too late")
    client.force_login(north.responder)
    url = reverse("request_detail", args=[police.pk])
    page = client.get(url + "?change=1").content.decode()
    assert "Change your information" not in page and 'name="report_1_summary"' not in page
    client.post(url, {**report(1, "Too late")})
    info = InformationRequest.objects.get(pk=police.pk).information_return
    assert info.submissions == 1 and info.reports.get().summary == "Patrols"


def test_the_case_page_shows_a_draft_as_not_sent(client, north, police):
    information_services.save_draft(police, {"actions_taken": ["Visits"]}, by=north.responder)
    client.force_login(north.officer)
    page = client.get(
        reverse("case_detail", args=[north.area.slug, north.case.reference])
    ).content.decode()
    assert "Draft saved" in page and "not sent" in page and "Returned</strong>" not in page
