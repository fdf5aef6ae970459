"""An area's own GOV.UK Notify settings and their history (issue #16)."""

from django.conf import settings
from django.db import models


class NotifySettings(models.Model):
    """An area's own GOV.UK Notify service: an optional channel beside SMTP (issue #16).

    The API key is kept sealed (agencies/sealed.py) and is never shown again once saved: the
    settings page shows only its name and last characters. The callback token is kept as a
    hash, like a password. Not in the platform admin on purpose: it is the area's secret.
    """

    area = models.OneToOneField("agencies.Area", on_delete=models.CASCADE, related_name="notify")
    use_for_email = models.BooleanField("send emails through Notify", default=False)
    use_for_text = models.BooleanField("send text messages through Notify", default=False)
    use_for_letters = models.BooleanField("post letters through Notify", default=False)
    sealed_api_key = models.TextField(blank=True)
    api_key_hint = models.CharField(max_length=80, blank=True)
    email_template_id = models.CharField(max_length=36, blank=True)
    text_template_id = models.CharField(max_length=36, blank=True)
    callback_token_hash = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "Notify settings"

    def __str__(self):
        return f"Notify for {self.area}"

    @property
    def has_key(self) -> bool:
        return bool(self.sealed_api_key)

    def sends(self, channel: str) -> bool:
        """Whether this area's messages of `channel` (email, text, letter) go through Notify."""
        wanted = {
            "email": self.use_for_email,
            "text": self.use_for_text,
            "letter": self.use_for_letters,
        }.get(channel, False)
        return wanted and self.has_key


class NotifySettingsChange(models.Model):
    """One change to an area's GOV.UK Notify settings: who made it, when, and what changed,
    in words. Never the API key or the receipts token themselves: a key is named by its hint
    (its name and last four characters), as the settings page shows it. Append only."""

    area = models.ForeignKey(
        "agencies.Area", on_delete=models.CASCADE, related_name="notify_changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(default=list, help_text="What changed, one sentence each.")

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.area}: {'; '.join(self.changes)}"
