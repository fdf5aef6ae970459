"""The normalisers: what bodies write, reduced to what linking compares."""

from __future__ import annotations

import pytest

from incidents.linking.nicknames import formal_name
from incidents.linking.normalise import (
    formal_given_name,
    given_name,
    normalise_address,
    normalise_name,
    normalise_phone,
    normalise_postcode,
    outward_code,
    postcode_sector,
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("O'Brien", "obrien"), ("  SMITH-JONES ", "smith jones"), ("Zoë", "zo"), ("", "")],
)
def test_names_are_lower_case_letters(written, expected):
    assert normalise_name(written) == expected


def test_only_the_first_given_name_counts():
    assert given_name("Mary Ann") == "mary"
    assert given_name("") == ""


@pytest.mark.parametrize(
    ("short", "formal"),
    [("Bill", "william"), ("liz", "elizabeth"), ("Bob", "robert"), ("Peggy", "margaret")],
)
def test_nicknames_map_to_the_formal_name(short, formal):
    assert formal_given_name(short) == formal


def test_a_name_without_a_nickname_is_itself():
    assert formal_name("william") == "william"
    assert formal_name("zebedee") == "zebedee"


@pytest.mark.parametrize("written", ["L1 8JQ", "l1 8jq", "L18JQ", " l1  8JQ "])
def test_postcodes_however_spaced_are_one(written):
    assert normalise_postcode(written) == "L1 8JQ"


def test_a_postcode_has_a_district_and_a_sector():
    assert outward_code("SW1A 1AA") == "SW1A"
    assert postcode_sector("SW1A 1AA") == "SW1A 1"
    assert outward_code("") == postcode_sector("") == ""


@pytest.mark.parametrize("written", ["not known", "12345", "L1"])
def test_what_is_not_a_postcode_is_dropped(written):
    assert normalise_postcode(written) == ""


@pytest.mark.parametrize(
    "written",
    [
        "Flat 2, 10 High St",
        "2/10 High Street",
        "10 High Street, Flat 2",
        "FLAT 2 10 HIGH ST.",
        "Flat 2, 10 High Street, Newtown",
        "Apartment 2, 10 High St",
    ],
)
def test_one_flat_written_many_ways_is_one_address(written):
    address = normalise_address(written)
    assert address.key == "2/10 high street"
    assert address.numbers == "2/10"
    assert address.street == "high street"


def test_a_house_is_not_a_flat_in_it():
    assert normalise_address("10 High Street").key == "10 high street"
    assert normalise_address("10 High Street").key != normalise_address("2/10 High St").key


def test_street_abbreviations_expand():
    assert normalise_address("5 Church Rd").street == "church road"
    assert normalise_address("5 Elm Gdns").street == "elm gardens"


def test_an_empty_address_has_no_key():
    assert normalise_address("").key == ""


@pytest.mark.parametrize(
    "written", ["07700 900123", "+44 7700 900123", "+44 (0)7700 900123", "0044 7700900123"]
)
def test_phones_in_the_national_form(written):
    assert normalise_phone(written) == "07700900123"


def test_a_short_number_is_dropped():
    assert normalise_phone("999") == ""
