"""The dashboard's parts written by hand for speed (issue #18) draw what the general tools drew."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from figures.forms import YearForm

from .builders import clock

pytestmark = pytest.mark.django_db


def _form_markup(page: str) -> str:
    return re.search(
        r'<form method="get" novalidate class="app-figures-year">.*?</form>', page, re.S
    )[0]


@pytest.mark.parametrize("query", [{}, {"year": "2025"}])
def test_the_year_form_is_what_crispy_forms_drew(client, north, query):
    client.force_login(north.officer)
    with clock("2026-08-01"):
        page = client.get(reverse("figures:dashboard"), query).content.decode()
        crispy = Template(
            '{% load crispy_forms_tags %}<form method="get" novalidate class="app-figures-year">'
            "{% crispy form %}</form>"
        ).render(Context({"form": YearForm(query or None, kind=north.area.publication_year)}))
    assert _form_markup(page) == crispy
    chosen = re.findall(r'<option value="(\d+)" selected>', _form_markup(page))
    assert chosen == ([query["year"]] if query else [])


# The rows as the template drew them before `Section.body` (issue #18).
TEMPLATE_ROWS = (
    '{% for row in section.rows %}<tr class="govuk-table__row">\n      {% for cell in row %}'
    '{% if forloop.first %}<th scope="row" class="govuk-table__header">{{ cell }}</th>{% else %}'
    '<td class="govuk-table__cell govuk-table__cell--numeric">{{ cell }}</td>{% endif %}'
    "{% endfor %}\n    </tr>{% endfor %}"
)


@pytest.mark.parametrize("separator", [False, True])
@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_tables_rows_are_what_the_template_drew(language, separator, settings):
    from django.utils import translation

    settings.USE_THOUSAND_SEPARATOR = separator

    from figures.charts import bar_chart
    from figures.dashboard import Section

    rows = [["Tom & Jerry's <area>", 12345, "75%", 2.5, "no data"], ["Ynys Môn", 0, "", 1, "3"]]
    section = Section("s", "Heading", bar_chart("c", "t", "d", []), ["a"] * 5, rows)
    with translation.override(language):
        drawn = Template(TEMPLATE_ROWS).render(Context({"section": section}))
        assert str(section.body()) == drawn
    assert "Tom &amp; Jerry&#x27;s &lt;area&gt;" in drawn
    assert (">12,345<" in drawn) == separator
