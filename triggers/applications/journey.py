"""An application journey's memory: the answers, the order of pages, what they add up to.

The answers live in the session as the user typed them (one dict under one key), not as
cleaned values. Keeping what was typed means nothing is lost, whatever the user does: a page
shows exactly what was entered last, even if it was not valid, and whether a page is done is
decided by binding its form to those answers again. So the forms in `forms` stay the
single judge of what is valid, for the journey's guard, for the check page and for the
application that `submit_application` receives.

`Journey` is the public journey's. A journey with other forms or another session key (staff
recording an application by phone, on paper or in person: `staff_views.py`) is a
subclass that changes the class attributes and `form_options` / `complaint_form_options`.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from django.utils.datastructures import MultiValueDict

from agencies.models import Agency, Area
from notifications.services import texts_available
from triggers.applications.complaint import ComplaintForm, report_name
from triggers.applications.contact import ContactForm
from triggers.applications.forms import (
    DIFFERENT_INCIDENT,
    AreaForm,
    ImpactForm,
    OnBehalfForm,
    WhoForm,
)
from triggers.applications.services import ApplicationData, ComplaintData
from triggers.applications.victim import VictimForm

SESSION_KEY = "apply"
REFERENCE_KEY = "apply_reference"

MAX_COMPLAINTS = 50
# What one answer may keep in the session: enough for any valid answer and a generous
# margin, so that an oversized paste is shown back (and refused) without bloating the session.
MAX_STORED_CHARACTERS = 10_000
MAX_STORED_VALUES = 20

START = "start"
WHO = "who"
ON_BEHALF = "on_behalf"
VICTIM = "victim"
COMPLAINTS = "complaints"
IMPACT = "impact"
CONTACT = "contact"
CHECK = "check"
STEPS = (START, WHO, ON_BEHALF, VICTIM, COMPLAINTS, IMPACT, CONTACT, CHECK)
# The pages about the person applied for: asked only when applying for someone else.
ON_BEHALF_STEPS = (ON_BEHALF, VICTIM)

QUESTION_FORMS = {
    START: AreaForm,
    WHO: WhoForm,
    ON_BEHALF: OnBehalfForm,
    VICTIM: VictimForm,
    IMPACT: ImpactForm,
    CONTACT: ContactForm,
}


class Incomplete(Exception):
    """The answers are not enough for an application yet; `step` is the first page missing."""

    def __init__(self, step: str):
        super().__init__(step)
        self.step = step


def typed(data, form_class) -> dict[str, list[str]]:
    """What the user typed into a form of `form_class`, in a shape the session can keep.

    Only the form's own inputs are kept (a date's day, month and year boxes are
    `<name>_0`, `_1`, `_2`), each cut to a bounded size.
    """
    names = tuple(form_class.base_fields)
    kept = {}
    for key, values in data.lists():
        if key in names or key.rpartition("_")[0] in names:
            kept[key] = [str(value)[:MAX_STORED_CHARACTERS] for value in values][:MAX_STORED_VALUES]
    return kept


def new_report_id() -> str:
    return secrets.token_hex(4)


@dataclass
class Report:
    """One report in the journey, with its form bound to what was typed, and its place."""

    id: str
    number: int
    form: ComplaintForm
    incident_key: str = ""
    same_as_number: int | None = None

    @property
    def is_complete(self) -> bool:
        return self.form.is_valid()

    @property
    def same_as_label(self) -> str:
        return report_name(self.same_as_number) if self.same_as_number else ""

    @property
    def data(self) -> ComplaintData:
        return self.form.complaint_data(self.incident_key)


class Journey:
    """One applicant's answers, and what the journey can tell from them."""

    # Where the answers live in the session, and the forms that judge them: a subclass with
    # its own key keeps its answers apart from this journey's in the same browser.
    session_key = SESSION_KEY
    reference_key = REFERENCE_KEY
    question_forms = QUESTION_FORMS
    complaint_form_class = ComplaintForm
    # Derived values to forget whenever an answer changes.
    cached = ("area", "agencies", "reports")

    def __init__(self, answers=None):
        answers = answers if isinstance(answers, dict) else {}
        steps = answers.get("steps")
        complaints = answers.get("complaints")
        self.answers = {
            "steps": {
                step: _as_typed(answer)
                for step, answer in (steps.items() if isinstance(steps, dict) else ())
            },
            "complaints": [
                {"id": c["id"], "data": _as_typed(c["data"])} for c in complaints if _is_report(c)
            ]
            if isinstance(complaints, list)
            else [],
            "draft": _as_typed(answers.get("draft")),
        }

    # --- the session ----------------------------------------------------------------------

    @classmethod
    def load(cls, session, **options) -> Journey:
        return cls(session.get(cls.session_key), **options)

    def save(self, session) -> None:
        session[self.session_key] = self.answers

    @classmethod
    def discard(cls, session) -> None:
        session.pop(cls.session_key, None)

    @classmethod
    def finish(cls, session, reference: str) -> None:
        """Forget every answer once the case exists; keep only the reference to show it."""
        cls.discard(session)
        session[cls.reference_key] = reference

    def _changed(self) -> None:
        for name in self.cached:
            self.__dict__.pop(name, None)

    # --- the order of pages ---------------------------------------------------------------

    def steps(self) -> list[str]:
        """The pages this applicant needs: the victim's details only when applying for them."""
        return [step for step in STEPS if step not in ON_BEHALF_STEPS or self.on_behalf]

    @property
    def on_behalf(self) -> bool:
        form = self.stored_form(WHO)
        return form.is_valid() and form.application_fields()["on_behalf"]

    def next_step(self, step: str) -> str:
        steps = self.steps()
        return steps[min(steps.index(step) + 1, len(steps) - 1)] if step in steps else START

    def previous_step(self, step: str) -> str | None:
        steps = self.steps()
        position = steps.index(step) if step in steps else 0
        return steps[position - 1] if position > 0 else None

    def is_complete(self, step: str) -> bool:
        if step == COMPLAINTS:
            reports = self.reports
            return 0 < len(reports) <= MAX_COMPLAINTS and all(r.is_complete for r in reports)
        if step in self.question_forms:
            return bool(self.answer(step)) and self.stored_form(step).is_valid()
        return False

    def first_incomplete(self, before: str = CHECK) -> str | None:
        """The first page before `before` still to be answered, or None if all are done."""
        for step in self.steps():
            if STEPS.index(step) >= STEPS.index(before):
                return None
            if not self.is_complete(step):
                return step
        return None

    # --- one page's answers ---------------------------------------------------------------

    def answer(self, step: str) -> dict:
        return self.answers["steps"].get(step) or {}

    def record(self, step: str, data) -> None:
        self.answers["steps"][step] = typed(data, self.question_forms[step])
        self._changed()

    def form(self, step: str, data=None):
        """The page's form: bound to `data` when given, otherwise showing what was typed."""
        if data is not None:
            return self._make(step, data=data)
        return self._make(step, initial=self._initial(step, self.answer(step)))

    def stored_form(self, step: str):
        return self._make(step, data=MultiValueDict(self.answer(step)))

    def _make(self, step: str, **kwargs):
        return self.question_forms[step](**self.form_options(step), **kwargs)

    def form_options(self, step: str) -> dict:
        """What a page's form needs to know beyond the page itself, from earlier answers."""
        if step in (CONTACT, VICTIM):
            return {"texts": texts_available(self.area)}
        return {"on_behalf": self.on_behalf} if step == IMPACT else {}

    def _initial(self, step: str, answer: dict) -> dict:
        if not answer:
            return {}
        return _typed_values(self._make(step, data=MultiValueDict(answer)))

    # --- the area ---------------------------------------------------------------------------

    @cached_property
    def area(self) -> Area | None:
        form = self.stored_form(START)
        return form.cleaned_data["area"] if form.is_valid() else None

    @cached_property
    def agencies(self) -> list[Agency]:
        """The agencies a report can name: the members of the area's case reviews."""
        if self.area is None:
            return []
        return list(Agency.objects.filter(memberships__area=self.area).order_by("name"))

    # --- the reports ----------------------------------------------------------------------

    @cached_property
    def reports(self) -> list[Report]:
        """Every report in order, each bound to its answers and offered the earlier ones."""
        reports: list[Report] = []
        for position, stored in enumerate(self.answers["complaints"]):
            form = self._complaint_form(reports, data=MultiValueDict(stored["data"]))
            reports.append(Report(id=stored["id"], number=position + 1, form=form))
        _link_incidents(reports)
        return reports

    def report(self, report_id: str) -> Report | None:
        return next((r for r in self.reports if r.id == report_id), None)

    @property
    def can_add_report(self) -> bool:
        return len(self.answers["complaints"]) < MAX_COMPLAINTS

    def complaint_form(self, report_id: str | None = None, data=None) -> ComplaintForm:
        """The form to add a report (no id) or change one, showing what was typed last."""
        earlier = self.reports
        if report_id is not None:
            report = self.report(report_id)
            earlier = earlier[: report.number - 1]
            stored = self.answers["complaints"][report.number - 1]["data"]
        else:
            stored = self.answers["draft"]
        if data is not None:
            return self._complaint_form(earlier, data=data)
        initial = {}
        if stored:
            initial = _typed_values(self._complaint_form(earlier, data=MultiValueDict(stored)))
        return self._complaint_form(earlier, initial=initial)

    def _complaint_form(self, earlier: list[Report], **kwargs) -> ComplaintForm:
        return self.complaint_form_class(
            agencies=self.agencies,
            earlier_reports=[(r.id, _report_label(r)) for r in earlier],
            **self.complaint_form_options(),
            **kwargs,
        )

    def complaint_form_options(self) -> dict:
        """What a report's form needs to know beyond the area's agencies and earlier reports."""
        return {}

    def record_report(self, report_id: str | None, data, *, complete: bool) -> None:
        """Keep what was typed: a finished new report joins the list, anything else waits."""
        kept = typed(data, self.complaint_form_class)
        if report_id is not None:
            self.answers["complaints"][self.report(report_id).number - 1]["data"] = kept
        elif complete and self.can_add_report:
            self.answers["complaints"].append({"id": new_report_id(), "data": kept})
            self.answers["draft"] = {}
        else:
            self.answers["draft"] = kept
        self._changed()

    def remove_report(self, report_id: str) -> None:
        """Remove a report; reports that pointed at it as the same incident stay together."""
        complaints = self.answers["complaints"]
        removed = next(c for c in complaints if c["id"] == report_id)
        complaints.remove(removed)
        parent = _same_as(removed)
        for stored in complaints:
            if _same_as(stored) == report_id:
                if parent:
                    stored["data"]["same_incident"] = [parent]
                else:
                    stored["data"]["same_incident"] = [DIFFERENT_INCIDENT]
                    parent = stored["id"]
        self._changed()

    # --- the application ------------------------------------------------------------------

    def application(self) -> tuple[Area, ApplicationData]:
        """The area and the application the answers make, or Incomplete naming what is not."""
        missing = self.first_incomplete(before=CHECK)
        if missing:
            raise Incomplete(missing)
        fields = {}
        for step in self.steps():
            if step in self.question_forms:
                form = self.stored_form(step)
                form.is_valid()
                fields.update(form.application_fields())
        complaints = [report.data for report in self.reports]
        return self.area, ApplicationData(complaints=complaints, **fields)


