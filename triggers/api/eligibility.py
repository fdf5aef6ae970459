"""Serializers of the public eligibility check (DOMAIN.md §4): a message per field for bad
input, never a 500.
"""

from __future__ import annotations

from django.utils import timezone
from rest_framework import serializers

from triggers import eligibility
from triggers.api.fields import (
    ComplaintListField,
    PastDateField,
    PublicAreaField,
    StrictBooleanField,
    StrictCharField,
)

ROUTES = (
    (eligibility.ROUTE_COMPLAINTS, "Met: enough qualifying complaints"),
    (eligibility.ROUTE_HATE_INCIDENT, "Met: enough qualifying hate-related complaints"),
    (eligibility.ROUTE_NOT_MET, "Not met"),
)


class EligibilityComplaintSerializer(serializers.Serializer):
    """One report of the behaviour, as the engine needs it."""

    incident_date = PastDateField(help_text="When the behaviour happened.")
    reported_date = PastDateField(help_text="When it was reported.")
    reported_to = StrictCharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=120,
        default="",
        help_text="Who it was reported to, e.g. an agency's slug.",
    )
    complainant = StrictCharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=120,
        default="applicant",
        help_text="Who reported it. Reports by the same complainant of the same incident "
        "count once.",
    )
    incident = StrictCharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=200,
        default=None,
        help_text="An id shared by reports of one incident. Omitted: an incident of its own.",
    )
    hate_related = StrictBooleanField(required=False, default=False)

    def validate(self, attrs):
        if attrs["reported_date"] < attrs["incident_date"]:
            raise serializers.ValidationError(
                {"reported_date": ["The report cannot be dated before the incident."]}
            )
        attrs["reported_to"] = attrs.get("reported_to") or ""
        attrs["complainant"] = attrs.get("complainant") or "applicant"
        attrs["incident"] = attrs.get("incident") or None
        return attrs

    def to_engine(self, attrs) -> eligibility.Complaint:
        return eligibility.Complaint(
            incident_date=attrs["incident_date"],
            reported_date=attrs["reported_date"],
            complainant=attrs["complainant"],
            incident=attrs["incident"],
            hate_related=attrs["hate_related"],
            reported_to=attrs["reported_to"],
        )


class EligibilityCheckSerializer(serializers.Serializer):
    area = PublicAreaField()
    application_date = PastDateField(
        required=False, help_text="The date of the application. Omitted: today."
    )
    complaints = ComplaintListField(child=EligibilityComplaintSerializer())

    def validate(self, attrs):
        attrs.setdefault("application_date", timezone.localdate())
        return attrs

    def policy(self) -> eligibility.Policy:
        from triggers.threshold.services import engine_policy

        return engine_policy(self.validated_data["area"])

    def engine_complaints(self) -> list[eligibility.Complaint]:
        child = self.fields["complaints"].child
        return [child.to_engine(c) for c in self.validated_data["complaints"]]


class ComplaintFindingSerializer(serializers.Serializer):
    index = serializers.IntegerField(help_text="The complaint's position in the request, from 0.")
    qualifies = serializers.BooleanField()
    counted = serializers.BooleanField(
        help_text="False for a complaint that does not qualify, or that repeats a report of "
        "the same incident by the same complainant."
    )
    reason = serializers.CharField()


class EligibilityResultSerializer(serializers.Serializer):
    threshold_met = serializers.BooleanField()
    route = serializers.ChoiceField(choices=ROUTES)
    qualifying_complaints = serializers.IntegerField(
        help_text="Qualifying complaints, each incident counted once per complainant."
    )
    threshold = serializers.IntegerField(help_text="The area's complaint threshold.")
    hate_related_complaints = serializers.IntegerField()
    hate_incident_threshold = serializers.IntegerField(allow_null=True)
    explanation = serializers.CharField()
    complaints = ComplaintFindingSerializer(many=True)

    @staticmethod
    def represent(decision: eligibility.Decision) -> dict:
        """What `EligibilityResultSerializer(from_decision(decision)).data` gives, field for
        field and in its order, without DRF's per-field machinery: the public API answers
        with it on every call (issue #18; a test holds the two equal)."""
        return {
            "threshold_met": bool(decision.threshold_met),
            "route": decision.route,
            "qualifying_complaints": int(decision.qualifying_complaints),
            "threshold": int(decision.threshold),
            "hate_related_complaints": int(decision.hate_related_complaints),
            "hate_incident_threshold": None
            if decision.hate_incident_threshold is None
            else int(decision.hate_incident_threshold),
            "explanation": str(eligibility.explain(decision)),
            "complaints": [
                {
                    "index": int(finding.index),
                    "qualifies": bool(finding.qualifies),
                    "counted": bool(finding.counted),
                    "reason": str(finding.reason),
                }
                for finding in decision.complaints
            ],
        }

    @staticmethod
    def from_decision(decision: eligibility.Decision) -> dict:
        return {
            **decision._asdict(),
            "complaints": [finding.as_dict() for finding in decision.complaints],
            "explanation": eligibility.explain(decision),
        }
