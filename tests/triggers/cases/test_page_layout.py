"""Phones and zoom (issue #17): markup the browser test's widths depend on."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def case_page(client, north, *suffix):
    client.force_login(north.officer)
    url = reverse("case_detail", args=[north.area.slug, north.case.reference])
    return client.get(url + "".join(suffix)).content.decode()


def test_acknowledge_sits_in_the_button_group_beside_decide(client, north):
    page = case_page(client, north)
    group = re.search(r'<div class="govuk-button-group">(.*?)</div>', page, re.S).group(1)
    assert 'form="acknowledge-form"' in group and "Decide the threshold" in group
    assert re.search(r'<form id="acknowledge-form" method="post"', page)


def test_wide_tables_scroll_inside_a_focusable_region(client, north):
    page = case_page(client, north)
    wrappers = re.findall(
        r'<div class="app-table-scroll" tabindex="0" role="region" aria-label="([^"]+)">\s*<table',
        page,
    )
    assert wrappers and all(label.strip() for label in wrappers)
    assert page.count("<table") == len(wrappers)


def test_discretion_grounds_are_revealed_under_their_choice(client, north):
    page = case_page(client, north, "threshold/")
    assert 'data-aria-controls="conditional_outcome_1"' in page
    reveal = page.index('id="conditional_outcome_1"')
    assert page.index('name="grounds"') > reveal > page.index('value="met_on_discretion"')


def test_meeting_venue_and_link_are_revealed_under_their_choice(client, north):
    from triggers.threshold.services import decide_threshold

    decide_threshold(north.case, "met", by=north.officer)
    client.force_login(north.officer)
    url = reverse("case_meeting_schedule", args=[north.area.slug, north.case.reference])
    page = client.get(url).content.decode()
    in_person = page.index('id="conditional_attend_1"')
    online = page.index('id="conditional_attend_2"')
    assert 'data-aria-controls="conditional_attend_1"' in page
    assert in_person < page.index('name="venue"') < online < page.index('name="online_link"')
    assert page.count('name="venue"') == 1 and page.count('name="online_link"') == 1
