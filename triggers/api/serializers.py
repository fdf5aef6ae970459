"""What the API reads and writes: the public eligibility check and the staff case API.

Input is validated field by field so that every mistake comes back as a 400 naming the field
(DRF's nested shape: `{"complaints": {"2": {"reported_date": ["..."]}}}`), never as a 500.
The rule itself is the engine's (`triggers.eligibility`, DOMAIN.md §4); these classes only
turn JSON into its inputs and its `Decision` back into JSON.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agencies.models import Agency, Area
from triggers import eligibility
from triggers.models import Case, Channel, Complaint, ContactMethod, ThresholdDecision
from triggers.services import ApplicationData, ComplaintData

MAX_COMPLAINTS = 200
INCIDENT_KEY_LENGTH = Complaint._meta.get_field("incident_key").max_length
ROUTES = (
    (eligibility.ROUTE_COMPLAINTS, "Met: enough qualifying complaints"),
    (eligibility.ROUTE_HATE_INCIDENT, "Met: enough qualifying hate-related complaints"),
    (eligibility.ROUTE_NOT_MET, "Not met"),
)


def _model_max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def optional_case_text(name: str) -> serializers.CharField:
    """An optional free-text answer, as long as the Case column that stores it allows."""
    return serializers.CharField(
        required=False, allow_blank=True, default="", max_length=_model_max_length(Case, name)
    )


def _incident_key(incident: str | None) -> str:
    """The stored key of an incident id: the id itself when it fits the column, otherwise a
    digest of it, which keeps reports with the same id together."""
    if not incident:
        return ""
    if len(incident) <= INCIDENT_KEY_LENGTH:
        return incident
    return "sha256:" + hashlib.sha256(incident.encode()).hexdigest()[: INCIDENT_KEY_LENGTH - 7]


# --- Fields -------------------------------------------------------------------------------


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


class AreaSlugField(serializers.CharField):
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
        areas = self.parent.area_queryset() if self.parent else Area.objects.all()
        area = areas.filter(slug=slug).select_related("force_area").first()
        if area is None:
            self.fail("unknown", slug=slug)
        return area

    def to_representation(self, value):
        return value.slug


# --- The public eligibility check ---------------------------------------------------------


class EligibilityComplaintSerializer(serializers.Serializer):
    """One report of the behaviour, as the engine needs it."""

    incident_date = PastDateField(help_text="When the behaviour happened.")
    reported_date = PastDateField(help_text="When it was reported.")
    reported_to = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=120,
        default="",
        help_text="Who it was reported to, e.g. an agency's slug.",
    )
    complainant = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=120,
        default="applicant",
        help_text="Who reported it. Reports by the same complainant of the same incident "
        "count once.",
    )
    incident = serializers.CharField(
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
    area = AreaSlugField()
    application_date = PastDateField(
        required=False, help_text="The date of the application. Omitted: today."
    )
    complaints = ComplaintListField(child=EligibilityComplaintSerializer())

    def area_queryset(self):
        return Area.objects.all()

    def validate(self, attrs):
        attrs.setdefault("application_date", timezone.localdate())
        return attrs

    def policy(self) -> eligibility.Policy:
        from triggers.services import engine_policy

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
    def from_decision(decision: eligibility.Decision) -> dict:
        return {**asdict(decision), "explanation": eligibility.explain(decision)}


# --- Staff API: cases ---------------------------------------------------------------------


class CaseListSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    area_name = serializers.CharField(source="area.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    assigned_officer = serializers.SerializerMethodField()
    complaint_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "reference",
            "area",
            "area_name",
            "status",
            "status_label",
            "channel",
            "received_at",
            "application_date",
            "applicant_name",
            "assigned_officer",
            "next_due",
            "complaint_count",
            "url",
        ]
        read_only_fields = fields

    def get_assigned_officer(self, case) -> str | None:
        officer = case.assigned_officer
        return officer.full_name if officer else None

    def get_url(self, case) -> str:
        path = reverse("api:case_detail", args=[case.area.slug, case.reference])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class CaseComplaintSerializer(serializers.Serializer):
    """A stored complaint with the engine's finding on it."""

    position = serializers.IntegerField()
    incident_date = serializers.DateField()
    reported_date = serializers.DateField()
    description = serializers.CharField()
    reported_to = serializers.CharField(source="reported_to_name")
    reference_number = serializers.CharField()
    complainant = serializers.CharField()
    incident = serializers.CharField(source="incident_key")
    hate_related = serializers.BooleanField()
    qualifies = serializers.BooleanField(source="finding.qualifies")
    counted = serializers.BooleanField(source="finding.counted")
    reason = serializers.CharField(source="finding.reason")


