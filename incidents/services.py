"""Every change to the bodies' incident records: imports, linking, and deleting when expired.

Nothing is lost: a CSV is kept as received before a row of it is read; good rows import and
bad rows are listed, each with its row number, column and message; a body's reference sent
again updates its record in place, so sending a file twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from agencies.models import Agency, Area
from audit import services as audit

from . import schema
from .models import (
    ClusterMember,
    ColumnMapping,
    IncidentFeed,
    IncidentRecord,
    LinkCluster,
    LinkedPair,
)
from .signals import records_expired, records_imported

log = logging.getLogger(__name__)

CSV_TYPES = ("text/csv", "application/vnd.ms-excel", "text/plain", "application/csv")
MAX_CSV_BYTES = 10 * 1024 * 1024


class FeedRefused(ValueError):
    """A file or batch we will not read (the message says why, in words the sender can use)."""


@dataclass
class ImportReport:
    feed: IncidentFeed
    created: int = 0
    updated: int = 0
    errors: list[schema.RowError] = field(default_factory=list)


# --- The CSV upload: kept as received, then its columns matched, then imported ------------


def check_csv(name: str, size: int, head: bytes) -> None:
    """A CSV by its content: text, UTF-8 (a BOM allowed), and not too large."""
    named = {"file": name[-80:] or gettext("The file")}
    if size == 0:
        raise FeedRefused(gettext("%(file)s is empty") % named)
    if size > MAX_CSV_BYTES:
        raise FeedRefused(
            gettext("%(file)s must be smaller than %(size)sMB")
            % {**named, "size": MAX_CSV_BYTES // 1024 // 1024}
        )
    if not name.lower().endswith(".csv") or b"\x00" in head:
        raise FeedRefused(
            gettext("%(file)s must be a CSV file (comma-separated values, .csv)") % named
        )
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # The sample may end inside a multi-byte character: allow an incomplete tail.
        if error.start < len(head) - 3:
            raise FeedRefused(
                gettext("%(file)s must be saved as UTF-8 (CSV UTF-8 in Excel)") % named
            ) from None


def _read_csv(content: bytes) -> tuple[list[str], list[dict]]:
    text = content.decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    headers = [h.strip() for h in (reader.fieldnames or []) if h and h.strip()]
    if not headers:
        raise FeedRefused(
            gettext("The file has no header row: its first line must name the columns")
        )
    rows = []
    for row in reader:
        if len(rows) >= schema.MAX_ROWS:
            raise FeedRefused(
                gettext("The file has more than %(rows)s rows: split it up")
                % {"rows": schema.MAX_ROWS}
            )
        rows.append({(k or "").strip(): v for k, v in row.items() if not isinstance(v, list)})
    return headers, rows


@transaction.atomic
def receive_upload(upload, *, area: Area, body: Agency, by) -> IncidentFeed:
    """Keep the file as received and read its header row; the columns are matched next."""
    upload.seek(0)
    content = upload.read()
    check_csv(upload.name, len(content), content[:2048])
    headers, _ = _read_csv(content)
    feed = IncidentFeed(
        area=area,
        body=body,
        source=IncidentFeed.Source.UPLOAD,
        file_name=upload.name[-200:],
        headers=headers,
        received_at=timezone.now(),
        received_by=by,
    )
    feed.file.save("feed.csv", ContentFile(content), save=False)
    feed.save()
    return feed


def remembered_mapping(body: Agency) -> dict:
    found = ColumnMapping.objects.filter(body=body).first()
    return found.mapping if found else {}


@transaction.atomic
def import_upload(feed: IncidentFeed, mapping: dict, *, by) -> ImportReport:
    """Import a received file's rows through the body's column mapping, and remember it."""
    missing = [c for c in schema.REQUIRED if not mapping.get(c)]
    if missing:
        raise FeedRefused(
            gettext("Choose a column for %(columns)s") % {"columns": ", ".join(missing)}
        )
    ColumnMapping.objects.update_or_create(body=feed.body, defaults={"mapping": mapping})
    with feed.file.open("rb") as stored:
        _, rows = _read_csv(stored.read())
    cells = [{ours: row.get(theirs) for ours, theirs in mapping.items() if theirs} for row in rows]
    # Row 1 is the header: a sender's row 2 is their first record, as their spreadsheet shows.
    return _import(feed, cells, first_row=2, by=by)


# --- The API: a batch of rows as JSON -------------------------------------------------------


@transaction.atomic
def import_batch(rows: list, *, area: Area, body: Agency, by) -> ImportReport:
    """A batch sent through the API: all or nothing, so a sender can fix and send it again.

    Rows count from 0 (the position in the JSON list). Raises BatchRefused with every row's
    errors and stores nothing when any row is bad."""
    feed = IncidentFeed(
        area=area,
        body=body,
        source=IncidentFeed.Source.API,
        received_at=timezone.now(),
        received_by=by,
        headers=list(schema.COLUMN_NAMES),
    )
    values, errors = _read_rows(rows, first_row=0)
    if errors:
        raise BatchRefused(errors)
    feed.save()
    return _store(feed, values, [], by=by)


class BatchRefused(ValueError):
    def __init__(self, errors: list[schema.RowError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def _read_rows(rows: list, *, first_row: int) -> tuple[list[tuple[int, dict]], list]:
    today = timezone.localdate()
    good, errors = [], []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=first_row):
        if not isinstance(cells, dict):
            errors.append(schema.RowError(number, "", "Each row must be an object of columns"))
            continue
        values, row_errors = schema.read_row(number, cells, today)
        reference = values["reference"] if values else None
        if reference in seen:
            message = f"Your reference {reference} is also on row {seen[reference]}"
            row_errors = [schema.RowError(number, "reference", message)]
        if row_errors:
            errors.extend(row_errors)
        else:
            seen[values["reference"]] = number
            good.append((number, values))
    return good, errors


def _import(feed: IncidentFeed, cells: list[dict], *, first_row: int, by) -> ImportReport:
    values, errors = _read_rows(cells, first_row=first_row)
    return _store(feed, values, errors, by=by)


def _store(feed: IncidentFeed, values, errors, *, by) -> ImportReport:
    report = ImportReport(feed=feed, errors=errors)
    existing = {
        r.reference: r
        for r in IncidentRecord.objects.select_for_update().filter(
            body=feed.body, reference__in=[v["reference"] for _, v in values]
        )
    }
    for _, row in values:
        record = existing.get(row["reference"])
        if record is None:
            IncidentRecord.objects.create(area=feed.area, body=feed.body, feed=feed, **row)
            report.created += 1
        elif _changed(record, row, feed.area):
            for name, value in row.items():
                setattr(record, name, value)
            record.area, record.feed = feed.area, feed
            record.save()
            report.updated += 1
    feed.status = IncidentFeed.Status.IMPORTED
    feed.rows_total = len(values) + len({e.row for e in errors})
    feed.rows_created, feed.rows_updated = report.created, report.updated
    feed.errors = [e.as_dict() for e in errors]
    feed.save()
    audit.record(
        "change",
        user=by,
        area_id=feed.area_id,
        object_type="incident feed",
        object_id=str(feed.pk),
        url_name="incidents:import",
    )
    records_imported.send(sender=IncidentFeed, area=feed.area, feed=feed)
    return report


def _changed(record: IncidentRecord, row: dict, area: Area) -> bool:
    return record.area_id != area.pk or any(getattr(record, k) != v for k, v in row.items())


# --- Linking: one function the rest of the portal calls -------------------------------------


def link_records_of(records: list[IncidentRecord], *, model=None, threshold=None):
    """The linking model (incidents.linking) on these records, on the backend the settings
    name; imported when first needed, so the model and its engine (DuckDB or Spark) load
    only in the job that links."""
    from incidents.linking import LinkRecord, link_records

    return link_records(
        [
            LinkRecord(
                record_id=str(r.pk),
                body=r.body.slug,
                first_name=r.first_name,
                surname=r.surname,
                date_of_birth=r.date_of_birth,
                postcode=r.postcode,
                address=r.address,
                phone=r.phone,
            )
            for r in records
        ],
        backend=settings.INCIDENT_LINKING_BACKEND,
        threshold=threshold,
        model=model,
    )


@transaction.atomic
def relink_area(area: Area) -> int:
    """Link every record of the area afresh with the area's model (link_models) and store
    the clusters and their pairs. Returns the number of clusters (people). Records stay
    linked as before when no model is here."""
    from . import link_models

    records = list(IncidentRecord.objects.filter(area=area).select_related("body"))
    try:
        result = link_models.link_with_area_model(area, records, link_records_of)
    except ImportError:
        log.warning("No linking model installed: records of %s left as they were", area.slug)
        return LinkCluster.objects.filter(area=area).count()
    LinkCluster.objects.filter(area=area).delete()
    by_id = {str(r.pk): r for r in records}
    groups: dict[str, list[str]] = {}
    for record_id, cluster_id in result.clusters.items():
        if record_id in by_id:
            groups.setdefault(cluster_id, []).append(record_id)
    now = timezone.now()
    cluster_of: dict[str, LinkCluster] = {}
    for ids in groups.values():
        cluster = LinkCluster.objects.create(
            area=area, key=str(min(int(i) for i in ids)), linked_at=now
        )
        for record_id in ids:
            cluster_of[record_id] = cluster
    strongest: dict[str, tuple[float, list]] = {}
    pairs = []
    for pair in result.pairs:
        cluster = cluster_of.get(pair.left_id)
        if cluster is None or cluster_of.get(pair.right_id) is not cluster:
            continue
        pairs.append(
            LinkedPair(
                area=area,
                cluster=cluster,
                left=by_id[pair.left_id],
                right=by_id[pair.right_id],
                match_probability=pair.match_probability,
                match_weight=pair.match_weight,
                reasons=list(pair.reasons),
            )
        )
        for side in (pair.left_id, pair.right_id):
            if pair.match_probability > strongest.get(side, (-1.0, []))[0]:
                strongest[side] = (pair.match_probability, list(pair.reasons))
    LinkedPair.objects.bulk_create(pairs)
    ClusterMember.objects.bulk_create(
        ClusterMember(
            area=area,
            cluster=cluster,
            record=by_id[record_id],
            probability=strongest.get(record_id, (1.0, []))[0],
            reasons=strongest.get(record_id, (1.0, []))[1],
        )
        for record_id, cluster in cluster_of.items()
    )
    return len(groups)


# --- Retention ------------------------------------------------------------------------------


def expiry_cutoff(area: Area, today: date) -> date:
    """Records reported before this day are past the area's retention and are deleted."""
    return today - relativedelta(months=area.incident_retention_months)


