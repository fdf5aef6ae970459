"""The language a person wants to be written to in, as staff record an application for them
(DOMAIN.md §5.12): a phone, paper or in-person applicant, or the person applied for, never
chooses it on a page of their own, so the member of staff asks.

Asked only in an area in Wales, where Welsh is offered; an English area's forms have no such
question, and its cases write in English (`triggers.recipients.language_of`). English unless
chosen, as the online journey is English unless the applicant switches.
"""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from triggers.models import Language


def language_field(label) -> forms.ChoiceField:
    """The question: English or Cymraeg, each language named in itself."""
    return forms.ChoiceField(
        label=label,
        help_text=_("Every letter, email and text we send them is written in this language."),
        widget=forms.RadioSelect,
        choices=Language.choices,
        initial=Language.ENGLISH,
        required=False,
        error_messages={"invalid_choice": _("Select English or Cymraeg")},
    )


class LanguageQuestion:
    """A form mixin: its field `language_name` (declared on the form, so that the journey
    keeps its answer) is asked in a Welsh area only, after the field `asked_after`."""

    language_name: str
    asked_after: str

    def ask_language(self, welsh: bool) -> None:
        if not welsh:
            del self.fields[self.language_name]
            return
        layout = self.helper.layout
        after = next(p for p in layout.get_field_names() if p.name == self.asked_after)
        question = Field.radios(self.language_name, legend_size=Size.MEDIUM, inline=True)
        layout.insert(after.positions[0] + 1, question)

    def chosen_language(self) -> dict:
        """The choice, as the application's field: nothing where it was not asked."""
        if self.language_name not in self.fields:
            return {}
        return {self.language_name: self.cleaned_data.get(self.language_name) or Language.ENGLISH}
