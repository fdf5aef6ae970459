"""Set-up links for a second factor (issue #15)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class EnrolmentLink(models.Model):
    """A one-time link that lets a user set up their authenticator app.

    Issued by an area admin (or a platform admin, or `manage.py enrolment_link` for the first
    platform admin) and emailed to the user, so that the password alone never enrols a device.
    Only the SHA-256 of the link's token is kept; a link works once, until `expires_at`.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Set-up link for {self.user} ({self.created_at:%Y-%m-%d})"

    def usable(self) -> bool:
        return self.used_at is None and timezone.now() < self.expires_at