def delete_expired_records(today: date | None = None) -> int:
    """Nightly: delete every record reported longer ago than its area keeps them, with its
    links; the feed's kept file goes when no record of it is left. What the layers above
    made from the records goes in the same transaction (records_expired). Returns records
    deleted."""
    today = today or timezone.localdate()
    deleted = 0
    for area in Area.objects.all():
        with transaction.atomic():
            expired = IncidentRecord.objects.filter(
                area=area, reported_date__lt=expiry_cutoff(area, today)
            )
            count = expired.count()
            # Feeds of that age whose rows all failed hold the sender's file: it goes too.
            old_feeds = IncidentFeed.objects.filter(
                area=area, received_at__date__lt=expiry_cutoff(area, today)
            )
            feeds = set(expired.values_list("feed_id", flat=True))
            feeds |= set(old_feeds.values_list("pk", flat=True))
            expired.delete()
            _drop_emptied_feeds(feeds)
            records_expired.send(sender=IncidentRecord, area=area, today=today)
            if not count:
                continue
            audit.record(
                "anonymise",
                area_id=area.pk,
                object_type="incident records",
                object_id=f"{count} past {area.incident_retention_months} months",
            )
            deleted += count
    return deleted


def _drop_emptied_feeds(feed_ids: set) -> None:
    for feed in IncidentFeed.objects.filter(pk__in=feed_ids - {None}):
        if not feed.records.exists():
            if feed.file:
                feed.file.delete(save=False)
            feed.delete()
