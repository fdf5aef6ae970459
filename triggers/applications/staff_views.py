"""Staff recording an application made by phone, on a paper form, in person or by referral.

Statutory guidance (July 2025) says victims must be able to apply other than online. A case
officer or area admin types the applicant's answers into the same step forms as the public
journey (`apply_forms`), kept in the session the same way (`apply_journey.Journey`), but
under a key of their own, so a draft recorded for an applicant never mixes with a public
application made in the same browser. The differences:

- the first page asks which of the officer's own areas the application is for (nothing
  else is offered, and a tampered area is a form error), how it arrived and when;
- the questions speak about the applicant ("they", "their"), not to them;
- the case is created with that channel, that received date and `recorded_by` the officer,
  and the officer lands on the new case.

Only case officers and area admins of at least one area may use these pages; anyone else
gets 404, like every other object they may not see.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cached_property, wraps

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button, Field, Size
from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.views.decorators.cache import never_cache

from agencies import access
from agencies.forms import gds_helper
from triggers import apply_forms as forms
from triggers.apply_journey import (
    CONTACT,
    IMPACT,
    ON_BEHALF,
    QUESTION_FORMS,
    START,
    WHO,
    Incomplete,
    Journey,
)
from triggers.journey_views import JourneyPages
from triggers.models import Channel, ContactMethod
from triggers.services import ApplicationRefused, submit_application

SESSION_KEY = "record_application"

# Every way an application reaches staff; "online" applications make themselves.
STAFF_CHANNELS = tuple(channel for channel in Channel if channel != Channel.ONLINE)


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


# --- The first page: where, how and when -------------------------------------------------


class ArrivalForm(forms.AreaForm):
    """Which of the officer's areas, how the application arrived and when.

    The areas offered are the officer's own only (`access.areas_for`): another area's slug is
    "not one of the choices", an error like any other.
    """

    channel = django_forms.ChoiceField(
        label="How did the application arrive?",
        widget=django_forms.RadioSelect,
        choices=[(channel.value, channel.label) for channel in STAFF_CHANNELS],
        error_messages={
            "required": "Select how the application arrived",
            "invalid_choice": "Select how the application arrived from the list",
        },
    )
    received_date = forms.DateField(
        what="the date the application was received",
        label="When was it received?",
        help_text="For a paper form or a referral, the date it reached the council, not the "
        "date it was written. For example, 27 3 2026",
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, areas=areas, **kwargs)
        area = self.fields["area"]
        area.label = "Which area is the application for?"
        area.help_text = (
            "The area where the anti-social behaviour happens. You can record applications "
            "for your own areas only."
        )
        area.error_messages.update(
            {
                "required": "Select the area the application is for",
                "invalid_choice": "Select one of your areas",
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
            Button("continue", "Continue"),
            label_size=Size.MEDIUM,
        )


# --- The public questions, in words for staff --------------------------------------------


class StaffWhoForm(forms.WhoForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applying_for"].choices = (
            Choice(
                self.MYSELF,
                "The applicant",
                hint="The behaviour affects them, their family or their business",
            ),
            Choice(
                self.SOMEONE_ELSE,
                "Someone else",
                hint="The applicant applies for someone else, for example as a relative, a "
                "neighbour, a councillor or a support worker",
            ),
        )
        _reword(
            self,
            {
                "applying_for": {
                    "label": "Who is the application for?",
                    "errors": {
                        "required": "Select who the application is for",
                        "invalid_choice": "Select who the application is for",
                    },
                }
            },
        )


class StaffOnBehalfForm(forms.OnBehalfForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _reword(
            self,
            {
                "victim_name": {
                    "label": "Full name of the person the application is for",
                    "errors": {
                        "required": "Enter the full name of the person the application is for"
                    },
                },
                "relationship": {
                    "label": "The applicant's relationship to them",
                    "errors": {
                        "required": "Enter the applicant's relationship to the person the "
                        "application is for",
                        "max_length": "The relationship must be %(limit_value)d characters or "
                        "fewer",
                    },
                },
                "organisation": {
                    "label": "The applicant's organisation (optional)",
                    "help_text": "If they apply as part of their work, for example for a "
                    "housing provider, a charity or an MP's office",
                },
                "victim_consent": {
                    "label": "The person the application is for has agreed to it",
                    "help_text": "Check this with the applicant, or on the paper form. An "
                    "application for someone cannot be accepted without their agreement.",
                    "errors": {
                        "required": "Confirm that the person the application is for has "
                        "agreed to it"
                    },
                },
            },
        )


class StaffComplaintForm(forms.ComplaintForm):
    """A report as the applicant describes it, made no later than the application arrived.

    A report made after the application cannot support it (the eligibility engine would not
    count it), so the received date bounds the date it was reported.
    """

    OTHER_NEEDED = "Enter who they reported it to"
    REPORTED_BEFORE_INCIDENT = (
        "The date they reported it must be the same as or after the date of the incident"
    )

    def __init__(self, *args, received_on: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.received_on = received_on
        _reword(
            self,
            {
                "description": {
                    "help_text": "The behaviour as the applicant describes it: what was done or "
                    "said, where, and by whom if they know."
                },
                "reported_to": {
                    "label": "Who did they report it to?",
                    "help_text": "If the applicant does not know which organisation it was, "
                    "choose 'Someone else' and say who they spoke to.",
                    "errors": {
                        "required": "Select who they reported it to",
                        "invalid_choice": "Select who they reported it to from the list",
                    },
                },
                "reported_to_other": {
                    "label": "If you chose 'Someone else', who did they report it to?",
                    "help_text": "For example, their landlord, a housing officer, their MP or "
                    "a local councillor",
                    "errors": {
                        "max_length": "Who they reported it to must be %(limit_value)d "
                        "characters or fewer"
                    },
                },
                "reported_date": {
                    "what": "the date they reported it",
                    "label": "When did they report it?",
                },
                "reference_number": {
                    "help_text": "The crime, incident or case number they were given, if they "
                    "have one"
                },
                "hate_related": {
                    "label": "Does the applicant think it was targeted because of disability, "
                    "race, religion, sexual orientation or transgender identity?",
                    "errors": {
                        "required": "Select yes if the applicant thinks it was targeted because "
                        "of disability, race, religion, sexual orientation or transgender "
                        "identity"
                    },
                },
                "same_incident": {
                    "label": "Is this the same incident as a report already added, reported to "
                    "a different agency?",
                    "errors": {
                        "required": "Select whether this is the same incident as a report "
                        "already added"
                    },
                },
            },
        )

    def clean(self):
        data = super().clean()
        reported = data.get("reported_date")
        if self.received_on and reported and reported > self.received_on:
            self.add_error(
                "reported_date",
                "The date they reported it must be on or before the date the application was "
                f"received, {format_date(self.received_on, 'j F Y')}",
            )
        return data


class StaffImpactForm(forms.ImpactForm):
    def __init__(self, *args, on_behalf: bool = False, **kwargs):
        super().__init__(*args, on_behalf=on_behalf, **kwargs)
        who = "the person the application is for" if on_behalf else "the applicant"
        _reword(
            self,
            {
                "impact": {
                    "label": f"How has the behaviour affected {who}?",
                    "help_text": "For example, on their health, their sleep, their work, their "
                    "children or their feeling of safety at home",
                    "errors": {"required": f"Enter how the behaviour has affected {who}"},
                },
                "desired_outcome": {
                    "label": "What would a good result look like to them?",
                    "help_text": "What they would like the agencies to do",
                },
            },
        )


class StaffContactForm(forms.ContactForm):
    NEEDED_FOR = forms.contact_details_needed(your="their", you="them")
    LANGUAGE_NEEDED = "Enter the language they need"
    OTHER_NEED_NEEDED = "Enter what else they need"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _reword(
            self,
            {
                "applicant_name": {
                    "label": "The applicant's full name",
                    "errors": {
                        "required": "Enter the applicant's full name",
                        "max_length": "The name must be %(limit_value)d characters or fewer",
                    },
                },
                "applicant_email": {
                    "help_text": "The receipt goes here, with the private link the applicant "
                    "can use to follow the application. Leave it empty if they have no email."
                },
                "applicant_phone": {
                    "help_text": "Needed if they want to be phoned. For international numbers "
                    "include the country code"
                },
                "applicant_address": {"help_text": "Needed if they want letters by post"},
                "contact_method": {
                    "label": "How do they want to be contacted?",
                    "errors": {
                        "required": "Select how they want to be contacted",
                        "invalid_choice": "Select how they want to be contacted",
                    },
                },
                "adjustments": {"label": "Do they need any of these to take part? (optional)"},
                "adjustments_details": {
                    "label": "More about what they need (optional)",
                    "help_text": "For example, which language they need, or anything else that "
                    "would help",
                    "errors": {
                        "max_length": "What they need must be %(limit_value)d characters or fewer"
                    },
                },
            },
        )


# --- The staff journey -------------------------------------------------------------------


class RecordJourney(Journey):
    """The answers an officer has typed for one applicant, checked against the officer's areas.

    The areas are given on every load, so an area the officer no longer works in (or never
    did) makes the first page incomplete again: no case can be made in it.
    """

    session_key = SESSION_KEY
    reference_key = f"{SESSION_KEY}_reference"
    question_forms = {
        **QUESTION_FORMS,
        START: ArrivalForm,
        WHO: StaffWhoForm,
        ON_BEHALF: StaffOnBehalfForm,
        IMPACT: StaffImpactForm,
        CONTACT: StaffContactForm,
    }
    complaint_form_class = StaffComplaintForm
    cached = (*Journey.cached, "received_on")

    def __init__(self, answers=None, *, areas):
        super().__init__(answers)
        self.areas = areas

    def form_options(self, step: str) -> dict:
        if step == START:
            return {"areas": self.areas}
        return super().form_options(step)

    def complaint_form_options(self) -> dict:
        return {"received_on": self.received_on}

    @cached_property
    def received_on(self) -> date | None:
        form = self.stored_form(START)
        return form.cleaned_data["received_date"] if form.is_valid() else None

    def arrival(self) -> tuple[str, date]:
        """How and when the application arrived, or Incomplete if the first page is not done."""
        form = self.stored_form(START)
        if not form.is_valid():
            raise Incomplete(START)
        return form.cleaned_data["channel"], form.cleaned_data["received_date"]


def received_at(day: date) -> datetime:
    """When an application received on `day` arrived, as the case's received_at.

    Today's is now. For an earlier day the hour is not known; midday keeps the date whatever
    the clocks do that day, and the deadlines count from the date only.
    """
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(12)))


# --- Guard and navigation ----------------------------------------------------------------


def staff_page(view):
    """Signed in, officer or admin of an area (else 404), GET or POST, never cached.

    The view receives the officer's journey, loaded with the officer's own areas.
    """

    @login_required
    @never_cache
    @wraps(view)
    def guarded(request, *args, **kwargs):
        areas = access.areas_for(request.user).order_by("name")
        if not areas.exists():
            raise Http404
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        journey = RecordJourney.load(request.session, areas=areas)
        return view(request, journey, *args, **kwargs)

    return guarded


pages = JourneyPages("record", first_back="home")

# --- The questions and the reports -------------------------------------------------------

start = staff_page(
    pages.question_view(
        START, "Which of the officer's areas, how the application arrived, and when."
    )
)
who = staff_page(pages.question_view(WHO))
on_behalf = staff_page(pages.question_view(ON_BEHALF))
impact = staff_page(pages.question_view(IMPACT))
contact = staff_page(pages.question_view(CONTACT))
complaints = staff_page(pages.complaints)
complaint = staff_page(pages.complaint)
complaint_remove = staff_page(pages.complaint_remove)


# --- Check and record --------------------------------------------------------------------


def _recorded_message(case) -> str:
    recorded = f"Application {case.reference} recorded."
    if case.applicant_email:
        return (
            f"{recorded} The receipt email to {case.applicant_email} contains the applicant's "
            "private link to follow the application."
        )
    return (
        f"{recorded} No email address was given, so no receipt was emailed and the applicant "
        "has no private link: tell them their reference number."
    )


@staff_page
def check(request, journey):
    """Every answer with a Change link, then record: the case is created only here."""
    try:
        area, application = journey.application()
        channel, received_on = journey.arrival()
    except Incomplete as missing:
        return redirect(pages.url(missing.step))
    form = forms.ActionForm(
        request.POST if request.method == "POST" else None, button="Record application"
    )
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            case, _token = submit_application(
                area,
                application,
                channel=channel,
                recorded_by=request.user,
                received_at=received_at(received_on),
            )
        except ApplicationRefused as refused:
            form.add_error(None, str(refused))
            problems = [(str(refused), "send")]
        else:
            RecordJourney.discard(request.session)
            messages.success(request, _recorded_message(case))
            return redirect(reverse("case_detail", args=[area.slug, case.reference]))
    return render(
        request,
        "triggers/record/check.html",
        {
            "form": form,
            "problems": problems,
            "area": area,
            "channel": Channel(channel).label,
            "received_on": received_on,
            "application": application,
            "reports": journey.reports,
            "contact_method": ContactMethod(application.contact_method).label,
            "back_url": pages.url(CONTACT),
        },
    )


@staff_page
def discard(request, journey):
    """Throw away the draft, after asking: it may hold a long phone call's answers."""
    form = forms.ActionForm(
        request.POST if request.method == "POST" else None,
        button="Discard application",
        warning=True,
    )
    if request.method == "POST" and form.is_valid():
        RecordJourney.discard(request.session)
        messages.success(request, "The application you were recording has been discarded.")
        return redirect("home")
    return render(
        request, "triggers/record/discard.html", {"form": form, "back_url": pages.url(START)}
    )
