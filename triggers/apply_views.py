"""The public application journey's pages: one question per page, no sign-in, no JavaScript.

Every page keeps what was typed in the session before it validates it (see `apply_journey`),
so the back button, a validation error or a detour through "Check your answers" never loses
an answer. A page reached before the earlier ones are answered sends the user to the first
one missing. None of these pages is cached: they hold personal data, and the back button must
show the answers as they stand now.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .apply_forms import ActionForm, WhoForm
from .apply_journey import (
    CHECK,
    COMPLAINTS,
    CONTACT,
    IMPACT,
    MAX_COMPLAINTS,
    ON_BEHALF,
    REFERENCE_KEY,
    START,
    WHO,
    Incomplete,
    Journey,
)
from .models import Case, Channel, ContactMethod
from .services import ApplicationRefused, submit_application

# "Change" links on the check page add ?return=check, so the page goes back there when done.
RETURN_PARAM = "return"
RETURN_TO_CHECK = "check"

journey_page = require_http_methods(["GET", "POST"])


def _checking(request) -> bool:
    return request.GET.get(RETURN_PARAM) == RETURN_TO_CHECK


def _url(step: str, *args, checking: bool = False) -> str:
    url = reverse(f"apply:{step}", args=args)
    return f"{url}?{RETURN_PARAM}={RETURN_TO_CHECK}" if checking else url


def _missing(journey: Journey, step: str):
    """A redirect to the first page before `step` still to answer, or None if there is none."""
    missing = journey.first_incomplete(before=step)
    return redirect(_url(missing)) if missing else None


def _after(request, journey: Journey, step: str) -> str:
    """Where a page goes when its answers are valid: on, or back to the check page."""
    if _checking(request):
        missing = journey.first_incomplete(before=CHECK)
        return _url(missing, checking=True) if missing else _url(CHECK)
    return _url(journey.next_step(step))


def _back(request, journey: Journey, step: str) -> str:
    if _checking(request):
        return _url(CHECK)
    previous = journey.previous_step(step)
    return _url(previous) if previous else reverse("start")


def _question(request, step: str):
    """A page with one form, whose typed answers are kept whatever their validity."""
    journey = Journey.load(request.session)
    if response := _missing(journey, step):
        return response
    if step not in journey.steps():
        return redirect(_url(WHO))
    if request.method == "POST":
        form = journey.form(step, data=request.POST)
        journey.record(step, request.POST)
        journey.save(request.session)
        if form.is_valid():
            return redirect(_after(request, journey, step))
    else:
        form = journey.form(step)
    return render(
        request,
        f"triggers/apply/{step}.html",
        {
            "form": form,
            "back_url": _back(request, journey, step),
            "area": journey.area,
            "on_behalf": journey.on_behalf,
        },
    )


@never_cache
@journey_page
def start(request):
    """Which area: its agencies are the ones the reports can name, and who will review."""
    return _question(request, START)


@never_cache
@journey_page
def who(request):
    return _question(request, WHO)


@never_cache
@journey_page
def on_behalf(request):
    return _question(request, ON_BEHALF)


@never_cache
@journey_page
def impact(request):
    return _question(request, IMPACT)


@never_cache
@journey_page
def contact(request):
    return _question(request, CONTACT)


# --- The reports -------------------------------------------------------------------------


def _report_problems(journey: Journey) -> list[tuple[str, str]]:
    """What stops the list of reports from being finished, each with the place to fix it."""
    reports = journey.reports
    if not reports:
        return [("Add at least one report of the behaviour", "add-report")]
    return [
        (
            f"Report {report.number} is not finished: change it to add the missing answers",
            f"report-{report.number}",
        )
        for report in reports
        if not report.is_complete
    ]


@never_cache
@journey_page
def complaints(request):
    """The reports given so far, with Change and Remove, and the way to add another."""
    journey = Journey.load(request.session)
    if response := _missing(journey, COMPLAINTS):
        return response
    form = ActionForm(request.POST if request.method == "POST" else None)
    problems = []
    if request.method == "POST" and form.is_valid():
        problems = _report_problems(journey)
        if not problems:
            return redirect(_after(request, journey, COMPLAINTS))
        for message, _ in problems:
            form.add_error(None, message)
    return render(
        request,
        "triggers/apply/complaints.html",
        {
            "form": form,
            "problems": problems,
            "reports": journey.reports,
            "can_add_report": journey.can_add_report,
            "max_reports": MAX_COMPLAINTS,
            "checking": _checking(request),
            "back_url": _back(request, journey, COMPLAINTS),
            "area": journey.area,
        },
    )


@never_cache
@journey_page
def complaint(request, report=None):
    """Add a report (no id) or change one. A new report joins the list only once valid."""
    journey = Journey.load(request.session)
    if response := _missing(journey, COMPLAINTS):
        return response
    checking = _checking(request)
    if (report is None and not journey.can_add_report) or (
        report is not None and journey.report(report) is None
    ):
        return redirect(_url(COMPLAINTS, checking=checking))
    if request.method == "POST":
        form = journey.complaint_form(report, data=request.POST)
        valid = form.is_valid()
        journey.record_report(report, request.POST, complete=valid)
        journey.save(request.session)
        if valid:
            if report is not None and checking:
                return redirect(_after(request, journey, COMPLAINTS))
            return redirect(_url(COMPLAINTS, checking=checking))
    else:
        form = journey.complaint_form(report)
    number = journey.report(report).number if report else len(journey.reports) + 1
    return render(
        request,
        "triggers/apply/complaint.html",
        {
            "form": form,
            "adding": report is None,
            "number": number,
            "back_url": _url(CHECK) if checking and report else _url(COMPLAINTS, checking=checking),
            "area": journey.area,
        },
    )


@never_cache
@journey_page
def complaint_remove(request, report):
    """Ask before removing a report: the user may have clicked the wrong row."""
    journey = Journey.load(request.session)
    if response := _missing(journey, COMPLAINTS):
        return response
    checking = _checking(request)
    chosen = journey.report(report)
    if chosen is None:
        return redirect(_url(COMPLAINTS, checking=checking))
    form = ActionForm(
        request.POST if request.method == "POST" else None, button="Remove report", warning=True
    )
    if request.method == "POST" and form.is_valid():
        journey.remove_report(report)
        journey.save(request.session)
        return redirect(_url(COMPLAINTS, checking=checking))
    return render(
        request,
        "triggers/apply/complaint_remove.html",
        {
            "form": form,
            "report": chosen,
            "back_url": _url(COMPLAINTS, checking=checking),
        },
    )


# --- Check, send, done -------------------------------------------------------------------


@never_cache
@journey_page
def check(request):
    """Every answer with a Change link, then send: the case is created only here."""
    journey = Journey.load(request.session)
    try:
        area, application = journey.application()
    except Incomplete as missing:
        return redirect(_url(missing.step))
    form = ActionForm(request.POST if request.method == "POST" else None, button="Send application")
    problems = []
    if request.method == "POST" and form.is_valid():
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
        "triggers/apply/check.html",
        {
            "form": form,
            "problems": problems,
            "area": area,
            "application": application,
            "reports": journey.reports,
            "applying_for": WhoForm.SOMEONE_ELSE if application.on_behalf else WhoForm.MYSELF,
            "contact_method": ContactMethod(application.contact_method).label,
            "back_url": _url(CONTACT),
        },
    )


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
    return render(request, "triggers/apply/done.html", {"case": case, "area": case.area})
