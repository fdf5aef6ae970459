"""Following Next (and Previous) through the case list's cursors shows every case once, in
the list's order, whatever the sort; a cursor that does not read falls back to the page."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_case
from triggers.models import Case
from triggers.selectors import CaseFilters, case_list

pytestmark = pytest.mark.django_db


def link(page: str, rel: str) -> dict | None:
    found = re.search(rf'href="\?([^"]*)" rel="{rel}"', page)
    if not found:
        return None
    return dict(p.split("=", 1) for p in found.group(1).replace("&amp;", "&").split("&"))


def references(page: str) -> list[str]:
    return re.findall(r'class="govuk-link app-nowrap" href="[^"]*">([^<]+)</a>', page)


@pytest.fixture
def listed(north, monkeypatch):
    from triggers.cases import views

    monkeypatch.setattr(views, "CASES_PER_PAGE", 4)
    today = timezone.localdate()
    for n in range(13):
        case = make_case(north.area, applicant_name=f"Applicant {n % 4}")
        # Shared deadlines, and some with none, so the tie-breakers and the empty key count.
        due = None if n % 5 == 0 else today + timedelta(days=n % 3)
        Case.objects.filter(pk=case.pk).update(next_due=due)
    return north


@pytest.mark.parametrize(
    "params",
    [{}, {"sort": "deadline", "dir": "desc"}, {"sort": "applicant"}, {"sort": "received"}],
)
def test_next_and_previous_walk_the_whole_list(client, listed, params):
    client.force_login(listed.officer)
    filters = CaseFilters(sort=params.get("sort", "deadline"), direction=params.get("dir", ""))
    expected = [c.reference for c in case_list(listed.officer, filters)]
    assert len(expected) == 14
    seen, pages = [], []
    query = {**params, "apply": "1"} if params else {}
    while query is not None:
        page = client.get(reverse("home"), query).content.decode()
        pages.append(page)
        seen += references(page)
        query = link(page, "next")
        if query:
            assert query.get("cursor"), "Next carries a cursor"
    assert seen == expected
    # And back again through Previous, from the last page.
    back, query = [], link(pages[-1], "prev")
    while query is not None:
        page = client.get(reverse("home"), query).content.decode()
        back = references(page) + back
        query = link(page, "prev")
    assert back + references(pages[-1]) == expected


def test_a_cursor_that_does_not_read_falls_back_to_the_page(client, listed):
    client.force_login(listed.officer)
    by_number = client.get(reverse("home"), {"page": "2"}).content.decode()
    for bad in ("x", "eyJhIjoxfQ", "WyJhIiwgIm5vdC1hLWRhdGUiLCAieCIsICIxIl0"):
        page = client.get(reverse("home"), {"page": "2", "cursor": bad})
        assert page.status_code == 200
        assert references(page.content.decode()) == references(by_number)


def test_the_status_filter_shows_the_stored_counts(client, listed):
    client.force_login(listed.officer)
    page = client.get(reverse("home")).content.decode()
    assert "All open cases (14)" in page
    assert "Application received (14)" in page
    assert "14 cases, page 1 of 4" in page
