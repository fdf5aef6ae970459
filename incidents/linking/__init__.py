"""Linking incident records across bodies to the same person (issue #20).

The contract the rest of the portal uses; the Splink model behind it lives in this package.
Pure of Django: records in, links out, so the same call runs on DuckDB (the embedded
default) or Spark (a setting), in a request-free job.

    link_records(records, backend="duckdb", threshold=None, model=None) -> LinkResult

`records` are `LinkRecord`s of one area (records never link across areas); every record
comes back in exactly one cluster (a singleton when nothing matched). `pairs` holds the
scored pairs at or above the threshold, with the reasons an officer can read ("same date of
birth", "postcode matches", "surname: Smyth ~ Smith"). `model` is the area's trained model
(its match weights and threshold): store it and pass it back to skip training next time.
"""

from __future__ import annotations

from incidents.linking.contract import LinkedPair, LinkRecord, LinkResult
from incidents.linking.engine import MODEL_FORMAT, link_records

__all__ = ["MODEL_FORMAT", "LinkRecord", "LinkResult", "LinkedPair", "link_records"]
