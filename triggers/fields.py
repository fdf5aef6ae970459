"""Form fields the stages share: GOV.UK dates, inputs of other types, several files at once."""

from __future__ import annotations

import re
from datetime import date

from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


def model_max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def text_input(**attrs) -> forms.TextInput:
    """A text input of another HTML type (email, tel) that crispy-forms-gds still styles.

    crispy-forms-gds adds the error class only to TextInput, Select and Textarea widgets, and
    swaps in `input_type` itself, so an email or phone box stays a TextInput underneath.
    """
    return forms.TextInput(attrs=attrs)


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
        what = str(self.what)  # `what` may be lazy: worded in the language of the page
        return what[0].upper() + what[1:]

    def clean(self, value):
        day, month, year = self._parts(value)
        for part in self.fields:
            part.widget.errors = []
        if not (day or month or year):
            if self.required:
                raise ValidationError(_("Enter %(what)s") % {"what": self.what}, code="required")
            return None
        parts = zip(self.PARTS, (day, month, year), strict=True)
        missing = [name for name, part in parts if not part]
        if missing:
            names = {"day": _("day"), "month": _("month"), "year": _("year")}
            message = _("%(what)s must include a %(parts)s") % {
                "what": self.sentence_start,
                "parts": _(" and ").join(names[name] for name in missing),
            }
            self.fields[self.PARTS.index(missing[0])].widget.errors.append(message)
            raise ValidationError(message, code="incomplete")
        typed = self._to_date(day, month, year)
        if typed > (self.today or timezone.localdate()):
            raise ValidationError(
                _("%(what)s must be today or in the past") % {"what": self.sentence_start},
                code="future",
            )
        return typed

    def _parts(self, value) -> tuple[str, str, str]:
        if isinstance(value, date):
            return str(value.day), str(value.month), str(value.year)
        values = list(value) if isinstance(value, list | tuple) else []
        values = [*values, "", "", ""][:3]
        return tuple(str(v or "").strip() for v in values)

    def _to_date(self, day: str, month: str, year: str) -> date:
        not_real = ValidationError(
            _("%(what)s must be a real date") % {"what": self.sentence_start}, code="invalid"
        )
        numbers = re.fullmatch(r"[0-9]{1,2}", day) and re.fullmatch(r"[0-9]{1,2}", month)
        if not numbers or not re.fullmatch(r"[0-9]{4}", year) or int(year) < 1900:
            raise not_real
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise not_real from None

    def compress(self, data_list):  # clean() builds the date itself
        return None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked by the service (type and size)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []
