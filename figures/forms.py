from crispy_forms_gds.layout import Button, Field, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper

from .labels import period_label
from .periods import FINANCIAL, Period, year, year_of, years_until


def year_choices(kind: str = FINANCIAL, *, ended_only: bool = False) -> list[tuple[str, str]]:
    today = timezone.localdate()
    years = years_until(today, kind)
    if ended_only:
        years = [y for y in years if y.end < today]

    return [(str(y.start.year), f"{y.name} ({period_label(y)})") for y in years]


class YearForm(forms.Form):
    """The dashboard's choice of year (financial or calendar, as the areas publish). A GET
    form: a bad value falls back to the current year."""

    year = forms.ChoiceField(
        label=_("Financial year"),
        error_messages={"invalid_choice": _("Choose a year from the list")},
    )

    def __init__(self, *args, kind: str = FINANCIAL, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["year"].choices = year_choices(kind)
        if kind != FINANCIAL:
            self.fields["year"].label = _("Year")
        self.helper = gds_helper(Field.select("year"), Button.secondary("show", _("Show figures")))
        self.helper.disable_csrf = True

    def options(self) -> list[tuple[str, str, bool]]:
        """The years offered, and whether each is the one chosen (a bad value is an error, and
        the form is then drawn through crispy-forms, with its message)."""
        chosen = self.data.get("year") if self.is_bound else None
        return [(value, label, value == chosen) for value, label in self.fields["year"].choices]

    def period(self) -> Period:
        if self.is_bound and self.is_valid():
            return year(int(self.cleaned_data["year"]), self.kind)
        return year_of(timezone.localdate(), self.kind)


class PublishForm(forms.Form):
    """An area admin chooses a year that has ended (of the kind the area publishes by)."""

    year = forms.ChoiceField(
        label=_("Which year's figures do you want to publish?"),
        error_messages={
            "required": _("Choose the year to publish"),
            "invalid_choice": _("Choose a year from the list"),
        },
    )

    def __init__(self, *args, kind: str = FINANCIAL, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["year"].choices = year_choices(kind, ended_only=True)
        self.helper = gds_helper(
            Field.select("year"),
            Button("publish", _("Publish these figures")),
            label_size=Size.MEDIUM,
        )

    def period(self) -> Period:
        return year(int(self.cleaned_data["year"]), self.kind)
