"""The case lists cost the same few queries whatever the area holds (issue #18): counted over
the whole request (session, user, roles, audit row, the list), at two data sizes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_case
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db

MOST_QUERIES = 12
SMALL, LARGE = 3, 30


def grow(side, to: int) -> None:
    """Cases in the area up to `to`, some with information requests (the per-row extras)."""
    from triggers.models import Case

    have = Case.objects.filter(area=side.area).count()
    for n in range(have, to):
        case = make_case(side.area)
        if n % 3 == 0:
            # Assigns the officer and asks the agencies for information (requests).
            decide_threshold(case, "met", by=side.officer)


def queries(client, url, params=None) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, response.status_code
    return len(captured), response.content.decode()


def next_link(page: str) -> dict:
    """The query of the page's Next link, as a browser would follow it."""
    found = re.search(r'href="\?([^"]*)" rel="next"', page)
    assert found, "no Next link"
    return dict(part.split("=", 1) for part in found.group(1).replace("&amp;", "&").split("&"))


LISTS = {
    "default": {},
    "filtered and sorted": {"status": "submitted", "sort": "reference", "apply": "1"},
    "overdue, mine": {"overdue": "on", "officer": "me", "apply": "1"},
    "closed too, newest": {"sort": "received", "show_closed": "on", "apply": "1"},
    "page 2": {"page": "2"},
}


@pytest.mark.parametrize("params", LISTS.values(), ids=LISTS.keys())
def test_case_list_costs_the_same_at_two_sizes(client, north, params):
    client.force_login(north.officer)
    grow(north, SMALL)
    small, _ = queries(client, reverse("home"), params)
    grow(north, LARGE)
    large, _ = queries(client, reverse("home"), params)
    assert small == large
    assert large <= MOST_QUERIES


def test_deep_pages_through_the_next_link_cost_the_same(client, north):
    """Following Next (a cursor, keyset pagination) costs what the first page costs."""
    from triggers.cases import views

    grow(north, LARGE)
    client.force_login(north.officer)
    first_count, first = queries(client, reverse("home"))
    assert views.CASES_PER_PAGE < LARGE
    assert next_link(first).get("cursor")
    second_count, second = queries(client, reverse("home"), next_link(first))
    assert second_count == first_count <= MOST_QUERIES
    assert "page 2 of 2" in second


def test_case_list_api_costs_the_same_at_two_sizes(client, north):
    client.force_login(north.officer)
    grow(north, SMALL)
    small, _ = queries(client, reverse("api:case_list"))
    grow(north, LARGE)
    large, body = queries(client, reverse("api:case_list"))
    assert '"count":30' in body.replace(" ", "")
    assert small == large <= MOST_QUERIES
    filtered_small, _ = queries(client, reverse("api:case_list"), {"status": "submitted"})
    assert filtered_small <= MOST_QUERIES


# A responder's page also reads their agency's areas, its pledge and its waiting requests
# and checks, and counts through the partner view's subquery (no stored counter covers it).
RESPONDER_MOST_QUERIES = 15


def test_responders_list_costs_the_same_at_two_sizes(client, north):
    """The partner view keeps its own rules (cases_for's subquery), still a fixed cost."""
    client.force_login(north.responder)
    grow(north, SMALL)
    small, _ = queries(client, reverse("home"), {"cases": "1"})
    grow(north, LARGE)
    large, page = queries(client, reverse("home"), {"cases": "1"})
    assert small == large <= RESPONDER_MOST_QUERIES
    assert "30 cases" in page
