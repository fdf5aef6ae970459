"""The public eligibility check's common path, without DRF's per-field machinery (issue #18).

A plain JSON POST whose body the serializer would accept as it stands is checked here in
plain Python: the dates parsed once, today worked out once, the area read once (from the
worker's memory, agencies.area_cache). Anything else, however slightly off, goes to the DRF
view (`EligibilityView`) exactly as before: every 400 keeps its per-field messages word for
word, and the 405s, 429s, other content types and the browsable API stay DRF's. The request
is throttled once, here, whichever path answers (triggers.api.throttling.COUNTED).

The rules below restate the serializers' (triggers.api.eligibility, triggers.api.fields) for
well-formed input only; a property test holds the two paths' answers equal, status and bytes
(tests/triggers/api/test_api_eligibility_fast.py).
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import wraps

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.utils import timezone
from rest_framework.renderers import JSONRenderer

from agencies.area_cache import area_by_slug
from triggers import eligibility
from triggers.api.eligibility import EligibilityComplaintSerializer, EligibilityResultSerializer
from triggers.api.fields import AREA_READ, MAX_COMPLAINTS
from triggers.api.throttling import EligibilityThrottle
from triggers.threshold.services import engine_policy

# ASCII digits only: Django's parse_date would also take "2026-9-1" or other scripts' digits,
# and Python's fromisoformat "20260901"; those go to the serializer.
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What a slug can be: no space to trim, no NUL, within the field's 200 characters.
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")
BODY_FIELDS = frozenset({"area", "application_date", "complaints"})
# The optional texts of a complaint: (longest, what blank, null or absent becomes), as
# EligibilityComplaintSerializer's fields and its validate() have them.
_complaint_fields = EligibilityComplaintSerializer().fields
TEXTS = {
    name: (_complaint_fields[name].max_length, blank)
    for name, blank in (("reported_to", ""), ("complainant", "applicant"), ("incident", None))
}
COMPLAINT_FIELDS = frozenset(_complaint_fields)
# What DRF's content negotiation answers with its JSON renderer, unindented.
PLAIN_ACCEPT = frozenset({None, "*/*", "application/json"})
RENDERER = JSONRenderer()


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON.")


def _day(value: object, today: date) -> date | None:
    if type(value) is not str or not ISO_DAY.fullmatch(value):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if day <= today else None


def _text(value: str, longest: int) -> str | None:
    """The value as DRF's CharField keeps it (trimmed), or None where it would refuse it."""
    value = value.strip()
    if len(value) > longest or "\x00" in value:
        return None
    if not value.isascii():
        try:
            value.encode()  # a lone surrogate cannot be encoded, and DRF refuses it
        except UnicodeEncodeError:
            return None
    return value


def _complaint(given: object, today: date) -> eligibility.Complaint | None:
    if type(given) is not dict or not given.keys() <= COMPLAINT_FIELDS:
        return None
    incident = _day(given.get("incident_date"), today)
    reported = _day(given.get("reported_date"), today)
    hate_related = given.get("hate_related", False)
    if incident is None or reported is None or reported < incident:
        return None
    if type(hate_related) is not bool:
        return None
    texts = {}
    for name, (longest, blank) in TEXTS.items():
        value = given.get(name)
        if value is not None:
            if type(value) is not str:
                return None
            value = _text(value, longest)
            if value is None:
                return None
        texts[name] = value or blank
    return eligibility.Complaint(
        incident_date=incident,
        reported_date=reported,
        complainant=texts["complainant"],
        incident=texts["incident"],
        hate_related=hate_related,
        reported_to=texts["reported_to"],
    )


def well_formed(body: object, today: date):
    """(area slug, application date, engine complaints) when the serializer would accept
    `body` as it stands, but for whether the area exists; None when anything is off (the
    serializer says what)."""
    if type(body) is not dict or not body.keys() <= BODY_FIELDS:
        return None
    slug = body.get("area")
    if type(slug) is not str or not SLUG.fullmatch(slug):
        return None
    application_date = today
    if "application_date" in body:
        application_date = _day(body["application_date"], today)
        if application_date is None:
            return None
    given = body.get("complaints")
    if type(given) is not list or not 1 <= len(given) <= MAX_COMPLAINTS:
        return None
    complaints = []
    for each in given:
        complaint = _complaint(each, today)
        if complaint is None:
            return None
        complaints.append(complaint)
    return slug, application_date, complaints


def _plain_json_post(request) -> bool:
    meta = request.META
    if (
        request.method != "POST"
        or meta.get("QUERY_STRING")
        or meta.get("HTTP_ACCEPT") not in (PLAIN_ACCEPT)
    ):
        return False
    if request.content_type != "application/json":
        return False
    if request.content_params.get("charset", "utf-8").lower() != "utf-8":
        return False
    try:
        length = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    most = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return length > 0 and (most is None or length <= most)


def _answer(request, headers: dict) -> HttpResponse | None:
    try:
        body = json.loads(request.body.decode(), parse_constant=_refuse_constant)
    except (ValueError, RecursionError):  # not JSON, or not UTF-8: the parser's 400
        return None
    today = timezone.localdate()
    checked = well_formed(body, today)
    if checked is None:
        return None
    slug, application_date, complaints = checked
    area = area_by_slug(slug)
    setattr(request, AREA_READ, (slug, area))  # read once, whichever path answers
    if area is None:
        return None
    try:
        policy = engine_policy(area)
    except eligibility.InvalidPolicy:
        return None
    decision = eligibility.assess(policy, complaints, application_date, today)
    request.user = AnonymousUser()  # as DRF leaves a view without authentication classes
    return HttpResponse(
        RENDERER.render(EligibilityResultSerializer.represent(decision)),
        content_type="application/json",
        headers=headers,
    )


def serving_well_formed(drf_view):
    """`drf_view` (the check's DRF view function) with the fast path in front of it. The
    attributes drf-spectacular and Django read (cls, initkwargs, csrf_exempt) are kept, so
    the schema documents the one operation as before."""
    headers = drf_view.cls(**drf_view.initkwargs).default_response_headers

    @wraps(drf_view)
    def view(request, *args, **kwargs):
        if _plain_json_post(request):
            if not EligibilityThrottle().allow_request(request, None):
                return drf_view(request, *args, **kwargs)  # DRF's 429, from the count made
            answer = _answer(request, headers)
            if answer is not None:
                return answer
        return drf_view(request, *args, **kwargs)

    return view
