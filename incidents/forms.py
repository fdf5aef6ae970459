"""The incident feed's forms: the upload, and matching a body's columns to ours."""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper

from . import schema
from .services import MAX_CSV_BYTES


class UploadForm(forms.Form):
    membership = forms.ChoiceField(
        label=_("Which area are these records for?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the area the records are for")},
    )
    file = forms.FileField(
        label=_("Upload a CSV file"),
        help_text=format_lazy(
            _(
                "A .csv file saved as UTF-8, smaller than {size}MB, with a header row. "
                "The columns are described in the incident feed guide."
            ),
            size=MAX_CSV_BYTES // 1024 // 1024,
        ),
        error_messages={"required": _("Choose a CSV file to upload")},
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {str(m.pk): m for m in targets}
        self.fields["membership"].choices = [
            (key, gettext("%(area)s (as %(body)s)") % {"area": m.area.name, "body": m.agency.name})
            for key, m in self.targets.items()
        ]
        self.helper = gds_helper(
            Field.radios("membership", small=True),
            Field("file"),
            Button("submit", gettext("Upload and continue")),
        )

    def clean_membership(self):
        return self.targets[self.cleaned_data["membership"]]


class MappingForm(forms.Form):
    """Our columns, each with the body's header that holds it (remembered for next time)."""

    NOT_SENT = ""

    def __init__(self, *args, headers=(), initial_mapping=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(self.NOT_SENT, gettext("Not in this file")), *((h, h) for h in headers)]
        for column in schema.COLUMNS:
            self.fields[column.name] = forms.ChoiceField(
                label=column.shown
                if column.required
                else gettext("%(column)s (optional)") % {"column": column.shown},
                choices=choices,
                required=column.required,
                initial=(initial_mapping or {}).get(column.name, self.NOT_SENT),
                error_messages={
                    "required": gettext("Choose the column that holds %(column)s")
                    % {"column": column.shown.lower()}
                },
            )
        self.helper = gds_helper(
            *(Field(c.name) for c in schema.COLUMNS),
            Button("submit", gettext("Import the records")),
        )

    def mapping(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v}


class ThresholdForm(forms.Form):
    """The area admin's linking threshold; its bounds are checked again by the service."""

    threshold = forms.DecimalField(
        label=_("Threshold (a match probability)"),
        help_text=_("Between 0.80 and 0.99. Higher links fewer records: only the surest."),
        max_digits=4,
        decimal_places=3,
        error_messages={
            "required": _("Enter the threshold"),
            "invalid": _("Enter the threshold as a number, like 0.95"),
            "max_digits": _("Enter the threshold with at most 3 decimal places, like 0.95"),
            "max_decimal_places": _("Enter the threshold with at most 3 decimal places, like 0.95"),
        },
    )
    reason = forms.CharField(
        label=_("Why are you changing it?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why you are changing the threshold")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("threshold", css_class="govuk-input--width-5"),
            Field("reason"),
            Button("submit", gettext("Save the threshold")),
        )
