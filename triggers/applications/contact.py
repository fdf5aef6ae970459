"""The contact question: how to reach the applicant, and the adjustments they need."""

from __future__ import annotations

import re

from crispy_forms_gds.layout import Button, Field, Fixed, Fluid, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.fields import model_max_length, text_input
from triggers.models import Case, ContactMethod

UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


PHONE_NUMBER = re.compile(r"^\+?[0-9 ()\-]{7,}$")


class Adjustment:
    INTERPRETER = "interpreter"
    BSL = "bsl"
    EASY_READ = "easy_read"
    LARGE_PRINT = "large_print"
    OTHER = "other"

    CHOICES = (
        (INTERPRETER, _("An interpreter or translation into another language")),
        (BSL, _("A British Sign Language (BSL) interpreter")),
        (EASY_READ, _("Easy read letters and documents")),
        (LARGE_PRINT, _("Large print letters and documents")),
        (OTHER, _("Something else")),
    )


def contact_details_needed(*, your: str, you: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each contact method, the details it needs and the message when one is missing.

    `your` and `you` are the words for the applicant: "your"/"you" when they fill the form in,
    "their"/"them" when staff record it for them.
    """
    otherwise = f", or choose another way to contact {you}"
    return {
        ContactMethod.EMAIL: (("applicant_email", f"Enter {your} email address{otherwise}"),),
        ContactMethod.PHONE: (("applicant_phone", f"Enter {your} phone number{otherwise}"),),
        ContactMethod.TEXT: (("applicant_phone", f"Enter {your} mobile number{otherwise}"),),
        ContactMethod.POST: (
            ("applicant_address", f"Enter {your} postal address{otherwise}"),
            ("applicant_postcode", f"Enter {your} postcode{otherwise}"),
        ),
    }


class ContactForm(forms.Form):
    """How to reach the applicant, and what they need to take part on equal terms."""

    applicant_name = forms.CharField(
        label=_("Full name"),
        max_length=model_max_length(Case, "applicant_name"),
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your full name"),
            "max_length": _("Your name must be %(limit_value)d characters or fewer"),
        },
    )
    applicant_email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We will send a private link to follow your application to this address"),
        max_length=model_max_length(Case, "applicant_email"),
        required=False,
        widget=text_input(input_type="email", autocomplete="email", spellcheck="false"),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("The email address must be %(limit_value)d characters or fewer"),
        },
    )
    applicant_phone = forms.CharField(
        label=_("Phone number"),
        help_text=_(
            "Needed if you want us to phone you. For international numbers include the country code"
        ),
        max_length=model_max_length(Case, "applicant_phone"),
        required=False,
        widget=text_input(input_type="tel", autocomplete="tel"),
        error_messages={
            "max_length": _("The phone number must be %(limit_value)d characters or fewer"),
        },
    )
    applicant_address = forms.CharField(
        label=_("Postal address"),
        help_text=_("Needed if you want us to write to you"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        error_messages={
            "max_length": _("The address must be %(limit_value)d characters or fewer"),
        },
    )
    applicant_postcode = forms.CharField(
        label=_("Postcode"),
        max_length=model_max_length(Case, "applicant_postcode"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
        error_messages={
            "max_length": _("Enter a real postcode"),
        },
    )
    contact_method = forms.ChoiceField(
        label=_("How should we contact you?"),
        widget=forms.RadioSelect,
        choices=ContactMethod.choices,
        error_messages={
            "required": _("Select how we should contact you"),
            "invalid_choice": _("Select how we should contact you"),
        },
    )
    adjustments = forms.MultipleChoiceField(
        label=_("Do you need any of these to take part? (optional)"),
        help_text=_("Select all that apply"),
        widget=forms.CheckboxSelectMultiple,
        choices=Adjustment.CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Select what you need from the list")},
    )
    adjustments_details = forms.CharField(
        label=_("Tell us more about what you need (optional)"),
        help_text=_("For example, which language you need, or anything else that would help"),
        max_length=500,
        required=False,
        error_messages={
            "max_length": _("What you need must be %(limit_value)d characters or fewer"),
        },
    )

    # The contact method, the detail it needs, and the message when that detail is missing:
    # whole sentences, so that each can be translated (issue #19).
    NEEDED_FOR = {
        ContactMethod.EMAIL: (
            (
                "applicant_email",
                _("Enter your email address, or choose another way to contact you"),
            ),
        ),
        ContactMethod.PHONE: (
            ("applicant_phone", _("Enter your phone number, or choose another way to contact you")),
        ),
        ContactMethod.TEXT: (
            (
                "applicant_phone",
                _("Enter your mobile number, or choose another way to contact you"),
            ),
        ),
        ContactMethod.POST: (
            (
                "applicant_address",
                _("Enter your postal address, or choose another way to contact you"),
            ),
            ("applicant_postcode", _("Enter your postcode, or choose another way to contact you")),
        ),
    }

    LANGUAGE_NEEDED = _("Enter the language you need")
    OTHER_NEED_NEEDED = _("Enter what else you need")

    NO_TEXTS = _("Text messages are not available in this area.")

    def __init__(self, *args, texts: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not texts:
            # The area sends no texts (GOV.UK Notify is not set up for them): not offered.
            method = self.fields["contact_method"]
            method.choices = [c for c in method.choices if c[0] != ContactMethod.TEXT]
            method.help_text = self.NO_TEXTS
        self.helper = gds_helper(
            Field.text("applicant_name", field_width=Fluid.TWO_THIRDS),
            Field.text("applicant_email", field_width=Fluid.TWO_THIRDS),
            Field.text("applicant_phone", field_width=Fixed.TWENTY),
            Field.textarea("applicant_address", rows=3),
            Field.text("applicant_postcode", field_width=Fixed.TEN),
            Field.radios("contact_method", legend_size=Size.MEDIUM),
            Field.checkboxes("adjustments", legend_size=Size.MEDIUM),
            Field.text("adjustments_details", field_width=Fluid.TWO_THIRDS),
            Button("continue", _("Continue")),
        )

    def clean_applicant_email(self):
        return self.cleaned_data["applicant_email"].lower()

    def clean_applicant_phone(self):
        phone = self.cleaned_data["applicant_phone"]
        if phone and not PHONE_NUMBER.match(phone):
            raise ValidationError(
                _("Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")
            )
        return phone

    def clean_applicant_postcode(self):
        postcode = " ".join(self.cleaned_data["applicant_postcode"].upper().split())
        if postcode and not UK_POSTCODE.match(postcode):
            raise ValidationError(_("Enter a real postcode"))
        return postcode

    def clean(self):
        data = super().clean()
        for name, message in self.NEEDED_FOR.get(data.get("contact_method"), ()):
            if name in data and not data[name]:
                self.add_error(name, message)
        needs = set(data.get("adjustments") or ())
        if not data.get("adjustments_details"):
            if Adjustment.INTERPRETER in needs:
                self.add_error("adjustments_details", self.LANGUAGE_NEEDED)
            elif Adjustment.OTHER in needs:
                self.add_error("adjustments_details", self.OTHER_NEED_NEEDED)
        return data

    def adjustments_text(self) -> str:
        """The needs as one sentence for the case record, which keeps them as free text.

        In English whatever the page's language: staff read the record (issue #19)."""
        with translation.override("en"):
            return self.adjustments_words()

    def adjustments_words(self) -> str:
        """The needs as one sentence in the page's language, as the check page shows them."""
        labels = dict(Adjustment.CHOICES)
        needs = [str(labels[need]) for need in self.cleaned_data["adjustments"]]
        details = self.cleaned_data["adjustments_details"]
        more = [_("Details: %(details)s") % {"details": details}] if details else []
        return "; ".join([*needs, *more])

    def application_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "applicant_name": data["applicant_name"],
            "applicant_email": data["applicant_email"],
            "applicant_phone": data["applicant_phone"],
            "applicant_address": data["applicant_address"],
            "applicant_postcode": data["applicant_postcode"],
            "contact_method": data["contact_method"],
            "adjustments": self.adjustments_text(),
        }
