"""The relevant bodies' own ASB incident records, as they send them, and their links.

A body's records are its own: they exist before and without any case. Each row carries its
`area` (the tenant) and its `body` (the agency that sent it); agencies/access.py decides who
may read them from those two columns alone.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Area


def feed_path(feed, filename: str) -> str:
    # The file is kept as received, under a name of ours (the sender's name is kept apart).
    return f"incident-feeds/{feed.area_id}/{feed.body_id}/{feed.received_at:%Y%m%d%H%M%S}.csv"


class IncidentFeed(models.Model):
    """One batch of records as received: a CSV file (kept as sent) or an API call."""

    class Source(models.TextChoices):
        UPLOAD = "upload", _("CSV upload")
        API = "api", "API"

    class Status(models.TextChoices):
        MAPPING = "mapping", _("Waiting for its columns to be matched")
        IMPORTED = "imported", _("Imported")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="incident_feeds")
    source = models.CharField(max_length=10, choices=Source.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MAPPING)
    file = models.FileField(upload_to=feed_path, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    headers = models.JSONField(default=list, blank=True)
    received_at = models.DateTimeField()
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_created = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    # [{"row": 3, "column": "incident_date", "message": "…"}], row as the sender counts it.
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"{self.body} to {self.area}, {self.received_at:%d %b %Y %H:%M}"

    @property
    def rows_failed(self) -> int:
        return len({e["row"] for e in self.errors})


class ColumnMapping(models.Model):
    """How one body's CSV headers read as our columns, remembered for its next upload."""

    body = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="+")
    mapping = models.JSONField(default=dict)  # our column -> their header
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Columns of {self.body}"


class IncidentRecord(models.Model):
    """One report of ASB to one body, as the body holds it. Its reference is the body's own:
    sending the same reference again updates the record in place."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="incident_records")
    reference = models.CharField("the body's reference", max_length=60)
    incident_date = models.DateField()
    reported_date = models.DateField(db_index=True)
    first_name = models.CharField(max_length=80, blank=True)
    surname = models.CharField(max_length=80)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=10, blank=True, db_index=True)
    phone = models.CharField(max_length=40, blank=True)
    category = models.CharField(max_length=80, blank=True)
    description = models.TextField("what happened", blank=True)
    hate_related = models.BooleanField(default=False)
    feed = models.ForeignKey(
        IncidentFeed, on_delete=models.SET_NULL, null=True, blank=True, related_name="records"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-reported_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["body", "reference"], name="one_record_per_reference"),
            models.CheckConstraint(
                condition=models.Q(reported_date__gte=models.F("incident_date")),
                name="record_reported_on_or_after_incident",
            ),
        ]
        indexes = [models.Index(fields=["area", "body", "incident_date"])]

    def __str__(self):
        return f"{self.body} {self.reference}"

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.surname}".strip()


class LinkCluster(models.Model):
    """One person, as linking sees them across the bodies' records of an area. Rebuilt each
    time the area is linked; `key` is the smallest record id in it, so a person keeps their
    key while their first record lasts."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=40)
    linked_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "key"], name="one_cluster_per_key"),
        ]

    def __str__(self):
        return f"{self.area} person {self.key}"


class ClusterMember(models.Model):
    """A record's place in its cluster, with how strongly it is linked to the others."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    cluster = models.ForeignKey(LinkCluster, on_delete=models.CASCADE, related_name="members")
    record = models.OneToOneField(IncidentRecord, on_delete=models.CASCADE, related_name="link")
    # The strongest link to another record of the cluster (1.0 for a record alone).
    probability = models.FloatField(default=1.0)
    reasons = models.JSONField(default=list, blank=True)

    def __str__(self):
        return f"{self.record} in {self.cluster}"


class LinkedPair(models.Model):
    """Two records the model scored as the same person, with its reasons."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    cluster = models.ForeignKey(LinkCluster, on_delete=models.CASCADE, related_name="pairs")
    left = models.ForeignKey(IncidentRecord, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(IncidentRecord, on_delete=models.CASCADE, related_name="+")
    match_probability = models.FloatField()
    match_weight = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-match_probability"]

    def __str__(self):
        return f"{self.left} ~ {self.right} ({self.match_probability:.2f})"


class AreaLinkModel(models.Model):
    """The area's own linking model: its match weights (Splink's trained parameters) and the
    threshold its officers chose. Linking passes it back each time, so an area's links do not
    move between imports; it is trained again when the area has grown (services_linking)."""

    MIN_THRESHOLD = 0.80  # below this, strangers with one name and postcode start to link
    MAX_THRESHOLD = 0.99  # above this, a typo and a moved house split one person in two

    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="link_model")
    # The model as link_records returns it; {} until the area has enough records to train.
    parameters = models.JSONField(default=dict, blank=True)
    threshold = models.FloatField(default=0.95)
    trained_at = models.DateTimeField(null=True, blank=True)
    records_trained_on = models.PositiveIntegerField(default=0)
    # [{"at", "by", "from", "to", "reason"}]: every change of the threshold, oldest first.
    threshold_history = models.JSONField(default=list, blank=True)

    def __str__(self):
        return f"Linking model of {self.area}"

    @property
    def uses_default(self) -> bool:
        return not self.parameters
