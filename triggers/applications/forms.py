"""The questions of an application for a case review, one form per page.

Each form knows nothing of the request or the session. The public journey
(`triggers/apply_views.py`) binds them to the answers it keeps in the session; a member of
staff recording an application by phone, on paper or in person can bind the same forms to
what they type. Each form turns its answers into the words of `triggers.services`
(`ApplicationData` fields, or one `ComplaintData`), so every channel builds an application
the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button, Field, Fieldset, Fixed, Fluid, Size
from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateformat import format as format_date

from agencies.forms import gds_helper
from agencies.models import Agency, Area
from triggers.models import Case, Complaint, ContactMethod
from triggers.services import ComplaintData

# Long answers: generous, but bounded so that a pasted novel cannot fill the database.
LONG_ANSWER = 5000
# Above this many areas a list of radios is too long to scan; a select is used instead.
MAX_AREA_RADIOS = 12

SOMEONE_ELSE = "other"
DIFFERENT_INCIDENT = "no"
YES, NO = "yes", "no"


def _max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def text_input(**attrs) -> forms.TextInput:
    """A text input of another HTML type (email, tel) that crispy-forms-gds still styles.

    crispy-forms-gds adds the error class only to TextInput, Select and Textarea widgets, and
    swaps in `input_type` itself, so an email or phone box stays a TextInput underneath.
    """
    return forms.TextInput(attrs=attrs)


# --- Dates -------------------------------------------------------------------------------


class DateWidget(DateInputWidget):
    """The GOV.UK date input: day, month and year boxes, with a numeric keypad on phones."""

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs)
        for widget in self.widgets:
            widget.attrs["inputmode"] = "numeric"


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK error messages.

    `what` names the date in the messages ("the date of the incident"), so that the error
    summary tells the user which of several dates on a page needs fixing. Dates in the future
    are refused: nothing in an application can have happened yet.

    Errors about a missing part are attached to that part's box (crispy-forms-gds reads them
    from the sub-field's widget), so the error summary links to it; errors about the whole
    date mark all three boxes.
    """

    widget = DateWidget
    PARTS = ("day", "month", "year")

    def __init__(self, *, what: str, **kwargs):
        self.what = what
        self.today: date | None = None
        parts = tuple(forms.CharField(max_length=4, required=False) for _ in self.PARTS)
        super().__init__(fields=parts, require_all_fields=False, **kwargs)

    @property
    def sentence_start(self) -> str:
        return self.what[0].upper() + self.what[1:]

    def clean(self, value):
        day, month, year = self._parts(value)
        for part in self.fields:
            part.widget.errors = []
        if not (day or month or year):
            if self.required:
                raise ValidationError(f"Enter {self.what}", code="required")
            return None
        parts = zip(self.PARTS, (day, month, year), strict=True)
        missing = [name for name, part in parts if not part]
        if missing:
            message = f"{self.sentence_start} must include a {' and '.join(missing)}"
            self.fields[self.PARTS.index(missing[0])].widget.errors.append(message)
            raise ValidationError(message, code="incomplete")
        typed = self._to_date(day, month, year)
        if typed > (self.today or timezone.localdate()):
            raise ValidationError(
                f"{self.sentence_start} must be today or in the past", code="future"
            )
        return typed

    def _parts(self, value) -> tuple[str, str, str]:
        if isinstance(value, date):
            return str(value.day), str(value.month), str(value.year)
        values = list(value) if isinstance(value, list | tuple) else []
        values = [*values, "", "", ""][:3]
        return tuple(str(v or "").strip() for v in values)

    def _to_date(self, day: str, month: str, year: str) -> date:
        not_real = ValidationError(f"{self.sentence_start} must be a real date", code="invalid")
        numbers = re.fullmatch(r"[0-9]{1,2}", day) and re.fullmatch(r"[0-9]{1,2}", month)
        if not numbers or not re.fullmatch(r"[0-9]{4}", year) or int(year) < 1900:
            raise not_real
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise not_real from None

    def compress(self, data_list):  # clean() builds the date itself
        return None


# --- Where -------------------------------------------------------------------------------


