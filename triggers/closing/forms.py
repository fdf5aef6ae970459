"""Forms of closing and withdrawal: the officer's close, the withdrawal and its check, and
the applicant's request to withdraw."""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.closing.services import WithdrawalData, still_open
from triggers.models import WithdrawalReason


def _textarea(label: str, *, required=False, rows=4, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": _("Write 5,000 characters or fewer")},
        **kwargs,
    )


class CloseCaseForm(forms.Form):
    reason = _textarea(
        _("Why is the case closing?"),
        help_text=_(
            "The applicant reads this in the closure letter. Needed when actions are "
            "still open; otherwise leave empty to say every action is done."
        ),
    )

    def __init__(self, *args, open_actions: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.open_actions = open_actions
        self.helper = gds_helper(
            Field.textarea("reason"), Button("submit", gettext("Close the case"))
        )

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if self.open_actions and not reason:
            raise ValidationError(
                gettext("%(open)s: give the reason for closing now")
                % {"open": still_open(self.open_actions)}
            )
        return reason


class WithdrawForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is the case being withdrawn?"),
        choices=WithdrawalReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why the case is being withdrawn")},
    )
    details = _textarea(
        _("More about the reason"),
        help_text=_(
            "The applicant reads this in the letter. Needed when the reason is 'Another reason'."
        ),
    )

    def __init__(self, *args, on_behalf: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not on_behalf:  # the victim is a party only where someone applied for them
            self.fields["reason"].choices = [
                choice
                for choice in WithdrawalReason.choices
                if choice[0] != WithdrawalReason.VICTIM_ASKED
            ]
        self.helper = gds_helper(
            Field.radios("reason", legend_size=Size.MEDIUM),
            Field.textarea("details"),
            Button("submit", gettext("Continue")),
        )

    def clean(self):
        data = super().clean()
        if data.get("reason") == WithdrawalReason.OTHER and not data.get("details", "").strip():
            self.add_error("details", gettext("Say why the case is being withdrawn"))
        return data

    def withdrawal_data(self) -> WithdrawalData:
        return WithdrawalData(self.cleaned_data["reason"], self.cleaned_data["details"].strip())


class WithdrawalRequestForm(forms.Form):
    details = _textarea(
        _("Tell us why, if you want to (optional)"),
        help_text=_("For example, the behaviour has stopped, or you have moved."),
    )
    confirm = forms.BooleanField(
        label=_("I want to withdraw my application for a case review"),
        error_messages={"required": _("Confirm that you want to withdraw your application")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("details"),
            Field.checkbox("confirm"),
            Button("submit", _("Ask to withdraw")),
        )
