"""Forms of the PLEDGE pages; the questionnaire form is built from the assessment's own version."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Answer
from .services import (
    OVERRIDE_MESSAGE,
    PROCEDURE_URL_MAX,
    PROCEDURE_URL_MISSING,
    PROCEDURE_URL_TOO_LONG,
    AnswerData,
    override_missing,
    procedure_url_problem,
)

SAVE, SUBMIT = "save", "submit"


class AssessmentForm(forms.Form):
    """Three fields per question: the answer, the evidence note and, where the portal suggested
    an answer, why this answer differs. Fields are named by the question's code."""

    def __init__(self, *args, answers: list[Answer], **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = answers
        for answer in answers:
            code = answer.question.code
            self.fields[f"{code}-value"] = forms.ChoiceField(
                label=gettext(answer.question.text),  # the shipped text is in the catalogue
                choices=Answer.Value.choices,
                required=False,
                initial=answer.value,
                widget=forms.RadioSelect,
            )
            self.fields[f"{code}-note"] = forms.CharField(
                label=_("Evidence"), required=False, initial=answer.note, widget=forms.Textarea
            )
            if answer.prefilled_value:
                self.fields[f"{code}-override"] = forms.CharField(
                    label=_("If your answer differs from the portal's figures, say why"),
                    required=False,
                    initial=answer.override_note,
                    widget=forms.Textarea,
                )

    def clean(self):
        cleaned = super().clean()
        for answer in self.answers:
            if override_missing(answer, self.answer_data(answer, cleaned)):
                self.add_error(f"{answer.question.code}-override", OVERRIDE_MESSAGE)
        return cleaned

    def answer_data(self, answer: Answer, cleaned=None) -> AnswerData:
        cleaned = self.cleaned_data if cleaned is None else cleaned
        code = answer.question.code
        return AnswerData(
            value=cleaned.get(f"{code}-value") or "",
            note=cleaned.get(f"{code}-note") or "",
            override_note=cleaned.get(f"{code}-override") or "",
        )

    def answers_data(self) -> dict[str, AnswerData]:
        return {a.question.code: self.answer_data(a) for a in self.answers}

    def rows(self):
        """(answer, value field, note field, override field or None) in questionnaire order."""
        for answer in self.answers:
            code = answer.question.code
            override = self[f"{code}-override"] if f"{code}-override" in self.fields else None
            yield answer, self[f"{code}-value"], self[f"{code}-note"], override


class ImprovementForm(forms.Form):
    owner = forms.CharField(
        label=_("Owner"), max_length=120, required=False, help_text=_("A job title or team.")
    )
    target_date = forms.DateField(
        label=_("Target date"),
        required=False,
        help_text=_("For example, 31/03/2027"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": _("Enter the target date as day/month/year, like 31/03/2027")},
        widget=forms.DateInput(format="%d/%m/%Y"),
    )
    done = forms.BooleanField(label=_("This improvement is done"), required=False)


class SignForm(forms.Form):
    signatory_name = forms.CharField(
        label=_("Full name of the person signing"),
        max_length=120,
        error_messages={"required": _("Enter the full name of the person signing")},
    )
    job_title = forms.CharField(
        label=_("Their job title"),
        max_length=120,
        error_messages={"required": _("Enter the job title of the person signing")},
    )
    procedure_url = forms.CharField(
        label=_("Link to your published case review procedure"),
        help_text=_(
            "The web page where the public can read it, starting https://. The public "
            "register links to it."
        ),
        max_length=PROCEDURE_URL_MAX,
        error_messages={
            "required": PROCEDURE_URL_MISSING,
            "max_length": PROCEDURE_URL_TOO_LONG,
        },
    )

    def clean_procedure_url(self):
        url = self.cleaned_data["procedure_url"].strip()
        problem = procedure_url_problem(url)
        if problem:
            raise forms.ValidationError(problem)
        return url
