"""Measuring linking against known truth: pairwise precision and recall, and detection."""

from __future__ import annotations

from datetime import date

from incidents.linking import LinkedPair
from incidents.synthetic import SyntheticRecord
from triggers.linking_quality import detection, edge_precision, link_quality


def test_pairs_are_counted_from_cluster_and_person_sizes():
    truth = {"1": "ann", "2": "ann", "3": "ann", "4": "bob", "5": "bob"}
    clusters = {"1": "x", "2": "x", "3": "y", "4": "y", "5": "z"}
    quality = link_quality(truth, clusters)
    assert quality.predicted_pairs == 2  # (1,2) and (3,4)
    assert quality.true_pairs == 4  # three pairs of ann, one of bob
    assert quality.correct_pairs == 1  # (1,2)
    assert quality.precision == 0.5
    assert quality.recall == 0.25


def test_edge_precision():
    truth = {"1": "ann", "2": "ann", "3": "bob"}
    pairs = [LinkedPair("1", "2", 0.99, 9.0), LinkedPair("2", "3", 0.97, 6.0)]
    assert edge_precision(truth, pairs) == 0.5


def _record(record_id, person, incident, day, hate=False):
    when = date(2026, 10, day)
    return SyntheticRecord(
        record_id,
        "area-1",
        "police",
        person,
        incident,
        "A",
        "B",
        None,
        "",
        "",
        "",
        when,
        when,
        hate,
        "noise",
    )


TODAY = date(2026, 11, 20)


def test_a_victim_met_is_detected_when_linked_and_missed_when_split():
    records = [_record(str(n), "ann", f"ann-{n}", n) for n in range(1, 4)]
    linked = detection(records, {"1": "c", "2": "c", "3": "c"}, TODAY)
    assert (linked.truly_met, linked.surfaced, linked.detected) == (1, 1, 1)
    assert linked.detection_rate == 1.0 and linked.false_rate == 0.0
    split = detection(records, {"1": "c", "2": "c", "3": "d"}, TODAY)
    assert (split.truly_met, split.surfaced, split.detected) == (1, 0, 0)


def test_merging_two_people_can_surface_someone_who_does_not_meet_it():
    records = [
        _record("1", "ann", "ann-1", 1),
        _record("2", "ann", "ann-2", 2),
        _record("3", "bob", "bob-1", 3),
    ]
    merged = detection(records, {"1": "c", "2": "c", "3": "c"}, TODAY)
    assert merged.truly_met == 0
    assert merged.surfaced == 1 and merged.false_surfaced == 1


def test_one_incident_told_to_two_bodies_counts_once_and_hate_counts_alone():
    same = [_record("1", "ann", "ann-1", 1), _record("2", "ann", "ann-1", 1)]
    assert detection(same, {"1": "c", "2": "c"}, TODAY).truly_met == 0
    hate = [_record("1", "bob", "bob-1", 5, hate=True)]
    assert detection(hate, {"1": "c"}, TODAY).detected == 1
