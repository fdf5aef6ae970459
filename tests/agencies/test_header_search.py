"""The staff's case search in the header (issue #17): on every page of their work, whatever
their role, sending `q` to the case list; never on the public's pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SEARCH = 'class="app-header__search"'


@pytest.mark.parametrize("role", ["officer", "admin", "responder", "chair", "pcc_officer"])
def test_every_member_of_staff_has_the_search_in_the_header(client, north, role):
    client.force_login(getattr(north, role))
    page = client.get(reverse("home"), follow=True).content.decode()
    assert SEARCH in page
    assert f'action="{reverse("home")}" role="search"' in page
    assert 'id="header-search" name="q"' in page


@pytest.mark.parametrize(
    "url",
    [
        reverse("start"),
        reverse("check"),
        reverse("accessibility"),
        reverse("privacy"),
        reverse("signin"),
        reverse("apply:start"),
        reverse("pledge:register"),
        "/no-such-page/",
    ],
)
def test_public_pages_have_no_staff_search_even_for_staff(client, north, url):
    assert SEARCH not in client.get(url).content.decode()
    client.force_login(north.officer)
    assert SEARCH not in client.get(url).content.decode()


def test_the_private_link_page_has_no_staff_search(client, north):
    client.get(reverse("track:open", args=[north.case.token]), follow=True)
    page = client.get(reverse("track:case")).content.decode()
    assert north.case.reference in page and SEARCH not in page


def test_the_header_search_finds_the_case_and_stays_in_the_users_areas(client, north, south):
    client.force_login(north.officer)
    found = client.get(reverse("home"), {"q": north.case.reference}).content.decode()
    assert f">{north.case.reference}</a>" in found
    other = client.get(reverse("home"), {"q": south.case.reference}).content.decode()
    assert f">{south.case.reference}</a>" not in other


def test_a_pcc_officer_searching_is_not_sent_to_the_appeals(client, north):
    client.force_login(north.pcc_officer)
    response = client.get(reverse("home"), {"q": "anything"})
    assert response.status_code == 200  # the case list, not their start page
