import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_case

pytestmark = pytest.mark.django_db


def queries_for_case_list(client, user):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("home"), {"sort": "deadline", "apply": "1"})
    assert response.status_code == 200
    return len(captured)


def test_case_list_query_count_does_not_grow_with_cases(client, north):
    client.force_login(north.officer)
    for _ in range(4):
        make_case(north.area)
    with_five = queries_for_case_list(client, north.officer)
    for _ in range(495):
        make_case(north.area)
    with_five_hundred = queries_for_case_list(client, north.officer)
    assert with_five == with_five_hundred


def test_case_list_paginates_and_filters(client, north):
    for _ in range(30):
        make_case(north.area)
    client.force_login(north.officer)
    first = client.get(reverse("home")).content.decode()
    assert "31 cases, page 1 of 2" in first
    assert 'rel="next"' in first
    none = client.get(reverse("home"), {"status": "closed", "apply": "1"}).content.decode()
    assert "No cases match these filters" in none


def test_bad_filter_values_fall_back_without_error(client, north):
    client.force_login(north.officer)
    response = client.get(reverse("home"), {"status": "nonsense", "sort": "x", "page": "abc"})
    assert response.status_code == 200
    assert north.case.reference in response.content.decode()


def test_needs_attention_counts_what_waits_for_the_officer(client, north):
    make_case(north.area)
    client.force_login(north.officer)
    page = client.get(reverse("home")).content.decode()
    assert "Needs your attention" in page and "2 new applications to acknowledge" in page


def test_needs_attention_shows_responders_their_requests(client, north):
    from triggers.threshold.services import decide_threshold

    decide_threshold(north.case, "met", by=north.officer)
    client.force_login(north.responder)
    page = client.get(reverse("home"), {"cases": "1"}).content.decode()
    assert "1 request for your agency&#x27;s information" in page


def test_cases_without_a_deadline_sort_after_those_with_one(north):
    from triggers.models import Case
    from triggers.selectors import CaseFilters, case_list

    second = make_case(north.area)
    Case.objects.filter(pk=north.case.pk).update(next_due=None)
    assert list(case_list(north.officer, CaseFilters(sort="deadline"))) == [second, north.case]


def _chosen(page: str, name: str) -> list[str]:
    """The values of the options the filter `name` shows as selected."""
    import re

    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="([^"]*)" selected>', select)


def test_the_filters_show_what_was_chosen_and_a_bad_value_shows_the_default(client, north):
    client.force_login(north.officer)
    page = client.get(
        reverse("home"), {"status": "closed", "sort": "received", "overdue": "on"}
    ).content.decode()
    assert _chosen(page, "status") == ["closed"] and _chosen(page, "sort") == ["received"]
    assert _chosen(page, "officer") == [] and _chosen(page, "dir") == []
    assert 'id="id_overdue" checked' in page

    bad = client.get(reverse("home"), {"status": "nonsense", "overdue": "false"})
    page = bad.content.decode()
    assert _chosen(page, "status") == []  # the browser shows the first: all open cases
    assert 'id="id_overdue" checked' not in page


def test_each_status_has_its_tag_colour():
    from triggers.templatetags.case_tags import status_tag_class
    from triggers.workflow import Status

    assert status_tag_class(Status.CLOSED) == "govuk-tag govuk-tag--grey"
    assert status_tag_class(Status.THRESHOLD_NOT_MET) == "govuk-tag govuk-tag--red"
    assert status_tag_class(Status.APPEALED) == "govuk-tag govuk-tag--orange"
    assert status_tag_class(Status.REVIEW_SCHEDULED) == "govuk-tag govuk-tag--green"
