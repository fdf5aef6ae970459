"""The application's questions in words for staff recording a phone, paper or in-person
application, and the first page: where, how and when it arrived.
"""

from __future__ import annotations

from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button, Field, Size
from django import forms as django_forms
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from agencies.forms import gds_helper
from triggers import fields
from triggers.applications.complaint import NO, YES, ComplaintForm
from triggers.applications.forms import AreaForm, ImpactForm, OnBehalfForm, WhoForm
from triggers.models import Channel

# Every way an application reaches staff; "online" applications make themselves.
STAFF_CHANNELS = tuple(channel for channel in Channel if channel != Channel.ONLINE)

# The ways in, in the page's language (the record keeps the channel's English label).
CHANNEL_WORDS = {
    Channel.ONLINE: _("Online"),
    Channel.PHONE: _("Phone"),
    Channel.PAPER: _("Paper form"),
    Channel.IN_PERSON: _("In person"),
    Channel.AGENCY_REFERRAL: _("Agency referral"),
}


def _reword(form: django_forms.Form, words: dict[str, dict]) -> None:
    """Give a form's fields the words staff need: about the applicant, not to them.

    `words` maps a field name to any of `label`, `help_text`, `what` (a date's name in its
    messages) and `errors` (error messages by code). Fields the form does not have are skipped.
    """
    for name, changes in words.items():
        field = form.fields.get(name)
        if field is None:
            continue
        for attribute in ("label", "help_text", "what"):
            if attribute in changes:
                setattr(field, attribute, changes[attribute])
        field.error_messages.update(changes.get("errors", {}))


class ArrivalForm(AreaForm):
    """Which of the officer's areas, how the application arrived and when.

    The areas offered are the officer's own only (`access.areas_for`): another area's slug is
    "not one of the choices", an error like any other.
    """

    channel = django_forms.ChoiceField(
        label=_("How did the application arrive?"),
        widget=django_forms.RadioSelect,
        choices=[(channel.value, CHANNEL_WORDS[channel]) for channel in STAFF_CHANNELS],
        error_messages={
            "required": _("Select how the application arrived"),
            "invalid_choice": _("Select how the application arrived from the list"),
        },
    )
    received_date = fields.DateField(
        what=_("the date the application was received"),
        label=_("When was it received?"),
        help_text=_(
            "For a paper form or a referral, the date it reached the council, not the "
            "date it was written. For example, 27 3 2026"
        ),
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, areas=areas, **kwargs)
        area = self.fields["area"]
        area.label = _("Which area is the application for?")
        area.help_text = _(
            "The area where the anti-social behaviour happens. You can record applications "
            "for your own areas only."
        )
        area.error_messages.update(
            {
                "required": _("Select the area the application is for"),
                "invalid_choice": _("Select one of your areas"),
            }
        )
        if len(area.queryset) == 1:
            area.initial = area.queryset[0]
        self.fields["received_date"].initial = timezone.localdate()
        area_layout = (
            Field.radios("area", legend_size=Size.MEDIUM)
            if isinstance(area.widget, django_forms.RadioSelect)
            else Field.select("area")
        )
        self.helper = gds_helper(
            area_layout,
            Field.radios("channel", legend_size=Size.MEDIUM),
            Field("received_date"),
            Button("continue", _("Continue")),
            label_size=Size.MEDIUM,
        )


class StaffWhoForm(WhoForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applying_for"].choices = (
            Choice(
                self.MYSELF,
                _("The applicant"),
                hint=_("The behaviour affects them, their family or their business"),
            ),
            Choice(
                self.SOMEONE_ELSE,
                _("Someone else"),
                hint=_(
                    "The applicant applies for someone else, for example as a relative, a "
                    "neighbour, a councillor or a support worker"
                ),
            ),
        )
        _reword(
            self,
            {
                "applying_for": {
                    "label": _("Who is the application for?"),
                    "errors": {
                        "required": _("Select who the application is for"),
                        "invalid_choice": _("Select who the application is for"),
                    },
                }
            },
        )


