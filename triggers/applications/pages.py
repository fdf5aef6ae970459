"""The pages both application journeys share: the questions and the list of reports.

The public journey (`views`) and staff recording an application (`staff_views`) ask
the same questions in the same order and keep the answers the same way (`journey`).
They differ in their URL namespace, their templates, where the first page's Back link goes
and how a request gets its journey (the public one from the session, the staff one with the
officer's areas): each module makes one `JourneyPages` and wraps its views in its own guard,
which calls them as `view(request, journey, *args)`.
"""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from triggers.applications.forms import ActionForm
from triggers.applications.journey import CHECK, COMPLAINTS, MAX_COMPLAINTS, WHO, Journey

# "Change" links on the check page add ?return=check, so the page goes back there when done.
RETURN_PARAM = "return"
RETURN_TO_CHECK = "check"


def checking(request) -> bool:
    """Whether the page was reached from "Check your answers", and goes back there."""
    return request.GET.get(RETURN_PARAM) == RETURN_TO_CHECK


def report_problems(journey: Journey) -> list[tuple[str, str]]:
    """What stops the list of reports from being finished, each with the place to fix it."""
    reports = journey.reports
    if not reports:
        return [(_("Add at least one report of the behaviour"), "add-report")]
    return [
        (
            _("Report %(number)s is not finished: change it to add the missing answers")
            % {"number": report.number},
            f"report-{report.number}",
        )
        for report in reports
        if not report.is_complete
    ]


def _posted(request):
    return request.POST if request.method == "POST" else None


class JourneyPages:
    """One journey's pages: its URLs are `<namespace>:<step>`, its templates
    `triggers/<namespace>/<step>.html`, and the first page's Back link goes to `first_back`.
    """

    def __init__(self, namespace: str, *, first_back: str):
        self.namespace = namespace
        self.first_back = first_back

    # --- Navigation ------------------------------------------------------------------------

    def url(self, step: str, *args, checking: bool = False) -> str:
        url = reverse(f"{self.namespace}:{step}", args=args)
        return f"{url}?{RETURN_PARAM}={RETURN_TO_CHECK}" if checking else url

    def template(self, step: str) -> str:
        return f"triggers/applications/{self.namespace}/{step}.html"

    def missing(self, journey: Journey, step: str):
        """A redirect to the first page before `step` still to answer, or None if there is none."""
        missing = journey.first_incomplete(before=step)
        return redirect(self.url(missing)) if missing else None

    def after(self, request, journey: Journey, step: str) -> str:
        """Where a page goes when its answers are valid: on, or back to the check page."""
        if checking(request):
            missing = journey.first_incomplete(before=CHECK)
            return self.url(missing, checking=True) if missing else self.url(CHECK)
        return self.url(journey.next_step(step))

    def back(self, request, journey: Journey, step: str) -> str:
        if checking(request):
            return self.url(CHECK)
        previous = journey.previous_step(step)
        return self.url(previous) if previous else reverse(self.first_back)

    # --- The pages -------------------------------------------------------------------------

    def question_view(self, step: str, doc: str | None = None):
        """The view of a page with one form, named after its step."""

        def view(request, journey):
            return self.question(request, journey, step)

        view.__name__ = view.__qualname__ = step
        view.__doc__ = doc
        return view

    def question(self, request, journey: Journey, step: str):
        """A page with one form, whose typed answers are kept whatever their validity."""
        if response := self.missing(journey, step):
            return response
        if step not in journey.steps():
            return redirect(self.url(WHO))
        if request.method == "POST":
            form = journey.form(step, data=request.POST)
            journey.record(step, request.POST)
            journey.save(request.session)
            if form.is_valid():
                return redirect(self.after(request, journey, step))
        else:
            form = journey.form(step)
        return render(
            request,
            self.template(step),
            {
                "form": form,
                "back_url": self.back(request, journey, step),
                "area": journey.area,
                "on_behalf": journey.on_behalf,
            },
        )

    def complaints(self, request, journey: Journey):
        """The reports given so far, with Change and Remove, and the way to add another."""
        if response := self.missing(journey, COMPLAINTS):
            return response
        form = ActionForm(_posted(request))
        problems = []
        if request.method == "POST" and form.is_valid():
            problems = report_problems(journey)
            if not problems:
                return redirect(self.after(request, journey, COMPLAINTS))
            for message, _anchor in problems:
                form.add_error(None, message)
        return render(
            request,
            self.template(COMPLAINTS),
            {
                "form": form,
                "problems": problems,
                "reports": journey.reports,
                "can_add_report": journey.can_add_report,
                "max_reports": MAX_COMPLAINTS,
                "checking": checking(request),
                "back_url": self.back(request, journey, COMPLAINTS),
                "area": journey.area,
            },
        )

    def complaint(self, request, journey: Journey, report=None):
        """Add a report (no id) or change one. A new report joins the list only once valid."""
        if response := self.missing(journey, COMPLAINTS):
            return response
        returning = checking(request)
        reports_url = self.url(COMPLAINTS, checking=returning)
        if (report is None and not journey.can_add_report) or (
            report is not None and journey.report(report) is None
        ):
            return redirect(reports_url)
        if request.method == "POST":
            form = journey.complaint_form(report, data=request.POST)
            valid = form.is_valid()
            journey.record_report(report, request.POST, complete=valid)
            journey.save(request.session)
            if valid:
                if report is not None and returning:
                    return redirect(self.after(request, journey, COMPLAINTS))
                return redirect(reports_url)
        else:
            form = journey.complaint_form(report)
        number = journey.report(report).number if report else len(journey.reports) + 1
        return render(
            request,
            self.template("complaint"),
            {
                "form": form,
                "adding": report is None,
                "number": number,
                "back_url": self.url(CHECK) if returning and report else reports_url,
                "area": journey.area,
            },
        )

    def complaint_remove(self, request, journey: Journey, report):
        """Ask before removing a report: the user may have clicked the wrong row."""
        if response := self.missing(journey, COMPLAINTS):
            return response
        reports_url = self.url(COMPLAINTS, checking=checking(request))
        chosen = journey.report(report)
        if chosen is None:
            return redirect(reports_url)
        form = ActionForm(_posted(request), button=_("Remove report"), warning=True)
        if request.method == "POST" and form.is_valid():
            journey.remove_report(report)
            journey.save(request.session)
            return redirect(reports_url)
        return render(
            request,
            self.template("complaint_remove"),
            {"form": form, "report": chosen, "back_url": reports_url},
        )
