"""The Splink model of an incident record: its comparisons, blocking rules and training.

Every comparison is built from Splink's level library (exact, Jaro-Winkler,
Damerau-Levenshtein, columns reversed), which Splink writes in each backend's own SQL, so
the same model runs on DuckDB and on Spark. The level labels are the words an officer
reads as the reasons for a link (see `reasons.py`): keep them plain.
"""

from __future__ import annotations

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on

# The columns linking reads; `prepare_rows` in engine.py makes them from a LinkRecord.
COLUMNS = (
    "unique_id",
    "body",
    "first_name",
    "surname",
    "first_formal",
    "dob",
    "postcode",
    "sector",
    "outward",
    "address_key",
    "numbers",
    "street",
    "phone",
)

# The threshold used when an area has no model of its own yet: a link is made when the
# model gives at least this probability that two records are one person. Chosen on the
# synthetic data (link_bench); an area may keep its own in its model.
DEFAULT_THRESHOLD = 0.95


def _either_null(*columns: str) -> cll.CustomLevel:
    condition = " OR ".join(f'"{c}_l" IS NULL OR "{c}_r" IS NULL' for c in columns)
    return cll.CustomLevel(condition, "name missing", base_dialect_str="duckdb").configure(
        is_null_level=True
    )


def _similar(column: str, jaro_winkler: float, edits: int) -> cll.Or:
    # Jaro-Winkler forgives a changed ending (Smyth/Smith); Damerau-Levenshtein one slip of
    # the keyboard anywhere, a swapped pair of letters included (Jhon/John).
    return cll.Or(
        cll.JaroWinklerLevel(column, jaro_winkler),
        cll.DamerauLevenshteinLevel(column, edits),
    )


def name_comparison() -> cl.CustomComparison:
    both = cll.And(cll.ExactMatchLevel("first_name"), cll.ExactMatchLevel("surname"))
    variant = cll.And(cll.ExactMatchLevel("first_formal"), cll.ExactMatchLevel("surname"))
    swapped = cll.ColumnsReversedLevel("first_name", "surname", symmetrical=True)
    first_similar = cll.And(cll.ExactMatchLevel("surname"), _similar("first_name", 0.88, 1))
    surname_similar = cll.And(
        _similar("surname", 0.9, 1),
        cll.Or(cll.ExactMatchLevel("first_formal"), _similar("first_name", 0.88, 1)),
    )
    return cl.CustomComparison(
        output_column_name="name",
        comparison_description="first name and surname",
        comparison_levels=[
            _either_null("first_name", "surname"),
            both.configure(label_for_charts="name matches"),
            variant.configure(label_for_charts="first name is a variant"),
            swapped.configure(label_for_charts="first name and surname swapped"),
            first_similar.configure(label_for_charts="first name similar"),
            surname_similar.configure(label_for_charts="surname similar"),
            cll.ExactMatchLevel("surname").configure(label_for_charts="surname only"),
            cll.ElseLevel().configure(label_for_charts="names differ"),
        ],
    )


def date_of_birth_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="dob",
        comparison_description="date of birth",
        comparison_levels=[
            cll.NullLevel("dob"),
            cll.ExactMatchLevel("dob").configure(label_for_charts="same date of birth"),
            cll.CustomLevel(
                # 3/4/1980 for 4 March: the day and the month written the other way round
                "substr(dob_l, 1, 4) = substr(dob_r, 1, 4) "
                "AND substr(dob_l, 6, 2) = substr(dob_r, 9, 2) "
                "AND substr(dob_l, 9, 2) = substr(dob_r, 6, 2)",
                label_for_charts="day and month swapped",
                base_dialect_str="duckdb",
            ),
            cll.DamerauLevenshteinLevel("dob", 1).configure(
                label_for_charts="date of birth one digit apart"
            ),
            cll.ElseLevel().configure(label_for_charts="dates of birth differ"),
        ],
    )


def _both_missing(*columns: str) -> cll.CustomLevel:
    condition = " AND ".join(f'("{c}_l" IS NULL OR "{c}_r" IS NULL)' for c in columns)
    return cll.CustomLevel(condition, "address missing", base_dialect_str="duckdb").configure(
        is_null_level=True
    )


