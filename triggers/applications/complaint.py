"""One report of the behaviour to an agency: when it happened, when and to whom it went."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button, Field, Fixed, Fluid
from django import forms
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from agencies.models import Agency
from triggers.applications.forms import DIFFERENT_INCIDENT, LONG_ANSWER, SOMEONE_ELSE
from triggers.applications.services import ComplaintData
from triggers.fields import DateField, model_max_length
from triggers.models import Complaint

YES, NO = "yes", "no"


class ComplaintForm(forms.Form):
    """One report of the behaviour to an agency: when it happened, when and to whom it went.

    `agencies` are the area's member agencies the user can pick from; `earlier_reports` are
    (id, label) pairs of the reports already given, so that a second report of the same
    incident to another agency can say so and be counted once (DOMAIN.md §4).
    """

    incident_date = DateField(
        what=_("the date of the incident"),
        label=_("When did it happen?"),
        help_text=_(
            "If it went on for more than a day, give the date it last happened. For example, "
            "27 3 2026"
        ),
    )
    description = forms.CharField(
        label=_("What happened?"),
        help_text=_(
            "Describe the behaviour: what was done or said, where, and by whom if you know."
        ),
        max_length=LONG_ANSWER,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Enter what happened"),
            "max_length": _("What happened must be %(limit_value)d characters or fewer"),
        },
    )
    reported_to = forms.ChoiceField(
        label=_("Who did you report it to?"),
        help_text=_(
            "If you do not know which organisation it was, choose 'Someone else' and tell us "
            "who you spoke to."
        ),
        error_messages={
            "required": _("Select who you reported it to"),
            "invalid_choice": _("Select who you reported it to from the list"),
        },
    )
    reported_to_other = forms.CharField(
        label=_("If you chose 'Someone else', who did you report it to?"),
        help_text=_("For example, your landlord, a housing officer, your MP or a local councillor"),
        max_length=model_max_length(Complaint, "reported_to_other"),
        required=False,
        error_messages={
            "max_length": _("Who you reported it to must be %(limit_value)d characters or fewer")
        },
    )
    reported_date = DateField(
        what=_("the date you reported it"),
        label=_("When did you report it?"),
        help_text=_("For example, 28 3 2026"),
    )
    reference_number = forms.CharField(
        label=_("Reference number (optional)"),
        help_text=_("The crime, incident or case number you were given, if you have one"),
        max_length=model_max_length(Complaint, "reference_number"),
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        error_messages={
            "max_length": _("The reference number must be %(limit_value)d characters or fewer")
        },
    )
    hate_related = forms.ChoiceField(
        label=_(
            "Do you think it was targeted because of disability, race, religion, sexual "
            "orientation or transgender identity?"
        ),
        widget=forms.RadioSelect,
        # Welsh answers with the verb of the question ("Ydw", "Nac ydw"), hence the context.
        choices=(
            (YES, pgettext_lazy("Do you think so?", "Yes")),
            (NO, pgettext_lazy("Do you think so?", "No")),
        ),
        error_messages={
            "required": _(
                "Select yes if you think it was targeted because of disability, race, "
                "religion, sexual orientation or transgender identity"
            ),
            "invalid_choice": _("Select yes or no"),
        },
    )
    same_incident = forms.ChoiceField(
        label=_(
            "Is this the same incident as one you have already told us about, reported to a "
            "different agency?"
        ),
        help_text=_("The same incident reported to several agencies counts as one report."),
        widget=forms.RadioSelect,
        error_messages={
            "required": _(
                "Select whether this is the same incident as a report you have already told "
                "us about"
            ),
            "invalid_choice": _("Select a report from the list, or say it is a different incident"),
        },
    )

    # Messages of the checks across fields, so that a form speaking to staff can reword them.
    OTHER_NEEDED = _("Enter who you reported it to")
    REPORTED_BEFORE_INCIDENT = _(
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
            ("", _("Choose who you reported it to")),
            *((slug, agency.name) for slug, agency in self.agencies.items()),
            (SOMEONE_ELSE, _("Someone else")),
        ]
        for name in ("incident_date", "reported_date"):
            self.fields[name].today = today
        if earlier_reports:
            choices = [Choice(report_id, label) for report_id, label in earlier_reports]
            choices[-1].divider = gettext("or")
            self.fields["same_incident"].choices = [
                *choices,
                (DIFFERENT_INCIDENT, _("No, this is a different incident")),
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
        return [*layout, Button("save", _("Save and continue"))]

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
        words = {"day": format_date(data.incident_date, "j F Y"), "who": who}
        return gettext("%(day)s, reported to %(who)s") % words


def report_name(number: int, summary: str = "") -> str:
    """ "Report 2", or "Report 2: 27 March 2026, reported to …", in the page's language."""
    words = {"number": number, "summary": summary}
    return (
        gettext("Report %(number)s: %(summary)s") if summary else gettext("Report %(number)s")
    ) % words
