"""The counts the case list reads are stored (issue #18): after any sequence of the services
that change them, they equal a recount from scratch, so speed never costs correctness."""

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agencies.models import RoleAssignment
from tests.factories import complaint_data, make_case, user_with_role
from triggers import counts
from triggers.closing.services import WithdrawalData, withdraw_case
from triggers.information.services import ReturnData, close_open_requests, submit_return
from triggers.models import Case, CaseStatusCount, InformationRequest
from triggers.threshold.services import acknowledge, decide_threshold
from triggers.workflow import AWAITING_THRESHOLD_DECISION, OPEN_STATUSES, Status

pytestmark = pytest.mark.django_db

STEPS = st.lists(
    st.tuples(
        st.sampled_from(["apply", "acknowledge", "decide", "return", "close requests", "withdraw"]),
        st.integers(min_value=0, max_value=50),  # which case or request
        st.lists(st.integers(min_value=5, max_value=100), min_size=3, max_size=6),
    ),
    min_size=1,
    max_size=10,
)


def pick(rows, n):
    rows = list(rows)
    return rows[n % len(rows)] if rows else None


def step(side, responders, action, n, days):
    """One service call, when the data allows it; otherwise nothing."""
    cases = Case.objects.filter(area=side.area).order_by("pk")
    if action == "apply":
        make_case(side.area, complaints=[complaint_data(d) for d in days])
    elif action == "acknowledge":
        case = pick(cases.filter(status=Status.SUBMITTED), n)
        if case:
            acknowledge(case, by=side.officer)
    elif action == "decide":
        case = pick(cases.filter(status__in=AWAITING_THRESHOLD_DECISION), n)
        if case:
            decide_threshold(case, "met", by=side.officer)
    elif action == "return":
        request = pick(
            InformationRequest.objects.filter(
                area=side.area, status=InformationRequest.Status.REQUESTED
            ).order_by("pk"),
            n,
        )
        if request:
            by = responders[request.agency_id]
            submit_return(request, ReturnData(holds_no_information=True), by=by)
    elif action == "close requests":
        case = pick(cases, n)
        if case:
            close_open_requests(case, "The review was held.", by=side.officer)
    elif action == "withdraw":
        case = pick(cases.filter(status__in=OPEN_STATUSES), n)
        if case:
            withdraw_case(case, WithdrawalData("applicant_asked"), by=side.officer)


@pytest.fixture
def plain_letters(monkeypatch):
    """Letters' PDFs are not what is counted here: a stand-in keeps each example quick."""
    from triggers import letters

    monkeypatch.setattr(letters, "html_to_pdf", lambda html: b"%PDF-1.7 counted")


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
def test_stored_counts_equal_a_recount_after_any_services(north, plain_letters, steps):
    with transaction.atomic():
        responders = {
            agency.pk: user_with_role(
                RoleAssignment.Role.AGENCY_RESPONDER,
                agency=agency,
                email=f"counted@{agency.slug}.example.org",
            )
            for agency in (north.council, north.police)
        }
        for action, n, days in steps:
            step(north, responders, action, n, days)
        assert counts.differences() == []
        transaction.set_rollback(True)  # the next example starts from the fixture again


def test_recount_command_repairs_stored_counts(north):
    """A bulk load (or anything else) that leaves the counts wrong: the command finds it and
    puts them right."""
    make_case(north.area)
    Case.objects.update(complaint_count=0, open_return_due="2000-01-01")
    CaseStatusCount.objects.all().delete()
    assert counts.differences()
    with pytest.raises(Exception, match="differ"):
        call_command("recount_cases", "--check")
    call_command("recount_cases")
    assert counts.differences() == []
    assert Case.objects.filter(area=north.area, complaint_count=3).count() == 2
    assert counts.status_counts([north.area.pk]) == {Status.SUBMITTED: 2}


def test_the_earliest_open_return_follows_the_requests(north):
    decide_threshold(north.case, "met", by=north.officer)
    north.case.refresh_from_db()
    due = InformationRequest.objects.filter(case=north.case).first().due_date
    assert north.case.open_return_due == due
    close_open_requests(north.case, "The case was withdrawn.")
    north.case.refresh_from_db()
    assert north.case.open_return_due is None
    assert counts.differences() == []
