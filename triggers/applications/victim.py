"""The victim as a party (DOMAIN.md §5.9): how to reach the person someone applies for, what
they need, and who the case writes to.

Asked in the on-behalf branch of both journeys, and kept up to date by staff on the case
page (`VictimDetailsForm`). Their contact details are optional (the applicant may not know
them), but a way of contacting them needs the detail it relies on.
"""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field, Fixed, Fluid, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.applications.contact import PHONE_NUMBER, UK_POSTCODE
from triggers.applications.language_choice import LanguageQuestion, language_field
from triggers.fields import model_max_length, text_input
from triggers.models import Case, ContactMethod, SendTo


class VictimForm(forms.Form):
    """The victim's own contact details, preferences and who receives the case's messages."""

    victim_email = forms.EmailField(
        label=_("Their email address (optional)"),
        help_text=_("We will send them a private link of their own to follow the application"),
        max_length=model_max_length(Case, "victim_email"),
        required=False,
        widget=text_input(input_type="email", spellcheck="false"),
        error_messages={
            "invalid": _("Enter their email address in the correct format, like name@example.com"),
            "max_length": _("The email address must be %(limit_value)d characters or fewer"),
        },
    )
    victim_phone = forms.CharField(
        label=_("Their phone number (optional)"),
        max_length=model_max_length(Case, "victim_phone"),
        required=False,
        widget=text_input(input_type="tel"),
        error_messages={
            "max_length": _("The phone number must be %(limit_value)d characters or fewer"),
        },
    )
    victim_address = forms.CharField(
        label=_("Their postal address (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("The address must be %(limit_value)d characters or fewer")},
    )
    victim_postcode = forms.CharField(
        label=_("Their postcode (optional)"),
        max_length=model_max_length(Case, "victim_postcode"),
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        error_messages={"max_length": _("Enter a real postcode")},
    )
    victim_contact_method = forms.ChoiceField(
        label=_("How would they like to be contacted? (optional)"),
        widget=forms.RadioSelect,
        # Texts only where the area sends them through GOV.UK Notify (`texts`, below).
        choices=ContactMethod.choices,
        required=False,
        error_messages={"invalid_choice": _("Select how they would like to be contacted")},
    )
    victim_adjustments = forms.CharField(
        label=_("Do they need anything to take part? (optional)"),
        help_text=_("For example, an interpreter, British Sign Language, easy read or large print"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("What they need must be %(limit_value)d characters or fewer"),
        },
    )
    send_to = forms.ChoiceField(
        label=_("Who should we write to about the case review?"),
        help_text=_(
            "Letters, the invitation to the review meeting and the draft action plan. "
            "If you do not choose, we write to both of you when we have their email or address, "
            "otherwise to you."
        ),
        widget=forms.RadioSelect,
        choices=(
            (SendTo.BOTH, _("Both of us")),
            (SendTo.VICTIM, _("Only the person I am applying for")),
            (SendTo.APPLICANT, _("Only me")),
        ),
        required=False,
        error_messages={"invalid_choice": _("Select who we should write to")},
    )

    NEEDED_FOR = {
        ContactMethod.EMAIL: (("victim_email", _("Enter their email address")),),
        ContactMethod.PHONE: (("victim_phone", _("Enter their phone number")),),
        ContactMethod.TEXT: (("victim_phone", _("Enter their mobile number")),),
        ContactMethod.POST: (
            ("victim_address", _("Enter their postal address")),
            ("victim_postcode", _("Enter their postcode")),
        ),
    }
    NO_WAY_TO_WRITE = _(
        "Enter their email address or postal address, or choose someone else to write to"
    )

    NO_TEXTS = _("Text messages are not available in this area.")

    def __init__(self, *args, texts: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not texts:
            # The area sends no texts (GOV.UK Notify is not set up for them): not offered.
            method = self.fields["victim_contact_method"]
            method.choices = [c for c in method.choices if c[0] != ContactMethod.TEXT]
            method.help_text = self.NO_TEXTS
        self.helper = gds_helper(*self.layout(), Button("continue", _("Continue")))

    def layout(self) -> list:
        return [
            Field.text("victim_email", field_width=Fluid.TWO_THIRDS),
            Field.text("victim_phone", field_width=Fixed.TWENTY),
            Field.textarea("victim_address", rows=3),
            Field.text("victim_postcode", field_width=Fixed.TEN),
            Field.radios("victim_contact_method", legend_size=Size.MEDIUM),
            Field.textarea("victim_adjustments", rows=3),
            Field.radios("send_to", legend_size=Size.MEDIUM),
        ]

    def clean_victim_email(self):
        return self.cleaned_data["victim_email"].lower()

    def clean_victim_phone(self):
        phone = self.cleaned_data["victim_phone"]
        if phone and not PHONE_NUMBER.match(phone):
            raise ValidationError(_("Enter a phone number, like 01632 960 001 or 07700 900 982"))
        return phone

    def clean_victim_postcode(self):
        postcode = " ".join(self.cleaned_data["victim_postcode"].upper().split())
        if postcode and not UK_POSTCODE.match(postcode):
            raise ValidationError(_("Enter a real postcode"))
        return postcode

    def clean(self):
        data = super().clean()
        for name, message in self.NEEDED_FOR.get(data.get("victim_contact_method"), ()):
            if name in data and not data[name]:
                self.add_error(name, message)
        writable = data.get("victim_email") or (data.get("victim_address") or "").strip()
        if data.get("send_to") == SendTo.VICTIM and not writable:
            self.add_error("send_to", self.NO_WAY_TO_WRITE)
        return data

    def application_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}


# Who the case writes to, in the page's language: the same words as `SendTo`'s labels, which
# the record and its history keep in English.
SEND_TO_WORDS = (
    (SendTo.BOTH, _("The person affected and the applicant")),
    (SendTo.VICTIM, _("The person affected only")),
    (SendTo.APPLICANT, _("The applicant only")),
)


class StaffVictimForm(LanguageQuestion, VictimForm):
    """The same questions, in words for staff recording an application for someone, and in
    an area in Wales the language the person applied for wants to be written to in."""

    victim_language = language_field(_("Which language do they want us to write to them in?"))
    language_name = "victim_language"
    asked_after = "victim_contact_method"

    def __init__(self, *args, welsh: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.ask_language(welsh)
        self.fields["send_to"].label = _("Who should we write to about the case review?")
        self.fields["send_to"].help_text = _(
            "Ask the applicant what the person they apply for chose. If nobody chose, we write "
            "to both when we have the person's email or address, otherwise to the applicant."
        )
        self.fields["send_to"].choices = SEND_TO_WORDS
        self.fields["victim_email"].help_text = _(
            "Their own private link to follow the application is emailed here"
        )
        self.NO_WAY_TO_WRITE = _(
            "Enter their email address or postal address, or choose the applicant"
        )

    def application_fields(self) -> dict:
        return {**super().application_fields(), **self.chosen_language()}


class VictimDetailsForm(StaffVictimForm):
    """Staff keep the victim's details and their choice of who is written to up to date."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["send_to"].required = True
        self.fields["send_to"].error_messages["required"] = _("Select who we should write to")
        self.helper = gds_helper(*self.layout(), Button("save", _("Save changes")))

    @classmethod
    def initial_for(cls, case: Case) -> dict:
        return {name: getattr(case, name) for name in cls.base_fields}
