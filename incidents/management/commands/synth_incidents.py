"""Write synthetic incident records with known truth to a CSV file (issue #20).

    manage.py synth_incidents --records 20000 --areas 5 --seed 20 --out incidents.csv

The truth columns (person_id, incident_id) say who each record is really about; drop them
before feeding a file to an import meant to be measured.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import fields

from django.core.management.base import BaseCommand

from incidents.synthetic import SyntheticRecord, generate


class Command(BaseCommand):
    help = "Generate synthetic ASB incident records (Faker en_GB) with known truth, as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=2_000)
        parser.add_argument("--areas", type=int, default=5)
        parser.add_argument("--seed", type=int, default=20)
        parser.add_argument("--out", default="-", help="a file path, or - for standard output")

    def handle(self, *args, **options):
        records = generate(options["records"], options["areas"], seed=options["seed"])
        columns = [field.name for field in fields(SyntheticRecord)]
        if options["out"] == "-":
            self._write(sys.stdout if self.stdout is None else self.stdout, records, columns)
            return
        with open(options["out"], "w", newline="", encoding="utf-8") as handle:
            self._write(handle, records, columns)
        self.stderr.write(f"{len(records):,} records written to {options['out']}")

    def _write(self, handle, records, columns):
        writer = csv.writer(handle)
        writer.writerow(columns)
        for record in records:
            row = []
            for column in columns:
                value = getattr(record, column)
                row.append("" if value is None else value)
            writer.writerow(row)
