"""Each path an appeal can take, through the services: lodged, decided, and what follows."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from agencies.working_days import add_working_days
from appeals import decisions, lodging
from appeals.models import Appeal
from notifications.models import Message
from triggers.information.services import notify_agencies
from triggers.models import InformationRequest, Letter
from triggers.threshold.services import decide_threshold
from triggers.workflow import Status

from .helpers import GROUNDS, findings, hold_review, lodge, not_met_case, outcome_sent_case

pytestmark = pytest.mark.django_db


def test_lodging_routes_to_the_pcc_and_tells_everyone(north, django_capture_on_commit_callbacks):
    case = not_met_case(north)
    with django_capture_on_commit_callbacks(execute=True):
        appeal = lodge(case)
    case.refresh_from_db()
    assert case.status == Status.APPEALED
    assert appeal.pcc_office == north.pcc
    assert appeal.previous_status == Status.THRESHOLD_NOT_MET
    assert appeal.appealed_decision == Appeal.Decision.THRESHOLD
    assert sorted(appeal.grounds.values_list("ground", flat=True)) == sorted(GROUNDS)
    today = timezone.localdate()
    assert appeal.decision_due == add_working_days(today, north.area.appeal_decision_days)
    assert case.next_due == appeal.decision_due
    to = {m.to[0]: m.subject for m in mail.outbox if "ppeal" in m.subject}
    assert "we have received your appeal" in to["applicant@example.com"]
    assert "Appeal lodged" in to[north.admin.email]
    assert "Appeal lodged" in to[north.officer.email]
    assert "New appeal to decide" in to[north.pcc_officer.email]
    assert case.events.filter(to_status=Status.APPEALED).exists()


def test_not_upheld_returns_the_case_to_where_it_was(north, django_capture_on_commit_callbacks):
    case = not_met_case(north)
    appeal = lodge(case)
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decide_appeal(
            appeal,
            decisions.DecisionData(
                upheld=False,
                reasons="The reports were rightly counted.",
                findings=findings(appeal, False),
            ),
            by=north.pcc_officer,
        )
    case.refresh_from_db()
    appeal.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET
    assert lodging.appealable(case) is None  # one appeal per decision
    assert appeal.status == Appeal.Status.NOT_UPHELD and appeal.decided_by == north.pcc_officer
    assert set(appeal.grounds.values_list("made_out", flat=True)) == {False}
    letter = case.letters.get(kind=Letter.Kind.APPEAL_DECISION)
    assert letter.title == "Your appeal is not upheld"
    sent = [m for m in mail.outbox if "decision on your appeal" in m.subject]
    assert len(sent) == 1 and sent[0].attachments[0][2] == "application/pdf"
    assert any(
        "Appeal not upheld" in m.subject and m.to == [north.officer.email] for m in mail.outbox
    )


def test_upheld_threshold_appeal_leads_to_a_fresh_decision(north):
    case = not_met_case(north)
    appeal = lodge(case)
    decisions.decide_appeal(
        appeal,
        decisions.DecisionData(
            upheld=True,
            reasons="The victim's vulnerability was not weighed.",
            findings=findings(appeal, True),
            remedy=Appeal.Remedy.FRESH_THRESHOLD_DECISION,
            points_to_address="Consider the victim's disability.",
        ),
        by=north.pcc_officer,
    )
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_REDECISION
    decide_threshold(
        case,
        "met_on_discretion",
        by=north.officer,
        grounds=("vulnerability",),
        reasons="The victim is disabled and lives alone.",
    )
    case.refresh_from_db()
    assert case.status == Status.AGENCIES_NOTIFIED
    assert list(case.threshold_decisions.values_list("outcome", flat=True)) == [
        "met_on_discretion",
        "not_met",
    ]


def test_upheld_with_a_further_review_completed_on_the_same_case(north):
    case = outcome_sent_case(north)
    appeal = lodge(case, grounds=[Appeal.Ground.PROCESS_NOT_FOLLOWED])
    assert appeal.appealed_decision == Appeal.Decision.OUTCOME
    decisions.decide_appeal(
        appeal,
        decisions.DecisionData(
            upheld=True,
            reasons="The housing provider was not invited.",
            findings=findings(appeal, True),
            remedy=Appeal.Remedy.FURTHER_REVIEW,
            points_to_address="Invite the housing provider.",
        ),
        by=north.pcc_officer,
    )
    case.refresh_from_db()
    assert case.status == Status.FURTHER_REVIEW
    notify_agencies(case, by=north.officer)  # round 2 through the outbox
    assert set(InformationRequest.objects.filter(case=case).values_list("round", flat=True)) == {
        1,
        2,
    }
    assert Message.objects.filter(topic="Information requested").count() == 4
    hold_review(case, north)
    assert case.status == Status.ACTIONS_IN_PROGRESS
    assert list(case.review_meetings.order_by("round").values_list("round", flat=True)) == [1, 2]
    assert list(case.reviews.order_by("round").values_list("round", flat=True)) == [1, 2]
    assert case.letters.filter(kind=Letter.Kind.OUTCOME).count() == 2
    # The second outcome can be appealed in its turn: a new decision, a new appeal.
    assert lodging.appealable(case).letter == case.letters.filter(kind="outcome").last()
    assert case.letters.filter(kind=Letter.Kind.APPEAL_DECISION).count() == 1


def test_outcome_appeal_cannot_order_a_fresh_threshold_decision(north):
    case = outcome_sent_case(north)
    appeal = lodge(case)
    with pytest.raises(lodging.AppealRefused, match="what must happen next"):
        decisions.decide_appeal(
            appeal,
            decisions.DecisionData(
                upheld=True,
                reasons="r",
                findings=findings(appeal, True),
                remedy=Appeal.Remedy.FRESH_THRESHOLD_DECISION,
                points_to_address="p",
            ),
            by=north.pcc_officer,
        )


def make_late(case):
    letter = case.letters.get(kind=Letter.Kind.THRESHOLD_DECISION)
    sent_at = timezone.now() - timedelta(days=60)
    Letter.objects.filter(pk=letter.pk).update(sent_at=sent_at)
    sent_on = timezone.localtime(sent_at).date()
    return add_working_days(sent_on, case.area.appeal_window_days)


def test_late_appeal_is_refused_then_accepted_by_staff_with_a_reason(north):
    case = not_met_case(north)
    deadline = make_late(case)
    with pytest.raises(lodging.LateAppeal) as refused:
        lodge(case)
    assert refused.value.appeal_by == deadline
    assert f"{deadline:%-d %B %Y}" in str(refused.value)
    with pytest.raises(lodging.LateAppeal):
        lodge(case, by=north.officer)  # staff, but no reason
    case.refresh_from_db()
    assert case.status == Status.THRESHOLD_NOT_MET and not case.appeals.exists()
    appeal = lodge(case, by=north.officer, late_reason="In hospital for six weeks.")
    assert appeal.late_reason == "In hospital for six weeks."
    assert appeal.recorded_by == north.officer
    assert "In hospital" in case.events.get(to_status=Status.APPEALED).reasons


def test_only_the_pcc_of_the_force_decides(north, south):
    appeal = lodge(not_met_case(north))
    data = decisions.DecisionData(upheld=False, reasons="r", findings=findings(appeal, False))
    for who in (north.officer, south.pcc_officer):
        with pytest.raises(lodging.AppealRefused, match=r"Only .* decides this appeal"):
            decisions.decide_appeal(appeal, data, by=who)


def test_a_ground_made_out_cannot_be_not_upheld(north):
    appeal = lodge(not_met_case(north))
    with pytest.raises(lodging.AppealRefused, match="made out"):
        decisions.decide_appeal(
            appeal,
            decisions.DecisionData(upheld=False, reasons="r", findings=findings(appeal, True)),
            by=north.pcc_officer,
        )


def test_nothing_to_appeal_while_the_review_is_under_way(north):
    decide_threshold(north.case, "met", by=north.officer)
    with pytest.raises(lodging.AppealRefused, match="no decision"):
        lodge(north.case)


def test_upheld_appeal_cancels_a_meeting_still_arranged(north):
    """An upheld appeal ends the round: a meeting of it still arranged (here one left
    'scheduled' as older records were) is cancelled, with notices and a calendar CANCEL."""
    case = outcome_sent_case(north)
    meeting = case.review_meetings.get()
    type(meeting).objects.filter(pk=meeting.pk).update(status="scheduled")
    appeal = lodge(case, grounds=[Appeal.Ground.PROCESS_NOT_FOLLOWED])
    decisions.decide_appeal(
        appeal,
        decisions.DecisionData(
            upheld=True,
            reasons="The housing provider was not invited.",
            findings=findings(appeal, True),
            remedy=Appeal.Remedy.FURTHER_REVIEW,
            points_to_address="Invite the housing provider.",
        ),
        by=north.pcc_officer,
    )
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    cancellations = Message.objects.filter(idempotency_key__contains=":meeting_cancelled:")
    assert north.chair.email in set(cancellations.values_list("to_address", flat=True))
    assert all(b"METHOD:CANCEL" in bytes(m.attachments.get().content) for m in cancellations)
    assert case.events.filter(summary__contains="cancelled", by=north.pcc_officer).exists()
