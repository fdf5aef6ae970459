# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: the threshold decision, the bodies' checks, the requests for information and
closing or withdrawing a case, in Welsh for staff of a Welsh area who chose it — each page in
the state where its form is shown (the walk of every staff URL reaches some of them only
once decided), and their forms' errors in Welsh too."""

import re

import pytest
from django.urls import reverse

from tests.appeals.helpers import outcome_sent_case
from tests.welsh.english import english_words
from tests.welsh.staff import welsh_staff
from tests.welsh.test_every_staff_url import names
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

pytestmark = pytest.mark.django_db

LETTER_PREVIEW = re.compile(r'id="letter-preview".*?(?=<div class="govuk-warning-text">)', re.S)


@pytest.fixture
def welsh(client, south):
    """South is an area in Wales; its staff chose Cymraeg."""
    return welsh_staff(client, south)


def welsh_page(response, side, *, without=None) -> str:
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert '<html lang="cy"' in html
    checked = without.sub(" ", html) if without else html
    # The bodies' contacts, as the area named them.
    members = side.area.memberships.all()
    contacts = tuple(m.contact_name for m in members) + tuple(m.contact_email for m in members)
    english = english_words(checked, names=names(side) + contacts + (side.officer.full_name,))
    assert english == [], " ".join(english)
    return html


def case_url(name, case):
    return reverse(name, args=[case.area.slug, case.reference])


def test_the_threshold_decision_page_is_welsh(client, welsh):
    client.force_login(welsh.officer)
    html = welsh_page(client.get(case_url("case_threshold", welsh.case)), welsh)
    assert "Penderfynu ar y trothwy" in html
    assert "A yw’r trothwy wedi’i gyrraedd?" in html
    assert "Adolygiad wedi’i orchymyn yn ôl disgresiwn" in html  # a choice of the model
    assert "Pa mor agored i niwed yw’r dioddefwr" in html  # a ground, revealed under it


def test_a_form_error_on_the_threshold_decision_is_welsh(client, welsh):
    client.force_login(welsh.officer)
    url = case_url("case_threshold", welsh.case)
    # The form's own error: nothing chosen.
    html = welsh_page(client.post(url, {}), welsh)
    assert "Mae problem wedi codi" in html
    assert "Dewiswch a yw’r trothwy wedi’i gyrraedd" in html
    assert "Choose whether the threshold is met" not in html
    # The service's refusal, shown on the form: refusing needs reasons.
    html = welsh_page(client.post(url, {"outcome": "not_met"}), welsh)
    assert "Mae problem wedi codi" in html
    assert "Dewiswch pam o’r rhestr" in html or "Rhowch y rhesymau" in html
    welsh.case.refresh_from_db()
    assert welsh.case.status == Status.SUBMITTED  # nothing recorded


def test_the_threshold_decision_check_page_is_welsh(client, welsh):
    client.force_login(welsh.officer)
    response = client.post(case_url("case_threshold", welsh.case), {"outcome": "met"})
    assert response.status_code == 302
    response = client.get(case_url("case_threshold_decision_check", welsh.case))
    # The letter is in the applicant's language, not the officer's: it is left out here.
    html = welsh_page(response, welsh, without=LETTER_PREVIEW)
    assert "Gwiriwch y penderfyniad ar y trothwy cyn i chi ei gofnodi" in html
    assert "“Trothwy wedi’i gyrraedd”" in html
    # Recording it says so in Welsh, and keeps the case's history in English.
    response = client.post(case_url("case_threshold_decision_check", welsh.case), follow=True)
    assert "Penderfyniad wedi’i gofnodi" in response.content.decode()
    welsh.case.refresh_from_db()
    assert welsh.case.status == Status.AGENCIES_NOTIFIED


def test_a_bodys_check_and_its_errors_are_welsh(client, welsh):
    check = welsh.case.threshold_checks.get(agency=welsh.police)
    client.force_login(welsh.responder)
    url = reverse("threshold_check", args=[check.pk])
    html = welsh_page(client.get(url), welsh)
    assert "Gwirio’r cwynion: South Police" in html
    assert "Cwyn 1:" in html and "Wedi’i chanfod yn ein cofnodion" in html
    html = welsh_page(client.post(url, {}), welsh)
    assert "Dewiswch a yw cwyn 1 yn eich cofnodion" in html
    inbox = welsh_page(client.get(reverse("inbox")), welsh)
    assert "Ceisiadau i’w gwirio" in inbox and "Yn aros am y gwiriad" in inbox


def test_asking_the_agencies_is_welsh(client, welsh):
    type(welsh.case).objects.filter(pk=welsh.case.pk).update(status=Status.THRESHOLD_MET)
    client.force_login(welsh.officer)
    html = welsh_page(client.get(case_url("case_notify", welsh.case)), welsh)
    assert "Gofyn i asiantaethau am wybodaeth" in html and "Anfon y ceisiadau" in html


def test_an_agencys_return_and_its_errors_are_welsh(client, welsh):
    decide_threshold(welsh.case, "met", by=welsh.officer)
    info = welsh.case.information_requests.get(agency=welsh.police)
    client.force_login(welsh.responder)
    url = reverse("request_detail", args=[info.pk])
    html = welsh_page(client.get(url), welsh)
    assert "Anfon eich gwybodaeth" in html and "Adroddiad <span" in html
    html = welsh_page(client.post(url, {"submit": ""}), welsh)
    assert "Ychwanegwch o leiaf un adroddiad" in html
    html = welsh_page(client.post(url, {"report_1_summary": "Noise.", "submit": ""}), welsh)
    assert "Mae angen rhoi dyddiad adroddiad 1" in html or "Rhowch ddyddiad adroddiad 1" in html


def test_closing_and_its_error_are_welsh(client, welsh):
    case = outcome_sent_case(welsh)
    client.force_login(welsh.officer)
    url = case_url("case_close", case)
    html = welsh_page(client.get(url), welsh)
    assert "Cau’r achos" in html and "Mae 1 cam gweithredu o’r cynllun yn dal ar agor." in html
    html = welsh_page(client.post(url, {"reason": ""}), welsh)
    assert "Mae 1 cam gweithredu yn dal ar agor: rhowch y rheswm dros gau nawr" in html


def test_withdrawing_and_its_check_are_welsh(client, welsh):
    client.force_login(welsh.officer)
    url = case_url("case_withdraw", welsh.case)
    html = welsh_page(client.post(url, {"reason": "other"}), welsh)
    assert "Dywedwch pam mae’r achos yn cael ei dynnu’n ôl" in html
    response = client.post(url, {"reason": "behaviour_stopped", "details": ""})
    assert response.status_code == 302
    html = welsh_page(client.get(case_url("case_withdraw_check", welsh.case)), welsh)
    assert "Mae’r ymddygiad wedi dod i ben" in html
    response = client.post(case_url("case_withdraw_check", welsh.case), follow=True)
    assert "Achos wedi’i dynnu’n ôl. Anfonwyd llythyr at y ceisydd." in response.content.decode()
    welsh.case.refresh_from_db()
    assert welsh.case.status == Status.WITHDRAWN
    # The history and the letter keep the reason in English, whatever the officer's pages.
    assert welsh.case.events.filter(reasons__contains="The behaviour has stopped").exists()
