"""The JSON API: the public eligibility check, and cases for signed-in staff and partners.

Case data is read only through `agencies.access` (via `triggers.selectors`), so another
tenant's case is a 404 and another tenant's area is "unknown" (400), never a 403 that would
confirm it exists. Writes go through `triggers.services`.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.paginator import InvalidPage
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, ParseError, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from agencies import access
from triggers import eligibility, listing, search, selectors
from triggers.api import eligibility_fast
from triggers.api.eligibility import EligibilityCheckSerializer, EligibilityResultSerializer
from triggers.api.serializers import (
    ApplicationCreateSerializer,
    CaseDetailSerializer,
    CaseListSerializer,
)
from triggers.api.throttling import EligibilityThrottle
from triggers.applications import services as applications_services
from triggers.models import Case
from triggers.people import applicant_for
from triggers.threshold import services as threshold_services
from triggers.workflow import Status

# --- Parsing ----------------------------------------------------------------------------------


class JSONBodyParser(JSONParser):
    """JSON, where every way a body can fail to be JSON is a 400, never a 500.

    DRF's parser turns ValueError into a parse error; a document nested deeper than Python's
    recursion limit raises RecursionError instead, and an unknown charset LookupError.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except (RecursionError, LookupError) as exc:
            raise ParseError("JSON parse error - the body is not a JSON document.") from exc


class AnyBodyAsJSONParser(JSONBodyParser):
    """Reads a body sent with any other content type as JSON too, so that a form post or a
    text body answers 400 ("not JSON") like any other bad input, rather than 415."""

    media_type = "*/*"


JSON_ONLY = [JSONBodyParser, AnyBodyAsJSONParser]


class ErrorSerializer(serializers.Serializer):
    """DRF's answer to a refused request: one message."""

    detail = serializers.CharField()


BAD_INPUT = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description="Bad input: a message per field, e.g. "
    '`{"complaints": {"2": {"reported_date": ["..."]}}}` or `{"area": ["Unknown area \'x\'."]}`.',
)
THROTTLED = OpenApiResponse(
    response=ErrorSerializer, description="Too many requests from this address: try later."
)
# Every staff operation: no credentials, and credentials that may not do this.
SIGNED_IN_ONLY = {
    401: OpenApiResponse(response=ErrorSerializer, description="No credentials, or bad ones."),
    403: OpenApiResponse(
        response=ErrorSerializer,
        description="Not allowed: no credentials with a session, a write without its CSRF "
        "token, or a staff member without their second factor.",
    ),
}

ELIGIBILITY_EXAMPLE = OpenApiExample(
    "Three reports in Liverpool",
    request_only=True,
    value={
        "area": "liverpool",
        "application_date": "2026-11-20",
        "complaints": [
            {
                "incident_date": "2026-09-01",
                "reported_date": "2026-09-03",
                "reported_to": "merseyside-police",
                "complainant": "applicant",
                "incident": "noise-1",
                "hate_related": False,
            },
            {"incident_date": "2026-09-20", "reported_date": "2026-09-21"},
            {"incident_date": "2026-10-05", "reported_date": "2026-10-05", "hate_related": True},
        ],
    },
)


# --- Public: the eligibility check --------------------------------------------------------


