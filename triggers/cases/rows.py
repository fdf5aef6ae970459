"""The case list's table rows, written in Python (issue #18).

The list is the page staff open most, and its rows, through the template language, were half
of its Python: this writes the same HTML, byte for byte, as the loop in
templates/triggers/cases/home.html did. What the template escaped is escaped here
(`escape`); the words are the catalogue's, with the template's msgids, so that a Welsh page
reads as before: `{% translate "…" %}` is `gettext("…")`, and `{% blocktranslate %}` with a
variable `{{ x }}` is the msgid with `%(x)s`, its value escaped.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

from agencies.templatetags.govuk import short_date
from triggers.templatetags.case_tags import status_tag_class

# What the rows read of a case (the list asks for these columns only): keep with _row.
FIELDS = (
    "reference",
    "applicant_name",
    "on_behalf",
    "victim_name",
    "applicant_postcode",
    "behaviour_location",
    "received_at",
    "status",
    "next_due",
    "area__slug",
    "area__name",
    "assigned_officer__full_name",
)
ROW = '\n        <tr class="govuk-table__row">\n{cells}\n        </tr>\n        '
CELL = '          <td class="govuk-table__cell">{}</td>'


def table_rows(cases, today) -> SafeString:
    """The rows of `cases` (with their area and officer read, and `overdue_returns`), as the
    template's loop wrote them, starting with the whitespace that stood before the loop."""
    words = {
        "not_given": gettext("Not given"),
        "not_assigned": gettext("Not assigned"),
        "none": gettext("None"),
    }
    html = "".join(_row(case, today, words) for case in cases)
    return mark_safe("\n        " + html)  # noqa: S308  # nosec B308 B703 -- values escaped


def _row(case, today, words) -> str:
    url = reverse("case_detail", args=[case.area.slug, case.reference])
    applicant = escape(case.applicant_name) if case.applicant_name else words["not_given"]
    if case.on_behalf and case.victim_name:
        victim = gettext("for %(victim)s") % {"victim": escape(case.victim_name)}
        applicant += f'<br><span class="app-reason">{victim}</span>'
    place = escape(case.applicant_postcode) if case.applicant_postcode else words["not_given"]
    if case.behaviour_location:
        place += f'<br><span class="app-reason">{escape(case.behaviour_location)}</span>'
    status = escape(gettext(case.get_status_display()))
    officer = case.assigned_officer
    cells = (
        f'<a class="govuk-link app-nowrap" href="{escape(url)}">{escape(case.reference)}</a>',
        applicant,
        place,
        escape(case.area.name),
        escape(short_date(template_localtime(case.received_at))),
        f'<strong class="{escape(status_tag_class(case.status))}">{status}</strong>',
        _deadline(case, today, words),
        escape(officer.full_name) if officer and officer.full_name else words["not_assigned"],
    )
    return ROW.format(cells="\n".join(CELL.format(cell) for cell in cells))


def _deadline(case, today, words) -> str:
    due = case.next_due
    if not due:
        html = words["none"]
    elif due < today:
        overdue = gettext("Overdue: %(day)s") % {"day": escape(short_date(due))}
        html = f'<span class="app-overdue">{overdue}</span>'
    else:
        html = escape(short_date(due))
    late = case.overdue_returns
    if late:
        words = ngettext("%(counter)s return overdue", "%(counter)s returns overdue", late) % {
            "counter": late
        }
        html += f'<br><span class="app-overdue">{words}</span>'
    return html
