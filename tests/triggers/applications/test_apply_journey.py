"""The public application journey, driven page by page through the test client."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgencyFactory, AreaFactory
from triggers.applications.journey import MAX_COMPLAINTS, REFERENCE_KEY, SESSION_KEY
from triggers.applications.services import ApplicationRefused
from triggers.models import Case, Channel

pytestmark = pytest.mark.django_db


def url(name, *args, checking=False):
    address = reverse(f"apply:{name}", args=args)
    return f"{address}?return=check" if checking else address


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def report(reported_to, days_ago=20, reported_after=1, **extra):
    incident = timezone.localdate() - timedelta(days=days_ago)
    return {
        **date_fields("incident_date", incident),
        **date_fields("reported_date", incident + timedelta(days=reported_after)),
        "description": "Loud music and shouting on the landing until 3am.",
        "reported_to": reported_to,
        "reported_to_other": "",
        "reference_number": "",
        "hate_related": "no",
        **extra,
    }


IMPACT = {
    "impact": "I cannot sleep and my children are frightened.",
    "desired_outcome": "The noise stops and the landlord acts.",
    "others_affected": "",
    "behaviour_location": "Elm Court",
}
CONTACT = {
    "applicant_name": "Sam Applicant",
    "applicant_email": "sam@example.com",
    "contact_method": "email",
}
CONSENTED_ON = timezone.localdate() - timedelta(days=3)
ON_BEHALF = {
    "victim_name": "Pat Victim",
    "relationship": "Support worker",
    "organisation": "Northside Housing Support",
    "victim_consent": "on",
    "victim_consent_share": "on",
    "victim_consent_contact": "on",
    "victim_consent_how": "writing",
    **date_fields("victim_consent_on", CONSENTED_ON),
}
VICTIM = {
    "victim_email": "Pat@Example.com",
    "victim_phone": "07700 900 982",
    "victim_address": "3 Elm Court",
    "victim_postcode": "ab1 2cd",
    "victim_contact_method": "email",
    "victim_adjustments": "Large print",
    "send_to": "",
}


def report_ids(client):
    return [stored["id"] for stored in client.session[SESSION_KEY]["complaints"]]


def answer_until(client, side, last, *, on_behalf=False, resume_from=None):
    """Answer every page in order, up to and including `last` (from `resume_from` on)."""
    steps = [
        ("start", {"area": side.area.slug}),
        ("who", {"applying_for": "someone_else" if on_behalf else "myself"}),
    ]
    if on_behalf:
        steps += [("on_behalf", ON_BEHALF), ("victim", VICTIM)]
    steps.append(("complaint", report(side.police.slug)))
    steps += [("impact", IMPACT), ("contact", CONTACT)]
    if resume_from:
        steps = steps[[name for name, _ in steps].index(resume_from) :]
    for name, data in steps:
        response = client.post(url(name), data)
        assert response.status_code == 302, (name, response.content.decode()[:3000])
        if name == last:
            return response
    return None


def page(response):
    assert response.status_code == 200
    return response.content.decode()


# --- The whole journey -------------------------------------------------------------------


def test_on_behalf_application_from_start_to_confirmation(client, north, south):
    start = client.get(reverse("start")).content.decode()
    assert url("start") in start and "Start now" in start
    assert "call 999" in page(client.get(url("start")))

    assert client.post(url("start"), {"area": "north"})["Location"] == url("who")
    response = client.post(url("who"), {"applying_for": "someone_else"})
    assert response["Location"] == url("on_behalf")
    assert client.post(url("on_behalf"), ON_BEHALF)["Location"] == url("victim")
    assert "How to contact the person you are applying for" in page(client.get(url("victim")))
    assert client.post(url("victim"), VICTIM)["Location"] == url("complaints")

    # The list starts empty; reports are added one at a time.
    assert "You have not added any reports yet" in page(client.get(url("complaints")))
    first = report(north.police.slug, days_ago=20, reference_number="NP/123")
    assert client.post(url("complaint"), first)["Location"] == url("complaints")
    add_page = page(client.get(url("complaint")))
    assert "Is this the same incident" in add_page and "Report 1:" in add_page
    [first_id] = report_ids(client)
    second = report(north.council.slug, days_ago=20, reported_after=2, same_incident=first_id)
    assert client.post(url("complaint"), second)["Location"] == url("complaints")
    third = report(
        "other", days_ago=5, reported_to_other="My landlord", hate_related="yes", same_incident="no"
    )
    assert client.post(url("complaint"), third)["Location"] == url("complaints")
    listing = page(client.get(url("complaints")))
    assert "You have added 3 reports" in listing and "Same incident as report 1" in listing

    assert client.post(url("complaints"), {})["Location"] == url("impact")
    assert client.post(url("impact"), IMPACT)["Location"] == url("contact")
    assert client.post(url("contact"), CONTACT)["Location"] == url("check")

    check = page(client.get(url("check")))
    for answer in (
        "Pat Victim",
        "Support worker",
        "North Police",
        "My landlord",
        "NP/123",
        "Sam Applicant",
        "sam@example.com",
        "Elm Court",
        "pat@example.com",
        "AB1 2CD",
        "applying, sharing their information with the bodies, being contacted",
        "In writing",
        f"{CONSENTED_ON:%-d %B %Y}",
    ):
        assert answer in check
    assert f"{url('victim')}?return=check" in check
    assert f"{url('who')}?return=check" in check

    response = client.post(url("check"), {})
    assert response["Location"] == url("done")
    case = Case.objects.get(area=north.area, applicant_name="Sam Applicant")
    assert SESSION_KEY not in client.session
    assert client.session[REFERENCE_KEY] == case.reference

    assert (case.channel, case.on_behalf, case.victim_consent) == (Channel.ONLINE, True, True)
    assert (case.victim_name, case.relationship) == ("Pat Victim", "Support worker")
    assert case.organisation == "Northside Housing Support"
    # The consent: what it covers, how, when, and that the applicant declared it online.
    assert (case.victim_consent_share, case.victim_consent_contact) == (True, True)
    assert (case.victim_consent_how, case.victim_consent_on) == ("writing", CONSENTED_ON)
    assert case.victim_consent_recorded_by is None
    assert case.consent_recorded_by_name == "The applicant declared it online"
    assert case.events.filter(summary__startswith="Victim's consent recorded: given in writing")
    # The victim's own details; with an email and no choice made, both are written to.
    assert (case.victim_email, case.victim_postcode) == ("pat@example.com", "AB1 2CD")
    assert (case.victim_contact_method, case.victim_adjustments) == ("email", "Large print")
    assert case.send_to == "both" and case.victim_tracking_token_hash
    assert case.applicant_email == "sam@example.com" and case.contact_method == "email"
    assert case.impact == IMPACT["impact"] and case.behaviour_location == "Elm Court"
    complaints = list(case.complaints.order_by("position"))
    assert [c.reported_to_name for c in complaints] == [
        "North Police",
        "North Council",
        "My landlord",
    ]
    assert complaints[0].reference_number == "NP/123"
    assert complaints[0].incident_key and complaints[0].incident_key == complaints[1].incident_key
    assert complaints[2].incident_key == ""
    assert [c.hate_related for c in complaints] == [False, False, True]

    done = page(client.get(url("done")))
    assert "Application received" in done and case.reference in done
    assert "govuk-panel--confirmation" in done
    assert f"{north.area.acknowledge_days} working days" in done
    assert "/track/" not in done  # the private link travels by email only

    client.force_login(north.officer)
    assert case.reference in client.get(reverse("home")).content.decode()
    client.force_login(south.officer)
    assert case.reference not in client.get(reverse("home")).content.decode()


def test_applying_for_yourself_skips_the_victims_page(client, north):
    answer_until(client, north, "who")
    assert client.get(url("on_behalf"))["Location"] == url("who")
    answer_until(client, north, "contact")
    client.post(url("check"), {})
    case = Case.objects.get(applicant_name="Sam Applicant")
    assert not case.on_behalf and case.victim_name == "" and case.complaints.count() == 1


# --- Errors keep what was typed ----------------------------------------------------------


def test_errors_show_the_error_summary_and_keep_what_was_typed(client, north):
    answer_until(client, north, "impact")
    typed = {**CONTACT, "applicant_email": "sam-at-example", "applicant_phone": "0161 555"}
    text = page(client.post(url("contact"), typed))
    assert "govuk-error-summary" in text and "<title>Error:" in text
    assert "Enter an email address in the correct format" in text
    assert 'value="sam-at-example"' in text and 'value="Sam Applicant"' in text
    # Coming back later shows the same answers, without errors until sent again.
    again = page(client.get(url("contact")))
    assert 'value="sam-at-example"' in again and "govuk-error-summary" not in again
    assert client.get(url("check"))["Location"] == url("contact")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"incident_date_0": "", "incident_date_1": "", "incident_date_2": ""},
            "Enter the date of the incident",
        ),
        ({"incident_date_0": ""}, "The date of the incident must include a day"),
        (
            {"incident_date_0": "31", "incident_date_1": "2"},
            "The date of the incident must be a real date",
        ),
        (
            {"incident_date_2": "99999999999999999999"},
            "The date of the incident must be a real date",
        ),
        ({"incident_date_2": "26"}, "The date of the incident must be a real date"),
        (
            {"reported_date_2": str(timezone.localdate().year + 1)},
            "The date you reported it must be today or in the past",
        ),
        (
            {**date_fields("reported_date", timezone.localdate() - timedelta(days=30))},
            "The date you reported it must be the same as or after the date of the incident",
        ),
        ({"reported_to": "other"}, "Enter who you reported it to"),
        ({"description": ""}, "Enter what happened"),
        ({"hate_related": ""}, "Select yes if you think it was targeted"),
    ],
)
def test_report_errors_say_what_to_fix(client, north, change, message):
    answer_until(client, north, "who")
    typed = {**report(north.police.slug), **change}
    text = page(client.post(url("complaint"), typed))
    assert "govuk-error-summary" in text and message in text
    assert "Loud music and shouting" in text or not typed["description"]
    assert report_ids(client) == []  # an unfinished report does not join the list
    assert "Loud music" in page(client.get(url("complaint"))) or not typed["description"]


def test_contact_method_needs_its_detail(client, north):
    answer_until(client, north, "impact")
    text = page(client.post(url("contact"), {**CONTACT, "contact_method": "post"}))
    assert "Enter your postal address, or choose another way to contact you" in text
    assert "Enter your postcode" in text
    text = page(client.post(url("contact"), {**CONTACT, "contact_method": "phone"}))
    assert "Enter your phone number" in text
    text = page(client.post(url("contact"), {**CONTACT, "adjustments": ["interpreter"]}))
    assert "Enter the language you need" in text


# --- Consent -----------------------------------------------------------------------------


def test_applying_for_someone_without_their_consent_is_refused(client, north):
    answer_until(client, north, "start")
    client.post(url("who"), {"applying_for": "someone_else"})
    without = {k: v for k, v in ON_BEHALF.items() if k != "victim_consent"}
    text = page(client.post(url("on_behalf"), without))
    assert "Confirm that the person you are applying for has agreed to this application" in text
    assert 'value="Pat Victim"' in text
    for later in ("complaints", "impact", "contact", "check"):
        assert client.get(url(later))["Location"] == url("on_behalf")
    assert not Case.objects.filter(victim_name="Pat Victim").exists()


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("victim_consent_share", "has agreed to their information being shared with the agencies"),
        ("victim_consent_how", "Select how the person you are applying for gave their agreement"),
        ("victim_consent_on_0", "date they gave their agreement"),
    ],
)
def test_consent_details_are_required(client, north, missing, message):
    answer_until(client, north, "start")
    client.post(url("who"), {"applying_for": "someone_else"})
    without = {k: v for k, v in ON_BEHALF.items() if not k.startswith(missing)}
    text = page(client.post(url("on_behalf"), without))
    assert "govuk-error-summary" in text and message in text
    assert client.get(url("victim"))["Location"] == url("on_behalf")


def test_consent_cannot_be_dated_in_the_future(client, north):
    answer_until(client, north, "start")
    client.post(url("who"), {"applying_for": "someone_else"})
    tomorrow = timezone.localdate() + timedelta(days=1)
    text = page(
        client.post(url("on_behalf"), {**ON_BEHALF, **date_fields("victim_consent_on", tomorrow)})
    )
    assert "govuk-error-summary" in text


def test_victim_details_need_what_their_contact_method_and_choice_rely_on(client, north):
    answer_until(client, north, "start")
    client.post(url("who"), {"applying_for": "someone_else"})
    client.post(url("on_behalf"), ON_BEHALF)
    nothing = dict.fromkeys(VICTIM, "")
    text = page(client.post(url("victim"), {**nothing, "victim_contact_method": "post"}))
    assert "Enter their postal address" in text and "Enter their postcode" in text
    text = page(client.post(url("victim"), {**nothing, "send_to": "victim"}))
    assert "Enter their email address or postal address" in text
    # Nothing is required: the applicant may not know how to reach them.
    assert client.post(url("victim"), nothing)["Location"] == url("complaints")


def test_without_victim_details_the_applicant_is_written_to(client, north):
    answer_until(client, north, "start")
    client.post(url("who"), {"applying_for": "someone_else"})
    client.post(url("on_behalf"), ON_BEHALF)
    client.post(url("victim"), dict.fromkeys(VICTIM, ""))
    answer_until(client, north, "contact", resume_from="complaint")
    client.post(url("check"), {})
    case = Case.objects.get(victim_name="Pat Victim")
    assert case.send_to == "applicant" and case.victim_tracking_token_hash == ""


def test_a_refused_application_shows_why_in_the_error_summary(client, north, monkeypatch):
    def refuse(*args, **kwargs):
        raise ApplicationRefused("The victim must agree to someone applying for them.")

    monkeypatch.setattr("triggers.applications.views.submit_application", refuse)
    answer_until(client, north, "contact")
    text = page(client.post(url("check"), {}))
    assert "govuk-error-summary" in text and "The victim must agree" in text
    assert "<title>Error:" in text
    assert SESSION_KEY in client.session  # nothing is lost


# --- Back and Change ---------------------------------------------------------------------


def test_back_and_change_links_keep_answers_and_return_to_check(client, north):
    answer_until(client, north, "contact", on_behalf=True)
    who = page(client.get(url("who", checking=True)))
    assert f'href="{url("check")}" class="govuk-back-link"' in who
    assert 'value="someone_else"\n    \n      checked' in who or 'checked="checked"' in who

    contact = page(client.get(url("contact")))
    assert 'value="Sam Applicant"' in contact
    assert f'href="{url("impact")}" class="govuk-back-link"' in contact
    changed = {**CONTACT, "applicant_name": "Sam Changed"}
    assert client.post(url("contact", checking=True), changed)["Location"] == url("check")
    assert "Sam Changed" in page(client.get(url("check")))

    [report_id] = report_ids(client)
    edit = page(client.get(url("complaint", report_id, checking=True)))
    assert "Loud music and shouting" in edit
    assert f'href="{url("check")}" class="govuk-back-link"' in edit
    moved = report(north.council.slug)
    response = client.post(url("complaint", report_id, checking=True), moved)
    assert response["Location"] == url("check")
    assert "North Council" in page(client.get(url("check")))

    # Changing to "myself" and back asks again only for what is missing.
    client.post(url("who", checking=True), {"applying_for": "myself"})
    assert "Pat Victim" not in page(client.get(url("check")))
    response = client.post(url("who", checking=True), {"applying_for": "someone_else"})
    assert response["Location"] == url("check")  # the victim's details were kept


def test_removing_a_report_keeps_the_others_of_that_incident_together(client, north):
    answer_until(client, north, "complaint")
    [first] = report_ids(client)
    client.post(url("complaint"), report(north.council.slug, same_incident=first))
    client.post(url("complaint"), report(north.police.slug, days_ago=3, same_incident=first))
    assert "Are you sure" in page(client.get(url("complaint_remove", first)))
    assert client.post(url("complaint_remove", first), {})["Location"] == url("complaints")
    listing = page(client.get(url("complaints")))
    assert "You have added 2 reports" in listing and "Same incident as report 1" in listing


# --- Guards ------------------------------------------------------------------------------


def test_jumping_ahead_goes_to_the_first_page_missing(client, north):
    for name in ("who", "on_behalf", "complaints", "complaint", "impact", "contact", "check"):
        assert client.get(url(name))["Location"] == url("start")
    assert client.get(url("done"))["Location"] == url("start")
    answer_until(client, north, "who")
    assert client.get(url("impact"))["Location"] == url("complaints")
    assert client.get(url("check"))["Location"] == url("complaints")


def test_at_least_one_report_is_needed(client, north):
    answer_until(client, north, "who")
    text = page(client.post(url("complaints"), {}))
    assert "Add at least one report of the behaviour" in text and "<title>Error:" in text
    assert 'href="#add-report"' in text


def test_no_more_than_the_maximum_number_of_reports(client, north):
    answer_until(client, north, "complaint")
    session = client.session
    stored = session[SESSION_KEY]["complaints"][0]
    session[SESSION_KEY]["complaints"] = [
        {"id": f"r{n:03d}", "data": {**stored["data"], "same_incident": ["no"]}}
        for n in range(MAX_COMPLAINTS)
    ]
    session[SESSION_KEY]["complaints"][0]["data"].pop("same_incident")
    session.save()
    assert client.get(url("complaint"))["Location"] == url("complaints")
    assert client.post(url("complaint"), report(north.police.slug))["Location"] == url("complaints")
    assert len(report_ids(client)) == MAX_COMPLAINTS
    text = page(client.get(url("complaints")))
    assert f"You have added {MAX_COMPLAINTS} reports, the most" in text
    assert client.post(url("complaints"), {})["Location"] == url("impact")


# --- Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("start", {"area": "atlantis"}),
        ("start", {"area": "x" * 100_000}),
        ("who", {"applying_for": "the-king"}),
        ("on_behalf", {**ON_BEHALF, "victim_name": "x" * 500, "victim_consent": "maybe"}),
    ],
)
def test_tampered_answers_never_break_a_page(client, north, name, data):
    answer_until(client, north, "who")
    if name == "on_behalf":
        client.post(url("who"), {"applying_for": "someone_else"})
    response = client.post(url(name), data)
    if name == "on_behalf":
        assert "The name must be 120 characters or fewer" in page(response)
    else:
        assert "govuk-error-summary" in page(response)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reported_to": "south-police"}, "Select who you reported it to from the list"),
        ({"reported_to": "x" * 10_000}, "Select who you reported it to from the list"),
        ({"hate_related": "maybe"}, "Select yes or no"),
        ({"same_incident": "deadbeef"}, "Select a report from the list"),
        ({"description": "x" * 6000}, "What happened must be 5000 characters or fewer"),
        ({"incident_date_0": "\u0663"}, "The date of the incident must be a real date"),
        ({"reference_number": "R" * 500}, "The reference number must be 60 characters"),
    ],
)
def test_tampered_report_answers_are_errors_not_failures(client, north, change, message):
    AgencyFactory(slug="south-police", name="South Police")  # real, but not in the area
    answer_until(client, north, "complaint")
    typed = {**report(north.police.slug, same_incident="no"), **change}
    text = page(client.post(url("complaint"), typed))
    assert message in text


def test_tampered_contact_answers_are_errors_not_failures(client, north):
    answer_until(client, north, "impact")
    tampered = {
        **CONTACT,
        "contact_method": "pigeon",
        "adjustments": ["telepathy"],
        "applicant_postcode": "NOT A POSTCODE",
        "applicant_email": "e" * 300,
    }
    text = page(client.post(url("contact"), tampered))
    assert "Select how we should contact you" in text
    assert "Select what you need from the list" in text
    assert "Enter a real postcode" in text


def test_unknown_report_ids_lead_back_to_the_list(client, north):
    answer_until(client, north, "complaint")
    assert client.get(url("complaint", "nope"))["Location"] == url("complaints")
    assert client.post(url("complaint_remove", "nope"), {})["Location"] == url("complaints")


def test_a_broken_session_starts_again(client, north):
    session = client.session
    session[SESSION_KEY] = {"steps": "not a dict", "complaints": [1, {"id": 2}], "draft": []}
    session.save()
    assert client.get(url("check"))["Location"] == url("start")
    assert client.get(url("start")).status_code == 200


def test_posts_need_the_csrf_token(north):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url("start"), {"area": "north"}).status_code == 403


def test_every_form_carries_one_csrf_token_that_works(north):
    strict = Client(enforce_csrf_checks=True)
    text = page(strict.get(url("start")))
    assert text.count('name="csrfmiddlewaretoken"') == 1
    token = strict.cookies["csrftoken"].value
    response = strict.post(url("start"), {"area": "north", "csrfmiddlewaretoken": token})
    assert response["Location"] == url("who")


def test_changing_the_area_asks_to_check_reports_naming_the_old_areas_agencies(
    client, north, south
):
    answer_until(client, north, "contact")
    response = client.post(url("start", checking=True), {"area": "south"})
    assert response["Location"] == url("complaints", checking=True)
    listing = page(client.get(url("complaints", checking=True)))
    assert "Not finished" in listing
    text = page(client.post(url("complaints", checking=True), {}))
    assert "Report 1 is not finished" in text and 'href="#report-1"' in text
    [report_id] = report_ids(client)
    edit = page(client.get(url("complaint", report_id, checking=True)))
    assert "South Police" in edit and "Loud music" in edit
    response = client.post(url("complaint", report_id, checking=True), report("south-police"))
    assert response["Location"] == url("check")


def test_many_areas_are_offered_in_a_select(client, db):
    for n in range(13):
        AreaFactory(slug=f"area-{n:02d}", name=f"Area {n:02d}", reference_prefix=f"Z{n:02d}")
    text = page(client.get(url("start")))
    assert '<select name="area"' in text and "Choose an area" in text
    assert client.post(url("start"), {"area": "area-07"})["Location"] == url("who")
