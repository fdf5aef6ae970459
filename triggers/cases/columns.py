"""The case list's columns: what each shows, and its sort link (GOV.UK sortable table, links
so that sorting works without JavaScript; the server orders on whitelisted fields only)."""

from __future__ import annotations

from dataclasses import dataclass, replace

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
