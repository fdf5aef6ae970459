"""Reminders and escalation of appeal decisions; the privacy hooks."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from agencies.working_days import add_working_days
from appeals import decisions, lodging, privacy, reminders
from appeals.models import Appeal
from notifications.models import Message

from .helpers import findings, lodge, not_met_case

pytestmark = pytest.mark.django_db


def test_reminder_before_and_escalation_after_the_deadline_each_once(north):
    appeal = lodge(not_met_case(north))
    today = timezone.localdate()
    assert reminders.send_appeal_reminders(today) == (0, 0)  # 20 working days away
    near = add_working_days(appeal.decision_due, 0) - timedelta(days=1)
    assert reminders.send_appeal_reminders(near) == (1, 0)
    assert reminders.send_appeal_reminders(near) == (0, 0)
    sent = Message.objects.filter(topic="Reminder: appeal due")
    assert list(sent.values_list("to_address", flat=True)) == [north.pcc_officer.email]
    late = appeal.decision_due + timedelta(days=1)
    assert reminders.send_appeal_reminders(late) == (0, 1)
    assert reminders.send_appeal_reminders(late) == (0, 0)
    overdue = set(
        Message.objects.filter(topic="Appeal overdue").values_list("to_address", flat=True)
    )
    assert overdue == {north.pcc_officer.email, north.officer.email, north.admin.email}
    assert appeal.case.events.filter(summary="The appeal's decision is overdue").exists()


def test_decided_appeals_are_not_chased(north):
    appeal = lodge(not_met_case(north))
    decisions.decide_appeal(
        appeal,
        decisions.DecisionData(upheld=False, reasons="r", findings=findings(appeal, False)),
        by=north.pcc_officer,
    )
    assert reminders.send_appeal_reminders(appeal.decision_due + timedelta(days=5)) == (0, 0)


def test_the_beat_task_is_scheduled_and_runs(settings, north):
    from appeals.tasks import send_appeal_reminders

    assert any(
        entry["task"] == "appeals.tasks.send_appeal_reminders"
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
    )
    result = send_appeal_reminders.delay().get()
    assert "reminded" in result or result == {"skipped": "not a working day"}


def test_anonymise_blanks_explanations_and_deletes_files(north, django_capture_on_commit_callbacks):
    case = not_met_case(north)
    diary = SimpleUploadedFile("diary.pdf", b"%PDF-1.4 my diary", "application/pdf")
    appeal = lodging.lodge_appeal(
        case,
        lodging.AppealData(grounds=["other"], explanation="My neighbour, Mr X.", files=[diary]),
    )
    stored = appeal.documents.get().file
    path = stored.path
    with django_capture_on_commit_callbacks(execute=True):
        privacy.anonymise_case(case)
    appeal.refresh_from_db()
    assert appeal.explanation == "" and not appeal.documents.exists()
    assert not stored.storage.exists(stored.name), path
    assert appeal.grounds.count() == 1  # figures still count it


def test_subject_access_is_json_with_the_appeal(north):
    case = not_met_case(north)
    appeal_row = lodge(case)
    data = privacy.subject_access(case)
    text = json.dumps(data)
    assert "Nobody looked at my diary" in text
    (appeal,) = data["appeals"]
    assert appeal["status"] == "Awaiting the PCC's decision"
    assert appeal["heard_by"] == appeal_row.body_name and appeal["kind"] == "Appeal"
    assert {g["ground"] for g in appeal["grounds"]} == {
        "The threshold was wrongly refused",
        "Relevant information was not considered",
    }


def test_a_case_with_an_appeal_can_still_be_deleted_at_the_end_of_retention(north):
    case = not_met_case(north)
    lodge(case)
    case.delete()
    assert not Appeal.objects.exists()
