"""Staff recording an application made by phone, on a paper form, in person or by referral.

Statutory guidance (July 2025) says victims must be able to apply other than online. A case
officer or area admin types the applicant's answers into the same step forms as the public
journey (`forms`), kept in the session the same way (`journey.Journey`), but
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

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from agencies import access, language
from notifications.services import texts_available
from triggers.applications import forms
from triggers.applications.journey import (
    CONTACT,
    IMPACT,
    ON_BEHALF,
    QUESTION_FORMS,
    START,
    VICTIM,
    WHO,
    Incomplete,
    Journey,
)
from triggers.applications.pages import JourneyPages
from triggers.applications.services import ApplicationRefused, submit_application, update_victim
from triggers.applications.staff_contact import StaffContactForm
from triggers.applications.staff_forms import (
    CHANNEL_WORDS,
    ArrivalForm,
    StaffComplaintForm,
    StaffImpactForm,
    StaffOnBehalfForm,
    StaffWhoForm,
)
from triggers.applications.victim import StaffVictimForm, VictimDetailsForm
from triggers.models import ContactMethod
from triggers.selectors import case_to_work_on, case_url

SESSION_KEY = "record_application"


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
        VICTIM: StaffVictimForm,
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
        if step in (CONTACT, VICTIM):
            # Each person's language is asked where Welsh is offered (DOMAIN.md §5.12).
            return {**super().form_options(step), "welsh": language.is_welsh(self.area)}
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
victim = staff_page(pages.question_view(VICTIM))
impact = staff_page(pages.question_view(IMPACT))
contact = staff_page(pages.question_view(CONTACT))
complaints = staff_page(pages.complaints)
complaint = staff_page(pages.complaint)
complaint_remove = staff_page(pages.complaint_remove)


# --- Check and record --------------------------------------------------------------------


def _recorded_message(case) -> str:
    """What the officer is told once the case exists, in the officer's language."""
    words = {"reference": case.reference, "victim": case.victim_name}
    recorded = _("Application %(reference)s recorded.") % words
    if case.victim_tracking_token_hash:
        recorded += " " + _("%(victim)s is emailed a private link of their own.") % words
    if case.applicant_email:
        told = _(
            "The receipt email to %(email)s contains the applicant's private link to follow "
            "the application."
        ) % {"email": case.applicant_email}
    else:
        told = _(
            "No email address was given, so no receipt was emailed and the applicant has no "
            "private link: tell them their reference number."
        )
    return f"{recorded} {told}"


@staff_page
def check(request, journey):
    """Every answer with a Change link, then record: the case is created only here."""
    try:
        area, application = journey.application()
        channel, received_on = journey.arrival()
    except Incomplete as missing:
        return redirect(pages.url(missing.step))
    form = forms.ActionForm(
        request.POST if request.method == "POST" else None, button=_("Record application")
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
        "triggers/applications/record/check.html",
        {
            "form": form,
            "problems": problems,
            "area": area,
            "channel": CHANNEL_WORDS[channel],
            "received_on": received_on,
            "application": application,
            "reports": journey.reports,
            "contact_method": ContactMethod(application.contact_method).label,
            "needs": _needs_in_words(journey),
            "welsh": language.is_welsh(area),
            "back_url": pages.url(CONTACT),
        },
    )


def _needs_in_words(journey) -> str:
    """What the applicant needs to take part, in the page's language (the case records it
    in English)."""
    form = journey.stored_form(CONTACT)
    return form.adjustments_words() if form.is_valid() else ""


@staff_page
def discard(request, journey):
    """Throw away the draft, after asking: it may hold a long phone call's answers."""
    form = forms.ActionForm(
        request.POST if request.method == "POST" else None,
        button=_("Discard application"),
        warning=True,
    )
    if request.method == "POST" and form.is_valid():
        RecordJourney.discard(request.session)
        messages.success(request, _("The application you were recording has been discarded."))
        return redirect("home")
    return render(
        request,
        "triggers/applications/record/discard.html",
        {"form": form, "back_url": pages.url(START)},
    )


# --- The victim, on the case page ----------------------------------------------------------


@never_cache
@login_required
def case_victim(request, area, reference):
    """Staff change the victim's contact details and who the case writes to (DOMAIN.md §5.9)."""
    case = case_to_work_on(request, area, reference)
    if not case.on_behalf:
        raise Http404
    form = VictimDetailsForm(
        request.POST if request.method == "POST" else None,
        initial=VictimDetailsForm.initial_for(case),
        texts=texts_available(case.area),
    )
    if request.method == "POST" and form.is_valid():
        details = form.application_fields()
        send_to = details.pop("send_to")
        try:
            update_victim(case, details, send_to, by=request.user)
        except ApplicationRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The victim's details have been saved."))
            return redirect(case_url(case))
    return render(request, "triggers/applications/case_victim.html", {"case": case, "form": form})
