"""The default model: the parameters an area links with until it can train its own.

Splink estimates m by expectation maximisation over pairs of records that agree on a
blocking rule; in a handful of records there are too few such pairs (often none), so a small
area cannot train, and an untrained model links nobody, not even John Smith to Jon Smith at
one address with one date of birth. Such an area links with `default_model.json` instead:
trained once on the synthetic generator's records (`manage.py train_default_link_model`) and
committed. It is data, but it decides who is linked to whom: its diff is reviewed like code.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DEFAULT_MODEL_PATH = Path(__file__).with_name("default_model.json")

# Below this many records an area links with the default model rather than its own. EM needs
# many pairs of one person agreeing on a blocking rule to estimate each level's m; the
# synthetic areas train to precision >= 0.98 and recall >= 0.95 from 2,000 records
# (tests/incidents/test_linking.py), and real records are messier, so 5,000 leaves a margin
# while any area of a few months' reports (a district sends thousands) gets its own.
MIN_RECORDS_TO_TRAIN = 5_000


@cache
def _default_text() -> str:
    return DEFAULT_MODEL_PATH.read_text(encoding="utf-8")


def default_model() -> dict:
    """The shipped model, read once per process; a fresh copy each call, for callers to keep."""
    return json.loads(_default_text())
