"""Fixtures for the incident tests.

Spark tests run only when asked (`make test-spark`, `.ci/run`) and pyspark is installed.
Starting a JVM and linking on Spark takes a minute: too slow for every `make test`, and
pyspark is not in the default install. Each skip says why.

The feed and access tests put a stand-in behind the linking contract (`linker`): they test
who sees what and what is imported, not the Splink model, whose own tests run it for real.
"""

from __future__ import annotations

import os

import pytest

from incidents.linking.backends import spark_available
from tests.incidents.helpers import stand_in_linker


def pytest_collection_modifyitems(config, items):
    asked = os.environ.get("INCIDENT_LINKING_SPARK_TESTS") == "1"
    if not asked:
        reason = "Spark linking tests run with `make test-spark` (INCIDENT_LINKING_SPARK_TESTS=1)"
    elif not spark_available():
        reason = "pyspark is not installed: `make spark` installs requirements-spark.lock"
    else:
        return
    for item in items:
        if "spark" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def linker(monkeypatch):
    """The linking model's contract with a stand-in behind it (see helpers)."""
    import incidents.linking

    monkeypatch.setattr(incidents.linking, "link_records", stand_in_linker, raising=False)
