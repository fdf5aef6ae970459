from crispy_forms_gds.layout import Button, Field, Size
from django import forms
from django.utils import timezone

from agencies.forms import gds_helper

from .periods import Period, financial_year, financial_year_of, financial_years_until


def year_choices(*, ended_only: bool = False) -> list[tuple[str, str]]:
    today = timezone.localdate()
    years = financial_years_until(today)
    if ended_only:
        years = [y for y in years if y.end < today]
    return [(str(y.start.year), y.label) for y in years]


class YearForm(forms.Form):
    """The dashboard's choice of financial year. A GET form: a bad value falls back to the
    current year."""

    year = forms.ChoiceField(
        label="Financial year",
        error_messages={"invalid_choice": "Choose a year from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()
        self.helper = gds_helper(Field.select("year"), Button.secondary("show", "Show figures"))
        self.helper.disable_csrf = True

    def period(self) -> Period:
        if self.is_bound and self.is_valid():
            return financial_year(int(self.cleaned_data["year"]))
        return financial_year_of(timezone.localdate())


class PublishForm(forms.Form):
    """An area admin chooses a financial year that has ended, to publish its figures."""

    year = forms.ChoiceField(
        label="Which year's figures do you want to publish?",
        error_messages={
            "required": "Choose the year to publish",
            "invalid_choice": "Choose a year from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(ended_only=True)
        self.helper = gds_helper(
            Field.select("year"), Button("publish", "Publish these figures"), label_size=Size.MEDIUM
        )

    def period(self) -> Period:
        return financial_year(int(self.cleaned_data["year"]))
