# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: the rest of the application journey in Welsh, for Cardiff with Cymraeg chosen:
the reports (add, change, remove, with their errors), check your answers (with an error), and
the confirmation. Every page has lang="cy" and no English left in <main> but names, places and
the reference; the case records that the applicant applied in Welsh. The same pages stay
English for an English visitor."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date

from agencies.models import Area
from tests.conftest import build_side
from tests.triggers.applications.test_apply_journey import date_fields, report_ids
from tests.welsh.english import english_words
from triggers.applications import services
from triggers.models import Case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
INCIDENT = TODAY - timedelta(days=20)
LATER = TODAY - timedelta(days=5)
IMPACT = {
    "impact": "Dw i ddim yn gallu cysgu ac mae ofn ar y plant.",
    "desired_outcome": "Bod y sŵn yn dod i ben.",
    "others_affected": "",
    "behaviour_location": "Heol y Frenhines",
}
CONTACT = {
    "applicant_name": "Eleri Jones",
    "applicant_email": "eleri@example.com",
    "contact_method": "email",
    "adjustments": ["large_print", "interpreter"],
    "adjustments_details": "Pwyleg",
}
ON_BEHALF = {
    "victim_name": "Gwen Morgan",
    "relationship": "Merch",
    "organisation": "",
    "victim_consent": "on",
    "victim_consent_share": "on",
    "victim_consent_contact": "on",
    "victim_consent_how": "writing",
    **date_fields("victim_consent_on", TODAY - timedelta(days=3)),
}
VICTIM = {"victim_email": "gwen@example.com", "victim_contact_method": "email", "send_to": "both"}


@pytest.fixture
def cardiff(db):
    side = build_side("cardiff", with_case=False)
    Area.objects.filter(pk=side.area.pk).update(
        nation=Area.Nation.WALES,
        spoc_name="Siân Davies",
        spoc_email="adolygu@cardiff.example.org",
        spoc_phone="029 2087 2087",
    )
    side.area.refresh_from_db()
    return side


def a_report(side, day, reported_to, **extra):
    return {
        **date_fields("incident_date", day),
        **date_fields("reported_date", day + timedelta(days=1)),
        "description": "Cerddoriaeth uchel a gweiddi ar y landin tan 3yb.",
        "reported_to": reported_to,
        "reported_to_other": "",
        "reference_number": "",
        "hate_related": "no",
        **extra,
    }


def names(side, *more):
    area = side.area
    return (area.name, side.police.name, side.council.name, area.spoc_name, area.spoc_email, *more)


def welsh(response, side, *more):
    """The page is in Welsh through and through; returns its HTML."""
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert '<html lang="cy"' in html
    assert english_words(html, names=names(side, *more)) == []
    return html


def in_welsh_words(day):
    with translation.override("cy"):
        return format_date(day, "j F Y")


def go(client, name, *args, data=None):
    address = reverse(f"apply:{name}", args=args)
    return client.get(address) if data is None else client.post(address, data)


def start_on_behalf(client, side):
    for name, data in (
        ("start", {"area": side.area.slug}),
        ("who", {"applying_for": "someone_else"}),
        ("on_behalf", ON_BEHALF),
        ("victim", VICTIM),
    ):
        assert go(client, name, data=data).status_code == 302, name


