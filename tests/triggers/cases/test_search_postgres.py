"""The PostgreSQL search of the case list: full-text words on the indexed vector, trigram
similarity for names and postcodes. Run with DATABASE_URL naming a PostgreSQL database; on
SQLite these tests skip (the plain `icontains` search is tested in test_search.py)."""

import pytest
from django.db import connection

from tests.factories import make_case
from triggers.selectors import CaseFilters, case_list

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


def found(user, words):
    return {c.reference for c in case_list(user, CaseFilters(q=words))}


@pytest.fixture
def smith(north):
    return make_case(
        north.area,
        applicant_name="John Smith",
        data={
            "applicant_address": "12 Acacia Avenue, Northtown",
            "applicant_postcode": "NT1 4AB",
            "behaviour_location": "Beacon Court stairwell",
        },
    )


def test_words_anywhere_in_the_case_find_it(north, smith):
    assert found(north.officer, "Acacia Northtown") == {smith.reference}
    assert found(north.officer, "stairwell Beacon") == {smith.reference}
    assert found(north.officer, "Acacia -Northtown") == set()  # websearch syntax


def test_a_misspelt_name_or_postcode_is_found_by_similarity(north, smith):
    assert found(north.officer, "Jon Smyth") == {smith.reference}
    assert found(north.officer, "NT1 4AD") == {smith.reference}
    assert found(north.officer, "Completely Different") == set()


def test_similarity_never_reaches_another_area(north, south):
    twin = make_case(south.area, applicant_name="John Smith")
    assert twin.reference not in found(north.officer, "Jon Smyth")
    assert found(north.responder, "Jon Smyth") == set()


def explain(user, words) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    return case_list(user, CaseFilters(q=words)).explain()


def test_the_search_uses_the_migrations_indexes(north, smith):
    plan = explain(north.officer, "Acacia")
    assert "case_search_vector" in plan
    assert "case_applicant_name_trgm" in plan
