"""Fields of the JSON API: strict strings and booleans, dates not in the future, area slugs,
lists of complaints with a message per item.
"""

from __future__ import annotations

import hashlib

from django.utils import timezone
from rest_framework import serializers

from agencies.models import Area
from triggers.fields import model_max_length
from triggers.models import Case, Complaint

MAX_COMPLAINTS = 200


INCIDENT_KEY_LENGTH = Complaint._meta.get_field("incident_key").max_length


class StrictCharField(serializers.CharField):
    """A JSON string, nothing else: DRF's own field turns a number into text, so `"incident":
    7` would pass where the schema promises a string and a client's bug would go unnoticed."""

    default_error_messages = {"not_a_string": "Must be text (a JSON string)."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string")
        return super().to_internal_value(data)


def optional_case_text(name: str) -> serializers.CharField:
    """An optional free-text answer, as long as the Case column that stores it allows."""
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=model_max_length(Case, name)
    )


def stored_incident_key(incident: str | None) -> str:
    """The stored key of an incident id: the id itself when it fits the column, otherwise a
    digest of it, which keeps reports with the same id together."""
    if not incident:
        return ""
    if len(incident) <= INCIDENT_KEY_LENGTH:
        return incident
    return "sha256:" + hashlib.sha256(incident.encode()).hexdigest()[: INCIDENT_KEY_LENGTH - 7]


class StrictBooleanField(serializers.BooleanField):
    """A JSON `true` or `false`, nothing else: DRF's own field also takes "yes", 1, "on"..."""

    default_error_messages = {"invalid": "Must be true or false."}

    def to_internal_value(self, data):
        if isinstance(data, bool):
            return data
        self.fail("invalid")


class PastDateField(serializers.DateField):
    """A real calendar date in ISO format (YYYY-MM-DD) that is not after today."""

    default_error_messages = {
        "invalid": "Enter a real date in the format YYYY-MM-DD.",
        "future": "The date cannot be after today.",
    }

    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        if day > timezone.localdate():
            self.fail("future")
        return day


class ComplaintListField(serializers.ListField):
    """One to MAX_COMPLAINTS complaints; the size is checked before any complaint is read."""

    default_error_messages = {
        "empty": "Enter at least one complaint.",
        "min_length": "Enter at least one complaint.",
        "max_length": "Enter no more than {max_length} complaints.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_empty", False)
        kwargs.setdefault("min_length", 1)
        kwargs.setdefault("max_length", MAX_COMPLAINTS)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, list) and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


class AreaSlugField(StrictCharField):
    """An area by its slug, among the areas `area_queryset(field)` allows (default: all).

    An area outside them is "unknown", exactly like one that does not exist, so that the
    answer never confirms that another tenant's area is there.
    """

    default_error_messages = {"unknown": "Unknown area '{slug}'."}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("help_text", "The area's slug, e.g. `liverpool`.")
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty):
        slug = super().run_validation(data)
        area = self.lookup(slug)
        if area is None:
            self.fail("unknown", slug=slug)
        return area

    def lookup(self, slug: str) -> Area | None:
        areas = self.parent.area_queryset() if self.parent else Area.objects.all()
        return areas.filter(slug=slug).select_related("force_area").first()


# Where a request keeps (slug, area or None) once the eligibility check's fast path has read
# it (triggers.api.eligibility_fast), so a check it hands on does not ask the database again.
AREA_READ = "eligibility_area_read"


class PublicAreaField(AreaSlugField):
    """Any area, by slug, read from the worker's memory when it was read lately
    (agencies.area_cache): the public eligibility check asks on every call."""

    def lookup(self, slug: str) -> Area | None:
        from agencies.area_cache import area_by_slug

        read = getattr(self.context.get("request"), AREA_READ, None)
        if read is not None and read[0] == slug:
            return read[1]
        return area_by_slug(slug)

    def to_representation(self, value):
        return value.slug
