"""Every message to a person is in the language recorded for them (DOMAIN.md §5.12): a Welsh
applicant of a Welsh area gets Welsh emails, texts and letters (the PDF's own text checked); a
bilingual area's letter has both, Welsh first; an English person in a Welsh area gets English,
and an English area never writes Welsh, whatever was recorded."""

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from agencies.models import Area
from notifications import delivery
from notifications.models import PRIVATE_LINK_PLACEHOLDER, Message
from tests.factories import AreaFactory, make_case
from tests.notifications.notify_helpers import fake_notify, use_notify
from triggers.letters import letter_languages, send_letter, write_letter
from triggers.models import Case, ContactMethod, Letter
from triggers.texts import text_people
from triggers.tracking.services import reissue_tracking_link

from .english import COMMON_ENGLISH

pytestmark = pytest.mark.django_db
__all__ = ["fake_notify"]

CLOSED_BECAUSE = "Mae'r cynllun wedi'i gwblhau."  # the officer's own words, typed in Welsh


def english_left(text: str, *, names: tuple[str, ...] = ()) -> list[str]:
    """The common English words in a message, once names and references are taken out (the
    same word list as the pages' checker, tests/welsh/english.py)."""
    import re

    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in COMMON_ENGLISH]


def pdf_text(pdf: bytes) -> str:
    """The PDF's text, its lines joined by spaces (a heading may wrap in a narrow column)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def names_of(case) -> tuple[str, ...]:
    area = case.area
    return (
        case.reference,
        case.applicant_name,
        area.name,
        area.spoc_email,
        area.spoc_name,
        f"{area.name} ASB case review team",  # the contact's team when the area names none
        "Test Officer",
        "http://testserver",
        PRIVATE_LINK_PLACEHOLDER,
        "YG",
    )


@pytest.fixture
def cardiff(db):
    return AreaFactory(
        slug="cardiff", name="Caerdydd", nation=Area.Nation.WALES, spoc_name="Tîm Caerdydd"
    )


@pytest.fixture
def welsh_applicant(cardiff):
    return make_case(cardiff, applicant_name="Eleri Jones", data={"applicant_language": "cy"})


def emails_to(address: str):
    return list(Message.objects.filter(channel=Message.Channel.EMAIL, to_address=address))


def closure_letter(case) -> Letter:
    letter = write_letter(
        case,
        Letter.Kind.CLOSURE,
        "Your case review is closed",
        {"reason": CLOSED_BECAUSE, "all_done": True, "officer_name": "Test Officer"},
    )
    send_letter(letter, template="closure", key=f"case:{case.pk}:closure", context={})
    return letter


def test_a_welsh_applicants_receipt_is_welsh_and_its_private_link_still_works(welsh_applicant):
    (receipt,) = emails_to(welsh_applicant.applicant_email)
    assert receipt.subject.startswith("Rydym wedi cael eich cais")
    assert "Annwyl Eleri Jones," in receipt.body
    assert english_left(receipt.subject + receipt.body, names=names_of(welsh_applicant)) == []
    # The private link is put in at delivery, in the Welsh email as in the English one.
    assert PRIVATE_LINK_PLACEHOLDER in receipt.body and receipt.private_link
    link = receipt.private_link
    assert delivery.deliver(receipt.pk) == Message.Status.SENT
    assert link in mail.outbox[-1].body and "Dilyn eich achos" in mail.outbox[-1].body


def test_a_welsh_applicants_new_private_link_email_is_welsh(welsh_applicant, django_user_model):
    Message.objects.all().delete()
    reissue_tracking_link(welsh_applicant, by=None)
    (message,) = emails_to(welsh_applicant.applicant_email)
    assert message.subject.startswith("Eich dolen breifat newydd")
    assert english_left(message.subject + message.body, names=names_of(welsh_applicant)) == []
    assert message.private_link and PRIVATE_LINK_PLACEHOLDER in message.body


def test_a_welsh_applicants_text_is_welsh(welsh_applicant, fake_notify):
    use_notify(welsh_applicant.area, fake_notify)
    Case.objects.filter(pk=welsh_applicant.pk).update(
        contact_method=ContactMethod.TEXT, applicant_phone="07700 900982"
    )
    case = Case.objects.get(pk=welsh_applicant.pk)
    text_people(case, "letter_ready", key="t", topic="Letter")
    (text,) = Message.objects.filter(channel=Message.Channel.TEXT)
    assert "rydym wedi anfon llythyr atoch" in text.body
    assert english_left(text.body, names=names_of(case)) == []


def test_a_welsh_applicants_letter_and_its_email_are_welsh(welsh_applicant):
    Message.objects.all().delete()
    letter = closure_letter(welsh_applicant)
    assert letter_languages(welsh_applicant) == ["cy"]
    assert '<html lang="cy">' in letter.html
    (email,) = emails_to(welsh_applicant.applicant_email)
    assert email.subject.endswith("mae eich adolygiad achos wedi cau")
    assert english_left(email.subject + email.body, names=names_of(welsh_applicant)) == []
    # The letter emailed is the PDF, and the PDF's own text is Welsh: greeting, dates, footer.
    text = pdf_text(bytes(email.attachments.get().content))
    assert "Annwyl Eleri Jones," in text and "Yn gywir," in text
    assert "Tudalen 1 o 1" in text and "Ein cyfeirnod" in text
    month = letter.sent_at.astimezone().strftime("%m")
    welsh_months = (
        "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
    )
    assert welsh_months.split()[int(month) - 1] in text
    assert english_left(text, names=names_of(welsh_applicant)) == [], text


def test_a_bilingual_areas_letter_has_both_languages_welsh_first(welsh_applicant):
    Area.objects.filter(pk=welsh_applicant.area_id).update(
        welsh_letters=Area.WelshLetters.BILINGUAL
    )
    case = Case.objects.select_related("area").get(pk=welsh_applicant.pk)
    letter = closure_letter(case)
    text = pdf_text(bytes(letter.pdf))
    assert "Annwyl Eleri Jones," in text and "Dear Eleri Jones," in text
    assert "Tudalen 1 o 1 / Page 1 of 1" in text
    assert text.index("Annwyl") < text.index("Dear")
    assert 'lang="cy"' in letter.html and 'lang="en"' in letter.html
    assert "Your case review is closed" in text and "Mae eich adolygiad achos wedi cau" in text


def test_an_english_speaker_in_a_welsh_area_gets_english(cardiff):
    case = make_case(cardiff, applicant_name="Sam Smith")
    (receipt,) = emails_to(case.applicant_email)
    assert receipt.subject.startswith("Your application for a case review has been received")
    Message.objects.all().delete()
    letter = closure_letter(case)
    assert '<html lang="en">' in letter.html
    text = pdf_text(bytes(letter.pdf))
    assert "Dear Sam Smith," in text and "Annwyl" not in text and "Page 1 of 1" in text


def test_an_english_area_never_writes_welsh_whatever_was_recorded(db):
    liverpool = AreaFactory(slug="liverpool", name="Liverpool")
    case = make_case(liverpool, data={"applicant_language": "cy"})
    (receipt,) = emails_to(case.applicant_email)
    assert "Dear Test Applicant," in receipt.body and "Annwyl" not in receipt.body
    letter = closure_letter(case)
    assert letter_languages(case) == ["en-gb"]
    assert "Annwyl" not in pdf_text(bytes(letter.pdf))


def test_a_welsh_applicant_and_an_english_victim_share_a_bilingual_letter(welsh_applicant):
    Case.objects.filter(pk=welsh_applicant.pk).update(
        on_behalf=True,
        victim_name="Vic Victim",
        victim_email="victim@example.com",
        victim_consent=True,
        victim_consent_contact=True,
        send_to="both",
    )
    case = Case.objects.select_related("area").get(pk=welsh_applicant.pk)
    Message.objects.all().delete()
    closure_letter(case)
    (welsh,) = emails_to(case.applicant_email)
    (english,) = emails_to("victim@example.com")
    assert "Annwyl" in welsh.body and "Dear Vic Victim," in english.body
    # One letter serves both: bilingual, so each reads it in their own language.
    assert letter_languages(case) == ["cy", "en-gb"]
    victims_copy = pdf_text(bytes(english.attachments.get().content))
    assert "Annwyl Vic Victim," in victims_copy and "Dear Vic Victim," in victims_copy


WELSH_EMAILS = [
    "receipt",
    "acknowledged",
    "tracking_link",
    "threshold_decision",
    "plan_consultation",
    "outcome",
    "closure",
    "withdrawal",
]


@pytest.mark.parametrize("template", WELSH_EMAILS)
@pytest.mark.parametrize("met", [True, False])
def test_each_email_to_the_public_is_all_welsh_for_a_welsh_recipient(
    welsh_applicant, template, met
):
    from types import SimpleNamespace

    from notifications.services import queue_email
    from triggers.letters import single_point_of_contact
    from triggers.recipients import applicant_of

    case = welsh_applicant
    contact = single_point_of_contact(case)
    context = {
        "case": case,
        "area": case.area,
        "recipient": applicant_of(case),
        "contact": contact,
        "met": met,
        "review": SimpleNamespace(consultation_closes=case.threshold_decision_due),
    }
    link = "http://testserver/track/secret/" if template in ("receipt", "tracking_link") else ""
    message = queue_email(
        key=f"{template}:{met}",
        to="eleri@example.com",
        template=template,
        context=context,
        topic="Test",
        private_link=link,
        language=applicant_of(case).language,
    )
    names = (*names_of(case), contact.name, contact.team)
    assert english_left(message.subject + " " + message.body, names=names) == []
    assert "Annwyl Eleri Jones," in message.body
