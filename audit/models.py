"""Who looked at or changed whose personal data: an append-only record.

A row is written for every view, download and change of a case's data (the middleware finds
them from the URL, so new case pages are covered without touching this app), and for the
privacy jobs (anonymisation, subject access exports). Rows are never changed or deleted from
the application: the model and its queryset refuse it, the admin is read-only, and on
PostgreSQL a trigger refuses UPDATE and DELETE from anywhere (migration 0002).

The audit sits just above `agencies` in the dependency order, so it names a case by its id and
reference rather than a foreign key to triggers.Case.
"""

from django.conf import settings
from django.db import models


class AppendOnly(Exception):
    """Audit rows are written once and never changed or deleted."""


class AccessRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("The access audit cannot be changed.")

    def delete(self):
        raise AppendOnly("The access audit cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnly("The access audit cannot be changed.")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnly("The access audit cannot be changed.")


class AccessRecord(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        # Asked for an object and answered "not found" (another area's, or none at all): the
        # row says what was asked for, never whether it exists.
        REFUSED = "refused", "Refused"
        DOWNLOAD = "download", "Downloaded"
        CHANGE = "change", "Changed"
        ANONYMISE = "anonymise", "Personal data removed"
        SUBJECT_ACCESS = "subject_access", "Subject access export"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        # The row outlives the account and no cascade ever touches it; `who` keeps the name.
        db_constraint=False,
    )
    who = models.CharField(
        max_length=200, help_text="The user's email, 'applicant (private link)' or 'system'."
    )
    area = models.ForeignKey(
        "agencies.Area",
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    case_reference = models.CharField(max_length=20, blank=True, db_index=True)
    url_name = models.CharField(max_length=120, blank=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    method = models.CharField(max_length=10, blank=True, help_text="GET, HEAD, POST…")
    api_token = models.CharField(
        max_length=60, blank=True, help_text="The name of the API token used, if one was."
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AccessRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["area", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.who} {self.action} {self.case_reference}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("The access audit cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("The access audit cannot be deleted.")
