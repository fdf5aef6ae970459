"""In an area in Wales, staff recording an application by phone are asked each person's
language (DOMAIN.md §5.12): the victim's and the applicant's pages with that question, on a
phone (320 px), axe-clean, screenshots kept. The pages before them are answered through
Django's test client, whose signed-in session the browser then carries on."""

import pytest
from django.test import Client

from tests.triggers.applications.test_record_application import (
    IMPACT,
    VICTIM,
    post,
    report,
    url,
)
from tests.triggers.applications.test_record_language import QUESTION, begin_for_a_victim
from tests.welsh.staff import in_wales

from .test_layout_widths import check_layout

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_language_questions_pass_axe_on_a_phone(page, live_server, axe_check, north):
    in_wales(north)
    client = Client()
    begin_for_a_victim(client, north)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}{url('victim')}")
    assert QUESTION in page.content()
    check_layout(page, axe_check, "record-victim-language-320", 320)
    post(client, "victim", VICTIM, then="complaints")
    post(client, "complaint", report(north.police.slug), then="complaints")
    post(client, "complaints", {}, then="impact")
    post(client, "impact", IMPACT, then="contact")
    page.goto(f"{live_server.url}{url('contact')}")
    assert QUESTION in page.content()
    check_layout(page, axe_check, "record-applicant-language-320", 320)
