"""Helpers for the incident records' tests: rows, files, and a stand-in for the linking model.

The real model (Splink, incidents.linking) is another engineer's; these tests replace it with
a rule a reader can check by eye: the same surname (any case) and the same postcode are one
person, with the reasons the real model gives in the same shape.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from incidents.linking import LinkedPair, LinkResult

HEADERS = (
    "Ref,Incident date,Date reported,Forename,Surname,DOB,Address,Postcode,Tel,Type,Notes,Hate"
)
# Their headers -> our columns: what a body's matching step would choose.
MAPPING = {
    "reference": "Ref",
    "incident_date": "Incident date",
    "reported_date": "Date reported",
    "first_name": "Forename",
    "surname": "Surname",
    "date_of_birth": "DOB",
    "address": "Address",
    "postcode": "Postcode",
    "phone": "Tel",
    "category": "Type",
    "description": "Notes",
    "hate_related": "Hate",
}


def days_ago(n: int) -> str:
    return (timezone.localdate() - timedelta(days=n)).isoformat()


def row(ref, incident=30, reported=None, first="Jane", surname="Doe", postcode="L1 8JQ", **kw):
    if reported is None:
        reported = incident - 1 if isinstance(incident, int) else days_ago(20)
    cells = [
        ref,
        days_ago(incident) if isinstance(incident, int) else incident,
        days_ago(reported) if isinstance(reported, int) else reported,
        first,
        surname,
        kw.get("dob", ""),
        kw.get("address", "1 Long Street"),
        postcode,
        kw.get("phone", "07700 900123"),
        kw.get("category", "Noise"),
        kw.get("notes", "Loud music at night"),
        kw.get("hate", "no"),
    ]
    return ",".join(cells)


def csv_file(*rows, name="records.csv") -> SimpleUploadedFile:
    content = "\n".join([HEADERS, *rows]).encode()
    return SimpleUploadedFile(name, content, "text/csv")


def api_row(ref, incident=30, reported=None, **kw) -> dict:
    reported = incident - 1 if reported is None else reported
    return {
        "reference": ref,
        "incident_date": days_ago(incident),
        "reported_date": days_ago(reported),
        "first_name": kw.get("first_name", "Jane"),
        "surname": kw.get("surname", "Doe"),
        "postcode": kw.get("postcode", "L1 8JQ"),
        "hate_related": kw.get("hate_related", False),
    }


def stand_in_linker(records, backend="duckdb", threshold=None, model=None, **kw) -> LinkResult:
    groups: dict[tuple, list] = {}
    for record in records:
        groups.setdefault((record.surname.lower(), record.postcode), []).append(record)
    result = LinkResult(threshold=0.9)
    for key, members in groups.items():
        cluster = "-".join(key)
        for member in members:
            result.clusters[member.record_id] = cluster
        for left, right in itertools.pairwise(members):
            reasons = ["surname matches", "postcode matches"]
            if left.first_name.lower() != right.first_name.lower():
                reasons.append(f"name: {left.first_name} ~ {right.first_name}")
            result.pairs.append(
                LinkedPair(left.record_id, right.record_id, 0.97, 8.5, tuple(reasons))
            )
    return result
