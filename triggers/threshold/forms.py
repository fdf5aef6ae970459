"""The threshold stage's forms: a body's check of the complaints, and the decision."""

from crispy_forms_gds.layout import (
    Button,
    ConditionalQuestion,
    ConditionalRadios,
    Field,
    Fieldset,
    Size,
)
from django import forms
from django.template.defaultfilters import date as date_filter
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.information.forms import AlsoAskField
from triggers.models import ComplaintFinding, ThresholdDecision
from triggers.threshold.checks import FindingData


class ThresholdCheckForm(forms.Form):
    """A relevant body's check: one row per complaint of the application."""

    def __init__(self, *args, complaints=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.complaints = list(complaints)
        rows = []
        for n, complaint in enumerate(self.complaints, start=1):
            self.fields[f"finding_{complaint.pk}"] = forms.ChoiceField(
                label=_("Is it in your records?"),
                widget=forms.RadioSelect,
                choices=ComplaintFinding.Finding.choices,
                error_messages={
                    "required": gettext("Choose whether complaint %(n)s is in your records")
                    % {"n": n}
                },
            )
            self.fields[f"reference_{complaint.pk}"] = forms.CharField(
                label=_("Your reference (optional)"), required=False, max_length=60
            )
            self.fields[f"note_{complaint.pk}"] = forms.CharField(
                label=_("Note (optional)"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
            )
            rows.append(
                Fieldset(
                    Field.radios(f"finding_{complaint.pk}", legend_size=Size.SMALL, small=True),
                    Field.text(f"reference_{complaint.pk}", field_width=20),
                    Field.textarea(f"note_{complaint.pk}"),
                    legend=gettext("Complaint %(n)s: %(day)s, reported %(reported)s to %(who)s")
                    % {
                        "n": n,
                        "day": date_filter(complaint.incident_date, "j M Y"),
                        "reported": date_filter(complaint.reported_date, "j M Y"),
                        "who": complaint.reported_to_name or gettext("not said"),
                    },
                    legend_size=Size.MEDIUM,
                )
            )
        self.helper = gds_helper(*rows, Button("submit", gettext("Record your check")))

    def findings(self) -> list[FindingData]:
        data = self.cleaned_data
        return [
            FindingData(
                complaint_id=c.pk,
                finding=data[f"finding_{c.pk}"],
                reference=data[f"reference_{c.pk}"],
                note=data[f"note_{c.pk}"],
            )
            for c in self.complaints
        ]


class ThresholdDecisionForm(forms.Form):
    """The officer's threshold decision. The service re-checks every rule."""

    outcome = forms.ChoiceField(
        label=_("Is the threshold met?"),
        widget=forms.RadioSelect,
        choices=ThresholdDecision.Outcome.choices,
        error_messages={"required": _("Choose whether the threshold is met")},
    )
    grounds = forms.MultipleChoiceField(
        label=_("Grounds for a review on discretion"),
        help_text=_("Choose all that apply."),
        widget=forms.CheckboxSelectMultiple,
        choices=ThresholdDecision.Ground.choices,
        required=False,
    )
    refusal_reason = forms.ChoiceField(
        label=_("Why do the relevant bodies refuse?"),
        help_text=_(
            "Only when refusing although the reports count to the threshold. Being "
            "under investigation by another agency is not a reason to refuse."
        ),
        widget=forms.RadioSelect,
        choices=ThresholdDecision.RefusalReason.choices,
        required=False,
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        help_text=_(
            "Needed unless the reports meet the threshold. The applicant will read these "
            "in their letter: use plain words."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=5000,
    )

    also_ask = AlsoAskField(label=_("If a review goes ahead, also ask"))

    def __init__(self, *args, optional=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["also_ask"].offer(optional)
        layout = [
            # The grounds belong to a review on discretion: revealed under that choice (all
            # shown without JavaScript, as GOV.UK Frontend does).
            ConditionalRadios(
                "outcome",
                # The labels as the page's language words them (crispy-forms-gds matches
                # each to its choice by label, and takes only str).
                str(ThresholdDecision.Outcome.MET.label),
                ConditionalQuestion(
                    str(ThresholdDecision.Outcome.MET_ON_DISCRETION.label),
                    Field.checkboxes("grounds", small=True),
                ),
                str(ThresholdDecision.Outcome.NOT_MET.label),
            ),
            Field.radios("refusal_reason", small=True),
            Field.textarea("reasons"),
        ]
        if optional:
            layout.append(Field.checkboxes("also_ask", small=True))
        self.helper = gds_helper(*layout, Button("submit", gettext("Continue")))
