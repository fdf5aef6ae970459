"""The synthetic incident records: seeded, realistic in their mess, with known truth."""

from __future__ import annotations

import random
from collections import Counter

from incidents.linking.normalise import normalise_address, normalise_postcode
from incidents.synthetic import BODIES, generate, typo


def test_the_same_seed_gives_the_same_records():
    assert generate(600, areas=3, seed=4) == generate(600, areas=3, seed=4)
    assert generate(600, areas=3, seed=4) != generate(600, areas=3, seed=5)


def test_records_are_spread_over_areas_with_unique_ids():
    records = generate(1_000, areas=5, seed=1)
    assert len(records) == 1_000
    assert Counter(record.area for record in records) == {f"area-{n}": 200 for n in range(1, 6)}
    assert len({record.record_id for record in records}) == 1_000


def test_people_report_to_several_bodies_about_one_incident():
    records = generate(3_000, areas=1, seed=2)
    bodies_per_incident = Counter()
    for record in records:
        bodies_per_incident[record.incident_id] += 1
    assert max(bodies_per_incident.values()) >= 2
    assert {record.body for record in records} == set(BODIES)
    people = Counter(record.person_id for record in records)
    assert max(people.values()) >= 5  # repeat victims exist


def test_the_mess_real_systems_hold_is_there():
    records = generate(5_000, areas=1, seed=3)
    by_person: dict[str, list] = {}
    for record in records:
        by_person.setdefault(record.person_id, []).append(record)
    first_names = sum(len({r.first_name.lower() for r in own}) > 1 for own in by_person.values())
    assert first_names > 50  # nicknames, typos, swaps
    assert sum(record.date_of_birth is None for record in records) > 1_000
    assert sum(record.postcode == "" for record in records) > 100
    assert any(" " not in record.postcode and record.postcode for record in records)
    assert any("/" in record.address for record in records)
    assert any(record.address.startswith("Flat") for record in records)
    assert any(record.hate_related for record in records)
    # however written, a person's address reduces to few keys
    keys = [
        len({normalise_address(r.address).key for r in own if r.address})
        for own in by_person.values()
    ]
    assert sum(keys) / len(keys) < 1.1
    postcodes = [
        len({normalise_postcode(r.postcode) for r in own if r.postcode})
        for own in by_person.values()
    ]
    assert max(postcodes) == 1


def test_reports_follow_incidents():
    for record in generate(1_000, areas=1, seed=6):
        assert record.incident_date <= record.reported_date


def test_a_typo_changes_one_thing():
    rng = random.Random(1)
    changed = [typo(rng, "Margaret") for _ in range(50)]
    assert sum(word != "Margaret" for word in changed) >= 45
    assert all(abs(len(word) - len("Margaret")) <= 1 for word in changed)
    assert all(word[0] == "M" for word in changed)  # the first letter is kept