def _as_typed(stored) -> dict[str, list[str]]:
    """Stored answers in the shape `typed` gives them; anything else in the session is dropped.

    The session should only ever hold what `typed` made, but a form must never fail on it.
    """
    if not isinstance(stored, dict):
        return {}
    return {
        key: [value for value in values if isinstance(value, str)]
        for key, values in stored.items()
        if isinstance(key, str) and isinstance(values, list)
    }


def _is_report(stored) -> bool:
    return (
        isinstance(stored, dict)
        and isinstance(stored.get("id"), str)
        and isinstance(stored.get("data"), dict)
    )


def _same_as(stored: dict) -> str:
    chosen = (stored["data"].get("same_incident") or [""])[-1]
    return "" if chosen == DIFFERENT_INCIDENT else chosen


def _typed_values(bound_form) -> dict:
    """The values a bound form holds, as initial values, so that no error is shown yet."""
    return {name: bound_form[name].data for name in bound_form.fields}


def _report_label(report: Report) -> str:
    return report_name(report.number, report.form.summary() if report.is_complete else "")


def _link_incidents(reports: list[Report]) -> None:
    """Give reports of one incident a shared incident key, so the engine counts them once.

    A report can only point at an earlier one, so following the links always ends.
    """
    by_id = {report.id: report for report in reports}
    root_of: dict[str, str] = {}
    for report in reports:
        same_as = report.form.same_as if report.is_complete else ""
        earlier = by_id.get(same_as)
        root_of[report.id] = root_of.get(same_as, same_as) if earlier else report.id
        if earlier:
            report.same_as_number = earlier.number
    sizes = Counter(root_of.values())
    shared = {root for root, size in sizes.items() if size > 1}
    for report in reports:
        root = root_of[report.id]
        report.incident_key = f"incident-{root}" if root in shared else ""
