"""The incident feed's API: a body sends a batch of its records as a JSON list.

All or nothing: a batch with any bad row stores nothing and answers 400 with every bad row's
fields and messages, so the sender fixes and sends it again; a record's reference sent again
updates it in place, so a batch sent twice changes nothing. Token or session, as the rest of
the API (config/settings.py, REST_FRAMEWORK); another area, or one the sender's body does not
feed, is a 404.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ParseError, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from . import schema, selectors, services

MAX_BATCH = 5000


class _Parser(JSONParser):
    """Every way a body can fail to be JSON is a 400, never a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except (RecursionError, LookupError) as exc:
            raise ParseError("JSON parse error - the body is not a JSON document.") from exc


class _AnyAsJSON(_Parser):
    media_type = "*/*"


class IncidentRowSerializer(serializers.Serializer):
    """One record, in the columns of docs/incident-feed.md (dates as YYYY-MM-DD)."""

    reference = serializers.CharField(min_length=1, max_length=60)
    incident_date = serializers.DateField()
    reported_date = serializers.DateField()
    first_name = serializers.CharField(required=False, allow_blank=True, max_length=80)
    surname = serializers.CharField(min_length=1, max_length=80)
    date_of_birth = serializers.DateField(required=False)
    address = serializers.CharField(required=False, allow_blank=True, max_length=300)
    postcode = serializers.CharField(required=False, allow_blank=True, max_length=10)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    category = serializers.CharField(required=False, allow_blank=True, max_length=80)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    hate_related = serializers.BooleanField(required=False)


class BatchResultSerializer(serializers.Serializer):
    feed = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    rows = serializers.IntegerField()


class IncidentErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


TYPES = {"hate_related": bool}
DATE_COLUMNS = {c.name for c in schema.COLUMNS if c.kind == "date"}


def _type_errors(number: int, row) -> list[schema.RowError]:
    """JSON types as the schema says them: a number is not text, null is not a value."""
    if not isinstance(row, dict):
        return [schema.RowError(number, "non_field_errors", "Each row must be an object")]
    errors = []
    for name in schema.COLUMN_NAMES:
        if name not in row:
            continue
        wanted = TYPES.get(name, str)
        if not isinstance(row[name], wanted):
            what = "true or false" if wanted is bool else "text"
            errors.append(schema.RowError(number, name, f"Must be {what}"))
        elif name in DATE_COLUMNS and schema.iso_date(row[name]) is None:
            errors.append(schema.RowError(number, name, "Must be a date as YYYY-MM-DD"))
    return errors


def _as_rows(errors: list[schema.RowError]) -> dict:
    rows: dict[str, dict[str, list[str]]] = {}
    for error in errors:
        rows.setdefault(str(error.row), {}).setdefault(error.column, []).append(error.message)
    return {"rows": rows}


class IncidentBatchView(APIView):
    parser_classes = [_Parser, _AnyAsJSON]

    @extend_schema(
        operation_id="incident_records_batch",
        summary="Send a batch of your body's ASB incident records for one area",
        description="A JSON list of records (1 to 5000). All or nothing: any bad row stores "
        "nothing and answers 400 with each bad row's fields, e.g. "
        '`{"rows": {"2": {"reported_date": ["..."]}}}` (rows count from 0). Your reference '
        "sent again updates the record in place. An area your body does not send records to "
        "is 404.",
        request={
            "application/json": IncidentRowSerializer(many=True),
        },
        responses={
            201: BatchResultSerializer,
            400: OpenApiResponse(response=OpenApiTypes.OBJECT, description="Bad rows."),
            401: OpenApiResponse(response=IncidentErrorSerializer, description="No credentials."),
            403: OpenApiResponse(response=IncidentErrorSerializer, description="Not allowed."),
            404: OpenApiResponse(
                response=IncidentErrorSerializer, description="Not an area you feed."
            ),
        },
        tags=["incidents"],
    )
    def post(self, request, area):
        membership = selectors.feed_targets_for(request.user).filter(area__slug=area).first()
        if membership is None:
            raise NotFound("No such area among those your body sends records to.")
        rows = request.data
        if not isinstance(rows, list) or not 1 <= len(rows) <= MAX_BATCH:
            raise ValidationError(
                {"non_field_errors": [f"Send a JSON list of 1 to {MAX_BATCH} records."]}
            )
        typed = [e for number, row in enumerate(rows) for e in _type_errors(number, row)]
        if typed:
            raise ValidationError(_as_rows(typed))
        try:
            report = services.import_batch(
                rows, area=membership.area, body=membership.agency, by=request.user
            )
        except services.BatchRefused as refused:
            raise ValidationError(_as_rows(refused.errors)) from refused
        feed = report.feed
        return Response(
            {
                "feed": feed.pk,
                "created": report.created,
                "updated": report.updated,
                "rows": feed.rows_total,
            },
            status=status.HTTP_201_CREATED,
        )