class AreaForm(forms.Form):
    """Which council area the behaviour happens in: that area's agencies review it."""

    area = forms.ModelChoiceField(
        label="Which council area does the anti-social behaviour happen in?",
        help_text="This is the area where the behaviour happens, not where you live, if these "
        "are different.",
        queryset=Area.objects.none(),
        to_field_name="slug",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the council area where the anti-social behaviour happens",
            "invalid_choice": "Select the council area where the anti-social behaviour "
            "happens from the list",
        },
    )

    def __init__(self, *args, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Area.objects.order_by("name") if areas is None else areas
        field = self.fields["area"]
        field.queryset = areas
        if areas.count() > MAX_AREA_RADIOS:
            field.empty_label = "Choose an area"
            field.widget = forms.Select(choices=field.choices)
            layout = Field.select("area")
        else:
            layout = Field.radios("area", legend_size=Size.MEDIUM)
        self.helper = gds_helper(layout, Button("continue", "Continue"))

    def application_fields(self) -> dict:
        """The area is not part of `ApplicationData`: it is the tenant the case belongs to."""
        return {}


# --- Who ---------------------------------------------------------------------------------


class WhoForm(forms.Form):
    """Whether the applicant is the victim, or applies for someone else (s104(1))."""

    MYSELF = "myself"
    SOMEONE_ELSE = "someone_else"

    applying_for = forms.ChoiceField(
        label="Who are you applying for?",
        widget=forms.RadioSelect,
        choices=(
            Choice(MYSELF, "Myself", hint="The behaviour affects me, my family or my business"),
            Choice(
                SOMEONE_ELSE,
                "Someone else",
                hint="For example, a relative, a neighbour, a constituent or someone you "
                "support at work",
            ),
        ),
        error_messages={
            "required": "Select who you are applying for",
            "invalid_choice": "Select who you are applying for",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("applying_for", legend_size=Size.LARGE, legend_tag="h1"),
            Button("continue", "Continue"),
        )

    def application_fields(self) -> dict:
        return {"on_behalf": self.cleaned_data["applying_for"] == self.SOMEONE_ELSE}


class OnBehalfForm(forms.Form):
    """Who the victim is, and their agreement: nobody may apply for a victim without it."""

    victim_name = forms.CharField(
        label="Full name of the person you are applying for",
        max_length=_max_length(Case, "victim_name"),
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        error_messages={
            "required": "Enter the full name of the person you are applying for",
            "max_length": "The name must be %(limit_value)d characters or fewer",
        },
    )
    relationship = forms.CharField(
        label="Your relationship to them",
        help_text="For example, their daughter, their neighbour, their councillor or their "
        "support worker",
        max_length=_max_length(Case, "relationship"),
        error_messages={
            "required": "Enter your relationship to the person you are applying for",
            "max_length": "Your relationship must be %(limit_value)d characters or fewer",
        },
    )
    organisation = forms.CharField(
        label="Your organisation (optional)",
        help_text="If you are applying as part of your work, for example for a housing "
        "provider, a charity or an MP's office",
        max_length=_max_length(Case, "organisation"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={
            "max_length": "The organisation must be %(limit_value)d characters or fewer",
        },
    )
    victim_consent = forms.BooleanField(
        label="The person I am applying for has agreed to this application",
        help_text="We cannot accept an application for someone without their agreement. If "
        "they cannot give it, contact the council's case review contact to talk about it.",
        error_messages={
            "required": "Confirm that the person you are applying for has agreed to this "
            "application",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("victim_name", field_width=Fluid.TWO_THIRDS),
            Field.text("relationship", field_width=Fluid.TWO_THIRDS),
            Field.text("organisation", field_width=Fluid.TWO_THIRDS),
            Fieldset(
                Field.checkbox("victim_consent"),
                legend="Their agreement",
                legend_size=Size.MEDIUM,
            ),
            Button("continue", "Continue"),
        )

    def application_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "victim_name": data["victim_name"],
            "relationship": data["relationship"],
            "organisation": data["organisation"],
            "victim_consent": data["victim_consent"],
        }


# --- One report of the behaviour ---------------------------------------------------------


class ComplaintForm(forms.Form):
    """One report of the behaviour to an agency: when it happened, when and to whom it went.

    `agencies` are the area's member agencies the user can pick from; `earlier_reports` are
    (id, label) pairs of the reports already given, so that a second report of the same
    incident to another agency can say so and be counted once (DOMAIN.md §4).
    """

    incident_date = DateField(
        what="the date of the incident",
        label="When did it happen?",
        help_text="If it went on for more than a day, give the date it last happened. For "
        "example, 27 3 2026",
    )
    description = forms.CharField(
        label="What happened?",
        help_text="Describe the behaviour: what was done or said, where, and by whom if you know.",
        max_length=LONG_ANSWER,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter what happened",
            "max_length": "What happened must be %(limit_value)d characters or fewer",
        },
    )
    reported_to = forms.ChoiceField(
        label="Who did you report it to?",
        help_text="If you do not know which organisation it was, choose 'Someone else' and "
        "tell us who you spoke to.",
        error_messages={
            "required": "Select who you reported it to",
            "invalid_choice": "Select who you reported it to from the list",
        },
    )
    reported_to_other = forms.CharField(
        label="If you chose 'Someone else', who did you report it to?",
        help_text="For example, your landlord, a housing officer, your MP or a local councillor",
        max_length=_max_length(Complaint, "reported_to_other"),
        required=False,
        error_messages={
            "max_length": "Who you reported it to must be %(limit_value)d characters or fewer"
        },
    )
    reported_date = DateField(
        what="the date you reported it",
        label="When did you report it?",
        help_text="For example, 28 3 2026",
    )
    reference_number = forms.CharField(
        label="Reference number (optional)",
        help_text="The crime, incident or case number you were given, if you have one",
        max_length=_max_length(Complaint, "reference_number"),
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        error_messages={
            "max_length": "The reference number must be %(limit_value)d characters or fewer"
        },
    )
    hate_related = forms.ChoiceField(
        label="Do you think it was targeted because of disability, race, religion, sexual "
        "orientation or transgender identity?",
        widget=forms.RadioSelect,
        choices=((YES, "Yes"), (NO, "No")),
        error_messages={
            "required": "Select yes if you think it was targeted because of disability, race, "
            "religion, sexual orientation or transgender identity",
            "invalid_choice": "Select yes or no",
        },
    )
    same_incident = forms.ChoiceField(
        label="Is this the same incident as one you have already told us about, reported to a "
        "different agency?",
        help_text="The same incident reported to several agencies counts as one report.",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether this is the same incident as a report you have "
            "already told us about",
            "invalid_choice": "Select a report from the list, or say it is a different incident",
        },
    )

    # Messages of the checks across fields, so that a form speaking to staff can reword them.
    OTHER_NEEDED = "Enter who you reported it to"
    REPORTED_BEFORE_INCIDENT = (
        "The date you reported it must be the same as or after the date of the incident"
    )

    def __init__(
        self,
        *args,
        agencies: Iterable[Agency] = (),
        earlier_reports: Sequence[tuple[str, str]] = (),
        today: date | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.agencies = {agency.slug: agency for agency in agencies}
        self.fields["reported_to"].choices = [
            ("", "Choose who you reported it to"),
            *((slug, agency.name) for slug, agency in self.agencies.items()),
            (SOMEONE_ELSE, "Someone else"),
        ]
        for name in ("incident_date", "reported_date"):
            self.fields[name].today = today
        if earlier_reports:
            choices = [Choice(report_id, label) for report_id, label in earlier_reports]
            choices[-1].divider = "or"
            self.fields["same_incident"].choices = [
                *choices,
                (DIFFERENT_INCIDENT, "No, this is a different incident"),
            ]
        else:
            del self.fields["same_incident"]
        self.helper = gds_helper(*self._layout())

    def _layout(self):
        layout = [
            Field("incident_date"),
            Field.textarea("description", rows=5, max_characters=LONG_ANSWER, threshold=75),
            Field.select("reported_to"),
            Field.text("reported_to_other", field_width=Fluid.TWO_THIRDS),
            Field("reported_date"),
            Field.text("reference_number", field_width=Fixed.TWENTY),
            Field.radios("hate_related"),
        ]
        if "same_incident" in self.fields:
            layout.append(Field.radios("same_incident"))
        return [*layout, Button("save", "Save and continue")]

    def clean(self):
        data = super().clean()
        if data.get("reported_to") == SOMEONE_ELSE and not data.get("reported_to_other"):
            self.add_error("reported_to_other", self.OTHER_NEEDED)
        incident, reported = data.get("incident_date"), data.get("reported_date")
        if incident and reported and reported < incident:
            self.add_error("reported_date", self.REPORTED_BEFORE_INCIDENT)
        return data

    @property
    def same_as(self) -> str:
        """The id of the earlier report of the same incident, or '' if it is a new incident."""
        chosen = self.cleaned_data.get("same_incident", DIFFERENT_INCIDENT)
        return "" if chosen == DIFFERENT_INCIDENT else chosen

    def complaint_data(self, incident_key: str = "") -> ComplaintData:
        data = self.cleaned_data
        agency = self.agencies.get(data["reported_to"])
        return ComplaintData(
            incident_date=data["incident_date"],
            reported_date=data["reported_date"],
            description=data["description"],
            reported_to=agency,
            reported_to_other="" if agency else data["reported_to_other"],
            reference_number=data["reference_number"],
            incident_key=incident_key,
            hate_related=data["hate_related"] == YES,
        )

    def summary(self) -> str:
        """A short description of the report, to pick it out of a list of reports."""
        data = self.complaint_data()
        who = data.reported_to.name if data.reported_to else data.reported_to_other
        return f"{format_date(data.incident_date, 'j F Y')}, reported to {who}"


# --- Impact ------------------------------------------------------------------------------


class ImpactForm(forms.Form):
    """What the behaviour does to the victim and what would put it right."""

    others_affected = forms.CharField(
        label="Is anyone else affected? (optional)",
        help_text="For example, other people in the household, neighbours or a business",
        max_length=LONG_ANSWER,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": "Who else is affected must be %(limit_value)d characters or fewer"
        },
    )
    impact = forms.CharField(
        label="How has the behaviour affected you?",
        help_text="For example, on your health, your sleep, your work, your children or "
        "your feeling of safety at home",
        max_length=LONG_ANSWER,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter how the behaviour has affected you",
            "max_length": "How the behaviour has affected you must be %(limit_value)d "
            "characters or fewer",
        },
    )
    desired_outcome = forms.CharField(
        label="What would a good result look like to you?",
        help_text="Tell us what you would like the agencies to do",
        max_length=LONG_ANSWER,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter what a good result would look like",
            "max_length": "What a good result would look like must be %(limit_value)d "
            "characters or fewer",
        },
    )
    behaviour_location = forms.CharField(
        label="Where does the behaviour happen? (optional)",
        help_text="For example, a street, an estate, a park or a block of flats",
        max_length=_max_length(Case, "behaviour_location"),
        required=False,
        error_messages={
            "max_length": "Where the behaviour happens must be %(limit_value)d characters or fewer"
        },
    )

    def __init__(self, *args, on_behalf: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if on_behalf:
            self.fields[
                "impact"
            ].label = "How has the behaviour affected the person you are applying for?"
            self.fields["impact"].error_messages["required"] = (
                "Enter how the behaviour has affected the person you are applying for"
            )
            self.fields["desired_outcome"].label = "What would a good result look like to them?"
        self.helper = gds_helper(
            Field.textarea("impact", rows=5, max_characters=LONG_ANSWER, threshold=75),
            Field.textarea("desired_outcome", rows=5, max_characters=LONG_ANSWER, threshold=75),
            Field.textarea("others_affected", rows=3, max_characters=LONG_ANSWER, threshold=75),
            Field.text("behaviour_location", field_width=Fluid.TWO_THIRDS),
            Button("continue", "Continue"),
            label_size=Size.MEDIUM,
        )

    def application_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("others_affected", "impact", "desired_outcome", "behaviour_location")
        }


