"""The contract of linking: records in, pairs and clusters out (see the package)."""

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
    # The area's model as trained or given: store it and pass it back as `model=` to link
    # the next batch with the same weights and threshold (JSON-serialisable).
    model: dict | None = None
