"""What the API reads and writes: the public eligibility check and the staff case API.

Input is validated field by field so that every mistake comes back as a 400 naming the field
(DRF's nested shape: `{"complaints": {"2": {"reported_date": ["..."]}}}`), never as a 500.
The rule itself is the engine's (`triggers.eligibility`, DOMAIN.md §4); these classes only
turn JSON into its inputs and its `Decision` back into JSON.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agencies import language
from agencies.models import Agency
from notifications.services import texts_available
from triggers.api.eligibility import EligibilityComplaintSerializer, EligibilityResultSerializer
from triggers.api.fields import (
    AreaSlugField,
    ComplaintListField,
    StrictBooleanField,
    StrictCharField,
    optional_case_text,
    stored_incident_key,
)
from triggers.api.victim import OnBehalfSerializer, language_choice
from triggers.applications.services import ApplicationData, ComplaintData
from triggers.fields import model_max_length
from triggers.models import Case, Channel, ContactMethod, Language, ThresholdDecision

# --- Staff API: cases ---------------------------------------------------------------------


class CaseListSerializer(serializers.ModelSerializer):
    # The columns it reads of each case (the list asks for these only): keep with `fields`.
    row_fields = (
        "reference",
        "area__slug",
        "area__name",
        "status",
        "channel",
        "received_at",
        "application_date",
        "applicant_name",
        "assigned_officer__full_name",
        "next_due",
        "complaint_count",
    )

    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    area_name = serializers.CharField(source="area.name", read_only=True)
    # A method field, not `source="get_status_display"`: DRF inspects a callable source's
    # signature on every row, a tenth of the list's time (issue #18).
    status_label = serializers.SerializerMethodField()
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

    def get_status_label(self, case) -> str:
        return case.get_status_display()

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


class VictimSerializer(serializers.Serializer):
    """The victim as `triggers.people.victim_for` presents them to the reader."""

    name = serializers.CharField()
    address = serializers.CharField()
    postcode = serializers.CharField()
    contact_method = serializers.CharField()
    adjustments = serializers.CharField()
    email = serializers.CharField(allow_null=True)
    phone = serializers.CharField(allow_null=True)
    consent_how = serializers.CharField()
    consent_on = serializers.DateField(allow_null=True)
    consent_recorded_by = serializers.CharField()
    consent_covers = serializers.CharField()
    send_to = serializers.CharField()


class CaseDetailSerializer(CaseListSerializer):
    """A case with its complaints (and the engine's reason for each), the threshold decision
    if one was made, and its history."""

    # The view reads `complaints` (each with its engine `finding`), `engine`, `decision` and
    # `events` once and passes them in the context: a fixed number of queries per case.

    complaint_count = serializers.SerializerMethodField()
    applicant_email = serializers.SerializerMethodField(
        help_text="Null for partner agencies, who never see it; empty when none was given."
    )
    applicant_phone = serializers.SerializerMethodField(
        help_text="Null for partner agencies, who never see it; empty when none was given."
    )
    victim = serializers.SerializerMethodField(
        help_text="The person applied for, when someone applied for them; null otherwise. "
        "Their email and phone are null for partner agencies, as the applicant's are."
    )
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
            "victim",
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

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_applicant_email(self, case) -> str | None:
        return self.context["applicant"].email

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_applicant_phone(self, case) -> str | None:
        return self.context["applicant"].phone

    @extend_schema_field(VictimSerializer(allow_null=True))
    def get_victim(self, case):
        victim = self.context["applicant"].victim
        return None if victim is None else VictimSerializer(victim).data

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

    description = StrictCharField(
        required=False, allow_blank=True, max_length=5000, default="", help_text="What happened."
    )
    reference_number = StrictCharField(required=False, allow_blank=True, max_length=60, default="")


class ApplicationCreateSerializer(OnBehalfSerializer):
    """An application a member of staff records for one of their own areas; for someone
    else (`on_behalf`), with the victim's consent and their own details (OnBehalfSerializer).

    `applicant_language` and `victim_language` record each person's language ("en", the
    default, or "cy"; DOMAIN.md §5.12). "cy" for an area outside Wales is a 400 naming the
    field, not stored: the online journey never offers Welsh there, and a stored choice the
    messages would ignore (triggers.recipients.language_of) would mislead the caller.
    """

    # How the applicant can be reached for each contact method (as in the online journey).
    NEEDED_FOR = {
        ContactMethod.EMAIL: ("applicant_email",),
        ContactMethod.PHONE: ("applicant_phone",),
        ContactMethod.POST: ("applicant_address", "applicant_postcode"),
        ContactMethod.TEXT: ("applicant_phone",),
    }

    area = AreaSlugField(help_text="The slug of one of your areas.")
    channel = serializers.ChoiceField(
        choices=Channel.choices, help_text="How the application arrived."
    )
    applicant_name = StrictCharField(max_length=model_max_length(Case, "applicant_name"))
    applicant_email = serializers.EmailField(
        required=False, allow_blank=True, default="", max_length=254
    )
    applicant_phone = optional_case_text("applicant_phone")
    applicant_address = StrictCharField(
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
    others_affected = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)
    impact = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)
    desired_outcome = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)
    adjustments = StrictCharField(required=False, allow_blank=True, default="", max_length=2000)
    applicant_language = language_choice(
        "The language the applicant wants to be written to in: every message to them uses it."
    )
    complaints = ComplaintListField(child=ApplicationComplaintSerializer())

    def area_queryset(self):
        from agencies import access

        return access.areas_for(self.context["request"].user)

    def validate(self, attrs):
        # Every broken rule at once, each under its field, as the forms' error summaries do.
        errors = self.on_behalf_errors(attrs)
        errors.update(self.language_errors(attrs))
        method = attrs.get("contact_method")
        if method == ContactMethod.TEXT and not texts_available(attrs["area"]):
            errors["contact_method"] = ["Text messages are not available in this area."]
        if method is None:
            attrs["contact_method"] = self._inferred_contact_method(attrs)
        else:
            for name in self.NEEDED_FOR[method]:
                if not attrs[name]:
                    errors.setdefault(name, []).append(
                        f"Enter this to contact the applicant by {method}, or choose another way."
                    )
        if errors:
            raise serializers.ValidationError(errors)
        attrs["applicant_email"] = attrs["applicant_email"].lower()
        return self.cleaned_victim(attrs)

    @staticmethod
    def language_errors(attrs) -> dict[str, list[str]]:
        """Welsh is refused outside Wales, as the online journey never offers it there: a
        choice that would be stored but never used would tell the caller it had been made."""
        if language.is_welsh(attrs["area"]):
            return {}
        return {
            name: [
                "Cymraeg is offered only in areas in Wales: this area writes in English. "
                'Use "en" or leave it out.'
            ]
            for name in ("applicant_language", "victim_language")
            if attrs.get(name) == Language.WELSH
        }

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
            incident_key=stored_incident_key(attrs["incident"]),
            hate_related=attrs["hate_related"],
        )
