"""The public application journey's pages: one question per page, no sign-in, no JavaScript.

Every page keeps what was typed in the session before it validates it (see `journey`),
so the back button, a validation error or a detour through "Check your answers" never loses
an answer. A page reached before the earlier ones are answered sends the user to the first
one missing. None of these pages is cached: they hold personal data, and the back button must
show the answers as they stand now. The pages the staff journey shares are in `pages`.
"""

from functools import wraps

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agencies import language
from triggers.applications.forms import ActionForm, WhoForm
from triggers.applications.journey import (
    CONTACT,
    IMPACT,
    ON_BEHALF,
    REFERENCE_KEY,
    START,
    VICTIM,
    WHO,
    Incomplete,
    Journey,
)
from triggers.applications.pages import JourneyPages
from triggers.applications.services import ApplicationRefused, submit_application
from triggers.models import Case, Channel, ContactMethod

pages = JourneyPages("apply", first_back="start")


def journey_page(view):
    """GET or POST, never cached; the view receives the journey kept in the session."""

    @never_cache
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def page(request, *args, **kwargs):
        return view(request, Journey.load(request.session), *args, **kwargs)

    return page


start = journey_page(
    pages.question_view(
        START, "Which area: its agencies are the ones the reports can name, and who will review."
    )
)
who = journey_page(pages.question_view(WHO))
on_behalf = journey_page(pages.question_view(ON_BEHALF))
victim = journey_page(pages.question_view(VICTIM))
impact = journey_page(pages.question_view(IMPACT))
contact = journey_page(pages.question_view(CONTACT))
complaints = journey_page(pages.complaints)
complaint = journey_page(pages.complaint)
complaint_remove = journey_page(pages.complaint_remove)


# --- Check, send, done -------------------------------------------------------------------


@journey_page
def check(request, journey):
    """Every answer with a Change link, then send: the case is created only here."""
    try:
        area, application = journey.application()
    except Incomplete as missing:
        return redirect(pages.url(missing.step))
    posted = request.POST if request.method == "POST" else None
    form = ActionForm(posted, button=_("Send application"))
    problems = []
    if request.method == "POST" and form.is_valid():
        # Applying in Welsh records Welsh as the applicant's language (DOMAIN.md §5.12).
        application.applicant_language = language.case_language(get_language())
        try:
            case, _token = submit_application(area, application, channel=Channel.ONLINE)
        except ApplicationRefused as refused:
            form.add_error(None, str(refused))
            problems = [(str(refused), "send")]
        else:
            Journey.finish(request.session, case.reference)
            return redirect("apply:done")
    return render(
        request,
        "triggers/applications/apply/check.html",
        {
            "form": form,
            "problems": problems,
            "area": area,
            "application": application,
            "reports": journey.reports,
            "applying_for": WhoForm.SOMEONE_ELSE if application.on_behalf else WhoForm.MYSELF,
            "contact_method": ContactMethod(application.contact_method).label,
            "needs": _needs_in_words(journey),
            "back_url": pages.url(CONTACT),
        },
    )


def _needs_in_words(journey) -> str:
    """What the applicant needs to take part, in the page's language (the case records it
    in English for staff)."""
    form = journey.stored_form(CONTACT)
    return form.adjustments_words() if form.is_valid() else ""


@never_cache
@require_http_methods(["GET"])
def done(request):
    """The confirmation. The private link is in the email only: never shown on a page."""
    reference = request.session.get(REFERENCE_KEY)
    case = None
    if isinstance(reference, str):
        case = Case.objects.select_related("area").filter(reference=reference).first()
    if case is None:
        return redirect("apply:start")
    return render(
        request, "triggers/applications/apply/done.html", {"case": case, "area": case.area}
    )
