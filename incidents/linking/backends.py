"""Where Splink runs: DuckDB in this process (the default), or Spark.

The caller chooses (the `INCIDENT_LINKING_BACKEND` setting); the model and the answers are
the same. pyspark is not in the default install (requirements-spark.lock, `make spark`):
asking for Spark without it says how to get it.
"""

from __future__ import annotations

import os
import tempfile

BACKENDS = ("duckdb", "spark")


class BackendUnavailable(RuntimeError):
    """The backend asked for is not installed here."""


def duckdb_api(memory_limit: str | None = None, threads: int | None = None):
    import duckdb
    from splink import DuckDBAPI

    connection = duckdb.connect(":memory:")
    # A cap keeps one area's linking inside the machine's budget; beyond it DuckDB spills to
    # its temporary directory rather than failing.
    limit = memory_limit or os.environ.get("INCIDENT_LINKING_DUCKDB_MEMORY", "4GB")
    connection.execute(f"SET memory_limit = '{limit}'")
    connection.execute(f"SET temp_directory = '{tempfile.gettempdir()}/incidents-linking'")
    if threads:
        connection.execute(f"SET threads = {int(threads)}")
    connection.execute("SET preserve_insertion_order = false")
    return DuckDBAPI(connection=connection)


_SPARK_SESSION = None


def spark_session():
    """One local Spark session per process (starting the JVM takes seconds)."""
    global _SPARK_SESSION
    if _SPARK_SESSION is not None:
        return _SPARK_SESSION
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError as error:
        raise BackendUnavailable(
            "The Spark backend needs pyspark: `make spark` installs it (requirements-spark.lock)."
        ) from error
    master = os.environ.get("INCIDENT_LINKING_SPARK_MASTER", "local[2]")
    checkpoints = tempfile.mkdtemp(prefix="incidents-linking-spark-")
    session = (
        SparkSession.builder.master(master)
        .appName("incidents-linking")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", os.environ.get("INCIDENT_LINKING_SPARK_MEMORY", "2g"))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.setCheckpointDir(checkpoints)
    _SPARK_SESSION = session
    return session


def spark_api():
    from splink import SparkAPI

    return SparkAPI(spark_session=spark_session(), num_partitions_on_repartition=4)


def database_api(backend: str):
    if backend == "duckdb":
        return duckdb_api()
    if backend == "spark":
        return spark_api()
    raise ValueError(f"Unknown linking backend {backend!r}: choose one of {', '.join(BACKENDS)}.")


def spark_available() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True
