"""How well linking finds people, measured against synthetic data's known truth (issue #20).

Two questions. Links: of the pairs of records linking puts in one person, how many are truly
one person (precision), and of the pairs truly one person, how many it found (recall).
Detection: of the victims who truly meet the case review threshold, how many does linking
surface as possible case reviews, and how many of those it surfaces do not truly meet it.

Pure: synthetic records and a record -> cluster mapping in, numbers out. It lives in
triggers because the threshold is the eligibility engine's (incidents never imports
triggers).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from incidents.linking import LinkedPair
from incidents.synthetic import SyntheticRecord
from triggers.eligibility import Complaint, Policy, assess

# The default of the benchmark: three qualifying complaints, or one hate incident.
BENCH_POLICY = Policy(complaint_threshold=3, hate_incident_threshold=1)


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


@dataclass(frozen=True)
class LinkQuality:
    predicted_pairs: int  # pairs of records linking put in one cluster
    true_pairs: int  # pairs of records truly about one person
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def link_quality(truth: Mapping[str, str], clusters: Mapping[str, str]) -> LinkQuality:
    """Pairwise precision and recall of clusters against the true person of each record.

    Counted from sizes, not by listing pairs: a cluster of n records holds n(n-1)/2 links.
    """
    cluster_sizes = Counter(clusters.values())
    person_sizes = Counter(truth[record_id] for record_id in clusters)
    both = Counter((cluster, truth[record_id]) for record_id, cluster in clusters.items())
    return LinkQuality(
        predicted_pairs=sum(_pairs(n) for n in cluster_sizes.values()),
        true_pairs=sum(_pairs(n) for n in person_sizes.values()),
        correct_pairs=sum(_pairs(n) for n in both.values()),
    )


def edge_precision(truth: Mapping[str, str], pairs: Iterable[LinkedPair]) -> float:
    """Of the scored pairs at or above the threshold, the share truly one person."""
    total = correct = 0
    for pair in pairs:
        total += 1
        correct += truth[pair.left_id] == truth[pair.right_id]
    return correct / total if total else 1.0


@dataclass(frozen=True)
class Detection:
    truly_met: int  # people whose records, truly grouped, meet the threshold
    surfaced: int  # clusters linking surfaces as possible case reviews
    detected: int  # truly-met people among those surfaced
    false_surfaced: int  # surfaced clusters whose main person does not truly meet it

    @property
    def detection_rate(self) -> float:
        return self.detected / self.truly_met if self.truly_met else 1.0

    @property
    def false_rate(self) -> float:
        return self.false_surfaced / self.surfaced if self.surfaced else 0.0


def _meets(records: list[SyntheticRecord], incident_of, policy: Policy, today: date) -> bool:
    complaints = [
        Complaint(
            incident_date=record.incident_date,
            reported_date=record.reported_date,
            complainant="victim",
            incident=incident_of(record),
            hate_related=record.hate_related,
        )
        for record in records
    ]
    return assess(policy, complaints, today, today).threshold_met


def detection(
    records: Iterable[SyntheticRecord],
    clusters: Mapping[str, str],
    today: date,
    policy: Policy = BENCH_POLICY,
) -> Detection:
    """Surfacing possible case reviews from linked clusters, against the truth.

    The truth groups records by person and knows which reports are one incident. A cluster
    knows neither: reports in it with the same date of behaviour count as one incident (the
    same behaviour reported to several bodies), as the possible-reviews list counts them.
    A surfaced cluster stands for the person most of its records are about.
    """
    by_person: dict[str, list[SyntheticRecord]] = defaultdict(list)
    by_cluster: dict[str, list[SyntheticRecord]] = defaultdict(list)
    for record in records:
        by_person[record.person_id].append(record)
        by_cluster[clusters[record.record_id]].append(record)
    truly_met = {
        person
        for person, own in by_person.items()
        if _meets(own, lambda record: record.incident_id, policy, today)
    }
    surfaced = detected_people = false_surfaced = 0
    detected: set[str] = set()
    for members in by_cluster.values():
        if not _meets(members, lambda record: record.incident_date.isoformat(), policy, today):
            continue
        surfaced += 1
        counts = Counter(record.person_id for record in members)
        person = min(counts, key=lambda p: (-counts[p], p))
        if person in truly_met:
            detected.add(person)
        else:
            false_surfaced += 1
    detected_people = len(detected)
    return Detection(
        truly_met=len(truly_met),
        surfaced=surfaced,
        detected=detected_people,
        false_surfaced=false_surfaced,
    )
