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


@pytest.mark.parametrize(
    "stamp",
    ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00"],
)
@pytest.mark.parametrize("sort", ["deadline", "received", "applicant"])
def test_a_cursor_at_the_edge_of_the_calendar_is_no_server_error(client, listed, stamp, sort):
    """A time that leaves the calendar when moved to UTC is no cursor, not a 500 (on SQLite
    the database adapter's own move to UTC overflowed). Where the values fit the sort's keys
    otherwise (a name that looks like a date), it is a cursor like any other."""
    import base64
    import json

    client.force_login(listed.officer)
    # As many values as any sort's keys, the time in each place a time can be.
    for values in ([stamp, stamp, "1"], ["x", stamp, stamp, "1"], [stamp, "1"], ["1", stamp]):
        text = json.dumps(["a", *values])
        bad = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
        page = client.get(reverse("home"), {"page": "2", "sort": sort, "cursor": bad})
        assert page.status_code == 200 and references(page.content.decode())


def test_the_status_filter_shows_the_stored_counts(client, listed):
    client.force_login(listed.officer)
    page = client.get(reverse("home")).content.decode()
    assert "All open cases (14)" in page
    assert "Application received (14)" in page
    assert "14 cases, page 1 of 4" in page
