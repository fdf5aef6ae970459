"""POST /api/v1/eligibility/: the fast path of well-formed checks (triggers.api.eligibility_fast)
answers exactly as the DRF view and its serializers do, byte for byte, and hands them
everything else (issue #18)."""

import json
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

import hypothesis
import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import strategies as st

from tests.factories import AreaFactory
from tests.welsh.staff import welsh_staff
from triggers.api import eligibility_fast
from triggers.api.eligibility import EligibilityCheckSerializer

pytestmark = pytest.mark.django_db

HEADERS = ("Content-Type", "Allow", "Vary", "Content-Language", "Retry-After")


@pytest.fixture(autouse=True)
def _no_refusals(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "100000/min"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def areas(db):
    return [
        AreaFactory(slug="liverpool", complaint_threshold=3, hate_incident_threshold=1),
        AreaFactory(slug="wirral_2", complaint_threshold=1, hate_incident_threshold=None),
    ]


@contextmanager
def serializer_only():
    """Every request to the DRF view and its serializers, as before the fast path."""
    with mock.patch.object(eligibility_fast, "well_formed", return_value=None):
        yield


def post(client, body, content_type="application/json", **extra):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(reverse("api:eligibility"), data, content_type=content_type, **extra)


def answer(response) -> tuple:
    return (
        response.status_code,
        response.content,
        {name: response.get(name) for name in HEADERS},
    )


def both_paths(client, body, **extra) -> tuple[tuple, tuple]:
    fast = answer(post(client, body, **extra))
    with serializer_only():
        slow = answer(post(client, body, **extra))
    return fast, slow


def day(offset: int) -> str:
    return str(timezone.localdate() - timedelta(days=offset))


def well_formed_check(count: int = 6) -> dict:
    return {
        "area": "liverpool",
        "application_date": day(10),
        "complaints": [
            {
                "incident_date": day(40 + 20 * n),
                "reported_date": day(39 + 20 * n),
                "reported_to": "police",
                "incident": f"noise-{n % 4}",
                "hate_related": n == 2,
            }
            for n in range(count)
        ],
    }


# --- Random bodies: well-formed ones, and ones with something off -------------------------

# Well-formed values, chosen so that reports share or miss complainants and incidents (the
# counting) and fall inside or outside their windows (the reasons).
NAMES = ["applicant", "neighbour", " neighbour", "neighbour ", "Siân", "", " ", None]
INCIDENTS = ["a", "b", " a", "a ", "", "  ", None, "x" * 200]
PLACES = ["police", "  housing  ", "Heddlu De Cymru", "x" * 120, " " + "x" * 120, "", None]
# Off: the serializer refuses each of these where a date, a text or a flag belongs.
ODD_DATES = ["2026-02-30", "2026-9-1", "20260901", "", " 2026-09-01", "2026-09-01\n"]
ODD_DATES += ["0000-01-01", "\u0662\u0660\u0662\u0666-\u0660\u0669-\u0660\u0661", "2026-W36-1"]
ODD_DATES += ["01/09/2026", None, 20260901, True, [], {}]
ODD_TEXTS = ["x" * 121, "y" * 201, "with\x00nul", "lone \ud800", 7, 1.5, False, ["a"], {"a": 1}]
ODD_FLAGS = [None, "true", 1, 0, "false"]
PLACES_TO_SPOIL = ["incident_date", "reported_date", "complainant", "incident", "reported_to"]
PLACES_TO_SPOIL += ["hate_related", "complaint", "order", "extra"]
PLACES_TO_SPOIL += ["area", "application_date", "complaints", "body"]
ODD_AREAS = ["nowhere", " liverpool", "LIVERPOOL", "", "a" * 201, None, 7, {"slug": "liverpool"}]


@st.composite
def good_complaint(draw) -> dict:
    incident = draw(st.integers(0, 400))
    reported = incident - draw(st.integers(0, 40))
    complaint = {"incident_date": day(incident), "reported_date": day(max(reported, 0))}
    for name, pool in (("complainant", NAMES), ("incident", INCIDENTS), ("reported_to", PLACES)):
        if draw(st.booleans()):
            complaint[name] = draw(st.sampled_from(pool))
    if draw(st.booleans()):
        complaint["hate_related"] = draw(st.booleans())
    return complaint


@st.composite
def good_body(draw) -> dict:
    body = {
        "area": draw(st.sampled_from(["liverpool", "wirral_2"])),
        "complaints": draw(st.lists(good_complaint(), min_size=1, max_size=8)),
    }
    if draw(st.booleans()):
        body["application_date"] = day(draw(st.integers(0, 200)))
    return body


@st.composite
def body_with_something_off(draw) -> object:
    body = draw(good_body())
    complaints = body["complaints"]
    at = draw(st.integers(0, len(complaints) - 1))
    field = draw(st.sampled_from(PLACES_TO_SPOIL))
    future = st.integers(1, 3).map(lambda days: day(-days))
    if field in ("incident_date", "reported_date"):
        complaints[at][field] = draw(st.sampled_from(ODD_DATES) | future)
    elif field in ("complainant", "incident", "reported_to"):
        complaints[at][field] = draw(st.sampled_from(ODD_TEXTS))
    elif field == "hate_related":
        complaints[at][field] = draw(st.sampled_from(ODD_FLAGS))
    elif field == "complaint":
        complaints[at] = draw(st.sampled_from([7, "report", None, [], {}]))
    elif field == "order":  # reported the day before the incident
        incident = draw(st.integers(0, 399))
        complaints[at]["incident_date"] = day(incident)
        complaints[at]["reported_date"] = day(incident + draw(st.integers(1, 30)))
    elif field == "extra":
        complaints[at]["comment"] = "ignored, as DRF ignores it"
    elif field == "area":
        body["area"] = draw(st.sampled_from(ODD_AREAS))
    elif field == "application_date":
        body["application_date"] = draw(st.sampled_from(ODD_DATES) | future)
    elif field == "complaints":
        body["complaints"] = draw(st.sampled_from([[], None, "three", {}, complaints * 201]))
    else:
        return draw(st.sampled_from([[], "liverpool", None, 7, {}, {**body, "comment": 1}]))
    return body


BODIES = good_body() | body_with_something_off()


@hypothesis.settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
@hypothesis.given(body=BODIES)
def test_the_fast_path_answers_as_the_serializers_do(areas, body):
    fast, slow = both_paths(Client(), body)
    assert fast == slow, body


@pytest.mark.parametrize(
    ("body", "content_type", "extra"),
    [
        (b'{"area": "liverpool", "complaints": [', "application/json", {}),
        (b'{"area": NaN, "complaints": []}', "application/json", {}),
        (b"\xef\xbb\xbf{}", "application/json", {}),  # a byte order mark
        ("{}", "application/json; charset=latin-1", {}),
        ("", "application/json", {}),
        ("well-formed", "text/plain", {}),
        ("well-formed", "application/json", {"QUERY_STRING": "format=json"}),
        ("well-formed", "application/json", {"HTTP_ACCEPT": "application/json; indent=4"}),
        ("well-formed", "application/json", {"HTTP_ACCEPT": "text/html"}),
    ],
)
def test_odd_requests_are_answered_as_before(areas, body, content_type, extra):
    body = json.dumps(well_formed_check()) if body == "well-formed" else body
    fast, slow = both_paths(Client(), body, content_type=content_type, **extra)
    if extra.get("HTTP_ACCEPT") == "text/html":  # DRF's browsable page, with a fresh token
        assert fast[2]["Content-Type"].startswith("text/html")
        fast, slow = fast[::2], slow[::2]
    assert fast == slow


def test_a_well_formed_check_never_reaches_the_serializer(areas, monkeypatch):
    def refused(*args, **kwargs):
        raise AssertionError("the serializer was asked")

    monkeypatch.setattr(EligibilityCheckSerializer, "is_valid", refused)
    response = post(Client(), well_formed_check(), HTTP_ACCEPT="*/*")
    assert response.status_code == 200
    assert response.json()["qualifying_complaints"] == 4  # four incidents, one per id


def test_bad_input_is_left_to_the_serializer_with_its_messages(areas):
    body = well_formed_check()
    body["complaints"][1]["reported_date"] = day(100)  # before its incident
    response = post(Client(), body)
    assert response.status_code == 400
    assert response.json() == {
        "complaints": {"1": {"reported_date": ["The report cannot be dated before the incident."]}}
    }


def test_a_welsh_speaking_officer_gets_the_same_answer_either_way(north):
    client = Client()
    welsh_staff(client, north, "officer")
    good = {**well_formed_check(), "area": north.area.slug}
    bad = {**good, "complaints": [{"incident_date": "yesterday"}]}
    for body in (good, bad):
        fast, slow = both_paths(client, body)
        assert fast == slow
        assert fast[2]["Content-Language"] == "cy"


def test_the_request_is_counted_once_whichever_path_answers(areas, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "2/min"},
    }
    client = Client()
    assert post(client, {"area": "nowhere"}).status_code == 400  # handed to DRF
    assert post(client, well_formed_check()).status_code == 200  # answered on the fast path
    refused = post(client, well_formed_check())
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("Request was throttled.")
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_an_unknown_area_is_looked_up_once_though_both_paths_read_it(areas):
    body = {**well_formed_check(), "area": "nowhere"}
    with CaptureQueriesContext(connection) as captured:
        response = post(Client(), body)
    assert response.json() == {"area": ["Unknown area 'nowhere'."]}
    assert len(captured.captured_queries) == 1
