"""Staff recording an application made by phone, on paper, in person or by referral."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import RoleAssignment
from agencies.working_days import add_working_days
from notifications.models import Message
from tests.factories import AreaFactory
from triggers.applications import journey as apply_journey
from triggers.applications.staff_views import SESSION_KEY
from triggers.models import Case, Channel

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def url(name, *args, checking=False):
    address = reverse(f"record:{name}", args=args)
    return f"{address}?return=check" if checking else address


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def arrival(side, channel="phone", received=None, **extra):
    return {
        "area": side.area.slug,
        "channel": channel,
        **date_fields("received_date", received or TODAY),
        **extra,
    }


def report(reported_to, days_ago=20, reported_after=1, **extra):
    incident = TODAY - timedelta(days=days_ago)
    return {
        **date_fields("incident_date", incident),
        **date_fields("reported_date", incident + timedelta(days=reported_after)),
        "description": "Shouting and banging on the door every night.",
        "reported_to": reported_to,
        "reported_to_other": "",
        "reference_number": "",
        "hate_related": "no",
        **extra,
    }


IMPACT = {
    "impact": "She no longer sleeps and is afraid to go out.",
    "desired_outcome": "The neighbour is spoken to and the noise stops.",
    "others_affected": "",
    "behaviour_location": "Ash Grove",
}
CONTACT = {
    "applicant_name": "Jo Caller",
    "applicant_email": "jo@example.com",
    "contact_method": "email",
}
ON_BEHALF = {
    "victim_name": "Alex Victim",
    "relationship": "Son",
    "organisation": "",
    "victim_consent": "on",
    "victim_consent_share": "on",
    "victim_consent_contact": "on",
    "victim_consent_how": "verbal",
    **date_fields("victim_consent_on", TODAY),
}
VICTIM = {
    "victim_email": "alex@example.com",
    "victim_contact_method": "email",
    "send_to": "victim",
}


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def post(client, name, data, then):
    response = client.post(url(name), data)
    assert response.status_code == 302, (name, response.content.decode()[:3000])
    assert response["Location"] == url(then), (name, response["Location"])
    return response


# --- Whole applications ------------------------------------------------------------------


def test_officer_records_a_phone_application_end_to_end(client, north, south):
    client.force_login(north.officer)
    home = page(client.get(reverse("home")))
    assert url("start") in home and "Record an application" in home

    start = page(client.get(url("start")))
    assert 'value="north"' in start and 'value="south"' not in start
    assert "checked" in start.split('value="north"')[1][:40]  # their only area, preselected
    assert 'value="online"' not in start and 'value="phone"' in start
    assert f'value="{TODAY.year}"' in start  # the date defaults to today

    received = TODAY - timedelta(days=3)
    post(client, "start", arrival(north, "phone", received), then="who")
    assert "Who is the application for?" in page(client.get(url("who")))
    post(client, "who", {"applying_for": "myself"}, then="complaints")
    post(client, "complaint", report(north.police.slug, reference_number="NP/9"), "complaints")
    post(client, "complaints", {}, then="impact")
    assert "How has the behaviour affected the applicant?" in page(client.get(url("impact")))
    post(client, "impact", IMPACT, then="contact")
    assert "The applicant's full name" in page(client.get(url("contact")))
    post(client, "contact", CONTACT, then="check")

    check = page(client.get(url("check")))
    for answer in ("Phone", received.strftime("%B"), "North Police", "NP/9", "Jo Caller"):
        assert answer in check
    assert f"{url('start')}?return=check" in check and "Record application" in check

    response = client.post(url("check"), {})
    case = Case.objects.get(applicant_name="Jo Caller")
    assert response["Location"] == reverse("case_detail", args=["north", case.reference])
    assert SESSION_KEY not in client.session
    assert (case.area, case.channel, case.recorded_by) == (north.area, Channel.PHONE, north.officer)
    assert case.application_date == received
    assert timezone.localtime(case.received_at).date() == received
    assert case.acknowledge_due == add_working_days(received, north.area.acknowledge_days)
    assert case.events.get(summary__startswith="Application received").by == north.officer
    assert Message.objects.filter(reference=case.reference, to_address="jo@example.com").exists()

    shown = page(client.get(response["Location"]))
    assert "Application " + case.reference + " recorded" in shown
    assert "private link" in shown and "jo@example.com" in shown
    assert f"(phone, recorded by {north.officer.full_name})" in shown

    assert case.reference in page(client.get(reverse("home")))
    client.force_login(south.officer)
    assert case.reference not in page(client.get(reverse("home")))


def test_paper_application_on_behalf_of_a_victim_with_their_consent(client, north):
    client.force_login(north.admin)
    post(client, "start", arrival(north, "paper"), then="who")
    post(client, "who", {"applying_for": "someone_else"}, then="on_behalf")

    without = {k: v for k, v in ON_BEHALF.items() if k != "victim_consent"}
    text = page(client.post(url("on_behalf"), without))
    assert "Confirm that the person the application is for has agreed to it" in text
    assert 'value="Alex Victim"' in text
    assert client.get(url("check"))["Location"] == url("on_behalf")
    without_how = {k: v for k, v in ON_BEHALF.items() if k != "victim_consent_how"}
    text = page(client.post(url("on_behalf"), without_how))
    assert "Select how the person the application is for gave their agreement" in text

    post(client, "on_behalf", ON_BEHALF, then="victim")
    text = page(client.post(url("victim"), {**VICTIM, "victim_email": ""}))
    assert "Enter their email address" in text
    post(client, "victim", VICTIM, then="complaints")
    post(client, "complaint", report(north.council.slug), then="complaints")
    post(client, "complaints", {}, then="impact")
    text = page(client.get(url("impact")))
    assert "How has the behaviour affected the person the application is for?" in text
    post(client, "impact", IMPACT, then="contact")
    no_email = {**CONTACT, "applicant_email": "", "contact_method": "post"}
    text = page(client.post(url("contact"), no_email))
    assert "Enter their postal address, or choose another way to contact them" in text
    with_address = {**no_email, "applicant_address": "1 Ash Grove", "applicant_postcode": "l1 1aa"}
    post(client, "contact", with_address, then="check")
    check = page(client.get(url("check")))
    assert "Paper form" in check and "Alex Victim" in check and "no receipt is emailed" in check
    assert "alex@example.com" in check and "Verbally" in check

    response = client.post(url("check"), {}, follow=True)
    case = Case.objects.get(victim_name="Alex Victim")
    assert (case.channel, case.on_behalf, case.victim_consent) == (Channel.PAPER, True, True)
    assert case.recorded_by == north.admin and case.application_date == TODAY
    assert case.applicant_postcode == "L1 1AA"
    assert "no private link" in page(response)
    assert "Alex Victim is emailed a private link of their own" in page(response)
    # The consent, recorded by the officer who took the application.
    assert (case.victim_consent_how, case.victim_consent_on) == ("verbal", TODAY)
    assert case.victim_consent_recorded_by == north.admin
    assert case.consent_recorded_by_name == north.admin.full_name
    assert case.events.filter(summary__startswith="Victim's consent recorded", by=north.admin)
    # The victim chose to be written to instead: their receipt carries their own link; the
    # applicant, who gave no email, gets nothing (the bodies are told: s104(3)(b)).
    assert (case.victim_email, case.send_to) == ("alex@example.com", "victim")
    [receipt] = Message.objects.filter(reference=case.reference, topic="Application received")
    assert receipt.to_address == "alex@example.com" and case.victim_tracking_token_hash
    assert not Message.objects.filter(reference=case.reference, to_address="").exists()


def test_a_report_made_after_the_application_arrived_is_refused(client, north):
    client.force_login(north.officer)
    post(client, "start", arrival(north, "in_person", TODAY - timedelta(days=10)), then="who")
    post(client, "who", {"applying_for": "myself"}, then="complaints")
    late = report(north.police.slug, days_ago=6)
    text = page(client.post(url("complaint"), late))
    assert "must be on or before the date the application was received" in text
    assert "govuk-error-summary" in text


def test_the_staff_draft_never_mixes_with_a_public_draft(client, north, south):
    client.post(reverse("apply:start"), {"area": "south"})
    client.force_login(north.officer)
    client.post(reverse("apply:start"), {"area": "south"})
    post(client, "start", arrival(north), then="who")
    session = client.session
    assert session[apply_journey.SESSION_KEY]["steps"]["start"]["area"] == ["south"]
    assert session[SESSION_KEY]["steps"]["start"]["area"] == ["north"]
    # The public journey's pages never see the staff member's answers, and the other way.
    client.post(reverse("apply:who"), {"applying_for": "myself"})
    post(client, "who", {"applying_for": "myself"}, then="complaints")
    assert "to South's council" in page(client.get(reverse("apply:complaints")))
    assert "to North's council" in page(client.get(url("complaints")))


def test_discarding_the_draft_forgets_it(client, north):
    client.force_login(north.officer)
    post(client, "start", arrival(north), then="who")
    assert "Are you sure" in page(client.get(url("discard")))
    assert client.post(url("discard"), {})["Location"] == reverse("home")
    assert SESSION_KEY not in client.session
    assert client.get(url("who"))["Location"] == url("start")


# --- Areas -------------------------------------------------------------------------------


def test_another_areas_id_is_a_form_error(client, north, south):
    client.force_login(north.officer)
    text = page(client.post(url("start"), arrival(south)))
    assert "Select one of your areas" in text and "govuk-error-summary" in text
    assert client.get(url("who"))["Location"] == url("start")
    assert not Case.objects.filter(area=south.area).exclude(pk=south.case.pk).exists()


def test_an_area_tampered_into_the_session_never_makes_a_case(client, north, south):
    client.force_login(north.officer)
    post(client, "start", arrival(north), then="who")
    post(client, "who", {"applying_for": "myself"}, then="complaints")
    post(client, "complaint", report(north.police.slug), then="complaints")
    post(client, "impact", IMPACT, then="contact")
    post(client, "contact", CONTACT, then="check")
    session = client.session
    session[SESSION_KEY]["steps"]["start"]["area"] = ["south"]
    session.save()
    assert client.post(url("check"), {})["Location"] == url("start")
    assert not Case.objects.filter(applicant_name="Jo Caller").exists()


def test_an_officer_of_several_areas_chooses_among_their_own_only(client, north, south):
    third = AreaFactory(slug="third", name="Third", reference_prefix="THI")
    RoleAssignment.objects.create(
        user=north.officer, role=RoleAssignment.Role.AREA_ADMIN, area=third
    )
    client.force_login(north.officer)
    start = page(client.get(url("start")))
    assert 'value="north"' in start and 'value="third"' in start
    assert 'value="south"' not in start and "checked" not in start.split("channel")[0]
    post(client, "start", arrival(north, received=TODAY) | {"area": "third"}, then="who")


# --- Who may use it ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["responder", "chair", "pcc_officer"])
def test_anyone_but_an_officer_or_admin_gets_404(client, north, role):
    client.force_login(getattr(north, role))
    for name, args in (
        ("start", ()),
        ("who", ()),
        ("complaint", ()),
        ("complaint", ("abc123",)),
        ("check", ()),
        ("discard", ()),
    ):
        assert client.get(url(name, *args)).status_code == 404, name
        assert client.post(url(name, *args), arrival(north)).status_code == 404, name
    assert "Record an application" not in page(client.get(reverse("home"), {"cases": "1"}))
    assert not Case.objects.filter(recorded_by__isnull=False).exists()


def test_signing_in_is_needed(client, north):
    response = client.get(url("start"))
    assert response.status_code == 302 and reverse("signin") in response["Location"]


# --- Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (date_fields("received_date", TODAY + timedelta(days=7)), "must be today or in the past"),
        (
            {"received_date_0": "", "received_date_1": "", "received_date_2": ""},
            "Enter the date the application was received",
        ),
        ({"received_date_0": ""}, "The date the application was received must include a day"),
        (
            {"received_date_0": "31", "received_date_1": "2"},
            "The date the application was received must be a real date",
        ),
        ({"received_date_2": "9" * 40}, "must be a real date"),
        ({"received_date_1": "\u0663"}, "must be a real date"),
        ({"received_date_0": "x" * 100_000}, "must be a real date"),
        ({"channel": "online"}, "Select how the application arrived from the list"),
        ({"channel": ""}, "Select how the application arrived"),
        ({"area": ""}, "Select the area the application is for"),
        ({"area": "x" * 100_000}, "Select one of your areas"),
    ],
)
def test_bad_first_page_answers_are_errors_not_failures(client, north, change, message):
    client.force_login(north.officer)
    text = page(client.post(url("start"), {**arrival(north), **change}))
    assert message in text and "govuk-error-summary" in text
    assert client.get(url("who"))["Location"] == url("start")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("who", {"applying_for": "the-king"}, "Select who the application is for"),
        ("complaint", report("south-police"), "Select who they reported it to from the list"),
        ("complaint", report("other"), "Enter who they reported it to"),
        ("complaint", report("x", hate_related="maybe"), "Select yes or no"),
        ("contact", {**CONTACT, "contact_method": "pigeon"}, "Select how they want to be"),
        ("contact", {**CONTACT, "adjustments": ["interpreter"]}, "Enter the language they need"),
    ],
)
def test_tampered_answers_are_errors_not_failures(client, north, name, data, message):
    client.force_login(north.officer)
    post(client, "start", arrival(north), then="who")
    if name != "who":
        post(client, "who", {"applying_for": "myself"}, then="complaints")
    if name == "contact":
        post(client, "complaint", report(north.police.slug), then="complaints")
        post(client, "impact", IMPACT, then="contact")
    assert message in page(client.post(url(name), data))


def test_a_broken_session_starts_again(client, north):
    client.force_login(north.officer)
    session = client.session
    session[SESSION_KEY] = {"steps": {"start": "nonsense"}, "complaints": "x", "draft": 3}
    session.save()
    assert client.get(url("check"))["Location"] == url("start")
    assert client.get(url("start")).status_code == 200
