"""An appeal in the case's life (DOMAIN.md §5.5): the applicant may withdraw while it waits;
after a not-upheld decision nobody has to close the case again; and the body's decision is
checked before it is recorded."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from appeals import decisions
from appeals.models import Appeal
from notifications.models import Message
from triggers.closing import services as closing
from triggers.models import WithdrawalReason
from triggers.workflow import Status

from .helpers import findings, lodge, not_met_case, outcome_sent_case

pytestmark = pytest.mark.django_db


def not_upheld(appeal, by):
    data = decisions.DecisionData(upheld=False, reasons="r", findings=findings(appeal, False))
    return decisions.decide_appeal(appeal, data, by=by)


def test_withdrawing_with_an_appeal_waiting_closes_the_appeal(north):
    from figures import selectors as figures
    from figures.periods import year_of

    case = not_met_case(north)
    appeal = lodge(case)
    # Only the applicant's own request may end a case while its appeal waits (DOMAIN.md §5.5).
    closing.withdraw_case(
        case, closing.WithdrawalData(WithdrawalReason.APPLICANT_ASKED), by=north.officer
    )
    case.refresh_from_db()
    appeal.refresh_from_db()
    assert case.status == Status.WITHDRAWN
    assert appeal.status == Appeal.Status.WITHDRAWN and not appeal.is_waiting
    assert case.events.filter(summary__contains="withdrawn with the case").exists()
    told = Message.objects.filter(topic="Appeal withdrawn").values_list("to_address", flat=True)
    assert list(told) == [north.pcc_officer.email]
    # Withdrawn is no decision: the appeal figures do not count it as "not upheld".
    year = year_of(timezone.localdate())
    assert figures.appeal_outcomes([north.area.pk], year)[north.area.pk].decided == 0


def test_the_applicant_may_ask_to_withdraw_while_an_appeal_waits(north):
    case = not_met_case(north)
    lodge(case)
    case.refresh_from_db()
    closing.request_withdrawal(case, "It has stopped.")
    case.refresh_from_db()
    assert case.withdrawal_requested_at is not None


def test_a_not_upheld_appeal_sets_the_cancelled_closure_again(north):
    case = outcome_sent_case(north)
    closing.close_case(case, by=north.officer, reason="The family moved away.")
    appeal = lodge(case)
    case.refresh_from_db()
    assert case.closes_on is None and appeal.cancelled_closure_reason == "The family moved away."
    not_upheld(appeal, north.pcc_officer)
    case.refresh_from_db()
    today = timezone.localdate()
    assert case.status in closing.CLOSABLE
    assert case.closes_on == today and case.closing_reason == "The family moved away."
    assert closing.close_cases_due(today)["scheduled"] == 1
    case.refresh_from_db()
    assert case.status == Status.CLOSED


def test_without_a_closure_set_a_not_upheld_appeal_leaves_the_case_open(north):
    case = outcome_sent_case(north)
    appeal = lodge(case)
    not_upheld(appeal, north.pcc_officer)
    case.refresh_from_db()
    assert case.closes_on is None
    assert closing.close_cases_due(timezone.localdate())["scheduled"] == 0


def test_a_not_met_case_closes_by_itself_after_a_not_upheld_appeal(north):
    case = not_met_case(north)
    not_upheld(lodge(case), north.pcc_officer)
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET
    assert closing.close_cases_due(timezone.localdate())["threshold_not_met"] == 1
    case.refresh_from_db()
    assert case.status == Status.CLOSED


def test_the_decision_check_page_changes_nothing_until_confirmed(client, north):
    appeal = lodge(not_met_case(north))
    client.force_login(north.pcc_officer)
    url = reverse("appeals:decide", args=[appeal.pk])
    answers = {"outcome": "not_upheld", "reasons": "The two reports were counted right."}
    for row in appeal.grounds.all():
        answers[f"{row.ground}_made_out"] = "no"
        answers[f"{row.ground}_finding"] = "Looked at the file."
    page = client.post(url, answers).content.decode()
    assert "Check your decision before you record it" in page
    assert "Your appeal is not upheld" in page  # the letter's preview
    assert "closes by itself" in page  # the consequences
    assert 'name="confirm"' in page and 'value="The two reports were counted right."' in page
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.LODGED
    assert not appeal.case.letters.filter(kind="appeal_decision").exists()
    assert not Message.objects.filter(topic="Appeal decided").exists()
    changed = client.post(url, {**answers, "change": "yes"}).content.decode()
    assert "Decide the appeal" in changed and "The two reports were counted right." in changed
    response = client.post(url, {**answers, "confirm": "yes"})
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.NOT_UPHELD
    assert appeal.case.letters.filter(kind="appeal_decision").exists()


def test_the_officer_is_offered_withdrawal_while_an_appeal_waits(client, north):
    case = not_met_case(north)
    lodge(case)
    client.force_login(north.officer)
    withdraw = reverse("case_withdraw", args=[north.area.slug, case.reference])
    page = client.get(reverse("case_detail", args=[north.area.slug, case.reference]))
    assert withdraw in page.content.decode()
    assert client.get(withdraw).status_code == 200
