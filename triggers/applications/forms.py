"""The questions of an application for a case review, one form per page.

Each form knows nothing of the request or the session. The public journey
(`views.py`) binds them to the answers it keeps in the session; a member of
staff recording an application by phone, on paper or in person can bind the same forms to
what they type. Each form turns its answers into the words of `triggers.services`
(`ApplicationData` fields, or one `ComplaintData`), so every channel builds an application
the same way.
"""

from __future__ import annotations

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button, Field, Fieldset, Fluid, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from agencies.models import Area
from triggers.fields import DateField, model_max_length
from triggers.models import Case, ConsentHow

# Long answers: generous, but bounded so that a pasted novel cannot fill the database.
LONG_ANSWER = 5000
# Above this many areas a list of radios is too long to scan; a select is used instead.
MAX_AREA_RADIOS = 12

SOMEONE_ELSE = "other"
DIFFERENT_INCIDENT = "no"


# --- Where -------------------------------------------------------------------------------


class AreaForm(forms.Form):
    """Which council area the behaviour happens in: that area's agencies review it."""

    area = forms.ModelChoiceField(
        label=_("Which council area does the anti-social behaviour happen in?"),
        help_text=_(
            "This is the area where the behaviour happens, not where you live, if these "
            "are different."
        ),
        queryset=Area.objects.none(),
        to_field_name="slug",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the council area where the anti-social behaviour happens"),
            "invalid_choice": _(
                "Select the council area where the anti-social behaviour happens from the list"
            ),
        },
    )

    def __init__(self, *args, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Area.objects.order_by("name") if areas is None else areas
        field = self.fields["area"]
        field.queryset = areas
        if areas.count() > MAX_AREA_RADIOS:
            field.empty_label = _("Choose an area")
            field.widget = forms.Select(choices=field.choices)
            layout = Field.select("area")
        else:
            layout = Field.radios("area", legend_size=Size.MEDIUM)
        self.helper = gds_helper(layout, Button("continue", _("Continue")))

    def application_fields(self) -> dict:
        """The area is not part of `ApplicationData`: it is the tenant the case belongs to."""
        return {}


# --- Who ---------------------------------------------------------------------------------


class WhoForm(forms.Form):
    """Whether the applicant is the victim, or applies for someone else (s104(1))."""

    MYSELF = "myself"
    SOMEONE_ELSE = "someone_else"

    applying_for = forms.ChoiceField(
        label=_("Who are you applying for?"),
        widget=forms.RadioSelect,
        choices=(
            Choice(
                MYSELF, _("Myself"), hint=_("The behaviour affects me, my family or my business")
            ),
            Choice(
                SOMEONE_ELSE,
                _("Someone else"),
                hint=_(
                    "For example, a relative, a neighbour, a constituent or someone you "
                    "support at work"
                ),
            ),
        ),
        error_messages={
            "required": _("Select who you are applying for"),
            "invalid_choice": _("Select who you are applying for"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("applying_for", legend_size=Size.LARGE, legend_tag="h1"),
            Button("continue", _("Continue")),
        )

    def application_fields(self) -> dict:
        return {"on_behalf": self.cleaned_data["applying_for"] == self.SOMEONE_ELSE}


class OnBehalfForm(forms.Form):
    """Who the victim is, and their agreement: nobody may apply for a victim without it."""

    victim_name = forms.CharField(
        label=_("Full name of the person you are applying for"),
        max_length=model_max_length(Case, "victim_name"),
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        error_messages={
            "required": _("Enter the full name of the person you are applying for"),
            "max_length": _("The name must be %(limit_value)d characters or fewer"),
        },
    )
    relationship = forms.CharField(
        label=_("Your relationship to them"),
        help_text=_(
            "For example, their daughter, their neighbour, their councillor or their support worker"
        ),
        max_length=model_max_length(Case, "relationship"),
        error_messages={
            "required": _("Enter your relationship to the person you are applying for"),
            "max_length": _("Your relationship must be %(limit_value)d characters or fewer"),
        },
    )
    organisation = forms.CharField(
        label=_("Your organisation (optional)"),
        help_text=_(
            "If you are applying as part of your work, for example for a housing "
            "provider, a charity or an MP's office"
        ),
        max_length=model_max_length(Case, "organisation"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={
            "max_length": _("The organisation must be %(limit_value)d characters or fewer"),
        },
    )
    victim_consent = forms.BooleanField(
        label=_("Making this application for them"),
        help_text=_(
            "We cannot accept an application for someone without their agreement. If "
            "they cannot give it, contact the council's case review contact to talk about it."
        ),
        error_messages={
            "required": _(
                "Confirm that the person you are applying for has agreed to this application"
            ),
        },
    )
    victim_consent_share = forms.BooleanField(
        label=_("Sharing their information with the agencies that take part in case reviews"),
        help_text=_("Every application goes to all of them, by law."),
        error_messages={
            "required": _(
                "Confirm that the person you are applying for has agreed to their "
                "information being shared with the agencies"
            ),
        },
    )
    victim_consent_contact = forms.BooleanField(
        label=_("Being contacted by us about the case review (optional)"),
        help_text=_("If they have not, we will write only to you."),
        required=False,
    )
    victim_consent_how = forms.ChoiceField(
        label=_("How did they give their agreement?"),
        widget=forms.RadioSelect,
        choices=ConsentHow.choices,
        error_messages={
            "required": _("Select how the person you are applying for gave their agreement"),
            "invalid_choice": _("Select how the person you are applying for gave their agreement"),
        },
    )
    victim_consent_on = DateField(
        what=_("the date they gave their agreement"),
        label=_("When did they give it?"),
        help_text=_("For example, 27 3 2026"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("victim_name", field_width=Fluid.TWO_THIRDS),
            Field.text("relationship", field_width=Fluid.TWO_THIRDS),
            Field.text("organisation", field_width=Fluid.TWO_THIRDS),
            Fieldset(
                Field.checkbox("victim_consent"),
                Field.checkbox("victim_consent_share"),
                Field.checkbox("victim_consent_contact"),
                legend=_("What they have agreed to"),
                legend_size=Size.MEDIUM,
            ),
            Field.radios("victim_consent_how", legend_size=Size.SMALL),
            Field("victim_consent_on"),
            Button("continue", _("Continue")),
        )

    def application_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "victim_name",
                "relationship",
                "organisation",
                "victim_consent",
                "victim_consent_share",
                "victim_consent_contact",
                "victim_consent_how",
                "victim_consent_on",
            )
        }


# --- Impact ------------------------------------------------------------------------------


class ImpactForm(forms.Form):
    """What the behaviour does to the victim and what would put it right."""

    others_affected = forms.CharField(
        label=_("Is anyone else affected? (optional)"),
        help_text=_("For example, other people in the household, neighbours or a business"),
        max_length=LONG_ANSWER,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Who else is affected must be %(limit_value)d characters or fewer")
        },
    )
    impact = forms.CharField(
        label=_("How has the behaviour affected you?"),
        help_text=_(
            "For example, on your health, your sleep, your work, your children or "
            "your feeling of safety at home"
        ),
        max_length=LONG_ANSWER,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Enter how the behaviour has affected you"),
            "max_length": _(
                "How the behaviour has affected you must be %(limit_value)d characters or fewer"
            ),
        },
    )
    desired_outcome = forms.CharField(
        label=_("What would a good result look like to you?"),
        help_text=_("Tell us what you would like the agencies to do"),
        max_length=LONG_ANSWER,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Enter what a good result would look like"),
            "max_length": _(
                "What a good result would look like must be %(limit_value)d characters or fewer"
            ),
        },
    )
    behaviour_location = forms.CharField(
        label=_("Where does the behaviour happen? (optional)"),
        help_text=_("For example, a street, an estate, a park or a block of flats"),
        max_length=model_max_length(Case, "behaviour_location"),
        required=False,
        error_messages={
            "max_length": _(
                "Where the behaviour happens must be %(limit_value)d characters or fewer"
            )
        },
    )

    def __init__(self, *args, on_behalf: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if on_behalf:
            self.fields["impact"].label = _(
                "How has the behaviour affected the person you are applying for?"
            )
            self.fields["impact"].error_messages["required"] = _(
                "Enter how the behaviour has affected the person you are applying for"
            )
            self.fields["impact"].help_text = _(
                "For example, on their health, their sleep, their work, their children or "
                "their feeling of safety at home"
            )
            self.fields["desired_outcome"].label = _("What would a good result look like to them?")
        self.helper = gds_helper(
            Field.textarea("impact", rows=5, max_characters=LONG_ANSWER, threshold=75),
            Field.textarea("desired_outcome", rows=5, max_characters=LONG_ANSWER, threshold=75),
            Field.textarea("others_affected", rows=3, max_characters=LONG_ANSWER, threshold=75),
            Field.text("behaviour_location", field_width=Fluid.TWO_THIRDS),
            Button("continue", _("Continue")),
            label_size=Size.MEDIUM,
        )

    def application_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("others_affected", "impact", "desired_outcome", "behaviour_location")
        }


# --- Buttons without questions -----------------------------------------------------------


class ActionForm(forms.Form):
    """A form with no questions: one button whose POST is protected like any other.

    Pages that only confirm something (continue past the list of reports, remove a report,
    send the application) use it, so their errors reach the page as the form's errors.
    """

    def __init__(self, *args, button: str | None = None, warning: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        button = _("Continue") if button is None else button
        make = Button.warning if warning else Button.primary
        self.helper = gds_helper(make("submit", button, data_prevent_double_click="true"))
