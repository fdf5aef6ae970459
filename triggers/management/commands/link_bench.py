"""Measure linking on synthetic incident records: time, memory, link quality, detection.

    manage.py link_bench --records 1000000 --areas 5 --backend duckdb

Each area is linked on its own (records never link across areas), as the portal does.
Peak memory is this process's maximum resident set (DuckDB runs inside it); with Spark the
JVM is a separate process and is not counted.
"""

from __future__ import annotations

import resource
import time
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError

from incidents.linking import link_records
from incidents.linking.backends import BACKENDS, BackendUnavailable
from incidents.synthetic import generate
from triggers.linking_quality import detection, edge_precision, link_quality

GOALS = "goals: precision >= 0.98, recall >= 0.95, detected >= 95%, false surfaced <= 2%"


def _peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


class Command(BaseCommand):
    help = "Link synthetic incident records and measure time, memory, precision and recall."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=20_000)
        parser.add_argument("--areas", type=int, default=5)
        parser.add_argument("--backend", choices=BACKENDS, default="duckdb")
        parser.add_argument("--seed", type=int, default=20)
        parser.add_argument(
            "--threshold", type=float, default=None, help="match probability (default: model's)"
        )

    def handle(self, *args, **options):
        write = self.stdout.write
        started = time.perf_counter()
        records = generate(options["records"], options["areas"], seed=options["seed"])
        generated = time.perf_counter()
        write(
            f"generated {len(records):,} records over {options['areas']} areas "
            f"in {generated - started:.1f} s"
        )
        by_area = defaultdict(list)
        for record in records:
            by_area[record.area].append(record)
        clusters: dict[str, str] = {}
        pairs = []
        threshold = None
        for area, own in by_area.items():
            area_started = time.perf_counter()
            try:
                result = link_records(
                    [record.link_record() for record in own],
                    backend=options["backend"],
                    threshold=options["threshold"],
                )
            except BackendUnavailable as error:
                raise CommandError(str(error)) from error
            clusters.update({record_id: f"{area}:{c}" for record_id, c in result.clusters.items()})
            pairs.extend(result.pairs)
            threshold = result.threshold
            write(
                f"  {area}: {len(own):,} records, {len(result.pairs):,} links, "
                f"{len(set(result.clusters.values())):,} people, "
                f"{time.perf_counter() - area_started:.1f} s"
            )
        linked = time.perf_counter()
        truth = {record.record_id: record.person_id for record in records}
        quality = link_quality(truth, clusters)
        found = detection(records, clusters, today=max(r.reported_date for r in records))
        write(f"backend: {options['backend']}, threshold (match probability): {threshold}")
        write(f"linking time: {linked - generated:.1f} s (all areas)")
        write(f"peak memory: {_peak_memory_mb():,.0f} MB (max resident set of this process)")
        write(
            f"links (pairs of records in one person): precision {quality.precision:.4f}, "
            f"recall {quality.recall:.4f} ({quality.correct_pairs:,} correct of "
            f"{quality.predicted_pairs:,} made, {quality.true_pairs:,} true)"
        )
        write(f"scored pairs at the threshold: precision {edge_precision(truth, pairs):.4f}")
        write(
            f"detection: {found.truly_met:,} victims truly meet the threshold; "
            f"{found.surfaced:,} surfaced; detected {found.detection_rate:.2%}; "
            f"surfaced but not truly meeting it {found.false_rate:.2%}"
        )
        write(GOALS)
