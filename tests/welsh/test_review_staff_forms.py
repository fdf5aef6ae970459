"""Issue #19: the review meeting's and the review's forms speak Welsh to staff who chose it,
their errors included (the error summary and each field's message)."""

import pytest
from django.urls import reverse

from agencies.language import STAFF_COOKIE
from agencies.models import Area
from tests.welsh.english import english_words
from tests.welsh.test_every_staff_url import names
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db
Q, OPEN = "\u2019", "\u2018"  # the Welsh catalogue's apostrophe and opening quote


@pytest.fixture
def welsh_staff(client, south):
    Area.objects.filter(pk=south.area.pk).update(nation=Area.Nation.WALES)
    decide_threshold(south.case, "met", by=south.officer)
    client.cookies[STAFF_COOKIE] = "cy"
    client.force_login(south.officer)
    return south


def schedule_url(side):
    return reverse("case_meeting_schedule", args=[side.area.slug, side.case.reference])


def test_a_form_error_on_arranging_the_meeting_is_in_welsh(client, welsh_staff):
    response = client.post(
        schedule_url(welsh_staff),
        {"start_time": "25:00", "end_time": "", "attend": ["in_person"], "venue": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="cy"' in html
    for welsh in (
        "Mae problem wedi codi",
        "Mae angen rhoi dyddiad y cyfarfod",
        "Amser dechrau: rhaid iddo fod yn amser go iawn, fel 14:30",
        "Mae angen rhoi amser gorffen",
        f"Dewiswch pwy sy{Q}n cadeirio{Q}r cyfarfod",
        f"Rhowch y lleoliad, neu dad-diciwch {OPEN}Wyneb yn wyneb{Q}",
    ):
        assert welsh in html, welsh
    assert english_words(html, names=names(welsh_staff)) == []


def test_the_same_error_is_in_english_for_staff_who_did_not_choose_welsh(client, south):
    decide_threshold(south.case, "met", by=south.officer)
    client.force_login(south.officer)
    html = client.post(schedule_url(south), {"start_time": "25:00"}).content.decode()
    assert "The start time must be a real time, like 14:30" in html
    assert "Choose who chairs the meeting" in html


def test_a_past_date_and_a_bad_email_on_the_meeting_form_are_in_welsh(client, welsh_staff):
    html = client.post(
        schedule_url(welsh_staff),
        {"date_0": "1", "date_1": "1", "date_2": "2020", "extra_emails": "not-an-email"},
    ).content.decode()
    assert "Dyddiad y cyfarfod: rhaid iddo fod heddiw neu yn y dyfodol" in html
    assert f"Nid yw {OPEN}not-an-email{Q} yn gyfeiriad e-bost" in html
