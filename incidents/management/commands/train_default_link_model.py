"""Train the default linking model shipped with the code, on synthetic records (issue #20).

    manage.py train_default_link_model --records 50000 --seed 20

An area with too few records of its own to train on (a new area, the demo) links with this
model until it has enough (incidents.linking.defaults). The output is data, not code, but it
decides who is linked to whom: commit it and review its diff as you would code (see the
README in incidents/linking/).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand

from incidents.linking import link_records
from incidents.linking.defaults import DEFAULT_MODEL_PATH
from incidents.synthetic import generate


class Command(BaseCommand):
    help = "Train the default linking model on synthetic records and write it as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=50_000)
        parser.add_argument("--seed", type=int, default=20)
        parser.add_argument("--out", default=str(DEFAULT_MODEL_PATH))

    def handle(self, *args, **options):
        started = time.perf_counter()
        # One area: the model learns what one area's records look like, as an area trains.
        records = generate(options["records"], areas=1, seed=options["seed"])
        by_area = defaultdict(list)
        for record in records:
            by_area[record.area].append(record.link_record())
        (own,) = by_area.values()
        result = link_records(own)
        model = {
            **result.model,
            "trained_on": {
                "source": "incidents.synthetic.generate",
                "records": options["records"],
                "seed": options["seed"],
            },
        }
        text = json.dumps(model, indent=1, sort_keys=True) + "\n"
        Path(options["out"]).write_text(text, encoding="utf-8")
        self.stdout.write(
            f"Trained on {len(own):,} synthetic records in {time.perf_counter() - started:.0f} s;"
            f" written to {options['out']} ({len(text):,} bytes)."
        )
