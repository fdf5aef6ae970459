"""The victim as a party, as the API records an application made for them (DOMAIN.md §5.9):
what their consent covers, how and when it was given, their own ways to be reached, and who
the case writes to. The same rules as both journeys' forms (triggers.applications.forms and
victim.py), each broken rule a 400 naming its field.

What the API shows back is `triggers.people.victim_for`'s, through the partner view: partner
agencies never see the victim's email or phone (CaseDetailSerializer.victim).
"""

from __future__ import annotations

from rest_framework import serializers

from notifications.services import texts_available
from triggers.api.fields import PastDateField, StrictBooleanField, StrictCharField
from triggers.fields import model_max_length
from triggers.models import Case, ConsentHow, ContactMethod, Language, SendTo


def language_choice(help_text: str) -> serializers.ChoiceField:
    """A person's language (DOMAIN.md §5.12): "en" or "cy", English when left out."""
    return serializers.ChoiceField(
        choices=Language.choices,
        required=False,
        default=Language.ENGLISH,
        help_text=f'{help_text} "en" (English, the default) or "cy" (Cymraeg); "cy" '
        "only for an area in Wales (anywhere else it is refused: Welsh is not offered there).",
        error_messages={"invalid_choice": 'Use "en" (English) or "cy" (Cymraeg), not "{input}".'},
    )


def _optional_text(name: str, max_length: int | None = None) -> StrictCharField:
    return StrictCharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=max_length or model_max_length(Case, name),
    )


class OnBehalfSerializer(serializers.Serializer):
    """The fields an application made for someone adds; ignored when `on_behalf` is false."""

    victim_consent_share = StrictBooleanField(
        required=False,
        default=False,
        help_text="The victim agreed to their information going to the relevant bodies; "
        "required when `on_behalf` is true (every application goes to all of them).",
    )
    victim_consent_contact = StrictBooleanField(
        required=False,
        default=False,
        help_text="The victim agreed to being contacted about the case; if not, the case "
        "writes only to the applicant.",
    )
    victim_consent_how = serializers.ChoiceField(
        choices=ConsentHow.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="How the victim gave their agreement; required when `on_behalf` is true.",
    )
    victim_consent_on = PastDateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="When the victim gave their agreement (YYYY-MM-DD, not after today); "
        "required when `on_behalf` is true.",
    )
    victim_email = serializers.EmailField(
        required=False, allow_blank=True, default="", max_length=254
    )
    victim_phone = _optional_text("victim_phone")
    victim_address = _optional_text("victim_address", max_length=500)
    victim_postcode = _optional_text("victim_postcode")
    victim_contact_method = serializers.ChoiceField(
        choices=ContactMethod.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="How the victim would like to be contacted; `text` only where the area "
        "sends text messages through GOV.UK Notify.",
    )
    victim_adjustments = _optional_text("victim_adjustments", max_length=500)
    victim_language = language_choice(
        "The language the victim wants to be written to in: every message to them uses it."
    )
    send_to = serializers.ChoiceField(
        choices=SendTo.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="Who the case writes to. Omitted: both, when the victim agreed to be "
        "contacted and gave an email or postal address; otherwise the applicant.",
    )

    VICTIM_NEEDED_FOR = {
        ContactMethod.EMAIL: ("victim_email",),
        ContactMethod.PHONE: ("victim_phone",),
        ContactMethod.TEXT: ("victim_phone",),
        ContactMethod.POST: ("victim_address", "victim_postcode"),
    }
    VICTIM_FIELDS = (
        "victim_consent_share",
        "victim_consent_contact",
        "victim_consent_how",
        "victim_consent_on",
        "victim_email",
        "victim_phone",
        "victim_address",
        "victim_postcode",
        "victim_contact_method",
        "victim_adjustments",
        "victim_language",
        "send_to",
    )

    def on_behalf_errors(self, attrs) -> dict[str, list[str]]:
        """Every rule an application for someone breaks, by field (empty when none)."""
        if not attrs.get("on_behalf"):
            return {}
        errors: dict[str, list[str]] = {}
        if not attrs.get("victim_name", "").strip():
            errors["victim_name"] = ["Enter the full name of the person the application is for."]
        if not attrs.get("victim_consent"):
            errors["victim_consent"] = ["The victim must agree to someone applying for them."]
        if not attrs["victim_consent_share"]:
            errors["victim_consent_share"] = [
                "The victim must agree to their information being shared with the agencies."
            ]
        if not attrs["victim_consent_how"]:
            errors["victim_consent_how"] = ["Say how the victim gave their agreement."]
        if attrs["victim_consent_on"] is None:
            errors["victim_consent_on"] = ["Enter the date the victim gave their agreement."]
        method = attrs["victim_contact_method"]
        if method == ContactMethod.TEXT and not texts_available(attrs["area"]):
            errors["victim_contact_method"] = ["Text messages are not available in this area."]
        for name in self.VICTIM_NEEDED_FOR.get(method, ()):
            if not attrs[name].strip():
                errors.setdefault(name, []).append(
                    f"Enter this to contact the victim by {method}, or choose another way."
                )
        writable = attrs["victim_email"] or attrs["victim_address"].strip()
        if attrs["send_to"] in (SendTo.VICTIM, SendTo.BOTH) and not writable:
            errors.setdefault("send_to", []).append(
                "Give the victim's email or postal address to write to them, or choose the "
                "applicant."
            )
        if attrs["send_to"] in (SendTo.VICTIM, SendTo.BOTH) and not attrs["victim_consent_contact"]:
            errors.setdefault("send_to", []).append(
                "The victim has not agreed to being contacted: write to the applicant."
            )
        return errors

    @classmethod
    def cleaned_victim(cls, attrs) -> dict:
        """The victim's fields as the case keeps them (none when nobody applied for them)."""
        if not attrs.get("on_behalf"):
            for name in cls.VICTIM_FIELDS:
                attrs[name] = cls._declared_fields[name].default
            return attrs
        attrs["victim_email"] = attrs["victim_email"].lower()
        attrs["victim_postcode"] = " ".join(attrs["victim_postcode"].upper().split())
        return attrs
