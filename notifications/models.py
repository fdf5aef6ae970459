"""The outbox: every message is a row, written in the transaction that caused it.

A message row exists before anything is sent, so a broker or worker outage delays messages
but never loses them; its unique idempotency key means a retried or duplicated delivery task
never sends it twice.
"""

from django.db import models

from agencies.models import Area


class Message(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    idempotency_key = models.CharField(max_length=200, unique=True)
    topic = models.CharField(max_length=60, help_text="What the message is about, for staff.")
    reference = models.CharField(max_length=40, blank=True, help_text="The case it concerns.")
    to_address = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.topic} to {self.to_address}"


class Attachment(models.Model):
    """A file sent with a message (a letter's PDF, a meeting's calendar invitation)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=120)
    mimetype = models.CharField(max_length=80)
    content = models.BinaryField()

    def __str__(self):
        return self.filename