def test_the_whole_journey_in_welsh_to_the_done_page(in_welsh, cardiff):
    client = in_welsh
    start_on_behalf(client, cardiff)

    # The reports: none yet, and continuing without one is an error in Welsh.
    html = welsh(go(client, "complaints"), cardiff)
    assert "Nid ydych wedi ychwanegu unrhyw adroddiadau eto." in html
    html = welsh(go(client, "complaints", data={}), cardiff)
    assert "Mae problem wedi codi" in html and "<title>Gwall:" in html
    assert "Ychwanegwch o leiaf un adroddiad am yr ymddygiad" in html

    # Adding one: the form, then its errors, all in Welsh.
    html = welsh(go(client, "complaint"), cardiff)
    assert "Pryd ddigwyddodd hyn?" in html and "Diwrnod" in html and "Cadw a pharhau" in html
    assert "Dewiswch i bwy y rhoesoch wybod" in html and "Rhywun arall" in html
    # What the character count says as the user types, once its script runs.
    assert 'data-i18n.characters-under-limit.few="Mae gennych %{count} nod ar ôl"' in html
    html = welsh(go(client, "complaint", data={}), cardiff)
    assert "Mae problem wedi codi" in html and "Mae angen rhoi dyddiad y digwyddiad" in html
    assert "Rhowch beth ddigwyddodd" in html
    future = {**a_report(cardiff, INCIDENT, cardiff.police.slug), "reported_date_2": "2999"}
    future["reported_to"], future["reported_to_other"] = "other", ""
    html = welsh(go(client, "complaint", data=future), cardiff)
    assert "Rhowch i bwy y rhoesoch wybod" in html
    assert "Y dyddiad y rhoesoch wybod amdano: rhaid iddo fod heddiw neu yn y gorffennol" in html

    first = a_report(cardiff, INCIDENT, cardiff.police.slug, reference_number="NP/123")
    assert go(client, "complaint", data=first).status_code == 302
    [first_id] = report_ids(client)
    html = welsh(go(client, "complaint"), cardiff, "NP/123")
    assert "Ai hwn yw’r un digwyddiad" in html and "Na, mae hwn yn ddigwyddiad gwahanol" in html
    assert f"Adroddiad 1: {in_welsh_words(INCIDENT)}, rhoddwyd gwybod i" in html
    second = a_report(cardiff, INCIDENT, cardiff.council.slug, same_incident=first_id)
    assert go(client, "complaint", data=second).status_code == 302
    third = a_report(
        cardiff, LATER, "other", reported_to_other="Fy landlord", hate_related="yes"
    ) | {"same_incident": "no"}
    assert go(client, "complaint", data=third).status_code == 302

    # The list: a plural, Change and Remove with their hidden words, the dates in Welsh.
    html = welsh(go(client, "complaints"), cardiff)
    assert "Rydych wedi ychwanegu 3 adroddiad" in html
    assert "Yr un digwyddiad ag adroddiad 1" in html and "Ychwanegu adroddiad arall" in html
    assert 'Newid<span class="govuk-visually-hidden"> adroddiad 2</span>' in html
    assert 'Dileu<span class="govuk-visually-hidden"> adroddiad 3</span>' in html
    assert f"{in_welsh_words(LATER)}, rhoddwyd gwybod i Fy landlord" in html

    # Changing one and removing one.
    ids = report_ids(client)
    html = welsh(go(client, "complaint", ids[0]), cardiff, "NP/123")
    assert "Newid adroddiad 1" in html
    html = welsh(go(client, "complaint_remove", ids[2]), cardiff)
    assert "Ydych chi’n siŵr eich bod am ddileu adroddiad 3?" in html
    assert "Dileu’r adroddiad" in html and "Na, ei gadw" in html
    assert go(client, "complaint_remove", ids[2], data={}).status_code == 302
    assert "Rydych wedi ychwanegu 2 adroddiad" in welsh(go(client, "complaints"), cardiff)

    assert go(client, "complaints", data={}).status_code == 302
    assert go(client, "impact", data=IMPACT).status_code == 302
    assert go(client, "contact", data=CONTACT).status_code == 302

    # Check your answers: every key, answer, Change link and the declaration in Welsh.
    html = welsh(go(client, "check"), cardiff, "NP/123", "Gwen Morgan", "Eleri Jones")
    for words in (
        "Gwiriwch eich atebion cyn anfon eich cais",
        "Rhywun arall",
        "gwneud cais, rhannu eu gwybodaeth â’r cyrff, ein bod yn cysylltu â nhw",
        "Yn ysgrifenedig",
        "Yr unigolyn yr effeithir arno a’r ceisydd",
        in_welsh_words(INCIDENT),
        "Yr un digwyddiad ag",
        "Llythyrau a dogfennau mewn print bras",
        "Manylion: Pwyleg",
        "Drwy anfon y cais hwn rydych yn cadarnhau",
        "Anfon y cais",
        'Newid<span class="govuk-visually-hidden"> sut i gysylltu â chi</span>',
        'Newid<span class="govuk-visually-hidden"> adroddiad 1</span>',
    ):
        assert words in html, words

    case = _send(client, cardiff)
    assert case.applicant_language == "cy"
    assert case.adjustments.startswith("Large print letters and documents")  # English record

    html = welsh(go(client, "done"), cardiff, case.reference, "cardiff")
    assert "Cais wedi dod i law" in html and case.reference in html
    assert "Bydd cyswllt adolygu achosion Cardiff yn cydnabod y cais o fewn" in html
    assert in_welsh_words(case.threshold_decision_due) in html
    assert "Cysylltwch â Siân Davies" in html


def _send(client, side):
    response = go(client, "check", data={})
    assert response.status_code == 302 and response["Location"] == reverse("apply:done")
    return Case.objects.get(area=side.area)


def test_a_refusal_on_check_your_answers_is_in_welsh(in_welsh, cardiff, monkeypatch):
    real = services.submit_application

    def without_reports(area, application, **kwargs):
        application.complaints = []
        return real(area, application, **kwargs)

    monkeypatch.setattr("triggers.applications.views.submit_application", without_reports)
    start_on_behalf(in_welsh, cardiff)
    assert (
        go(
            in_welsh,
            "complaint",
            data=a_report(cardiff, INCIDENT, "other", reported_to_other="Fy landlord"),
        ).status_code
        == 302
    )
    for name, data in (("complaints", {}), ("impact", IMPACT), ("contact", CONTACT)):
        assert go(in_welsh, name, data=data).status_code == 302, name
    html = welsh(go(in_welsh, "check", data={}), cardiff, "Gwen Morgan", "Eleri Jones")
    assert "Mae problem wedi codi" in html and "<title>Gwall:" in html
    assert "Mae angen o leiaf un adroddiad am yr ymddygiad ar gais." in html
    assert not Case.objects.exists()


def test_the_same_pages_stay_english_for_an_english_visitor(client, cardiff):
    start_on_behalf(client, cardiff)
    go(client, "complaint", data=a_report(cardiff, INCIDENT, cardiff.police.slug))
    listing = go(client, "complaints").content.decode()
    assert '<html lang="en"' in listing and "You have added 1 report</h2>" in listing
    with translation.override("en-gb"):
        day = format_date(INCIDENT, "j F Y")
    assert f"{day}, reported to Cardiff Police" in listing
    for name, data in (("complaints", {}), ("impact", IMPACT), ("contact", CONTACT)):
        go(client, name, data=data)
    check = go(client, "check").content.decode()
    for words in (
        "Check your answers before sending your application",
        "applying, sharing their information with the bodies, being contacted",
        "The person affected and the applicant",
        "Large print letters and documents",
        'Change<span class="govuk-visually-hidden"> how to contact you</span>',
        "Send application",
    ):
        assert words in check, words
    go(client, "check", data={})
    done = go(client, "done").content.decode()
    assert "Application received" in done and "within 5 working days" in done
    assert Case.objects.get().applicant_language == "en"
