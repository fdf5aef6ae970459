"""The case list's columns: what each shows, and its sort link (GOV.UK sortable table, links
so that sorting works without JavaScript; the server orders on whitelisted fields only)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from triggers.cases.forms import query_for
from triggers.selectors import FIRST_DIRECTION, CaseFilters

# (sort key, heading), in the table's order.
COLUMNS = (
    ("reference", _("Reference")),
    ("applicant", _("Applicant")),
    ("place", _("Postcode")),
    ("area", _("Area")),
    ("received", _("Received")),
    ("status", _("Status")),
    ("deadline", _("Next deadline")),
    ("officer", _("Officer")),
)
ARIA_SORT = {"asc": "ascending", "desc": "descending"}


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # lazy: written in the page's language
    aria_sort: str  # "ascending", "descending" or "none"
    url: str  # the list sorted by this column (the other way round when it already is)
    next_direction: str


def columns(filters: CaseFilters) -> list[Column]:
    current, direction = filters.ordering()
    found = []
    for key, heading in COLUMNS:
        if key == current:
            aria, following = ARIA_SORT[direction], "desc" if direction == "asc" else "asc"
        else:
            aria, following = "none", FIRST_DIRECTION.get(key, "asc")
        query = query_for(replace(filters, sort=key, direction=following))
        found.append(Column(key, heading, aria, f"?{query}", following))
    return found


ARROWS = {
    "ascending": ' <span aria-hidden="true">&#9650;</span>',
    "descending": ' <span aria-hidden="true">&#9660;</span>',
}


def header_cells(found: list[Column]) -> SafeString:
    """The table's header cells, as the template's loop over the columns wrote them (with
    the whitespace around each), in Python like the rows (triggers/cases/rows.py)."""
    cells = []
    for column in found:
        if column.next_direction == "asc":
            sort = gettext("sort ascending")
        else:
            sort = gettext("sort descending")
        cells.append(
            f'\n          <th scope="col" class="govuk-table__header" aria-sort="'
            f'{escape(column.aria_sort)}"><a class="govuk-link app-sort-link" href="'
            f'{escape(column.url)}">{escape(column.heading)}<span class="govuk-visually-hidden">'
            f", {sort}</span></a>{ARROWS.get(column.aria_sort, '')}</th>\n          "
        )
    return mark_safe("".join(cells))  # noqa: S308  # nosec B308 B703 -- every value escaped
