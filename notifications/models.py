"""The outbox: every message is a row, written in the transaction that caused it.

A message row exists before anything is sent, so a broker or worker outage delays messages
but never loses them; its unique idempotency key means a retried or duplicated delivery task
never sends it twice.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Area

# Where a private link goes in a stored body; the link itself is kept apart (`private_link`)
# only until the message is sent, so no stored body ever opens a case.
PRIVATE_LINK_PLACEHOLDER = "[private link]"


class Message(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENT = "sent", "Sent"
        # Only a channel with delivery receipts (GOV.UK Notify) knows it arrived.
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        TEXT = "text", _("Text message")
        LETTER = "letter", _("Letter by post")

    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    idempotency_key = models.CharField(max_length=200, unique=True)
    topic = models.CharField(max_length=60, help_text="What the message is about, for staff.")
    reference = models.CharField(max_length=40, blank=True, help_text="The case it concerns.")
    channel = models.CharField(max_length=6, choices=Channel.choices, default=Channel.EMAIL)
    # An email address, or a phone number for a text; a posted letter carries its own address.
    to_address = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(help_text="Never holds a private link: see private_link.")
    private_link = models.CharField(
        max_length=500,
        blank=True,
        help_text="Put into the body at delivery; cleared once sent or failed for good.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="Sends really tried; a re-queue that sends nothing is not one."
    )
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Delivery is driven by these, not by Celery retries, so a broker or worker restart
    # cannot lose the schedule. While a batch sends a message, next_attempt_at is pushed
    # ahead (a lease), so no other worker claims it in the meantime.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    first_attempt_at = models.DateTimeField(
        null=True, blank=True, help_text="Start of the day of tries; a resend starts a new day."
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    failure_reported_at = models.DateTimeField(
        null=True, blank=True, help_text="When the area admins' daily digest listed it."
    )
    notify_id = models.CharField(
        max_length=36, blank=True, db_index=True, help_text="GOV.UK Notify's id for it, if sent so."
    )
    notify_status = models.CharField(
        max_length=30, blank=True, help_text="The last status Notify's receipt gave."
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["status", "next_attempt_at"], name="message_due"),
        ]

    def __str__(self):
        return f"{self.topic} to {self.to_address}"

    @property
    def lost_private_link(self) -> bool:
        """Sending it again would send a placeholder: the link was dropped when it failed."""
        return PRIVATE_LINK_PLACEHOLDER in self.body and not self.private_link


class Attachment(models.Model):
    """A file sent with a message (a letter's PDF, a meeting's calendar invitation)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=120)
    mimetype = models.CharField(max_length=80)
    content = models.BinaryField()

    def __str__(self):
        return self.filename
