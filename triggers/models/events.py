"""A case's history: what happened, when, by whom and why, in one table (triggers/history.py
writes it)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext

from agencies.models import Area
from agencies.wording import Wording
from triggers.models.case import Case
from triggers.workflow import Status


class CaseEvent(models.Model):
    """One entry of a case's history: a status change, or another step worth recording."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    from_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    # The record, in English: the API, the export and searching read these (subject access
    # says `said` and `explained`, in the applicant's language).
    summary = models.CharField(max_length=200)
    reasons = models.TextField(blank=True)
    # The same words as data (agencies.wording.Wording: the catalogue's English and its
    # parameters), so the timeline says them in the reader's language. Empty on rows written
    # before it existed, which show their English.
    words = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["case", "at", "pk"]

    def __str__(self):
        return f"{self.case}: {self.summary}"

    @property
    def said(self) -> str:
        """The summary in the active language."""
        if "summary" in self.words:
            return Wording.from_stored(self.words["summary"]).say()
        return gettext(self.summary)  # an older row whose English is a catalogue entry

    @property
    def explained(self) -> str:
        """The reasons in the active language; someone's own words stay as they gave them."""
        if "reasons" in self.words:
            return Wording.from_stored(self.words["reasons"]).say()
        return self.reasons
