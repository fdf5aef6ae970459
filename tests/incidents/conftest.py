"""Spark tests run only when asked (`make test-spark`, `.ci/run`) and pyspark is installed.

Starting a JVM and linking on Spark takes a minute: too slow for every `make test`, and
pyspark is not in the default install. Each skip says why.
"""

from __future__ import annotations

import os

import pytest

from incidents.linking.backends import spark_available


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
