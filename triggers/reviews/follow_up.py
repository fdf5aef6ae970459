"""Forms of the plan's follow-up: an owner's progress on an action, and a recipient's answer to
a recommendation (the review's own forms are in triggers/reviews/forms.py)."""

from __future__ import annotations

from crispy_forms_gds.layout import Button, Field, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers.meetings.forms import MeetingDateField
from triggers.reviews.forms import _textarea


class ActionUpdateForm(forms.Form):
    note = _textarea(
        _("Progress"),
        required=True,
        help_text=_("What has been done, and what happens next."),
        error_messages={"required": _("Enter what has been done")},
    )
    done = forms.BooleanField(label=_("This action is done"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("note"), Field.checkbox("done", small=True), Button("submit", _("Save"))
        )


class RecommendationResponseForm(forms.Form):
    """The recipient's answer: accepted (what it will do, by when), or not accepted (why)."""

    accepted = forms.TypedChoiceField(
        label=_("Does your organisation accept this recommendation?"),
        choices=[("yes", _("Yes, we accept it")), ("no", _("No, we do not accept it"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you accept the recommendation")},
    )
    action = _textarea(_("If you accept it: what will you do?"), max_length=3000)
    due = MeetingDateField(
        what=_("the date it will be done by"), label=_("By when?"), required=False
    )
    reason = _textarea(_("If you do not accept it: why not?"), max_length=3000)
    responder_name = forms.CharField(label=_("Your name and role"), required=False, max_length=120)

    def __init__(self, *args, ask_name: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responder_name"].required = ask_name
        self.fields["responder_name"].error_messages["required"] = gettext(
            "Enter your name and role"
        )
        layout = [Field.radios("accepted", legend_size=Size.MEDIUM, legend_tag="h2")]
        layout += [Field.textarea("action"), Field("due"), Field.textarea("reason")]
        if not ask_name:
            del self.fields["responder_name"]
        else:
            layout.append(Field.text("responder_name"))
        self.helper = gds_helper(*layout, Button("submit", gettext("Send our response")))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("accepted") is True and "due" not in self.errors:
            if not cleaned.get("action", "").strip():
                self.add_error("action", gettext("Enter what you will do"))
            if not cleaned.get("due"):
                self.add_error("due", gettext("Enter the date it will be done by"))
        if cleaned.get("accepted") is False and not cleaned.get("reason", "").strip():
            self.add_error("reason", gettext("Enter why you do not accept the recommendation"))
        return cleaned
