"""The victim as a party (DOMAIN.md §5.9): they may choose text messages where the area sends
them, and staff change their consent record and who is written to after it was recorded,
through a check page, with the change in the case's history."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.triggers.test_recipients import victim_case
from triggers.models import SendTo

from .test_apply_journey import VICTIM, answer_until, date_fields
from .test_apply_journey import url as apply_url

pytestmark = pytest.mark.django_db
NO_TEXTS = "Text messages are not available in this area."


def texts_on(monkeypatch):
    from triggers.applications import journey, staff_views

    monkeypatch.setattr(journey, "texts_available", lambda area: True)
    monkeypatch.setattr(staff_views, "texts_available", lambda area: True)


def test_the_public_victim_page_offers_texts_only_where_the_area_sends_them(
    client, north, monkeypatch
):
    answer_until(client, north, "on_behalf", on_behalf=True)
    page = client.get(apply_url("victim")).content.decode()
    assert 'value="text"' not in page and NO_TEXTS in page
    refused = client.post(apply_url("victim"), {**VICTIM, "victim_contact_method": "text"})
    assert refused.status_code == 200 and "govuk-error-summary" in refused.content.decode()

    texts_on(monkeypatch)
    page = client.get(apply_url("victim")).content.decode()
    assert 'value="text"' in page and NO_TEXTS not in page
    no_phone = {**VICTIM, "victim_contact_method": "text", "victim_phone": ""}
    text = client.post(apply_url("victim"), no_phone).content.decode()
    assert "Enter their mobile number" in text
    texted = client.post(apply_url("victim"), {**VICTIM, "victim_contact_method": "text"})
    assert texted.status_code == 302


def test_the_staff_victim_forms_offer_texts_only_where_the_area_sends_them(
    client, north, monkeypatch
):
    from triggers.applications.victim import StaffVictimForm

    methods = dict(StaffVictimForm().fields["victim_contact_method"].choices)
    assert "text" not in methods
    assert "text" in dict(StaffVictimForm(texts=True).fields["victim_contact_method"].choices)
    case = victim_case(north)
    client.force_login(north.officer)
    page = client.get(reverse("case_victim", args=[north.area.slug, case.reference]))
    assert NO_TEXTS in page.content.decode()
    texts_on(monkeypatch)
    page = client.get(reverse("case_victim", args=[north.area.slug, case.reference]))
    assert 'value="text"' in page.content.decode()


# --- Changing the consent record ----------------------------------------------------------


def consent_url(case, check=False):
    name = "case_victim_consent_check" if check else "case_victim_consent"
    return reverse(name, args=[case.area.slug, case.reference])


def consent_form(case, **changes):
    data = {
        "victim_consent_share": "on",
        "victim_consent_how": case.victim_consent_how,
        **date_fields("victim_consent_on", case.victim_consent_on),
        "send_to": case.send_to,
        "reason": "They phoned to say so.",
        **changes,
    }
    if case.victim_consent_contact and "victim_consent_contact" not in changes:
        data["victim_consent_contact"] = "on"
    return {name: value for name, value in data.items() if value is not None}


def test_staff_change_the_consent_after_checking_it_with_history(client, north):
    case = victim_case(north)
    assert case.send_to == SendTo.BOTH
    client.force_login(north.officer)
    detail = client.get(reverse("case_detail", args=[north.area.slug, case.reference]))
    assert consent_url(case) in detail.content.decode()
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        consent_url(case),
        consent_form(
            case,
            victim_consent_how="verbal",
            send_to="victim",
            **date_fields("victim_consent_on", day),
        ),
    )
    assert response["Location"] == consent_url(case, check=True)
    case.refresh_from_db()
    assert case.victim_consent_how == "email"  # nothing changes before it is checked
    check = client.get(consent_url(case, check=True)).content.decode()
    assert "Check the change to the victim" in check
    assert "Verbally" in check and "Was: By email" in check
    assert "The person affected only" in check and "They phoned to say so." in check
    assert client.post(consent_url(case, check=True)).status_code == 302
    case.refresh_from_db()
    assert (case.victim_consent_how, case.victim_consent_on, case.send_to) == (
        "verbal",
        day,
        SendTo.VICTIM,
    )
    assert case.victim_consent_recorded_by == north.officer
    event = case.events.get(summary="The victim's consent record changed")
    assert event.by == north.officer and event.reasons.startswith("They phoned to say so.")
    assert "By email" in event.reasons and "The person affected and the applicant" in event.reasons
    # The change was confirmed once: the check page has nothing left to check.
    assert client.get(consent_url(case, check=True))["Location"] == consent_url(case)


@pytest.mark.parametrize(
    ("victim", "changes", "message"),
    [
        ({}, {"victim_consent_share": None}, "or withdraw the case"),
        ({}, {"reason": ""}, "Enter why the record is changing"),
        ({}, {}, "Nothing has changed"),
        ({}, {"victim_consent_contact": None, "send_to": "victim"}, "agreed to being contacted"),
        (
            {"victim_email": "", "victim_address": "", "victim_contact_method": ""},
            {"send_to": "victim"},
            "no email or postal address",
        ),
        ({}, {"victim_consent_how": "telepathy"}, "Select how they gave their agreement"),
        (
            {},
            date_fields("victim_consent_on", timezone.localdate() + timedelta(days=3)),
            "victim_consent_on",
        ),
    ],
)
def test_a_change_that_cannot_be_kept_is_an_error_on_the_page(
    client, north, victim, changes, message
):
    case = victim_case(north, **victim)
    client.force_login(north.officer)
    response = client.post(consent_url(case), consent_form(case, **changes))
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page and message in page
    assert "consent:" not in "".join(client.session.keys())
    assert not case.events.filter(summary="The victim's consent record changed").exists()


def test_the_consent_pages_are_for_cases_applied_for_someone_in_ones_own_area(client, north, south):
    client.force_login(north.officer)
    assert client.get(consent_url(north.case)).status_code == 404
    case = victim_case(north)
    client.force_login(south.officer)
    assert client.get(consent_url(case)).status_code == 404
    assert client.post(consent_url(case, check=True)).status_code == 404
    client.force_login(north.responder)
    assert client.get(consent_url(case)).status_code == 404
