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
