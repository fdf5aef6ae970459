# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""The victim is a party to an appeal (DOMAIN.md §5.9): everyone the case writes to is told an
appeal was made and what was decided, each in their own language and worded for whether they
made it, once each; and the victim may make it themselves, through their own private link or
by phone (recorded by staff)."""

import pytest
from django.test import Client
from django.urls import reverse

from agencies.models import Area
from appeals import decisions, lodging
from appeals.models import Appeal
from notifications.models import Message
from tests.conftest import build_side
from tests.factories import complaint_data, make_case
from tests.notifications.notify_helpers import fake_notify, use_notify
from tests.triggers.test_recipients import COUNCILLOR, VICTIM, victim_case, victim_token
from triggers.models import Case, SendTo
from triggers.threshold.services import decide_threshold

from .helpers import GROUNDS, findings, lodge

pytestmark = pytest.mark.django_db
__all__ = ["fake_notify"]

PHONE = "07700 900982"


@pytest.fixture
def wales(db):
    side = build_side("cardiff", with_case=False)
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    side.area.refresh_from_db()
    return side


def party_case(side, send_to=SendTo.BOTH, **victim):
    """A councillor (English) applied for Pat (Welsh); the threshold was decided not met."""
    case = victim_case(side, complaints=[complaint_data(20)], send_to=send_to, **victim)
    Case.objects.filter(pk=case.pk).update(victim_language="cy")
    decide_threshold(case, "not_met", by=side.officer, reasons="Only one report was made.")
    token = case.token
    case.refresh_from_db()
    case.token = token
    return case


def receipts(case):
    return {
        m.to_address: m
        for m in Message.objects.filter(reference=case.reference, topic="Appeal received")
    }


# --- "Appeal received" ----------------------------------------------------------------------


@pytest.mark.parametrize("send_to", [SendTo.BOTH, SendTo.VICTIM])
def test_the_victim_is_told_the_applicant_appealed_in_welsh_and_once(wales, send_to):
    case = party_case(wales, send_to=send_to)
    appeal = lodge(case)
    assert appeal.party == Appeal.Party.APPLICANT
    got = receipts(case)
    # The councillor made it: they are told it arrived even when the victim chose to be told
    # instead, as they get the receipt of their application.
    assert set(got) == {COUNCILLOR, VICTIM}
    councillor, victim = got[COUNCILLOR], got[VICTIM]
    assert councillor.subject == f"{case.reference}: we have received your appeal"
    assert "Dear Cllr Jones," in councillor.body
    assert "We have received your appeal against" in councillor.body
    assert "when you applied" in councillor.body
    # Pat reads, in Welsh, that the councillor appealed: not "your appeal".
    assert victim.subject == f"{case.reference}: mae apêl wedi’i gwneud"
    assert "Annwyl Pat Victim," in victim.body
    assert "Mae Cllr Jones wedi apelio yn erbyn" in victim.body
    assert "eich apêl" not in victim.body and "pan wnaethoch gais" not in victim.body
    assert "drwy’r ddolen breifat a anfonwyd atoch." in victim.body
    keys = {councillor.idempotency_key, victim.idempotency_key}
    assert keys == {f"appeal:{appeal.pk}:received", f"appeal:{appeal.pk}:received:victim"}

    before = Message.objects.count()
    lodging._queue_lodged_emails(appeal)
    assert Message.objects.count() == before


def test_the_case_written_to_the_applicant_only_tells_the_victim_nothing(wales):
    case = party_case(wales, send_to=SendTo.APPLICANT)
    lodge(case)
    assert set(receipts(case)) == {COUNCILLOR}


def test_a_victim_who_appeals_through_their_own_link_is_told_and_so_is_the_councillor(wales):
    case = party_case(wales, send_to=SendTo.BOTH)
    victim = Client()
    victim.get(reverse("track:open", args=[victim_token(case)]))
    response = victim.post(
        reverse("appeals:track_lodge"),
        {"kind": "appeal", "grounds": GROUNDS, "explanation": "Nobody read my diary."},
    )
    assert response.status_code == 302
    appeal = Appeal.objects.get(case=case)
    assert appeal.party == Appeal.Party.VICTIM and appeal.made_by_name == "Pat Victim"
    got = receipts(case)
    assert got[VICTIM].subject == f"{case.reference}: rydym wedi cael eich apêl"
    assert "Rydym wedi cael eich apêl yn erbyn" in got[VICTIM].body
    assert "pan wnaethoch gais" not in got[VICTIM].body
    assert got[COUNCILLOR].subject == f"{case.reference}: an appeal has been made"
    assert "Pat Victim has appealed against the decision that" in got[COUNCILLOR].body
    assert "We have received your appeal" not in got[COUNCILLOR].body


def test_a_pcc_review_the_victim_asked_for_reads_right_to_the_councillor(wales):
    case = party_case(wales, send_to=SendTo.BOTH)
    lodge(case, kind=Appeal.Kind.PCC_REVIEW, party=Appeal.Party.VICTIM)
    got = receipts(case)
    assert got[COUNCILLOR].subject == f"{case.reference}: a PCC review has been asked for"
    assert "Pat Victim has asked for a PCC review of" in got[COUNCILLOR].body
    assert got[VICTIM].subject.endswith(
        "rydym wedi cael eich cais am adolygiad gan y Comisiynydd Heddlu a Throseddu"
    )


def test_a_victim_appeal_made_when_the_case_writes_to_the_applicant_only(wales):
    case = party_case(wales, send_to=SendTo.APPLICANT)
    lodge(case, party=Appeal.Party.VICTIM)
    # The victim made it, so they are told it arrived; the councillor, whom the case writes
    # to, is told who made it.
    assert set(receipts(case)) == {COUNCILLOR, VICTIM}
    assert "Pat Victim has appealed" in receipts(case)[COUNCILLOR].body


def test_only_a_case_made_for_someone_has_a_victim_to_appeal(wales):
    case = make_case(wales.area, complaints=[complaint_data(20)])
    decide_threshold(case, "not_met", by=wales.officer, reasons="One report.")
    with pytest.raises(lodging.AppealRefused, match="Choose who is appealing"):
        lodge(Case.objects.get(pk=case.pk), party=Appeal.Party.VICTIM)


def test_a_victim_by_post_gets_no_email_and_a_victim_by_text_is_texted_in_welsh(wales, fake_notify):
    use_notify(wales.area, fake_notify)
    by_post = party_case(wales, victim_email="", victim_contact_method="post")
    lodge(by_post)
    assert set(receipts(by_post)) == {COUNCILLOR}

    by_text = party_case(wales, victim_contact_method="text", victim_phone=PHONE)
    appeal = lodge(by_text)
    texts = Message.objects.filter(reference=by_text.reference, channel=Message.Channel.TEXT)
    (text,) = texts.filter(topic="Appeal received")
    assert text.to_address == PHONE
    assert text.idempotency_key == f"appeal:{appeal.pk}:received:text:victim"
    assert "rydym wedi cael cais i ystyried ein penderfyniad eto" in text.body
    assert "Pat" not in text.body and "Jones" not in text.body
    before = Message.objects.count()
    lodging._queue_lodged_emails(appeal)
    assert Message.objects.count() == before


# --- Recorded by staff ----------------------------------------------------------------------


def record_url(case):
    return reverse("appeals:record", args=[case.area.slug, case.reference])


def test_staff_record_an_appeal_the_victim_made_by_phone(client, wales):
    case = party_case(wales, send_to=SendTo.BOTH)
    client.force_login(wales.officer)
    page = client.get(record_url(case)).content.decode()
    assert "Who is appealing?" in page and "The victim, Pat Victim" in page
    assert "How did they appeal?" in page and "How did the applicant appeal?" not in page
    answers = {"kind": "appeal", "channel": "phone", "grounds": GROUNDS, "explanation": "By phone."}
    missing = client.post(record_url(case), answers).content.decode()
    assert "govuk-error-summary" in missing and "Choose who is appealing" in missing
    assert client.post(record_url(case), {**answers, "party": "victim"}).status_code == 302
    appeal = Appeal.objects.get(case=case)
    assert appeal.party == Appeal.Party.VICTIM
    assert "Mae Cllr Jones" not in receipts(case)[VICTIM].body
    client.force_login(wales.pcc_officer)
    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "Made by" in page and "The victim, Pat Victim" in page
    assert "The victim's grounds" in page and "What the victim says" in page
    assert "The applicant's grounds" not in page


def test_staff_are_not_asked_who_appeals_on_a_case_nobody_applied_for_someone(client, wales):
    case = make_case(wales.area, complaints=[complaint_data(20)])
    decide_threshold(case, "not_met", by=wales.officer, reasons="One report.")
    client.force_login(wales.officer)
    assert "Who is appealing?" not in client.get(record_url(case)).content.decode()


# --- The decision -------------------------------------------------------------------------------


def test_the_decision_email_reads_right_to_the_victim_in_welsh_and_goes_once(wales):
    case = party_case(wales, send_to=SendTo.BOTH)
    appeal = lodge(case)
    decided = decisions.decide_appeal(
        appeal,
        decisions.DecisionData(
            upheld=False, reasons="Rightly counted.", findings=findings(appeal, False)
        ),
        by=wales.pcc_officer,
    )
    sent = {
        m.to_address: m
        for m in Message.objects.filter(reference=case.reference, topic="Appeal decision")
    }
    assert set(sent) == {COUNCILLOR, VICTIM}
    assert f"{wales.pcc.name} has decided your appeal: it is not upheld." in sent[COUNCILLOR].body
    victim = sent[VICTIM]
    assert victim.subject == f"{case.reference}: y penderfyniad ar yr apêl"
    assert "sydd wedi penderfynu ar yr apêl a wnaeth Cllr Jones" in victim.body
    assert "eich apêl" not in victim.body and "pan wnaethoch gais" not in victim.body
    assert sent[COUNCILLOR].idempotency_key != victim.idempotency_key

    before = Message.objects.count()
    decisions._queue_decision_emails(decided, case.letters.get(kind="appeal_decision"))
    assert Message.objects.count() == before


@pytest.mark.parametrize("email", ["pat.victim@example.org", ""])
def test_the_confirmation_says_an_email_is_coming_only_when_one_is(wales, email):
    case = party_case(wales, send_to=SendTo.BOTH)
    Case.objects.filter(pk=case.pk).update(
        victim_email=email, victim_address="1 Post Road", victim_postcode="CF10 1AA"
    )
    victim = Client()
    victim.get(reverse("track:open", args=[victim_token(case)]))
    page = victim.post(
        reverse("appeals:track_lodge"),
        {"kind": "appeal", "grounds": GROUNDS, "explanation": "Nobody read my diary."},
        follow=True,
    ).content.decode()
    assert "Mae eich apêl wedi’i hanfon at" in page or "Your appeal has been sent to" in page
    emailed = ("We have emailed you to confirm it", "Rydym wedi anfon e-bost")
    assert any(words in page for words in emailed) == bool(email)


@pytest.mark.parametrize(
    ("send_to", "to_appellant"), [(SendTo.BOTH, False), (SendTo.APPLICANT, True)]
)
def test_the_decision_letter_says_your_appeal_only_when_the_appellant_alone_reads_it(
    wales, send_to, to_appellant
):
    """One letter goes to everyone the case writes to: when the victim reads it too, it names
    who appealed ("Cllr Jones appealed on ...") instead of telling them "You appealed"."""
    case = party_case(wales, send_to=send_to)
    appeal = lodge(case)
    decisions.decide_appeal(
        appeal,
        decisions.DecisionData(
            upheld=False, reasons="Rightly counted.", findings=findings(appeal, False)
        ),
        by=wales.pcc_officer,
    )
    letter = case.letters.get(kind="appeal_decision")
    said = {
        True: ("Your appeal is not upheld", "You appealed on", "Your reason"),
        False: ("The appeal is not upheld", "Cllr Jones appealed on", "The reason given"),
    }
    assert letter.title == said[to_appellant][0]
    assert all(words in letter.html for words in said[to_appellant][1:])
    assert not any(words in letter.html for words in said[not to_appellant][1:])
