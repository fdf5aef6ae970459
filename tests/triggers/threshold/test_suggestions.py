"""The check page suggests the body's own incident records for each complaint, with the
match strength; the body confirms one (its check filled in: found, with its reference) or
rejects it (not suggested again). Only its own records, and only to its own staff."""

import re

import pytest
from django.urls import reverse

from tests.incidents.records import record
from triggers.models import SuggestionDecision

pytestmark = pytest.mark.django_db


@pytest.fixture
def check(north):
    return north.case.threshold_checks.get(agency=north.police)


@pytest.fixture
def records(north, south):
    """The applicant is "North Applicant"; their complaints' incidents were 50, 30 and 10 days
    ago (tests/factories.py)."""
    name = {"first_name": "North", "surname": "Applicant"}
    return {
        "same": record(north, ref="P-50", days=50, **name),
        "near": record(north, ref="P-31", days=31, first_name="Nort", surname="Aplicant"),
        "stranger": record(north, ref="P-49", days=49, first_name="Zed", surname="Quinn"),
        "far": record(north, ref="P-40", days=40, **name),
        "council": record(north, body=north.council, ref="C-50", days=50, **name),
        "south": record(south, ref="S-50", days=50, **name),
    }


def page(client, check):
    return client.get(reverse("threshold_check", args=[check.pk])).content.decode()


def test_the_body_s_own_matching_records_are_suggested_with_their_strength(
    client, north, check, records
):
    client.force_login(north.responder)
    shown = page(client, check)
    assert "P-50" in shown
    assert "Possible match: 70%" in shown  # same day, same name, no postcode given
    assert "P-31" in shown  # a day apart, the name written differently
    for hidden in ("P-49", "P-40", "C-50", "S-50"):
        assert hidden not in shown, hidden


def test_confirming_fills_in_the_check_and_rejecting_hides_it(client, north, check, records):
    client.force_login(north.responder)
    complaints = list(north.case.complaints.order_by("incident_date"))
    url = reverse("threshold_check_suggestion", args=[check.pk])
    response = client.post(
        url, {"complaint": complaints[0].pk, "record": records["same"].pk, "decision": "confirmed"}
    )
    assert response.status_code == 302
    shown = page(client, check)
    assert f'name="reference_{complaints[0].pk}" value="P-50"' in shown
    found_radio = re.search(
        rf'id="id_finding_{complaints[0].pk}"\s+value="found"\s+checked="checked"', shown
    )
    assert found_radio, "the confirmed record fills in 'found'"
    assert "Confirmed</strong> Filled in below" in shown and "Confirm P-31" in shown
    client.post(
        url, {"complaint": complaints[1].pk, "record": records["near"].pk, "decision": "rejected"}
    )
    assert "Confirm P-31" not in page(client, check)
    decisions = SuggestionDecision.objects.values_list("record__reference", "decision")
    assert sorted(decisions) == [("P-31", "rejected"), ("P-50", "confirmed")]


def test_nobody_else_may_answer_a_suggestion(client, north, south, check, records):
    complaint = north.case.complaints.first()
    data = {"complaint": complaint.pk, "record": records["same"].pk, "decision": "confirmed"}
    url = reverse("threshold_check_suggestion", args=[check.pk])
    for user in (south.responder, south.officer):
        client.force_login(user)
        assert client.post(url, data).status_code == 404
    client.force_login(north.officer)  # reads the check, but it is the police's to answer
    client.post(url, data)
    # Another body's record, or another area's, is never the police's to confirm.
    client.force_login(north.responder)
    for other in ("council", "south"):
        client.post(url, {**data, "record": records[other].pk})
    assert not SuggestionDecision.objects.exists()
