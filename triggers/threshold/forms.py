"""The threshold decision form."""

from crispy_forms_gds.layout import Button, Field, Size
from django import forms

from agencies.forms import gds_helper
from triggers.information.forms import AlsoAskField
from triggers.models import ThresholdDecision


class ThresholdDecisionForm(forms.Form):
    """The officer's threshold decision. The service re-checks every rule."""

    outcome = forms.ChoiceField(
        label="Is the threshold met?",
        widget=forms.RadioSelect,
        choices=ThresholdDecision.Outcome.choices,
        error_messages={"required": "Choose whether the threshold is met"},
    )
    grounds = forms.MultipleChoiceField(
        label="Grounds for a review on discretion",
        help_text="Only for a review on discretion. Choose all that apply.",
        widget=forms.CheckboxSelectMultiple,
        choices=ThresholdDecision.Ground.choices,
        required=False,
    )
    reasons = forms.CharField(
        label="Reasons",
        help_text="Needed unless the reports meet the threshold. The applicant will read these "
        "in their letter: use plain words.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=5000,
    )

    also_ask = AlsoAskField(label="If a review goes ahead, also ask")

    def __init__(self, *args, optional=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["also_ask"].offer(optional)
        layout = [
            Field.radios("outcome", legend_size=Size.MEDIUM),
            Field.checkboxes("grounds", small=True),
            Field.textarea("reasons"),
        ]
        if optional:
            layout.append(Field.checkboxes("also_ask", small=True))
        self.helper = gds_helper(*layout, Button("submit", "Record decision"))
