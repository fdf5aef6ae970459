# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: a member of staff of a Welsh area who chose Cymraeg records a phone, paper or
in-person application, and changes the victim's consent, in Welsh: the questions, the form
errors and the messages. What the case keeps (its history) stays in English."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date

from tests.triggers.applications.test_record_application import (
    CONTACT,
    IMPACT,
    arrival,
    date_fields,
    report,
)
from tests.welsh.english import english_words
from tests.welsh.staff import welsh_staff

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def officer(client, south):
    """South's case officer, in a Welsh area, who chose Cymraeg."""
    return welsh_staff(client, south, "officer")


def post(client, step, data):
    return client.post(reverse(f"record:{step}"), data)


def test_a_step_with_errors_shows_them_in_welsh(client, officer):
    html = post(client, "start", {"area": officer.area.slug}).content.decode()
    assert '<html lang="cy"' in html
    assert "Mae problem" in html  # There is a problem
    assert "Dewiswch sut cyrhaeddodd y cais" in html  # Select how the application arrived
    assert "Select how the application arrived" not in html
    assert english_words(html, names=(officer.area.name,)) == []


def test_a_report_made_after_the_application_arrived_is_refused_in_welsh(client, officer):
    received = TODAY - timedelta(days=3)
    assert post(client, "start", arrival(officer, "phone", received)).status_code == 302
    assert post(client, "who", {"applying_for": "myself"}).status_code == 302
    late = report(officer.police.slug, days_ago=2, reported_after=1)
    html = post(client, "complaint", late).content.decode()
    assert "Rhaid i’r dyddiad y rhoddon nhw wybod amdano fod ar y dyddiad y daeth y cais" in html
    with translation.override("cy"):  # the date with its Welsh month
        assert format_date(received, "j F Y") in html
    assert "The date they reported it" not in html


@pytest.mark.parametrize(
    ("channel", "words", "recorded"),
    [("paper", "Ffurflen bapur", "paper form"), ("phone", "Ffôn", "phone")],
)
def test_missing_contact_details_and_the_recorded_message_are_welsh(
    client, officer, channel, words, recorded
):
    assert post(client, "start", arrival(officer, channel)).status_code == 302
    assert post(client, "who", {"applying_for": "myself"}).status_code == 302
    assert post(client, "complaint", report(officer.police.slug)).status_code == 302
    assert post(client, "complaints", {}).status_code == 302
    assert post(client, "impact", IMPACT).status_code == 302
    no_email = {**CONTACT, "applicant_email": ""}
    html = post(client, "contact", no_email).content.decode()
    assert "Rhowch eu cyfeiriad e-bost, neu dewiswch ffordd arall o gysylltu â nhw" in html
    assert post(client, "contact", CONTACT).status_code == 302
    check = client.get(reverse("record:check")).content.decode()
    assert "Gwiriwch yr atebion cyn cofnodi’r cais" in check and words in check
    done = client.post(reverse("record:check"), {}, follow=True).content.decode()
    assert "wedi’i gofnodi" in done  # Application ... recorded.
    case = officer.area.cases.get(applicant_name=CONTACT["applicant_name"])
    assert case.events.get(summary__startswith="Application received").summary == (
        f"Application received ({recorded})"  # the history in English, whoever recorded it
    )


def test_the_consent_form_errors_are_welsh_and_the_history_stays_english(client, officer):
    from triggers.models import Case

    case = officer.case
    Case.objects.filter(pk=case.pk).update(
        on_behalf=True, victim_consent=True, victim_name="Vic Tim", victim_email="vic@example.com"
    )
    url = reverse("case_victim_consent", args=[officer.area.slug, case.reference])
    html = client.post(url, {"victim_consent_how": "verbal"}).content.decode()
    assert "Rhowch pam mae’r cofnod yn newid" in html  # Enter why the record is changing
    assert "Cadarnhewch eu bod yn cytuno i’w gwybodaeth gael ei rhannu" in html
    changed = {
        "victim_consent_share": "on",
        "victim_consent_contact": "on",
        "victim_consent_how": "verbal",
        **date_fields("victim_consent_on", TODAY),
        "send_to": "applicant",
        "reason": "Ffoniodd i ddweud.",
    }
    assert client.post(url, changed).status_code == 302
    check_url = reverse("case_victim_consent_check", args=[officer.area.slug, case.reference])
    check = client.get(check_url).content.decode()
    assert "Ar lafar" in check and "Cynt: Heb ei gofnodi" in check
    saved = client.post(check_url, follow=True).content.decode()
    assert "Mae cofnod cydsyniad y dioddefwr wedi’i newid." in saved
    event = case.events.get(summary="The victim's consent record changed")
    assert "How they gave it: Not recorded" in event.reasons


def test_the_victims_details_page_refuses_in_welsh(client, officer):
    from triggers.models import Case

    case = officer.case
    Case.objects.filter(pk=case.pk).update(on_behalf=True, victim_consent=True)
    url = reverse("case_victim", args=[officer.area.slug, case.reference])
    html = client.post(url, {"send_to": "victim"}).content.decode()
    assert "Rhowch eu cyfeiriad e-bost neu eu cyfeiriad post, neu dewiswch y ceisydd" in html
    assert "Enter their email address" not in html


def test_the_language_question_and_its_answer_are_welsh(client, officer):
    """DOMAIN.md §5.12: asked of the applicant in a Welsh area, in the officer's Welsh; each
    language named in itself."""
    assert post(client, "start", arrival(officer, "phone")).status_code == 302
    assert post(client, "who", {"applying_for": "myself"}).status_code == 302
    assert post(client, "complaint", report(officer.police.slug)).status_code == 302
    assert post(client, "complaints", {}).status_code == 302
    assert post(client, "impact", IMPACT).status_code == 302
    html = post(client, "contact", {**CONTACT, "applicant_language": "fr"}).content.decode()
    assert "Ym mha iaith maen nhw am i ni ysgrifennu atyn nhw?" in html
    assert "Dewiswch Saesneg neu Gymraeg" in html and "Select English or Cymraeg" not in html
    assert post(client, "contact", {**CONTACT, "applicant_language": "cy"}).status_code == 302
    check = client.get(reverse("record:check")).content.decode()
    assert "Yr iaith rydyn ni’n ysgrifennu atyn nhw ynddi" in check and "Cymraeg" in check
