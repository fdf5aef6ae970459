"""The start page of those who decide appeals (issue #17): "Appeals to decide", due soonest
first, overdue marked, for PCC officers and independent panel members alike, in a number of
queries that does not grow with the appeals."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from appeals.models import Appeal
from tests.factories import make_case

from .helpers import lodge, not_met_case
from .test_appeal_body import with_panel

pytestmark = pytest.mark.django_db


def panel_of(page: str) -> str:
    match = re.search(r'<div class="govuk-summary-card" id="panel-to-decide">.*?</ul>', page, re.S)
    assert match, "no Appeals to decide panel"
    return match.group(0)


def due_in(appeal, days: int) -> Appeal:
    Appeal.objects.filter(pk=appeal.pk).update(
        decision_due=timezone.localdate() + timedelta(days=days)
    )
    return appeal


def test_a_pcc_officer_lands_on_appeals_to_decide_due_soonest_first(client, north):
    later = due_in(lodge(not_met_case(north)), 9)
    overdue = due_in(lodge(not_met_case(north)), -2)
    sooner = due_in(lodge(not_met_case(north)), 1)
    client.force_login(north.pcc_officer)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("appeals:list")
    panel = panel_of(response.content.decode())
    references = [a.case.reference for a in (overdue, sooner, later)]
    positions = [panel.index(reference) for reference in references]
    assert positions == sorted(positions)
    assert "3 appeals waiting for your decision, 1 overdue" in panel
    items = panel.split("<li>")[1:]
    assert "Overdue" in items[0] and "Overdue" not in "".join(items[1:])


def test_a_panel_member_lands_on_the_appeals_their_panel_decides(client, north):
    with_panel(north)
    appeal = due_in(lodge(not_met_case(north)), -1)
    client.force_login(north.panel)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("appeals:list")
    panel = panel_of(response.content.decode())
    assert appeal.case.reference in panel and "Overdue" in panel
    # The PCC does not decide a panel's appeal: nothing waits for them.
    client.force_login(north.pcc_officer)
    page = client.get(reverse("appeals:list")).content.decode()
    assert "No appeal is waiting for your decision." in page


def test_decided_appeals_leave_the_panel(client, north):
    appeal = lodge(not_met_case(north))
    Appeal.objects.filter(pk=appeal.pk).update(status=Appeal.Status.NOT_UPHELD)
    client.force_login(north.pcc_officer)
    page = client.get(reverse("appeals:list")).content.decode()
    assert "No appeal is waiting for your decision." in page


def test_council_officers_have_no_such_panel(client, north):
    lodge(not_met_case(north))
    client.force_login(north.officer)
    assert 'id="panel-to-decide"' not in client.get(reverse("appeals:list")).content.decode()


def test_the_panel_takes_the_same_queries_for_few_appeals_and_many(
    client, north, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    template = lodge(not_met_case(north))

    def add(n, days):
        fields = [f for f in Appeal._meta.concrete_fields if f.name != "id"]
        for i in range(n):
            copy = {f.attname: getattr(template, f.attname) for f in fields}
            # One waiting appeal per case: each copy is on a case of its own.
            copy["case_id"] = make_case(north.area).pk
            copy["decision_due"] = timezone.localdate() + timedelta(days=days + i)
            Appeal.objects.create(**copy)

    client.force_login(north.pcc_officer)
    url = reverse("appeals:list")
    client.get(url)  # warm the session
    add(1, -3)
    with CaptureQueriesContext(connection) as few:
        page = client.get(url).content.decode()
    assert "2 appeals waiting for your decision, 1 overdue" in page
    add(12, -20)
    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert "14 appeals waiting for your decision, 13 overdue" in page
    assert panel_of(page).count("<li>") == 10
