"""Add another (the GOV.UK pattern): a form's numbered blocks of fields, such as the reports of
an information return (report_1_date, report_2_date, …), that grow and shrink on the server.

A page starts with one block, or as many as are filled. "Add another" is a submit button
(name="add", value=the prefix) and each block's "Remove" is one too (name="remove",
value="prefix-n"): the view re-renders the form with one block more or less, keeping what was
typed and showing no errors, since nothing was sent yet. static/js/add-another.js does the
same in the browser without a round trip; the number of blocks is read back from the posted
field names, so the script needs no counter of its own.
"""

from __future__ import annotations

import re

from crispy_forms.layout import HTML
from crispy_forms_gds.layout import Fieldset, Size
from django.forms.utils import ErrorDict
from django.utils.html import format_html
from django.utils.translation import gettext

ADD, REMOVE = "add", "remove"
# Enough for any return or plan; a page with more blocks than this is not being typed by hand.
MAXIMUM = 50


def _numbers(data, prefix: str) -> set[int]:
    pattern = re.compile(rf"^{re.escape(prefix)}_(\d+)_")
    return {int(m.group(1)) for key in data if (m := pattern.match(key))}


def count(data, prefix: str, *, filled: int = 0) -> int:
    """How many blocks to show: as many as were posted, or as many as are filled, at least 1."""
    numbers = _numbers(data or {}, prefix)
    return min(max(1, filled, *numbers), MAXIMUM)


def pressed(data, prefixes) -> bool:
    """Whether the post is an add or remove button of one of these blocks, not a submission."""
    if data is None:
        return False
    added = data.get(ADD) in prefixes
    removed = (data.get(REMOVE) or "").rsplit("-", 1)[0] in prefixes
    return added or removed


def edit(data, prefixes) -> tuple[dict, dict[str, int]]:
    """The posted data after its add or remove button, and the number of blocks of each
    prefix to show. Removing a block moves the later ones up, so numbers stay 1, 2, 3…"""
    edited = data.copy()
    edited.pop(ADD, None)
    edited.pop(REMOVE, None)
    counts = {prefix: count(data, prefix) for prefix in prefixes}
    added = data.get(ADD)
    if added in counts:
        counts[added] = min(counts[added] + 1, MAXIMUM)
    prefix, _, number = (data.get(REMOVE) or "").rpartition("-")
    if prefix in counts and number.isdigit():
        _remove(edited, prefix, int(number), counts[prefix])
        counts[prefix] = max(1, counts[prefix] - 1)
    return edited, counts


def _remove(data, prefix: str, number: int, blocks: int) -> None:
    for key in [k for k in list(data) if k.startswith(f"{prefix}_{number}_")]:
        data.pop(key)
    for later in range(number + 1, blocks + 1):
        old = f"{prefix}_{later}_"
        for key in [k for k in list(data) if k.startswith(old)]:
            data.setlist(f"{prefix}_{later - 1}_{key[len(old) :]}", data.getlist(key))
            data.pop(key)


def without_errors(form):
    """A bound form shown as typed but not judged: after add or remove, nothing was sent."""
    form._errors = ErrorDict()
    return form


def block(prefix: str, n: int, noun: str, *fields) -> Fieldset:
    """One numbered block, with its Remove button; the script renumbers both."""
    legend = format_html('{} <span class="app-add-another__number">{}</span>', noun.capitalize(), n)
    remove = HTML(
        format_html(
            '<button type="submit" name="{}" value="{}-{}" class="govuk-button '
            'govuk-button--secondary app-add-another__remove" data-module="govuk-button">'
            '{}<span class="govuk-visually-hidden"> {} <span '
            'class="app-add-another__number">{}</span></span></button>',
            REMOVE,
            prefix,
            n,
            gettext("Remove"),
            noun,
            n,
        )
    )
    return Fieldset(
        *fields,
        remove,
        legend=legend,
        legend_size=Size.SMALL,
        css_class="app-add-another__item",
        **{"data-add-another-item": prefix},
    )


def add_button(prefix: str, noun: str) -> HTML:
    return HTML(
        format_html(
            '<button type="submit" name="{}" value="{}" class="govuk-button '
            'govuk-button--secondary app-add-another__add" data-module="govuk-button" '
            'data-add-another-add="{}">{}</button>',
            ADD,
            prefix,
            prefix,
            gettext("Add another %(noun)s") % {"noun": noun},
        )
    )


def default_submit(name: str, label: str) -> HTML:
    """The form's own action, hidden and first. Enter in a field submits a form through its
    first submit button: without this one, that would be block 1's "Remove", and what was
    typed in block 1 would be lost."""
    return HTML(
        format_html(
            '<button type="submit" name="{}" class="app-default-submit" hidden tabindex="-1">'
            "{}</button>",
            name,
            label,
        )
    )
