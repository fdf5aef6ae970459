"""Exports never carry a live spreadsheet formula (issue #15, finding 8)."""

import csv
import io

import pytest
from django.urls import reverse

from agencies.spreadsheets import csv_writer, spreadsheet_safe


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x.example","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_starts_are_written_as_text(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["AB/2026/0001", "2026-11-20T10:00:00+00:00", "", "a=b", 7, -1])
def test_ordinary_cells_are_unchanged(cell):
    assert spreadsheet_safe(cell) == cell


def test_the_writer_escapes_every_cell():
    out = io.StringIO()
    csv_writer(out).writerow(["=1+1", "ok", None, 3])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'=1+1", "ok", "", "3"]


@pytest.mark.django_db
def test_audit_export_escapes_a_query_string_formula(client, north):
    client.force_login(north.officer)
    client.get(reverse("home"), QUERY_STRING='=HYPERLINK("http://evil.example","x")')
    client.force_login(north.admin)
    rows = list(csv.reader(io.StringIO(client.get(reverse("audit_export")).content.decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells), rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