class EligibilityView(APIView):
    """Is the case review threshold met? The engine's answer, with a reason per complaint."""

    authentication_classes: list = []  # public: no sign-in, and so no CSRF
    permission_classes = [AllowAny]
    throttle_classes = [EligibilityThrottle]
    parser_classes = JSON_ONLY

    @classmethod
    def as_view(cls, **initkwargs):
        """This view behind the fast path of well-formed checks (eligibility_fast), which
        answers most calls and hands this view everything else, already throttled."""
        return eligibility_fast.serving_well_formed(super().as_view(**initkwargs))

    @extend_schema(
        operation_id="eligibility_check",
        summary="Check the case review threshold",
        description="The eligibility rule of DOMAIN.md §4: which complaints qualify, how many "
        "count, and whether the area's threshold is met. `application_date` defaults to "
        "today, `complainant` to `applicant`, `incident` to an incident of its own. A report "
        "dated after the application simply does not qualify; a date after today, a report "
        "dated before its incident, or an unknown area is a 400.",
        request={"application/json": EligibilityCheckSerializer},
        responses={200: EligibilityResultSerializer, 400: BAD_INPUT, 429: THROTTLED},
        examples=[ELIGIBILITY_EXAMPLE],
        tags=["eligibility"],
    )
    def post(self, request):
        checked = EligibilityCheckSerializer(data=request.data, context={"request": request})
        checked.is_valid(raise_exception=True)
        try:
            policy = checked.policy()
        except eligibility.InvalidPolicy as unlawful:
            raise ValidationError({"area": [str(unlawful)]}) from unlawful
        decision = eligibility.assess(
            policy,
            checked.engine_complaints(),
            application_date=checked.validated_data["application_date"],
            today=timezone.localdate(),
        )
        return Response(EligibilityResultSerializer.represent(decision))


# --- Staff and partners: cases ------------------------------------------------------------

CHOOSE_A_STATUS = "Choose a status from the list."


class StatusChoiceField(forms.ChoiceField):
    """A status from the list. Present but empty (`?status=`) is refused too: django-filter
    would read it as "any status", and a client that meant to filter would get every case."""

    default_error_messages = {"invalid_choice": CHOOSE_A_STATUS, "required": CHOOSE_A_STATUS}

    def clean(self, value):
        if value == "":
            raise forms.ValidationError(CHOOSE_A_STATUS, code="required")
        return super().clean(value)


class StatusFilter(django_filters.ChoiceFilter):
    field_class = StatusChoiceField


class CaseFilter(django_filters.FilterSet):
    status = StatusFilter(choices=Status.choices, help_text="The case's status.")
    area = django_filters.CharFilter(field_name="area__slug", help_text="An area's slug.")
    q = django_filters.CharFilter(
        method="search",
        help_text="Words to search for, as the case list's search box: the reference, the "
        "applicant's or victim's name, the address or postcode, or a reference your agency "
        "gave the case. Closed cases are included.",
    )

    class Meta:
        model = Case
        fields = ["status", "area", "q"]

    def search(self, queryset, name, value):
        # The same search as the case list (triggers/search.py), on the access-scoped queryset.
        return search.matching(self.request.user, queryset, value)


class CasePagination(PageNumberPagination):
    """DRF's pages, strict as the schema says: a whole number from 1. DRF reads an empty
    `page=` as page 1; here it is a 404 like page 0, so no malformed page is silently read."""

    def get_page_number(self, request, paginator):
        if request.query_params.get(self.page_query_param) == "":
            return ""  # Django's paginator refuses it: "Invalid page." (404)
        return super().get_page_number(request, paginator)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = (
                    "A page number, from 1. A page that is not a whole number from 1, or past "
                    "the last page, is a 404."
                )
        return parameters

    def paginate_queryset(self, queryset, request, view=None):
        """DRF's page numbers, counted as the view says (the stored counters where they
        answer); the page's rows in one statement: ids from triggers_case alone (LIMIT) as a
        subquery, and those rows with their extras (triggers/listing.py)."""
        self.request = request
        page_size = self.get_page_size(request)
        if not page_size:
            return None
        count = view.list_total(queryset) if view is not None else queryset.count()
        paginator = listing.StoredCountPaginator(queryset.values("pk"), page_size, count)
        page_number = self.get_page_number(request, paginator)
        try:
            self.page = paginator.page(page_number)
        except InvalidPage as exc:
            message = self.invalid_page_message.format(page_number=page_number, message=str(exc))
            raise NotFound(message) from exc
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        order = queryset.query.order_by
        serializer = view.get_serializer_class() if view is not None else None
        fields = getattr(serializer, "row_fields", ())  # the columns its rows read, if said
        rows = listing.rows_for(self.page.object_list, order, overdue=False, fields=fields)
        self.page.object_list = rows
        return self.page.object_list


