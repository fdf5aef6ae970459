"""Rounds of the bodies' checks: a fresh threshold decision ordered on appeal asks every
relevant body again, and the earlier round is kept for the record (DOMAIN.md §5.1-2, #14)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.working_days import add_working_days
from appeals import decisions as appeals
from appeals.models import Appeal
from notifications.models import Message
from tests.appeals.helpers import findings, lodge, not_met_case
from tests.factories import complaint_data, make_case
from triggers.models import ThresholdCheck
from triggers.threshold import checks
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

pytestmark = pytest.mark.django_db

REQUESTED = "Threshold check requested"


def uphold_for_a_fresh_decision(case, side):
    appeal = lodge(case)
    appeals.decide_appeal(
        appeal,
        appeals.DecisionData(
            upheld=True,
            reasons="The victim's vulnerability was not weighed.",
            findings=findings(appeal, True),
            remedy=Appeal.Remedy.FRESH_THRESHOLD_DECISION,
            points_to_address="Check the complaints again.",
        ),
        by=side.pcc_officer,
    )
    case.refresh_from_db()
    return case


def test_a_fresh_decision_after_an_upheld_appeal_asks_every_body_again(client, north):
    case = not_met_case(north)
    asked_before = Message.objects.filter(topic=REQUESTED, reference=case.reference).count()
    assert asked_before == 2
    case = uphold_for_a_fresh_decision(case, north)
    assert case.status == Status.THRESHOLD_REDECISION
    second = case.threshold_checks.filter(round=2)
    assert set(second.values_list("agency__slug", flat=True)) == {"north-council", "north-police"}
    due = add_working_days(timezone.localdate(), north.area.threshold_decision_days)
    assert set(second.values_list("status", "due_date")) == {("requested", due)}
    sent = Message.objects.filter(topic=REQUESTED, reference=case.reference)
    assert sent.count() == 4  # both bodies again, through the outbox
    again = sent.exclude(pk__in=sent.order_by("pk")[:2].values("pk"))
    assert all("check the complaints again (round 2)" in m.body for m in again)
    assert case.events.filter(summary__contains="again (round 2)").exists()
    # The police responder's inbox shows the new round's request, ready to record.
    client.force_login(north.responder)
    inbox = client.get(reverse("inbox")).content.decode()
    police_check = second.get(agency=north.police)
    assert reverse("threshold_check", args=[police_check.pk]) in inbox
    assert "Asked again (round 2)" in inbox
    page = client.get(reverse("threshold_check", args=[police_check.pk])).content.decode()
    assert "Record your check" in page and "round 2" in page
    # The decision records its round.
    decide_threshold(
        case, "met_on_discretion", by=north.officer, grounds=("vulnerability",), reasons="Alone."
    )
    rounds = dict(case.threshold_decisions.values_list("outcome", "round"))
    assert rounds == {"not_met": 1, "met_on_discretion": 2}


def test_the_old_rounds_open_checks_are_closed_and_not_reminded(north):
    case = north.case  # round 1 still waiting: nobody has checked yet
    checks.record_check(
        case.threshold_checks.get(agency=north.police),
        [checks.FindingData(c.pk, "found") for c in case.complaints.all()],
        by=north.responder,
    )
    new = checks.start_check_round(case, by=north.officer, reason="The appeal was upheld.")
    assert {c.round for c in new} == {2} and len(new) == 2
    first = dict(case.threshold_checks.filter(round=1).values_list("agency__slug", "status"))
    assert first == {"north-council": "closed", "north-police": "checked"}
    event = case.events.get(summary__contains="round 2")
    assert "1 check of round 1 no longer needed" in event.reasons
    # Remind-day for both rounds (round 1 was due earlier): only round 2 is reminded.
    remind_day = add_working_days(timezone.localdate(), north.area.threshold_decision_days - 2)
    assert checks.send_check_reminders(remind_day) == (2, 0)
    reminded = Message.objects.filter(topic="Reminder: threshold check due")
    assert {m.idempotency_key.split(":")[1] for m in reminded} == {str(c.pk) for c in new}


def test_an_earlier_round_left_open_is_never_reminded_or_escalated(north):
    """Even a round-1 check left open by hand is skipped once round 2 exists."""
    case = make_case(north.area, complaints=[complaint_data(40), complaint_data(20)])
    new = checks.start_check_round(case, by=north.officer, reason="Ordered afresh.")
    case.threshold_checks.filter(round=1).update(status=ThresholdCheck.Status.REQUESTED)
    old_due = case.threshold_checks.filter(round=1).first().due_date
    late = add_working_days(max(old_due, new[0].due_date), 1)
    checks.send_check_reminders(late)
    escalated = case.threshold_checks.filter(escalated_at__isnull=False)
    assert set(escalated.values_list("round", flat=True)) == {2}
    assert escalated.count() == 2


def test_the_decision_page_shows_round_twos_checks_and_the_earlier_round_collapsed(client, north):
    case = uphold_for_a_fresh_decision(not_met_case(north), north)
    police_check = case.threshold_checks.get(agency=north.police, round=2)
    complaint = case.complaints.get()
    checks.record_check(
        police_check, [checks.FindingData(complaint.pk, "found", "CAD-222")], by=north.responder
    )
    client.force_login(north.officer)
    page = client.get(reverse("case_threshold", args=[north.area.slug, case.reference]))
    html = page.content.decode()
    assert "checks: round 2" in html
    findings_table = html.split('id="findings"')[1].split("</table>")[0]
    assert "North Police</strong>: found in our records (ref CAD-222)" in findings_table
    assert "North Council</strong>: not checked" in findings_table
    assert findings_table.count("North Police</strong>") == 1  # round 1 is not mixed in
    earlier = html.split('id="round-1"')[1].split("</details>")[0]
    assert "govuk-details__summary" in earlier and "Round 1 of the checks" in earlier
    assert "no longer needed" in earlier  # round 1 closed at the first decision
