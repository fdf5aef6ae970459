"""Running the Splink model over one area's records: prepare, train (or load), score, cluster.

Clusters are the connected components of the pairs at or above the threshold, found here
rather than in the backend: the same few lines for DuckDB and Spark, so both give the same
clusters from the same pairs, and each cluster is named by its smallest record id, which
does not depend on the order the backend returned rows in.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence

from incidents.linking import model as linking_model
from incidents.linking.backends import database_api
from incidents.linking.contract import LinkedPair, LinkRecord, LinkResult
from incidents.linking.normalise import (
    formal_given_name,
    given_name,
    iso_date,
    normalise_address,
    normalise_name,
    normalise_phone,
    normalise_postcode,
    outward_code,
    postcode_sector,
)
from incidents.linking.reasons import COMPARISONS, REASON_COLUMNS, ReasonWriter

MODEL_FORMAT = "incidents-linking-model/1"
DEFAULT_SEED = 2014  # the year of the Act; any fixed number makes training repeatable

logger = logging.getLogger(__name__)


def prepare_rows(records: Sequence[LinkRecord]) -> dict[str, list]:
    """The normalised columns Splink compares, one list per column (blanks as NULL)."""
    columns: dict[str, list] = {name: [] for name in linking_model.COLUMNS}
    seen: set[str] = set()
    for record in records:
        if record.record_id in seen:
            raise ValueError(f"Record id {record.record_id!r} appears twice in one batch.")
        seen.add(record.record_id)
        postcode = normalise_postcode(record.postcode)
        address = normalise_address(record.address)
        values = {
            "unique_id": record.record_id,
            "body": record.body,
            "first_name": given_name(record.first_name),
            "surname": normalise_name(record.surname),
            "first_formal": formal_given_name(record.first_name),
            "dob": iso_date(record.date_of_birth),
            "postcode": postcode,
            "sector": postcode_sector(postcode),
            "outward": outward_code(postcode),
            "address_key": address.key,
            "numbers": address.numbers,
            "street": address.street,
            "phone": normalise_phone(record.phone),
        }
        for name, value in values.items():
            columns[name].append(value or None)
    return columns


def _arrow_table(columns: dict[str, list]):
    import pyarrow as pa

    return pa.table({name: pa.array(values, type=pa.string()) for name, values in columns.items()})


def _new_model(linker, threshold: float) -> dict:
    return {
        "format": MODEL_FORMAT,
        "threshold": threshold,
        "splink": linker.misc.save_model_to_json(),
    }


def _check_model(model: dict) -> None:
    if not isinstance(model, dict) or model.get("format") != MODEL_FORMAT:
        raise ValueError(f"Not a linking model of format {MODEL_FORMAT!r}.")


def _scored_pairs(predictions, threshold: float, backend: str) -> tuple[list[str], list[tuple]]:
    """The pairs at or above the threshold: column names, and one tuple per pair."""
    gammas = [f"gamma_{name}" for name, _ in COMPARISONS]
    values = [f"{column}_l, {column}_r" for column in REASON_COLUMNS]
    selected_columns = ", ".join(
        ["unique_id_l", "unique_id_r", "match_weight", "match_probability", *gammas, *values]
    )
    # Every name here is our own constant and the threshold a float: nothing from outside.
    where = f"match_probability >= {float(threshold)!r}"
    sql = f"SELECT {selected_columns} FROM {{this}} WHERE {where}"  # noqa: S608  # nosec B608
    selected = predictions.query_sql(sql)
    if backend == "spark":  # Spark collects the rows to the driver
        frame = selected.as_spark_dataframe()
        return list(frame.columns), [tuple(row) for row in frame.collect()]
    relation = selected.as_duckdbpyrelation()  # DuckDB hands them over directly
    return list(relation.columns), relation.fetchall()


def _pairs_from_rows(columns: list[str], rows: list[tuple]) -> list[LinkedPair]:
    write_reasons = ReasonWriter(columns)
    left_at, right_at = columns.index("unique_id_l"), columns.index("unique_id_r")
    probability_at, weight_at = columns.index("match_probability"), columns.index("match_weight")
    pairs = []
    for values in rows:
        left, right = str(values[left_at]), str(values[right_at])
        if right < left:  # one order for a pair, whichever the backend chose
            left, right = right, left
        pairs.append(
            LinkedPair(
                left_id=left,
                right_id=right,
                match_probability=float(values[probability_at]),
                match_weight=float(values[weight_at]),
                reasons=write_reasons(values),
            )
        )
    pairs.sort(key=lambda pair: (pair.left_id, pair.right_id))
    return pairs


def connected_components(record_ids: Iterable[str], pairs: Iterable[LinkedPair]) -> dict[str, str]:
    """record id -> cluster id, the smallest record id of its connected component."""
    parent: dict[str, str] = {record_id: record_id for record_id in record_ids}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving keeps the trees shallow
            node = parent[node]
        return node

    for pair in pairs:
        left, right = root(pair.left_id), root(pair.right_id)
        if left != right:
            if right < left:
                left, right = right, left
            parent[right] = left
    return {record_id: root(record_id) for record_id in parent}


def link_records(
    records: Sequence[LinkRecord],
    backend: str = "duckdb",
    threshold: float | None = None,
    model: dict | None = None,
    *,
    seed: int = DEFAULT_SEED,
) -> LinkResult:
    """Link one area's records: every record in one cluster, the pairs behind each link.

    With no `model`, the parameters are estimated from `records` themselves (u by random
    sampling, m by expectation maximisation) and the new model comes back in the result.
    `threshold` (a match probability) overrides the model's own.
    """
    # In record id order: the same records in any order give the same sample, model and pairs.
    records = sorted(records, key=lambda record: record.record_id)
    if model is not None:
        _check_model(model)
    chosen = threshold
    if chosen is None:
        chosen = model["threshold"] if model else linking_model.DEFAULT_THRESHOLD
    if not 0 < chosen < 1:
        raise ValueError(f"A threshold is a match probability between 0 and 1, not {chosen!r}.")
    if len(records) < 2:
        clusters = {record.record_id: record.record_id for record in records}
        return LinkResult(clusters=clusters, pairs=[], threshold=chosen, model=model)

    from splink import Linker

    db_api = database_api(backend)
    rows = prepare_rows(records)
    table = db_api.register(_arrow_table(rows))
    if model is not None:
        dialect = db_api.sql_dialect.sql_dialect_str
        parameters = linking_model.settings_with_parameters(model["splink"], dialect)
        linker = Linker(table, parameters, log_level=logging.WARNING)
    else:
        linker = _trained_linker(db_api, table, rows, len(records), seed)
    predictions = linker.inference.predict(threshold_match_probability=chosen)
    pairs = _pairs_from_rows(*_scored_pairs(predictions, chosen, backend))
    clusters = connected_components((record.record_id for record in records), pairs)
    result_model = model if model is not None else _new_model(linker, chosen)
    if threshold is not None and model is not None:
        result_model = {**model, "threshold": chosen}
    _release(db_api)
    return LinkResult(clusters=clusters, pairs=pairs, threshold=chosen, model=result_model)


# Random pairs for u come from at most this many records of an area.
U_SAMPLE_RECORDS = 10_000


def _trained_linker(db_api, table, rows: dict[str, list], count: int, seed: int):
    """Estimate the model from the area's own records: u on a sample, m on them all."""
    from splink import Linker

    step = max(1, math.ceil(count / U_SAMPLE_RECORDS))
    sample = {name: values[::step] for name, values in rows.items()}
    sample_count = len(sample["unique_id"])
    sampler = Linker(
        db_api.register(_arrow_table(sample)), linking_model.settings(), log_level=logging.WARNING
    )
    linking_model.estimate_u(
        sampler, seed=seed, max_pairs=min(sample_count * (sample_count - 1) / 2, 5e5)
    )
    linker = Linker(table, sampler.misc.save_model_to_json(), log_level=logging.WARNING)
    pairs_possible = count * (count - 1) / 2
    linking_model.estimate_m(linker, max_pairs=max(1e5, min(2e6, math.sqrt(pairs_possible) * 20)))
    return linker


def _release(db_api) -> None:
    """Drop what Splink made: a DuckDB connection's memory, a Spark session's cached views."""
    try:
        db_api.delete_tables_created_by_splink_from_db()
    except Exception:  # cleaning up must never lose a finished result
        logger.warning("Could not drop linking's working tables", exc_info=True)
