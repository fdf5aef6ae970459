"""Forms of the print queue: choosing letters (to print, or to mark posted with the date of
posting) and giving an address to a letter that could not be sent."""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.fields import DateField, model_max_length
from triggers.models import Case


class ChooseLettersForm(forms.Form):
    """The letters ticked in the queue; `choices` are the ids of the queue's letters."""

    delivery = forms.TypedMultipleChoiceField(
        coerce=int,
        label=_("Letters"),
        error_messages={
            "required": _("Select the letters"),
            "invalid_choice": _("A letter you selected is no longer in the print queue"),
        },
    )
    posted_on = DateField(
        what=_("the date of posting"),
        label=_("Date of posting"),
        help_text=_("Leave empty if the letters were posted today."),
        required=False,
    )

    def __init__(self, *args, queue_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delivery"].choices = [(pk, pk) for pk in queue_ids]
        self.helper = gds_helper(Field("posted_on"))


class AddressForm(forms.Form):
    address = forms.CharField(
        label=_("Address"),
        help_text=_("Each line of the address on its own line, without the postcode."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        error_messages={"required": _("Enter the address")},
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=model_max_length(Case, "applicant_postcode"),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        error_messages={"required": _("Enter the postcode")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("address"),
            Field.text("postcode", field_width=10),
            Button("submit", _("Add the address")),
            label_size=Size.SMALL,
        )

    def clean_address(self):
        address = self.cleaned_data["address"].strip()
        if not address:
            raise forms.ValidationError(_("Enter the address"))
        return address
