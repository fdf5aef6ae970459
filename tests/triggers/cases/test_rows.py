"""What the case list writes in Python, its rows (triggers/cases/rows.py) and its filters'
options (triggers/cases/forms.py), is the HTML the template loops wrote before, byte for byte,
in English and in Welsh."""

# ruff: noqa: E501  (the template loop's lines, as they were)

from datetime import UTC, date, datetime, timedelta

import pytest
from django.template import engines
from django.utils import translation

from agencies.models import Area, User
from triggers.cases.columns import columns, header_cells
from triggers.cases.forms import CaseFilterForm
from triggers.cases.rows import table_rows
from triggers.models import Case
from triggers.selectors import CaseFilters
from triggers.workflow import Status

# The loop as templates/triggers/cases/home.html had it (with "{% load %}" and the lines
# before it), the reference the Python rows must match.
TEMPLATE_LOOP = (
    "{% load i18n case_tags govuk %}"
    """<tbody>\n        {% translate "Not given" as not_given %}{% translate "Not assigned" as not_assigned %}
        {% for case in page %}
        <tr class="govuk-table__row">
          <td class="govuk-table__cell"><a class="govuk-link app-nowrap" href="{% url 'case_detail' case.area.slug case.reference %}">{{ case.reference }}</a></td>
          <td class="govuk-table__cell">{{ case.applicant_name|default:not_given }}{% if case.on_behalf and case.victim_name %}<br><span class="app-reason">{% blocktranslate with victim=case.victim_name %}for {{ victim }}{% endblocktranslate %}</span>{% endif %}</td>
          <td class="govuk-table__cell">{{ case.applicant_postcode|default:not_given }}{% if case.behaviour_location %}<br><span class="app-reason">{{ case.behaviour_location }}</span>{% endif %}</td>
          <td class="govuk-table__cell">{{ case.area.name }}</td>
          <td class="govuk-table__cell">{{ case.received_at|short_date }}</td>
          <td class="govuk-table__cell"><strong class="{{ case.status|status_tag_class }}">{% translate case.get_status_display %}</strong></td>
          <td class="govuk-table__cell">{% if case.next_due %}{% if case.next_due < today %}<span class="app-overdue">{% blocktranslate with day=case.next_due|short_date %}Overdue: {{ day }}{% endblocktranslate %}</span>{% else %}{{ case.next_due|short_date }}{% endif %}{% else %}{% translate "None" %}{% endif %}{% if case.overdue_returns %}<br><span class="app-overdue">{% blocktranslate count counter=case.overdue_returns %}{{ counter }} return overdue{% plural %}{{ counter }} returns overdue{% endblocktranslate %}</span>{% endif %}</td>
          <td class="govuk-table__cell">{{ case.assigned_officer.full_name|default:not_assigned }}</td>
        </tr>
        {% endfor %}
      </tbody>"""
)
TODAY = date(2026, 3, 10)


def _case(n: int, **fields) -> Case:
    area = Area(pk=n, slug=f"north-{n}", name="Brighton & Hove's <area>")
    given = {
        "applicant_name": "Ann O'Brien <b>",
        "applicant_postcode": "BN1 1AA",
        "status": Status.SUBMITTED,
        **fields,
    }
    case = Case(
        pk=n,
        area=area,
        reference=f"NR-2026-{n:04d}",
        received_at=datetime(2026, 1, 31, 23, 30, tzinfo=UTC),
        **given,
    )
    case.overdue_returns = 0
    return case


def _cases() -> list[Case]:
    plain = _case(1)
    for_someone = _case(
        2,
        on_behalf=True,
        victim_name="Bo & Cy 'Dee'",
        behaviour_location="Flats & shops",
        status=Status.REVIEW_SCHEDULED,
        next_due=TODAY - timedelta(days=1),
        assigned_officer=User(full_name="Ed O'Neil"),
    )
    for_someone.overdue_returns = 1
    nothing_given = _case(
        3, applicant_name="", applicant_postcode="", status=Status.CLOSED, next_due=TODAY
    )
    nothing_given.overdue_returns = 3
    no_victim = _case(4, on_behalf=True, next_due=TODAY + timedelta(days=5))
    no_victim.assigned_officer = User(full_name="")
    return [plain, for_someone, nothing_given, no_victim]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_rows_are_the_template_loops_html(language):
    cases = _cases()
    template = engines["django"].from_string(TEMPLATE_LOOP)
    with translation.override(language):
        expected = template.render({"page": cases, "today": TODAY})
        got = "<tbody>\n        " + table_rows(cases, TODAY) + "\n      </tbody>"
    assert got == expected
    assert "&#x27;Dee&#x27;" in got and "&lt;b&gt;" in got
    if language == "cy":
        assert "ar ran" in got  # "for" the victim, in Welsh


def test_no_rows_is_the_whitespace_the_loop_left():
    assert table_rows([], TODAY) == "\n        "


OPTIONS_LOOP = (
    '{% for value, label, chosen in select.options %}<option value="{{ value }}"{% if chosen %}'
    " selected{% endif %}>{{ label }}</option>{% endfor %}"
)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_filters_options_are_the_template_loops_html(language):
    areas = [Area(pk=1, slug="bh", name="Brighton & Hove"), Area(pk=2, slug="ad", name="Adur")]
    template = engines["django"].from_string(OPTIONS_LOOP)
    with translation.override(language):
        form = CaseFilterForm(
            {"status": "closed", "area": "bh"}, areas=areas, counts={"closed": 2, "submitted": 1}
        )
        selects = form.selects()
        for select in selects:
            assert select["options_html"] == template.render({"select": select})
    assert [s["name"] for s in selects] == ["area", "status", "officer", "sort", "dir"]
    assert 'value="bh" selected>Brighton &amp; Hove<' in selects[0]["options_html"]


# The header's loop as the template had it.
HEADER_LOOP = """{% load i18n %}          {% for column in columns %}
          <th scope="col" class="govuk-table__header" aria-sort="{{ column.aria_sort }}"><a class="govuk-link app-sort-link" href="{{ column.url }}">{{ column.heading }}<span class="govuk-visually-hidden">, {% if column.next_direction == "asc" %}{% translate "sort ascending" %}{% else %}{% translate "sort descending" %}{% endif %}</span></a>{% if column.aria_sort == "ascending" %} <span aria-hidden="true">&#9650;</span>{% elif column.aria_sort == "descending" %} <span aria-hidden="true">&#9660;</span>{% endif %}</th>
          {% endfor %}"""


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("sort", [("", ""), ("received", "asc"), ("officer", "desc")])
def test_the_header_cells_are_the_template_loops_html(language, sort):
    template = engines["django"].from_string(HEADER_LOOP)
    filters = CaseFilters(q="a&b", status="closed", sort=sort[0], direction=sort[1])
    with translation.override(language):
        found = columns(filters)
        expected = template.render({"columns": found})
        assert "          " + header_cells(found) == expected
    assert "&amp;" in expected  # between the sort links' parameters
    assert '<span aria-hidden="true">&#9' in expected  # the sorted column's arrow