def home_comparison() -> cl.CustomComparison:
    """Address, postcode and phone as one piece of evidence: where and how to reach someone.

    Separate comparisons would count one fact several times (a flat always has the same
    postcode, a household often one landline), and a household (a family, a shared house)
    would look like one person.
    """
    same_address = cll.ExactMatchLevel("address_key")
    same_phone = cll.ExactMatchLevel("phone")
    near = cll.And(cll.ExactMatchLevel("numbers"), cll.JaroWinklerLevel("street", 0.9))
    return cl.CustomComparison(
        output_column_name="home",
        comparison_description="address, postcode and phone",
        comparison_levels=[
            _both_missing("address_key", "postcode", "phone"),
            cll.And(same_address, same_phone).configure(
                label_for_charts="same address and phone number"
            ),
            cll.And(same_address, cll.ExactMatchLevel("postcode")).configure(
                label_for_charts="same address and postcode"
            ),
            same_address.configure(label_for_charts="same address"),
            same_phone.configure(label_for_charts="same phone number"),
            near.configure(label_for_charts="same number, street spelt differently"),
            cll.ExactMatchLevel("postcode").configure(label_for_charts="postcode matches"),
            cll.ExactMatchLevel("sector").configure(label_for_charts="same postcode sector"),
            cll.ExactMatchLevel("outward").configure(label_for_charts="same postcode district"),
            cll.ElseLevel().configure(label_for_charts="addresses differ"),
        ],
    )


def prediction_blocking_rules() -> list:
    """Which pairs are compared at all: any one of these agreeing puts a pair in.

    Between them they survive one error anywhere: a mistyped surname still shares date of
    birth and formal first name, or postcode and formal first name; a missing date of birth
    still shares postcode, address or phone; swapped names are a rule of their own.
    """
    return [
        block_on("surname", "dob"),
        block_on("first_formal", "dob"),
        block_on("postcode", "surname"),
        block_on("postcode", "first_formal"),
        block_on("address_key"),
        block_on("phone"),
        block_on("surname", "first_formal"),
        "l.first_name = r.surname AND l.surname = r.first_name",
    ]


# The rules expectation maximisation blocks on, one training run each.
# Not the postcode: people at one address (a family, a shared house) would teach the model
# that a "match" is a household.
TRAINING_BLOCKING_RULES = (("dob",), ("first_formal", "surname"))


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            name_comparison(),
            date_of_birth_comparison(),
            home_comparison(),
        ],
        blocking_rules_to_generate_predictions=prediction_blocking_rules(),
        retain_matching_columns=True,
        retain_intermediate_calculation_columns=False,
        # Named, not left to Splink to find: the reasons read them on every backend.
        additional_columns_to_retain=["body", "street"],
    )


def settings_with_parameters(trained: dict, dialect: str) -> dict:
    """The model's trained parameters on this module's comparisons, in `dialect`'s SQL.

    A saved model holds SQL in the dialect it was trained on (DuckDB quotes names the way
    Spark quotes strings), so another backend gets the comparisons written afresh for it,
    with the same m and u probabilities level by level.
    """
    fresh = settings().get_settings(dialect).as_dict()
    if len(fresh["comparisons"]) != len(trained["comparisons"]):
        raise ValueError("The model's comparisons are not this version's.")
    for new, old in zip(fresh["comparisons"], trained["comparisons"], strict=True):
        new_levels, old_levels = new["comparison_levels"], old["comparison_levels"]
        if [level.get("label_for_charts") for level in new_levels] != [
            level.get("label_for_charts") for level in old_levels
        ]:
            raise ValueError(
                f"The model's {new['output_column_name']} levels are not this version's."
            )
        for new_level, old_level in zip(new_levels, old_levels, strict=True):
            for key in ("m_probability", "u_probability"):
                if key in old_level:
                    new_level[key] = old_level[key]
    fresh["probability_two_random_records_match"] = trained["probability_two_random_records_match"]
    return fresh


def estimate_u(linker, *, seed: int, max_pairs: float) -> None:
    """u (how often two different people agree by chance) from random pairs of records.

    Run on a sample of an area's records: random pairs need no particular records, and
    seeded sampling over a whole area costs minutes for nothing.
    """
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)


def estimate_m(linker, *, max_pairs: float) -> None:
    """m (how often records of one person agree) by expectation maximisation, no labels.

    Each training rule leaves the comparisons it blocks on unestimated, and the other rule
    estimates them. Splink's pair filter is a hash, so the same data gives the same model.
    """
    training = linker.training
    training.estimate_probability_two_random_records_match(
        [
            block_on("surname", "first_formal", "dob"),
            block_on("surname", "first_formal", "postcode"),
        ],
        recall=0.7,
    )
    for columns in TRAINING_BLOCKING_RULES:
        training.estimate_parameters_using_expectation_maximisation(
            block_on(*columns), max_pairs=max_pairs
        )
