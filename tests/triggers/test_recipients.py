"""The victim is a party (DOMAIN.md §5.9): who receives what, their own link, their consent,
and what partner agencies may see of them."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from notifications.models import Message
from tests.factories import make_case
from tests.triggers.reviews.test_review import review_data, schedule
from triggers.models import Case, PlanComment, SendTo, VictimInvolvement
from triggers.recipients import Role, recipients
from triggers.reviews import services as reviews
from triggers.threshold.services import acknowledge, decide_threshold
from triggers.tracking import services as tracking

pytestmark = pytest.mark.django_db

COUNCILLOR = "cllr.jones@example.gov.uk"
VICTIM = "pat@example.com"


def victim_case(side, *, complaints=None, **victim):
    """A case a councillor applied for, for a victim who agreed to all of it."""
    details = {
        "on_behalf": True,
        "victim_name": "Pat Victim",
        "relationship": "Their councillor",
        "victim_consent": True,
        "victim_consent_share": True,
        "victim_consent_contact": True,
        "victim_consent_how": "email",
        "victim_consent_on": timezone.localdate() - timedelta(days=2),
        "victim_email": VICTIM,
        "victim_phone": "07700 900 982",
        "victim_address": "3 Elm Court",
        "victim_postcode": "AB1 2CD",
        "victim_contact_method": "email",
        **victim,
    }
    return make_case(
        side.area,
        applicant_name="Cllr Jones",
        applicant_email=COUNCILLOR,
        complaints=complaints,
        data=details,
    )


def sent_to(case, topic):
    return sorted(
        Message.objects.filter(reference=case.reference, topic=topic).values_list(
            "to_address", flat=True
        )
    )


def victim_token(case) -> str:
    receipt = Message.objects.get(
        reference=case.reference, topic="Application received", to_address=VICTIM
    )
    return receipt.private_link.rstrip("/").rsplit("/", 1)[-1]


# --- recipients() ---------------------------------------------------------------------------


def people(**fields):
    base = {
        "applicant_name": "Cllr Jones",
        "applicant_email": COUNCILLOR,
        "on_behalf": True,
        "victim_name": "Pat",
        "victim_consent_contact": True,
        "victim_email": VICTIM,
    }
    return [(p.role, p.email) for p in recipients(Case(**{**base, **fields}))]


def test_recipients_follow_the_choice_and_never_leave_nobody():
    both, victim, applicant = SendTo.BOTH, SendTo.VICTIM, SendTo.APPLICANT
    assert people(send_to=both) == [(Role.APPLICANT, COUNCILLOR), (Role.VICTIM, VICTIM)]
    assert people(send_to=victim) == [(Role.VICTIM, VICTIM)]
    assert people(send_to=applicant) == [(Role.APPLICANT, COUNCILLOR)]
    # A victim who did not agree to being contacted, or who cannot be reached, is not
    # written to: the applicant is, whatever was chosen.
    assert people(send_to=victim, victim_consent_contact=False) == [(Role.APPLICANT, COUNCILLOR)]
    assert people(send_to=both, victim_email="") == [(Role.APPLICANT, COUNCILLOR)]
    # By post, an address is enough.
    assert people(send_to=victim, victim_email="", victim_address="3 Elm Court") == [
        (Role.VICTIM, "")
    ]
    assert people(send_to=both, on_behalf=False) == [(Role.APPLICANT, COUNCILLOR)]


# --- The victim applied for by a councillor -------------------------------------------------


def test_the_victim_gets_their_own_link_the_invitation_and_the_consultation(north):
    case = victim_case(north)
    assert case.send_to == SendTo.BOTH  # the default when the victim can be reached
    assert sent_to(case, "Application received") == sorted([COUNCILLOR, VICTIM])

    # Their own link opens the same tracking page, as theirs.
    victim = Client()
    assert victim.get(reverse("track:open", args=[victim_token(case)])).status_code == 302
    page = victim.get(reverse("track:case"))
    assert page.status_code == 200 and page.context["party"] == "victim"
    applicant = Client()
    applicant.get(reverse("track:open", args=[case.token]))
    assert applicant.get(reverse("track:case")).context["party"] == "applicant"

    acknowledge(case, by=north.officer)
    assert sent_to(case, "Application acknowledged") == sorted([COUNCILLOR, VICTIM])
    decide_threshold(case, "met", by=north.officer)
    schedule(north, case)
    invited = sent_to(case, "Review meeting")
    assert VICTIM in invited and COUNCILLOR in invited

    # What the victim gives through their own link is recorded as theirs.
    response = victim.post(reverse("track:involvement"), {"way": "written", "statement": "Mine."})
    assert response.status_code == 302
    assert VictimInvolvement.objects.get(case=case).party == "victim"
    assert case.events.filter(summary__startswith="The victim said how the victim takes part")

    case.refresh_from_db()
    review = reviews.record_review(case, review_data(north), by=north.officer)
    assert sent_to(case, "Draft action plan") == sorted([COUNCILLOR, VICTIM])
    victim.post(reverse("track:plan"), {"text": "Please add weekends."})
    comment = PlanComment.objects.get(review=review)
    assert (comment.party, comment.text) == ("victim", "Please add weekends.")
    assert case.events.filter(summary="The victim commented on the draft action plan")


def test_when_the_victim_chose_to_be_told_instead_the_councillor_is_not(north):
    case = victim_case(north, send_to=SendTo.VICTIM)
    # The councillor still gets the receipt of what they sent, with their own link.
    assert sent_to(case, "Application received") == sorted([COUNCILLOR, VICTIM])
    acknowledge(case, by=north.officer)
    assert sent_to(case, "Application acknowledged") == [VICTIM]
    decide_threshold(case, "met", by=north.officer)
    schedule(north, case)
    assert COUNCILLOR not in sent_to(case, "Review meeting")
    assert VICTIM in sent_to(case, "Review meeting")
    case.refresh_from_db()
    reviews.record_review(case, review_data(north), by=north.officer)
    assert sent_to(case, "Draft action plan") == [VICTIM]


def test_the_letters_go_to_whoever_receives_what(north):
    case = victim_case(north, send_to=SendTo.VICTIM)
    decide_threshold(case, "met", by=north.officer)
    letters = Message.objects.filter(reference=case.reference).exclude(
        topic__in=("Application received", "Application acknowledged")
    )
    to_public = set(
        letters.filter(to_address__in=[VICTIM, COUNCILLOR]).values_list("to_address", flat=True)
    )
    assert to_public == {VICTIM}


def test_the_victims_copy_of_a_letter_opens_with_their_name(north):
    import io

    from pypdf import PdfReader

    case = victim_case(north, send_to=SendTo.BOTH)
    decide_threshold(case, "met", by=north.officer)

    def opening(to):
        message = Message.objects.get(to_address=to, topic="Threshold decision")
        pdf = message.attachments.get(mimetype="application/pdf")
        return PdfReader(io.BytesIO(bytes(pdf.content))).pages[0].extract_text()

    assert case.victim_name in opening(VICTIM)
    assert case.applicant_name in opening(COUNCILLOR)
    assert case.applicant_name not in opening(VICTIM).split(case.reference)[0]


# --- Staff change who receives what --------------------------------------------------------


def victim_url(case):
    return reverse("case_victim", args=[case.area.slug, case.reference])


def form_data(case, **changes):
    from triggers.applications.victim import VictimDetailsForm

    data = VictimDetailsForm.initial_for(case)
    return {**data, **changes}


def test_staff_change_who_receives_what_with_history(client, north):
    case = victim_case(north)
    client.force_login(north.officer)
    page = client.get(reverse("case_detail", args=[north.area.slug, case.reference]))
    text = page.content.decode()
    assert victim_url(case) in text and VICTIM in text and "07700 900 982" in text
    assert "Given by email" in text and "The applicant declared it online" in text

    response = client.post(
        victim_url(case), form_data(case, send_to="applicant", victim_phone="01632 960 001")
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.send_to, case.victim_phone) == ("applicant", "01632 960 001")
    assert [p.role for p in recipients(case)] == [Role.APPLICANT]
    changed = case.events.get(summary__startswith="Who we write to changed")
    assert changed.by == north.officer and "the applicant only" in changed.summary
    details = case.events.get(summary="The victim's contact details changed")
    assert details.reasons == "Changed: phone." and "01632" not in details.reasons


def test_a_victim_first_written_to_by_email_gets_their_own_link(client, north):
    case = victim_case(north, victim_email="", victim_address="", victim_contact_method="")
    assert case.send_to == SendTo.APPLICANT and not case.victim_tracking_token_hash
    client.force_login(north.officer)
    client.post(victim_url(case), form_data(case, victim_email=VICTIM, send_to="both"))
    case.refresh_from_db()
    assert case.victim_tracking_token_hash and case.send_to == SendTo.BOTH
    assert sent_to(case, "New private link") == [VICTIM]
    assert case.events.filter(summary__startswith="New private link issued to the victim")


def test_staff_cannot_write_to_a_victim_who_cannot_be_reached(client, north):
    case = victim_case(north, victim_consent_contact=False)
    client.force_login(north.officer)
    text = client.post(victim_url(case), form_data(case, send_to="victim")).content.decode()
    assert "govuk-error-summary" in text and "agreed to being contacted" in text
    case.refresh_from_db()
    assert case.send_to == SendTo.APPLICANT
    bad = client.post(victim_url(case), form_data(case, send_to="everyone", victim_postcode="?"))
    assert bad.status_code == 200 and "govuk-error-summary" in bad.content.decode()


def test_the_victims_page_is_for_cases_applied_for_someone(client, north):
    client.force_login(north.officer)
    assert client.get(victim_url(north.case)).status_code == 404


# --- The victim's link, switched off and replaced -------------------------------------------


def test_the_victims_link_is_switched_off_and_replaced_on_its_own(client, north):
    case = victim_case(north)
    victim, applicant = Client(), Client()
    victim.get(reverse("track:open", args=[victim_token(case)]))
    applicant.get(reverse("track:open", args=[case.token]))
    client.force_login(north.officer)
    url = reverse("case_private_link", args=[north.area.slug, case.reference])
    assert "The victim's private link" in client.get(url, {"party": "victim"}).content.decode()
    client.post(url, {"party": "victim", "action": "revoke"})
    assert victim.get(reverse("track:case")).status_code == 404
    assert applicant.get(reverse("track:case")).status_code == 200
    assert case.events.filter(summary="The victim's private link switched off")

    client.post(url, {"party": "victim", "action": "reissue"})
    [email] = Message.objects.filter(reference=case.reference, topic="New private link")
    assert email.to_address == VICTIM
    token = email.private_link.rstrip("/").rsplit("/", 1)[-1]
    assert tracking.hash_token(token) == Case.objects.get(pk=case.pk).victim_tracking_token_hash
    assert client.get(url, {"party": "victim"}).status_code == 200
    # Not on a case nobody applied to for someone.
    other = reverse("case_private_link", args=[north.area.slug, north.case.reference])
    assert client.get(other, {"party": "victim"}).status_code == 404


# --- Partner agencies never see the victim's email or phone --------------------------------


def test_a_partner_responder_never_sees_the_victims_email_or_phone(client, north):
    case = victim_case(north)
    page_url = reverse("case_detail", args=[north.area.slug, case.reference])
    api_url = reverse("api:case_detail", args=[north.area.slug, case.reference])
    client.force_login(north.responder)
    page = client.get(page_url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Pat Victim" in text and "AB1 2CD" in text
    assert VICTIM not in text and "07700 900 982" not in text
    assert victim_url(case) not in text
    # Their check of the application shows where the victim lives, to find them in records.
    check = case.threshold_checks.get(agency=north.police)
    text = client.get(reverse("threshold_check", args=[check.pk])).content.decode()
    assert "3 Elm Court" in text and VICTIM not in text and "07700 900 982" not in text

    api = APIClient()
    api.force_authenticate(north.responder)
    victim = api.get(api_url).json()["victim"]
    assert (victim["email"], victim["phone"]) == (None, None)
    assert victim["postcode"] == "AB1 2CD"
    assert VICTIM not in str(api.get(api_url).json())

    api.force_authenticate(north.officer)
    victim = api.get(api_url).json()["victim"]
    assert (victim["email"], victim["phone"]) == (VICTIM, "07700 900 982")
    assert victim["consent_how"] == "By email" and victim["send_to"]


def test_retention_removes_the_victims_details_and_link(north):
    from triggers.privacy import anonymise_case

    case = victim_case(north)
    anonymise_case(case)
    case.refresh_from_db()
    assert (case.victim_email, case.victim_phone, case.victim_address) == ("", "", "")
    assert case.victim_tracking_token_hash == "" and case.victim_tracking_revoked
