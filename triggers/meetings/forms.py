"""The form for arranging (or changing) the review meeting."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from crispy_forms_gds.layout import Button, Field, Fixed, Fluid, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.forms import RevealingCheckboxes, gds_helper
from triggers.fields import DateField, text_input
from triggers.meetings.services import MeetingData

IN_PERSON, ONLINE = "in_person", "online"
MAX_EXTRA_EMAILS = 20


class MeetingDateField(DateField):
    """The GOV.UK date input for a date to come: today or later, never in the past."""

    def clean(self, value):
        # The parent refuses dates after `today` (nothing in an application has happened
        # yet); a meeting is the other way round, so lift that check and refuse the past.
        self.today = date.max
        typed = super().clean(value)
        if typed is not None and typed < timezone.localdate():
            raise ValidationError(
                gettext("%(what)s must be today or in the future") % {"what": self.sentence_start},
                code="past",
            )
        return typed


def _enter_now(what) -> str:
    return gettext("Enter %(what)s") % {"what": what}


_enter = lazy(_enter_now, str)  # "Enter the start time", worded when the error is shown


class TimeField(forms.CharField):
    """A time typed as HH:MM on the 24-hour clock, like 14:30."""

    def __init__(self, *, what: str, **kwargs):
        self.what = what
        kwargs.setdefault("help_text", _("Use the 24-hour clock, for example 14:30"))
        super().__init__(
            max_length=5,
            error_messages={"required": _enter(what)},
            widget=text_input(inputmode="numeric", autocomplete="off"),
            **kwargs,
        )

    def clean(self, value):
        text = (super().clean(value) or "").strip().replace(".", ":")
        found = re.fullmatch(r"([01]?[0-9]|2[0-3]):([0-5][0-9])", text)
        if not found:
            what = str(self.what)  # worded in the language of the page
            raise ValidationError(
                gettext("%(what)s must be a real time, like 14:30")
                % {"what": what[0].upper() + what[1:]},
                code="invalid",
            )
        return time(int(found[1]), int(found[2]))


class ReviewMeetingForm(forms.Form):
    date = MeetingDateField(what=_("the date of the meeting"), label=_("Date of the meeting"))
    start_time = TimeField(what=_("the start time"), label=_("Start time"))
    end_time = TimeField(what=_("the end time"), label=_("End time"))
    attend = forms.MultipleChoiceField(
        label=_("How can people attend?"),
        help_text=_(
            "The applicant may join in person or online (statutory guidance, July 2025). "
            "Select all that apply."
        ),
        choices=[(IN_PERSON, _("In person")), (ONLINE, _("Online"))],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select how people can attend: in person, online or both")},
    )
    venue = forms.CharField(
        label=_("Venue (if in person)"),
        help_text=_("The address and room, and anything about access."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
    )
    online_link = forms.URLField(
        label=_("Link to join online (if online)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=text_input(spellcheck="false"),
        error_messages={"invalid": _("Enter the link in the correct format, like https://...")},
    )
    chair = forms.ModelChoiceField(
        label=_("Chair"),
        queryset=None,
        empty_label=_("Choose the chair"),
        error_messages={
            "required": _("Choose who chairs the meeting"),
            "invalid_choice": _("Choose a chair from the list"),
        },
    )
    chair_independent = forms.BooleanField(
        label=_("The chair is independent of the agencies involved in this case"),
        help_text=_("The guidance recommends an independent chair."),
        required=False,
    )
    agencies = forms.MultipleChoiceField(
        label=_("Agencies invited"),
        help_text=_(
            "Their contacts for this area are invited. Those asked for information are selected."
        ),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Choose agencies from the list")},
    )
    extra_emails = forms.CharField(
        label=_("Other people to invite (optional)"),
        help_text=_(
            "Email addresses, one a line. The applicant is invited automatically when "
            "they gave an email address."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, chairs, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs
        self.fields["chair"].label_from_instance = lambda u: f"{u.full_name} ({u.email})"
        self.memberships = {str(m.agency_id): m for m in memberships}
        self.fields["agencies"].choices = [
            (key, f"{m.agency.name} ({m.contact_name})") for key, m in self.memberships.items()
        ]
        self.helper = gds_helper(
            Field("date"),
            Field.text("start_time", field_width=Fixed.FIVE),
            Field.text("end_time", field_width=Fixed.FIVE),
            # The venue under "In person", the link under "Online" (GOV.UK conditional reveal).
            RevealingCheckboxes(
                "attend",
                {
                    IN_PERSON: [Field.textarea("venue")],
                    ONLINE: [Field.text("online_link", field_width=Fluid.FULL)],
                },
                legend_size=Size.SMALL,
                small=True,
            ),
            Field.select("chair"),
            Field.checkbox("chair_independent", small=True),
            Field.checkboxes("agencies", legend_size=Size.SMALL, small=True),
            Field.textarea("extra_emails"),
            Button("submit", _("Send the invitations")),
        )

    def clean_extra_emails(self):
        text = self.cleaned_data.get("extra_emails") or ""
        emails = [e.strip() for e in re.split(r"[\s,;]+", text) if e.strip()]
        for email in emails:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError(
                    gettext("'%(email)s' is not an email address, like name@example.gov.uk")
                    % {"email": email[:60]},
                    code="invalid",
                ) from None
        if len(emails) > MAX_EXTRA_EMAILS:
            raise ValidationError(
                gettext("Invite at most %(n)s other people") % {"n": MAX_EXTRA_EMAILS}
            )
        return emails

    def clean(self):
        cleaned = super().clean()
        attend = set(cleaned.get("attend") or ())
        if IN_PERSON in attend and not (cleaned.get("venue") or "").strip():
            self.add_error("venue", gettext("Enter the venue, or untick 'In person'"))
        if ONLINE in attend and not cleaned.get("online_link") and "online_link" not in self.errors:
            self.add_error(
                "online_link", gettext("Enter the link to join online, or untick 'Online'")
            )
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            if end <= start:
                self.add_error("end_time", gettext("The end time must be after the start time"))
            elif self.starts_at() <= timezone.now():
                self.add_error("start_time", gettext("The start time must be in the future"))
        return cleaned

    def _at(self, moment: time) -> datetime:
        return timezone.make_aware(datetime.combine(self.cleaned_data["date"], moment))

    def starts_at(self) -> datetime:
        return self._at(self.cleaned_data["start_time"])

    def meeting_data(self) -> MeetingData:
        data = self.cleaned_data
        attend = set(data["attend"])
        return MeetingData(
            starts_at=self.starts_at(),
            ends_at=self._at(data["end_time"]),
            chair=data["chair"],
            in_person=IN_PERSON in attend,
            venue=data["venue"],
            online=ONLINE in attend,
            online_link=data["online_link"],
            chair_independent=data["chair_independent"],
            agencies=[self.memberships[key].agency for key in data["agencies"]],
            emails=data["extra_emails"],
        )

    @staticmethod
    def initial_for(meeting, asked_agency_ids) -> dict:
        """Initial answers: the meeting's own when changing it; otherwise the agencies asked
        for information are preselected."""
        if meeting is None:
            return {"agencies": [str(a) for a in asked_agency_ids], "attend": [IN_PERSON]}
        starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        return {
            "date": starts.date(),
            "start_time": f"{starts:%H:%M}",
            "end_time": f"{ends:%H:%M}",
            "attend": [
                k for k, on in ((IN_PERSON, meeting.in_person), (ONLINE, meeting.online)) if on
            ],
            "venue": meeting.venue,
            "online_link": meeting.online_link,
            "chair": meeting.chair_id,
            "chair_independent": meeting.chair_independent,
            "agencies": [str(a) for a in meeting.invited_agencies.values_list("pk", flat=True)],
            "extra_emails": "\n".join(meeting.invited_emails),
        }


class CancelMeetingForm(forms.Form):
    """Why the meeting is called off: everyone invited reads it, and the history keeps it."""

    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"),
        help_text=_(
            "Everyone invited, the applicant included, reads this in the cancellation. "
            "Use plain words."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Give the reason the meeting is cancelled")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("reason", label_size=Size.MEDIUM),
            Button.warning("submit", _("Cancel the meeting")),
        )


class IndependentChairForm(forms.Form):
    """Name a chair independent of the agencies for the area, by their staff email."""

    email = forms.EmailField(
        label=_("Email address of the chair's staff account"),
        max_length=254,
        error_messages={
            "required": _("Enter the email address of the chair's staff account"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("email", field_width=Fluid.TWO_THIRDS), Button("submit", _("Name as chair"))
        )
