"""The incident feed's columns (docs/incident-feed.md), and reading one row of them.

Pure: a row is a dict of text; the answer is the values to store, or the row's errors, each
naming the column and saying what is wrong in words the sender can act on. The CSV upload and
the API read rows the same way, so a batch fails or passes identically by either route.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext, gettext_noop

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
TRUE_WORDS = {"yes", "y", "true", "1"}
FALSE_WORDS = {"no", "n", "false", "0", ""}
# A UK postcode's shape (outward code, space optional, inward code); not an existence check.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
MAX_ROWS = 50_000


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    required: bool
    max_length: int = 0
    kind: str = "text"  # text, date, boolean, postcode

    @property
    def shown(self) -> str:
        """The label in the active language (`label` stays English: headers are matched by it)."""
        return gettext(self.label)


COLUMNS = (
    Column("reference", gettext_noop("Your reference"), True, 60),
    Column("incident_date", gettext_noop("Date of the incident"), True, kind="date"),
    Column("reported_date", gettext_noop("Date reported"), True, kind="date"),
    Column("first_name", gettext_noop("Reporter's first name"), False, 80),
    Column("surname", gettext_noop("Reporter's surname"), True, 80),
    Column("date_of_birth", gettext_noop("Reporter's date of birth"), False, kind="date"),
    Column("address", gettext_noop("Address"), False, 300),
    Column("postcode", gettext_noop("Postcode"), False, kind="postcode"),
    Column("phone", gettext_noop("Phone"), False, 40),
    Column("category", gettext_noop("Category"), False, 80),
    Column("description", gettext_noop("What happened"), False, 5000),
    Column("hate_related", gettext_noop("Hate-related"), False, kind="boolean"),
)
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
REQUIRED = tuple(c.name for c in COLUMNS if c.required)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


def normalise_postcode(text: str) -> str | None:
    compact = re.sub(r"\s+", "", text.upper())
    match = POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else None


def iso_date(text: str) -> date | None:
    """A date as YYYY-MM-DD only (the API's format)."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        return None


def _date(text: str) -> date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _value(column: Column, text: str, today: date):
    """(value, error message or None) for one cell."""
    if column.kind == "date":
        if not text:
            return None, None
        day = _date(text)
        if day is None:
            return None, gettext("%(column)s must be a date like 2026-03-31 or 31/03/2026") % {
                "column": column.shown
            }
        if day > today:
            return None, gettext("%(column)s must be today or in the past") % {
                "column": column.shown
            }
        return day, None
    if column.kind == "boolean":
        word = text.lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS, None
        return None, gettext("%(column)s must be yes or no") % {"column": column.shown}
    if column.kind == "postcode":
        if not text:
            return "", None
        postcode = normalise_postcode(text)
        if postcode:
            return postcode, None
        return None, gettext("%(column)s must be a UK postcode, like L1 8JQ") % {
            "column": column.shown
        }
    if column.max_length and len(text) > column.max_length:
        return None, gettext("%(column)s must be %(max)s characters or fewer") % {
            "column": column.shown,
            "max": column.max_length,
        }
    return text, None


def read_row(row_number: int, cells: dict, today: date) -> tuple[dict | None, list[RowError]]:
    """The values of one row (our column names), or None and every error found in it."""
    values, errors = {}, []
    for column in COLUMNS:
        raw = cells.get(column.name)
        text = "" if raw is None else " ".join(str(raw).split())
        if column.name == "description" and raw is not None:
            text = str(raw).strip()  # free text keeps its line breaks
        if column.required and not text:
            message = gettext("Enter the %(column)s") % {"column": column.shown.lower()}
            errors.append(RowError(row_number, column.name, message))
            continue
        value, message = _value(column, text, today)
        if message:
            errors.append(RowError(row_number, column.name, message))
        else:
            values[column.name] = value
    incident, reported = values.get("incident_date"), values.get("reported_date")
    if incident and reported and reported < incident:
        errors.append(
            RowError(
                row_number,
                "reported_date",
                gettext("Date reported must be on or after the incident"),
            )
        )
    if errors:
        return None, errors
    values["hate_related"] = bool(values.get("hate_related"))
    return values, []


def guess_mapping(headers: list[str], remembered: dict | None = None) -> dict:
    """Our column -> their header: what the body used last time, else a header that reads as
    our name or label (case, spaces and punctuation ignored)."""

    def squash(text: str) -> str:
        return re.sub(r"[^a-z0-9]", "", text.lower())

    by_squashed = {squash(h): h for h in headers}
    mapping = {}
    for column in COLUMNS:
        known = (remembered or {}).get(column.name)
        if known in headers:
            mapping[column.name] = known
            continue
        for candidate in (column.name, column.label, column.shown):
            if squash(candidate) in by_squashed:
                mapping[column.name] = by_squashed[squash(candidate)]
                break
    return mapping
