"""Sorting the case list by each column, both ways (issue #17): links with aria-sort, ordered
by the server on whitelisted fields only."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import RoleAssignment
from tests.factories import AreaFactory, UserFactory, make_case
from triggers.cases.columns import COLUMNS
from triggers.models import Case
from triggers.selectors import CaseFilters, case_list

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2026, 3, 1, 12, 0))


def three_cases(north):
    """Three cases of the officer's, ordered the same way by every column (A, B, C)."""
    officer = north.officer
    cases = [north.case, make_case(north.area), make_case(north.area)]
    areas = [north.area]
    for letter in "BC":
        area = AreaFactory(slug=f"{letter.lower()}-area", name=f"{letter} Area")
        RoleAssignment.objects.create(
            user=officer, role=RoleAssignment.Role.CASE_OFFICER, area=area
        )
        areas.append(area)
    north.area.name = "A Area"
    north.area.save()
    statuses = ["acknowledged", "closed", "submitted"]
    for n, (case, letter) in enumerate(zip(cases, "ABC", strict=True)):
        Case.objects.filter(pk=case.pk).update(
            reference=f"{letter}-REF-{n}",
            applicant_name=f"{letter}lice Person",
            applicant_postcode=f"{letter}B1 1AA",
            area=areas[n],
            received_at=NOW + timedelta(days=n),
            status=statuses[n],
            next_due=date(2026, 4, 1) + timedelta(days=n),
            assigned_officer=UserFactory(full_name=f"{letter} Officer"),
        )
    return [f"{letter}-REF-{n}" for n, letter in enumerate("ABC")]


@pytest.mark.parametrize("column", [key for key, _ in COLUMNS])
def test_every_column_sorts_both_ways(north, column):
    in_order = three_cases(north)
    for direction, expected in (("asc", in_order), ("desc", in_order[::-1])):
        filters = CaseFilters(sort=column, direction=direction, show_closed=True)
        assert [c.reference for c in case_list(north.officer, filters)] == expected, direction


def test_empty_deadlines_and_officers_go_last_both_ways(north):
    later = make_case(north.area)
    Case.objects.filter(pk=north.case.pk).update(next_due=None)
    for direction in ("asc", "desc"):
        filters = CaseFilters(sort="deadline", direction=direction)
        assert list(case_list(north.officer, filters))[-1] == north.case
    Case.objects.filter(pk=later.pk).update(assigned_officer=north.officer)
    for direction in ("asc", "desc"):
        filters = CaseFilters(sort="officer", direction=direction)
        assert case_list(north.officer, filters).first() == later


def headers(page: str) -> dict[str, tuple[str, str]]:
    """Each column heading -> (its aria-sort, its link)."""
    found = re.findall(
        r'<th scope="col" class="govuk-table__header" aria-sort="(\w+)">'
        r'<a [^>]*href="([^"]*)">([^<]+)<',
        page,
    )
    return {heading: (aria, href.replace("&amp;", "&")) for aria, href, heading in found}


def rows(page: str) -> list[str]:
    return re.findall(r'href="/cases/[^/]+/([^/]+)/"', page)


@pytest.mark.parametrize("column", [key for key, _ in COLUMNS])
def test_the_page_sorts_by_a_heading_link_both_ways(client, north, column):
    in_order = three_cases(north)
    client.force_login(north.officer)
    heading = dict(COLUMNS)[column]
    page = client.get(reverse("home"), {"status": "", "q": "Person"}).content.decode()
    aria, first_link = headers(page)[heading]
    page = client.get(reverse("home") + first_link).content.decode()
    aria, second_link = headers(page)[heading]
    first_order = rows(page)
    page = client.get(reverse("home") + second_link).content.decode()
    second_order = rows(page)
    assert sorted([first_order, second_order]) == sorted([in_order, in_order[::-1]])
    assert {aria, headers(page)[heading][0]} == {"ascending", "descending"}
    others = [a for h, (a, _) in headers(page).items() if h != heading]
    assert others and set(others) == {"none"}
    assert "q=Person" in second_link  # sorting keeps the search


def test_the_default_sort_is_marked_and_received_sorts_newest_first(client, north):
    client.force_login(north.officer)
    page = client.get(reverse("home")).content.decode()
    assert headers(page)["Next deadline"][0] == "ascending"
    assert "dir=desc" in headers(page)["Received"][1]


def test_an_unknown_sort_field_is_never_ordered_on(client, north):
    client.force_login(north.officer)
    for sort in ("applicant_email", "assigned_officer__password", "-pk"):
        response = client.get(reverse("home"), {"sort": sort, "dir": "sideways"})
        assert response.status_code == 200
        assert headers(response.content.decode())["Next deadline"][0] == "ascending"
    filters = CaseFilters(sort="applicant_email", direction="sideways")
    assert filters.ordering() == ("deadline", "asc")
