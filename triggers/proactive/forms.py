"""The officer's forms on a possible case review: offer it, dismiss it, start the case."""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.fields import DateField
from triggers.models import ConsentHow, ContactMethod, Language, PossibleReview
from triggers.proactive.services import Agreement, Offer

OFFER_WAYS = [
    (ContactMethod.EMAIL, _("Email")),
    (ContactMethod.TEXT, _("Text message")),
    (ContactMethod.POST, _("Letter by post")),
]


class OfferForm(forms.Form):
    via = forms.ChoiceField(
        label=_("How will you offer the review?"),
        widget=forms.RadioSelect,
        choices=OFFER_WAYS,
        error_messages={"required": _("Choose how to offer the review")},
    )
    language = forms.ChoiceField(
        label=_("In which language?"),
        widget=forms.RadioSelect,
        choices=Language.choices,
        initial=Language.ENGLISH,
        error_messages={"required": _("Choose the language to write in")},
    )
    email = forms.EmailField(label=_("Email address"), required=False)
    phone = forms.CharField(label=_("Mobile number"), required=False, max_length=40)
    address = forms.CharField(
        label=_("Postal address"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=10)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("via", small=True),
            Field.radios("language", small=True, inline=True),
            Field.text("email"),
            Field.text("phone", field_width=20),
            Field.textarea("address"),
            Field.text("postcode", field_width=10),
            Button("submit", gettext("Send the offer")),
        )

    def offer(self) -> Offer:
        return Offer(**self.cleaned_data)


class DismissForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is no review offered?"),
        widget=forms.RadioSelect,
        choices=PossibleReview.DismissalReason.choices,
        error_messages={"required": _("Choose why it is dismissed")},
    )
    details = forms.CharField(
        label=_("Details"),
        help_text=_("Needed for another reason."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("reason", small=True),
            Field.textarea("details"),
            Button("submit", gettext("Dismiss"), css_class="govuk-button--warning"),
        )


class AgreementForm(forms.Form):
    victim_name = forms.CharField(label=_("The victim's full name"), max_length=120)
    consent_how = forms.ChoiceField(
        label=_("How did they agree to the review?"),
        widget=forms.RadioSelect,
        choices=[c for c in ConsentHow.choices if c[0] != ConsentHow.FORM],
        error_messages={"required": _("Choose how they agreed")},
    )
    consent_on = DateField(what=_("the date they agreed"), label=_("When did they agree?"))
    contact_method = forms.ChoiceField(
        label=_("How do they want to be contacted?"),
        widget=forms.RadioSelect,
        choices=[c for c in ContactMethod.choices if c[0] != ContactMethod.TEXT],
        error_messages={"required": _("Choose how they want to be contacted")},
    )
    email = forms.EmailField(label=_("Email address"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    address = forms.CharField(
        label=_("Postal address"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=10)
    language = forms.ChoiceField(
        label=_("Their language"),
        widget=forms.RadioSelect,
        choices=Language.choices,
        initial=Language.ENGLISH,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("victim_name"),
            Field.radios("consent_how", small=True),
            Field("consent_on"),
            Field.radios("contact_method", small=True),
            Field.text("email"),
            Field.text("phone", field_width=20),
            Field.textarea("address"),
            Field.text("postcode", field_width=10),
            Field.radios("language", small=True, inline=True),
            Button("submit", gettext("Start the case")),
        )

    def clean(self):
        data = super().clean()
        method = data.get("contact_method")
        if method == ContactMethod.EMAIL and not data.get("email"):
            self.add_error("email", gettext("Enter their email address, or choose another way"))
        if method == ContactMethod.POST and not (data.get("address") or "").strip():
            self.add_error("address", gettext("Enter their postal address, or choose another way"))
        if method == ContactMethod.PHONE and not data.get("phone"):
            self.add_error("phone", gettext("Enter their phone number, or choose another way"))
        return data

    def agreement(self) -> Agreement:
        return Agreement(**self.cleaned_data)