class ThresholdDecisionSerializer(serializers.ModelSerializer):
    outcome_label = serializers.CharField(source="get_outcome_display")
    decided_by = serializers.CharField(source="decided_by.full_name")
    grounds = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = ThresholdDecision
        fields = [
            "outcome",
            "outcome_label",
            "engine_route",
            "engine_qualifying",
            "engine_threshold",
            "grounds",
            "reasons",
            "decided_by",
            "decided_at",
        ]
        read_only_fields = fields


class CaseEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    by = serializers.SerializerMethodField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    summary = serializers.CharField()
    reasons = serializers.CharField()

    def get_by(self, event) -> str | None:
        return event.by.full_name if event.by_id else None


class CaseDetailSerializer(CaseListSerializer):
    """A case with its complaints (and the engine's reason for each), the threshold decision
    if one was made, and its history."""

    # The view reads `complaints` (each with its engine `finding`), `engine`, `decision` and
    # `events` once and passes them in the context: a fixed number of queries per case.

    complaint_count = serializers.SerializerMethodField()
    complaints = serializers.SerializerMethodField()
    eligibility = serializers.SerializerMethodField()
    threshold_decision = serializers.SerializerMethodField()
    events = serializers.SerializerMethodField()

    class Meta(CaseListSerializer.Meta):
        fields = [
            *CaseListSerializer.Meta.fields,
            "on_behalf",
            "applicant_email",
            "applicant_phone",
            "applicant_address",
            "applicant_postcode",
            "relationship",
            "organisation",
            "victim_name",
            "victim_consent",
            "behaviour_location",
            "others_affected",
            "impact",
            "desired_outcome",
            "contact_method",
            "adjustments",
            "acknowledge_due",
            "threshold_decision_due",
            "closed_at",
            "complaints",
            "eligibility",
            "threshold_decision",
            "events",
        ]
        read_only_fields = fields

    def get_complaint_count(self, case) -> int:
        return len(self.context["complaints"])

    @extend_schema_field(CaseComplaintSerializer(many=True))
    def get_complaints(self, case):
        return CaseComplaintSerializer(self.context["complaints"], many=True).data

    @extend_schema_field(EligibilityResultSerializer)
    def get_eligibility(self, case):
        engine = self.context["engine"]
        return EligibilityResultSerializer(EligibilityResultSerializer.from_decision(engine)).data

    @extend_schema_field(ThresholdDecisionSerializer(allow_null=True))
    def get_threshold_decision(self, case):
        decision = self.context["decision"]
        return ThresholdDecisionSerializer(decision).data if decision else None

    @extend_schema_field(CaseEventSerializer(many=True))
    def get_events(self, case):
        return CaseEventSerializer(self.context["events"], many=True).data


# --- Staff API: recording an application --------------------------------------------------


class ApplicationComplaintSerializer(EligibilityComplaintSerializer):
    """A complaint as recorded on a case: the eligibility fields and what happened."""

    description = serializers.CharField(
        required=False, allow_blank=True, max_length=5000, default="", help_text="What happened."
    )
    reference_number = serializers.CharField(
        required=False, allow_blank=True, max_length=60, default=""
    )


