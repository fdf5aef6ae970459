"""Linking incident records across bodies to the same person (issue #20).

The contract the rest of the portal uses; the Splink model behind it lives in this package.
Pure of Django: records in, links out, so the same call runs on DuckDB (the embedded
default) or Spark (a setting), in a request-free job.

    link_records(records, backend="duckdb", threshold=None) -> LinkResult

`records` are `LinkRecord`s; every record comes back in exactly one cluster (a singleton
when nothing matched). `pairs` holds the scored pairs at or above the threshold, with the
reasons an officer can read ("same date of birth", "postcode matches", "name: Jon ~ John").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class LinkRecord:
    """One body's incident record, as linking sees it (no free text, no category)."""

    record_id: str  # unique across the batch, e.g. the database id as text
    body: str  # the reporting agency's slug
    first_name: str = ""
    surname: str = ""
    date_of_birth: date | None = None
    postcode: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class LinkedPair:
    left_id: str
    right_id: str
    match_probability: float  # 0..1
    match_weight: float  # log2 Bayes factor, Splink's
    reasons: tuple[str, ...] = ()


@dataclass
class LinkResult:
    clusters: dict[str, str] = field(default_factory=dict)  # record_id -> cluster_id
    pairs: list[LinkedPair] = field(default_factory=list)
    threshold: float = 0.0
