"""CSV files that are safe to open in a spreadsheet.

Staff open our exports in Excel or LibreOffice, which run a cell beginning with "=", "+", "-"
or "@" as a formula (tab and carriage return can hide such a start). Some cells hold what a
visitor typed (a query string, a name), so `=HYPERLINK(...)` could become a live link or worse
on a colleague's machine. Following OWASP's advice, such a cell is written with a leading
single quote, which spreadsheets show as text. Every CSV export writes through `csv_writer`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """The value as a spreadsheet will read it as text. Numbers and dates pass unchanged: only
    text can carry a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class SafeCSVWriter:
    """csv.writer, with every cell made spreadsheet-safe."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable):
        return self._writer.writerow([spreadsheet_safe(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable]):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **options) -> SafeCSVWriter:
    return SafeCSVWriter(stream, **options)
