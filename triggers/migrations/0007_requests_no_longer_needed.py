"""Requests end when their purpose ends ("no longer needed", with when and why), and a review
record keeps the day its meeting was held (DOMAIN.md §5.3, §5.4, §5.11)."""

from django.db import migrations, models
from django.utils import timezone


def forwards(apps, schema_editor):
    InformationRequest = apps.get_model("triggers", "InformationRequest")
    InformationRequest.objects.filter(status="withdrawn").update(status="not_needed")
    ReviewRecord = apps.get_model("triggers", "ReviewRecord")
    for review in ReviewRecord.objects.select_related("meeting"):
        recorded = timezone.localtime(review.recorded_at).date()
        held = recorded
        if review.meeting is not None:
            held = min(timezone.localtime(review.meeting.starts_at).date(), recorded)
        review.held_on = held
        review.save(update_fields=["held_on"])
    # Requests left waiting after their purpose ended: the round's review was held, or the
    # case was closed or withdrawn.
    now = timezone.now()
    waiting = InformationRequest.objects.filter(status="requested").select_related("case")
    for request in waiting:
        if request.case.status in ("closed", "withdrawn"):
            reason = f"The case was {request.case.status}."
        elif ReviewRecord.objects.filter(case_id=request.case_id, round=request.round).exists():
            reason = "The review meeting was held."
        else:
            continue
        request.status, request.closed_at, request.closed_reason = "not_needed", now, reason
        request.save(update_fields=["status", "closed_at", "closed_reason"])


def backwards(apps, schema_editor):
    InformationRequest = apps.get_model("triggers", "InformationRequest")
    InformationRequest.objects.filter(status="not_needed").update(status="withdrawn")


class Migration(migrations.Migration):
    dependencies = [
        ("triggers", "0006_case_anonymised_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="informationrequest",
            name="closed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="informationrequest",
            name="closed_reason",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name="informationrequest",
            name="status",
            field=models.CharField(
                choices=[
                    ("requested", "Waiting for information"),
                    ("returned", "Information returned"),
                    ("not_needed", "No longer needed"),
                ],
                default="requested",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="reviewrecord",
            name="held_on",
            field=models.DateField(null=True),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name="reviewrecord",
            name="held_on",
            field=models.DateField(
                help_text="The day the review meeting was held (not when recorded).",
                verbose_name="meeting held on",
            ),
        ),
    ]