# --- Contact -----------------------------------------------------------------------------

UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
PHONE_NUMBER = re.compile(r"^\+?[0-9 ()\-]{7,}$")


class Adjustment:
    INTERPRETER = "interpreter"
    BSL = "bsl"
    EASY_READ = "easy_read"
    LARGE_PRINT = "large_print"
    OTHER = "other"

    CHOICES = (
        (INTERPRETER, "An interpreter or translation into another language"),
        (BSL, "A British Sign Language (BSL) interpreter"),
        (EASY_READ, "Easy read letters and documents"),
        (LARGE_PRINT, "Large print letters and documents"),
        (OTHER, "Something else"),
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
        ContactMethod.POST: (
            ("applicant_address", f"Enter {your} postal address{otherwise}"),
            ("applicant_postcode", f"Enter {your} postcode{otherwise}"),
        ),
    }


class ContactForm(forms.Form):
    """How to reach the applicant, and what they need to take part on equal terms."""

    applicant_name = forms.CharField(
        label="Full name",
        max_length=_max_length(Case, "applicant_name"),
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your full name",
            "max_length": "Your name must be %(limit_value)d characters or fewer",
        },
    )
    applicant_email = forms.EmailField(
        label="Email address",
        help_text="We will send a private link to follow your application to this address",
        max_length=_max_length(Case, "applicant_email"),
        required=False,
        widget=text_input(input_type="email", autocomplete="email", spellcheck="false"),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "The email address must be %(limit_value)d characters or fewer",
        },
    )
    applicant_phone = forms.CharField(
        label="Phone number",
        help_text="Needed if you want us to phone you. For international numbers include the "
        "country code",
        max_length=_max_length(Case, "applicant_phone"),
        required=False,
        widget=text_input(input_type="tel", autocomplete="tel"),
        error_messages={
            "max_length": "The phone number must be %(limit_value)d characters or fewer",
        },
    )
    applicant_address = forms.CharField(
        label="Postal address",
        help_text="Needed if you want us to write to you",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        error_messages={
            "max_length": "The address must be %(limit_value)d characters or fewer",
        },
    )
    applicant_postcode = forms.CharField(
        label="Postcode",
        max_length=_max_length(Case, "applicant_postcode"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
        error_messages={
            "max_length": "Enter a real postcode",
        },
    )
    contact_method = forms.ChoiceField(
        label="How should we contact you?",
        widget=forms.RadioSelect,
        choices=ContactMethod.choices,
        error_messages={
            "required": "Select how we should contact you",
            "invalid_choice": "Select how we should contact you",
        },
    )
    adjustments = forms.MultipleChoiceField(
        label="Do you need any of these to take part? (optional)",
        help_text="Select all that apply",
        widget=forms.CheckboxSelectMultiple,
        choices=Adjustment.CHOICES,
        required=False,
        error_messages={"invalid_choice": "Select what you need from the list"},
    )
    adjustments_details = forms.CharField(
        label="Tell us more about what you need (optional)",
        help_text="For example, which language you need, or anything else that would help",
        max_length=500,
        required=False,
        error_messages={
            "max_length": "What you need must be %(limit_value)d characters or fewer",
        },
    )

    # The contact method, the detail it needs, and the message when that detail is missing.
    NEEDED_FOR = contact_details_needed(your="your", you="you")

    LANGUAGE_NEEDED = "Enter the language you need"
    OTHER_NEED_NEEDED = "Enter what else you need"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("applicant_name", field_width=Fluid.TWO_THIRDS),
            Field.text("applicant_email", field_width=Fluid.TWO_THIRDS),
            Field.text("applicant_phone", field_width=Fixed.TWENTY),
            Field.textarea("applicant_address", rows=3),
            Field.text("applicant_postcode", field_width=Fixed.TEN),
            Field.radios("contact_method", legend_size=Size.MEDIUM),
            Field.checkboxes("adjustments", legend_size=Size.MEDIUM),
            Field.text("adjustments_details", field_width=Fluid.TWO_THIRDS),
            Button("continue", "Continue"),
        )

    def clean_applicant_email(self):
        return self.cleaned_data["applicant_email"].lower()

    def clean_applicant_phone(self):
        phone = self.cleaned_data["applicant_phone"]
        if phone and not PHONE_NUMBER.match(phone):
            raise ValidationError(
                "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
            )
        return phone

    def clean_applicant_postcode(self):
        postcode = " ".join(self.cleaned_data["applicant_postcode"].upper().split())
        if postcode and not UK_POSTCODE.match(postcode):
            raise ValidationError("Enter a real postcode")
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
        """The needs as one sentence for the case record, which keeps them as free text."""
        labels = dict(Adjustment.CHOICES)
        needs = [labels[need] for need in self.cleaned_data["adjustments"]]
        details = self.cleaned_data["adjustments_details"]
        return "; ".join([*needs, *([f"Details: {details}"] if details else [])])

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


# --- Buttons without questions -----------------------------------------------------------


class ActionForm(forms.Form):
    """A form with no questions: one button whose POST is protected like any other.

    Pages that only confirm something (continue past the list of reports, remove a report,
    send the application) use it, so their errors reach the page as the form's errors.
    """

    def __init__(self, *args, button: str = "Continue", warning: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        make = Button.warning if warning else Button.primary
        self.helper = gds_helper(make("submit", button, data_prevent_double_click="true"))