@extend_schema(tags=["cases"])
class CaseListView(generics.ListAPIView):
    """The cases you may see, newest first, a page at a time."""

    serializer_class = CaseListSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = CaseFilter
    pagination_class = CasePagination

    def get_queryset(self):
        return access.cases_for(self.request.user).order_by("-received_at", "-pk")

    def list_total(self, cases) -> int:
        """From the stored per-status counts when they answer (an officer's or admin's areas,
        filtered by status at most); otherwise a COUNT on triggers_case alone."""
        params = self.request.query_params
        if "q" in params or "area" in params or not access.sees_by_area_only(self.request.user):
            return cases.order_by().count()
        counts = selectors.status_counts_for(self.request.user)
        status = params.get("status")
        return counts.get(status, 0) if status else sum(counts.values())

    @extend_schema(
        operation_id="cases_list",
        summary="List the cases you may see",
        responses={
            200: CaseListSerializer(many=True),
            400: OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description='A bad filter, e.g. `{"status": ["Choose a status from the '
                'list."]}` for `?status=` or `?status=AAA`.',
            ),
            **SIGNED_IN_ONLY,
            404: OpenApiResponse(
                response=ErrorSerializer,
                description="No such page: `page` is 0, negative, not a number, or past the "
                "last page.",
            ),
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


def case_detail_data(case: Case, request) -> dict:
    """The case detail, in a fixed number of queries whatever the case holds."""
    complaints = list(case.complaints.select_related("reported_to"))
    engine = threshold_services.assess_case(case, complaints)
    for complaint, finding in zip(complaints, engine.complaints, strict=True):
        complaint.finding = finding
    context = {
        "request": request,
        # The partner view decides what the reader sees of the people, as on the case page.
        "applicant": applicant_for(request.user, case),
        "complaints": complaints,
        "engine": engine,
        "decision": case.threshold_decisions.select_related("decided_by").first(),
        "events": list(case.events.select_related("by")),
    }
    return CaseDetailSerializer(case, context=context).data


class CaseDetailView(APIView):
    @extend_schema(
        operation_id="cases_retrieve",
        summary="One case, with the engine's reason for each complaint and its history",
        responses={
            200: CaseDetailSerializer,
            **SIGNED_IN_ONLY,
            404: OpenApiResponse(
                response=ErrorSerializer, description="No such case, or not one you may see."
            ),
        },
        tags=["cases"],
    )
    def get(self, request, area, reference):
        case = selectors.case_detail(request.user, area, reference)
        return Response(case_detail_data(case, request))


class ApplicationCreateView(APIView):
    parser_classes = JSON_ONLY

    @extend_schema(
        operation_id="applications_create",
        summary="Record an application received by phone, on paper, in person or by referral",
        description="For one of your own areas; any other area is unknown (400). Someone "
        "applying for the victim (`on_behalf`) needs `victim_consent`.",
        request={"application/json": ApplicationCreateSerializer},
        responses={201: CaseDetailSerializer, 400: BAD_INPUT, **SIGNED_IN_ONLY},
        tags=["cases"],
    )
    def post(self, request):
        checked = ApplicationCreateSerializer(data=request.data, context={"request": request})
        checked.is_valid(raise_exception=True)
        area = checked.validated_data["area"]
        try:
            case, _token = applications_services.submit_application(
                area,
                checked.application_data(),
                channel=checked.validated_data["channel"],
                recorded_by=request.user,
            )
        except applications_services.ApplicationRefused as refused:
            raise ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [str(refused)]}) from refused
        case = selectors.case_detail(request.user, area.slug, case.reference)
        data = case_detail_data(case, request)
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})