class StaffOnBehalfForm(OnBehalfForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _reword(
            self,
            {
                "victim_name": {
                    "label": _("Full name of the person the application is for"),
                    "errors": {
                        "required": _("Enter the full name of the person the application is for")
                    },
                },
                "relationship": {
                    "label": _("The applicant's relationship to them"),
                    "errors": {
                        "required": _(
                            "Enter the applicant's relationship to the person the "
                            "application is for"
                        ),
                        "max_length": _(
                            "The relationship must be %(limit_value)d characters or fewer"
                        ),
                    },
                },
                "organisation": {
                    "label": _("The applicant's organisation (optional)"),
                    "help_text": _(
                        "If they apply as part of their work, for example for a "
                        "housing provider, a charity or an MP's office"
                    ),
                },
                "victim_consent": {
                    "help_text": _(
                        "Check this with the applicant, or on the paper form. An "
                        "application for someone cannot be accepted without their agreement."
                    ),
                    "errors": {
                        "required": _(
                            "Confirm that the person the application is for has agreed to it"
                        )
                    },
                },
                "victim_consent_share": {
                    "errors": {
                        "required": _(
                            "Confirm that the person the application is for has "
                            "agreed to their information being shared with the agencies"
                        )
                    },
                },
                "victim_consent_contact": {
                    "help_text": _("If they have not, we write only to the applicant."),
                },
                "victim_consent_how": {
                    "errors": {
                        "required": _(
                            "Select how the person the application is for gave their agreement"
                        ),
                    },
                },
            },
        )


class StaffComplaintForm(ComplaintForm):
    """A report as the applicant describes it, made no later than the application arrived.

    A report made after the application cannot support it (the eligibility engine would not
    count it), so the received date bounds the date it was reported.
    """

    OTHER_NEEDED = _("Enter who they reported it to")
    REPORTED_BEFORE_INCIDENT = _(
        "The date they reported it must be the same as or after the date of the incident"
    )

    def __init__(self, *args, received_on: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.received_on = received_on
        _reword(
            self,
            {
                "description": {
                    "help_text": _(
                        "The behaviour as the applicant describes it: what was done or "
                        "said, where, and by whom if they know."
                    )
                },
                "reported_to": {
                    "label": _("Who did they report it to?"),
                    "help_text": _(
                        "If the applicant does not know which organisation it was, "
                        "choose 'Someone else' and say who they spoke to."
                    ),
                    "errors": {
                        "required": _("Select who they reported it to"),
                        "invalid_choice": _("Select who they reported it to from the list"),
                    },
                },
                "reported_to_other": {
                    "label": _("If you chose 'Someone else', who did they report it to?"),
                    "help_text": _(
                        "For example, their landlord, a housing officer, their MP or "
                        "a local councillor"
                    ),
                    "errors": {
                        "max_length": _(
                            "Who they reported it to must be %(limit_value)d characters or fewer"
                        )
                    },
                },
                "reported_date": {
                    "what": _("the date they reported it"),
                    "label": _("When did they report it?"),
                },
                "reference_number": {
                    "help_text": _(
                        "The crime, incident or case number they were given, if they have one"
                    )
                },
                "hate_related": {
                    "label": _(
                        "Does the applicant think it was targeted because of disability, "
                        "race, religion, sexual orientation or transgender identity?"
                    ),
                    "errors": {
                        "required": _(
                            "Select yes if the applicant thinks it was targeted because "
                            "of disability, race, religion, sexual orientation or transgender "
                            "identity"
                        )
                    },
                },
                "same_incident": {
                    "label": _(
                        "Is this the same incident as a report already added, reported to "
                        "a different agency?"
                    ),
                    "errors": {
                        "required": _(
                            "Select whether this is the same incident as a report already added"
                        )
                    },
                },
            },
        )

        # Welsh answers with the verb of the question: "Does the applicant think…?" "Ydy."
        self.fields["hate_related"].choices = (
            (YES, pgettext_lazy("Does the applicant think so?", "Yes")),
            (NO, pgettext_lazy("Does the applicant think so?", "No")),
        )

    def clean(self):
        data = super().clean()
        reported = data.get("reported_date")
        if self.received_on and reported and reported > self.received_on:
            self.add_error(
                "reported_date",
                gettext(
                    "The date they reported it must be on or before the date the application "
                    "was received, %(date)s"
                )
                % {"date": format_date(self.received_on, "j F Y")},
            )
        return data


class StaffImpactForm(ImpactForm):
    def __init__(self, *args, on_behalf: bool = False, **kwargs):
        super().__init__(*args, on_behalf=on_behalf, **kwargs)
        # Whole sentences for each, so that each can be translated.
        if on_behalf:
            label = _("How has the behaviour affected the person the application is for?")
            required = _("Enter how the behaviour has affected the person the application is for")
        else:
            label = _("How has the behaviour affected the applicant?")
            required = _("Enter how the behaviour has affected the applicant")
        _reword(
            self,
            {
                "impact": {
                    "label": label,
                    "help_text": _(
                        "For example, on their health, their sleep, their work, their "
                        "children or their feeling of safety at home"
                    ),
                    "errors": {"required": required},
                },
                "desired_outcome": {
                    "label": _("What would a good result look like to them?"),
                    "help_text": _("What they would like the agencies to do"),
                },
            },
        )
