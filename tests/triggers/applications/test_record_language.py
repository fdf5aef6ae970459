"""Staff recording an application ask, in an area in Wales, the language each person wants to
be written to in (DOMAIN.md §5.12): the applicant's, and the victim's when someone applies for
them. Everything sent to them is written in it. An English area's pages do not ask."""

import pytest

from notifications.models import Message
from tests.welsh.staff import in_wales
from triggers.letters import letter_languages
from triggers.models import Case

from .test_record_application import (
    CONTACT,
    IMPACT,
    ON_BEHALF,
    VICTIM,
    arrival,
    page,
    post,
    report,
    url,
)

pytestmark = pytest.mark.django_db

QUESTION = "Which language do they want us to write to them in?"
BY_POST = {
    **CONTACT,
    "applicant_email": "",
    "contact_method": "post",
    "applicant_address": "1 Stryd y Castell",
    "applicant_postcode": "CF10 1AA",
}


def asked(client, side, step: str) -> str:
    """The page of `step` once the pages before it are answered (the victim's, or the
    applicant's contact details)."""
    if step == "victim":
        return page(client.get(url("victim")))
    post(client, "victim", VICTIM, then="complaints")
    post(client, "complaint", report(side.police.slug), then="complaints")
    post(client, "complaints", {}, then="impact")
    post(client, "impact", IMPACT, then="contact")
    return page(client.get(url("contact")))


def begin_for_a_victim(client, side) -> None:
    client.force_login(side.officer)
    post(client, "start", arrival(side, "phone"), then="who")
    post(client, "who", {"applying_for": "someone_else"}, then="on_behalf")
    post(client, "on_behalf", ON_BEHALF, then="victim")


def record_for_a_victim(client, side, *, victim: dict, contact: dict) -> tuple[str, Case]:
    begin_for_a_victim(client, side)
    post(client, "victim", victim, then="complaints")
    post(client, "complaint", report(side.police.slug), then="complaints")
    post(client, "complaints", {}, then="impact")
    post(client, "impact", IMPACT, then="contact")
    post(client, "contact", contact, then="check")
    check = page(client.get(url("check")))
    client.post(url("check"), {})
    return check, Case.objects.get(applicant_name=contact["applicant_name"])


def test_in_wales_both_are_asked_english_first_and_chosen(client, north):
    in_wales(north)
    begin_for_a_victim(client, north)
    for step in ("victim", "contact"):
        html = asked(client, north, step)
        assert QUESTION in html and "govuk-radios" in html.split(QUESTION)[1][:2000]
        english, welsh = html.split('value="en"')[1][:60], html.split('value="cy"')[1][:60]
        assert "checked" in english and "checked" not in welsh, step  # English unless chosen
        assert "Cymraeg" in html
    wrong = page(client.post(url("contact"), {**CONTACT, "applicant_language": "fr"}))
    assert "Select English or Cymraeg" in wrong and "govuk-error-summary" in wrong


def test_a_welsh_areas_phone_application_in_cymraeg_is_written_in_welsh(client, north):
    in_wales(north)
    welsh_victim = {**VICTIM, "victim_language": "cy"}
    check, case = record_for_a_victim(
        client, north, victim=welsh_victim, contact={**CONTACT, "applicant_language": "cy"}
    )
    # The check page shows each choice, with a Change link.
    assert check.count("Language we write to them in") == 2 and "Cymraeg" in check
    assert (case.applicant_language, case.victim_language) == ("cy", "cy")
    for person in ("jo@example.com", "alex@example.com"):
        receipt = Message.objects.get(to_address=person, topic="Application received")
        assert receipt.subject.startswith("Rydym wedi cael eich cais"), receipt.subject
    assert letter_languages(case) == ["cy"]  # the letters the case sends them
    assert case.events.filter(summary="The applicant chose to be written to in Cymraeg").exists()
    assert case.events.filter(summary="The victim chose to be written to in Cymraeg").exists()


def test_a_postal_applicant_with_no_email_gets_welsh_letters(client, north):
    """No email, so no private link to choose Welsh on: the choice staff record is the one."""
    in_wales(north)
    victim = {**VICTIM, "victim_language": "cy", "send_to": "both"}
    _check, case = record_for_a_victim(
        client, north, victim=victim, contact={**BY_POST, "applicant_language": "cy"}
    )
    assert case.applicant_language == "cy" and letter_languages(case) == ["cy"]


def test_left_as_it_is_english(client, north):
    in_wales(north)
    check, case = record_for_a_victim(client, north, victim=VICTIM, contact=CONTACT)
    assert check.count("Language we write to them in") == 2 and "English" in check
    assert (case.applicant_language, case.victim_language) == ("en", "en")
    receipt = Message.objects.get(to_address="jo@example.com", topic="Application received")
    assert receipt.subject.startswith("Your application"), receipt.subject


def test_an_english_area_does_not_ask_and_writes_in_english(client, north):
    begin_for_a_victim(client, north)
    for step in ("victim", "contact"):
        html = asked(client, north, step)
        assert QUESTION not in html and 'value="cy"' not in html, step
    # Even a tampered post cannot record Welsh there.
    post(client, "victim", {**VICTIM, "victim_language": "cy"}, then="complaints")
    post(client, "contact", {**CONTACT, "applicant_language": "cy"}, then="check")
    check = page(client.get(url("check")))
    assert "Language we write to them in" not in check
    client.post(url("check"), {})
    case = Case.objects.get(applicant_name=CONTACT["applicant_name"])
    assert (case.applicant_language, case.victim_language) == ("en", "en")