class ApplicationCreateSerializer(serializers.Serializer):
    """An application a member of staff records for one of their own areas."""

    # How the applicant can be reached for each contact method (as in the online journey).
    NEEDED_FOR = {
        ContactMethod.EMAIL: ("applicant_email",),
        ContactMethod.PHONE: ("applicant_phone",),
        ContactMethod.POST: ("applicant_address", "applicant_postcode"),
    }

    area = AreaSlugField(help_text="The slug of one of your areas.")
    channel = serializers.ChoiceField(
        choices=Channel.choices, help_text="How the application arrived."
    )
    applicant_name = serializers.CharField(max_length=_model_max_length(Case, "applicant_name"))
    applicant_email = serializers.EmailField(
        required=False, allow_blank=True, default="", max_length=254
    )
    applicant_phone = optional_case_text("applicant_phone")
    applicant_address = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=500
    )
    applicant_postcode = optional_case_text("applicant_postcode")
    contact_method = serializers.ChoiceField(
        choices=ContactMethod.choices,
        required=False,
        help_text="Omitted: email if there is an address, else phone if there is a number, "
        "else post.",
    )
    on_behalf = StrictBooleanField(
        required=False, default=False, help_text="Someone is applying for the victim."
    )
    victim_consent = StrictBooleanField(
        required=False,
        default=False,
        help_text="The victim agreed to the application; required when `on_behalf` is true.",
    )
    victim_name = optional_case_text("victim_name")
    relationship = optional_case_text("relationship")
    organisation = optional_case_text("organisation")
    behaviour_location = optional_case_text("behaviour_location")
    others_affected = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=5000
    )
    impact = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    desired_outcome = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=5000
    )
    adjustments = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=2000
    )
    complaints = ComplaintListField(child=ApplicationComplaintSerializer())

    def area_queryset(self):
        from agencies import access

        return access.areas_for(self.context["request"].user)

    def validate(self, attrs):
        if attrs["on_behalf"] and not attrs["victim_consent"]:
            raise serializers.ValidationError(
                {"victim_consent": ["The victim must agree to someone applying for them."]}
            )
        method = attrs.get("contact_method")
        if method is None:
            attrs["contact_method"] = self._inferred_contact_method(attrs)
        else:
            missing = {
                name: [f"Enter this to contact the applicant by {method}, or choose another way."]
                for name in self.NEEDED_FOR[method]
                if not attrs[name]
            }
            if missing:
                raise serializers.ValidationError(missing)
        attrs["applicant_email"] = attrs["applicant_email"].lower()
        return attrs

    @staticmethod
    def _inferred_contact_method(attrs) -> str:
        if attrs["applicant_email"]:
            return ContactMethod.EMAIL
        if attrs["applicant_phone"]:
            return ContactMethod.PHONE
        if attrs["applicant_address"]:
            return ContactMethod.POST
        return ContactMethod.EMAIL

    def application_data(self) -> ApplicationData:
        data = dict(self.validated_data)
        area = data.pop("area")
        data.pop("channel")
        agencies = {a.slug: a for a in Agency.objects.filter(memberships__area=area)}
        complaints = [self._complaint(c, agencies) for c in data.pop("complaints")]
        return ApplicationData(complaints=complaints, **data)

    @staticmethod
    def _complaint(attrs, agencies) -> ComplaintData:
        agency = agencies.get(attrs["reported_to"])
        return ComplaintData(
            incident_date=attrs["incident_date"],
            reported_date=attrs["reported_date"],
            description=attrs["description"],
            reported_to=agency,
            reported_to_other="" if agency else attrs["reported_to"],
            reference_number=attrs["reference_number"],
            complainant=attrs["complainant"],
            incident_key=_incident_key(attrs["incident"]),
            hate_related=attrs["hate_related"],
        )
