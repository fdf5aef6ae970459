"""Forms of the print queue: choosing letters (to print, or to mark posted with the date of
posting) and giving an address to a letter that could not be sent."""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field, Size
from django import forms

from agencies.forms import gds_helper
from triggers.fields import DateField, model_max_length
from triggers.models import Case


class ChooseLettersForm(forms.Form):
    """The letters ticked in the queue; `choices` are the ids of the queue's letters."""

    delivery = forms.TypedMultipleChoiceField(
        coerce=int,
        label="Letters",
        error_messages={
            "required": "Select the letters",
            "invalid_choice": "A letter you selected is no longer in the print queue",
        },
    )
    posted_on = DateField(
        what="the date of posting",
        label="Date of posting",
        help_text="Leave empty if the letters were posted today.",
        required=False,
    )

    def __init__(self, *args, queue_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delivery"].choices = [(pk, pk) for pk in queue_ids]
        self.helper = gds_helper(Field("posted_on"))


class AddressForm(forms.Form):
    address = forms.CharField(
        label="Address",
        help_text="Each line of the address on its own line, without the postcode.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        error_messages={"required": "Enter the address"},
    )
    postcode = forms.CharField(
        label="Postcode",
        max_length=model_max_length(Case, "applicant_postcode"),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        error_messages={"required": "Enter the postcode"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("address"),
            Field.text("postcode", field_width=10),
            Button("submit", "Add the address"),
            label_size=Size.SMALL,
        )

    def clean_address(self):
        address = self.cleaned_data["address"].strip()
        if not address:
            raise forms.ValidationError("Enter the address")
        return address
