"""The model's comparisons and the reasons an officer reads for each level."""

from __future__ import annotations

import pytest

from incidents.linking import model
from incidents.linking.reasons import COMPARISONS, LEVEL_REASONS, ReasonWriter, reasons_for


@pytest.mark.parametrize(("name", "make"), COMPARISONS)
def test_reasons_follow_the_models_levels_in_order(name, make):
    levels = [level for level in make().create_comparison_levels() if not level.is_null_level]
    labels = [level.label_for_charts for level in levels]
    assert labels == [label for label, _ in LEVEL_REASONS[name]]


def test_each_comparison_has_a_null_level_for_missing_values():
    for _, make in COMPARISONS:
        assert any(level.is_null_level for level in make().create_comparison_levels())


def _row(**values):
    row = {"gamma_name": -1, "gamma_dob": -1, "gamma_home": -1}
    row.update(values)
    return row


def test_the_highest_levels_read_as_plain_words():
    row = _row(gamma_name=6, gamma_dob=3, gamma_home=8)
    assert reasons_for(row) == (
        "name matches",
        "same date of birth",
        "same address and phone number",
    )


def test_a_near_surname_shows_both_spellings():
    row = _row(
        gamma_name=2, surname_l="smyth", surname_r="smith", first_name_l="john", first_name_r="john"
    )
    assert reasons_for(row) == ("surname: Smyth ~ Smith",)


def test_a_nickname_shows_both_names():
    row = _row(gamma_name=5, first_name_l="bill", first_name_r="william")
    assert reasons_for(row) == ("first name: Bill ~ William",)


def test_disagreement_and_missing_values_give_no_reason():
    assert reasons_for(_row(gamma_name=0, gamma_dob=0, gamma_home=0)) == ()
    assert reasons_for(_row()) == ()


def test_the_fast_writer_says_what_reasons_for_says():
    columns = [
        "gamma_name",
        "gamma_dob",
        "gamma_home",
        "first_name_l",
        "first_name_r",
        "surname_l",
        "surname_r",
        "dob_l",
        "dob_r",
        "street_l",
        "street_r",
    ]
    write = ReasonWriter(columns)
    rows = [
        (6, 3, 8, "ann", "ann", "lee", "lee", "1980-01-02", "1980-01-02", "x", "x"),
        (5, -1, 3, "bill", "william", "lee", "lee", None, None, "high st", "high street"),
        (2, 1, 4, "jon", "john", "smyth", "smith", "1980-01-02", "1981-01-02", "a", "a"),
    ]
    for values in rows * 2:  # the second time from the writer's cache
        assert write(values) == reasons_for(dict(zip(columns, values, strict=True)))


def test_prediction_blocking_survives_swapped_names():
    rules = model.prediction_blocking_rules()
    assert "l.first_name = r.surname AND l.surname = r.first_name" in rules
