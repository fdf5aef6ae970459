"""The case file's notes and contact log, written by the area's staff."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agencies.models import Area
from triggers.models.case import Case


class CaseNote(models.Model):
    """A note on the case, or a record of a contact (who, when, how, which way).

    Private notes are for the area's case officers and admins only; shared notes are read by
    the agencies working on the case too, and may go into the meeting pack. Notes are kept as
    written: a correction is a new note, so the record of who knew what and when stays true.
    """

    class Kind(models.TextChoices):
        NOTE = "note", "Note"
        CONTACT = "contact", "Contact"

    # Labels in the page's language: the note forms and the chronology show them (issue #19).
    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Private to the area's case officers and admins")
        SHARED = "shared", _("Shared with the agencies working on the case")

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone call")
        LETTER = "letter", _("Letter")
        VISIT = "visit", _("Visit")
        EMAIL = "email", _("Email")
        MEETING = "meeting", _("Meeting")
        OTHER = "other", _("Other")

    class Direction(models.TextChoices):
        IN = "in", _("Incoming: they contacted us")
        OUT = "out", _("Outgoing: we contacted them")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NOTE)
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    text = models.TextField()
    # A contact's own facts; a plain note has none of them (the constraint below).
    contact_on = models.DateField(null=True, blank=True)
    contact_with = models.CharField(max_length=120, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, blank=True)
    direction = models.CharField(max_length=3, choices=Direction.choices, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "written_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="note", contact_on__isnull=True, channel="", direction="")
                | (
                    Q(kind="contact", contact_on__isnull=False)
                    & ~Q(contact_with="")
                    & ~Q(channel="")
                    & ~Q(direction="")
                ),
                name="note_contact_is_complete",
            ),
        ]

    def __str__(self):
        return f"{self.case}: {self.get_kind_display().lower()} of {self.written_at:%Y-%m-%d}"

    @property
    def shared(self) -> bool:
        return self.visibility == self.Visibility.SHARED
