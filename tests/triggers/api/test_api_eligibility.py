"""POST /api/v1/eligibility/: the engine's rule (DOMAIN.md §4) through the public API.

Every example of §4 is here as complaints on the boundary of its period, with application
dates in the past so that nothing is "after today".
"""

from datetime import timedelta

import hypothesis
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import strategies as st
from rest_framework.test import APIClient

from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The throttle counts in the cache, which outlives a test: start every test at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def liverpool(db):
    return AreaFactory(slug="liverpool", complaint_threshold=3, hate_incident_threshold=1)


def url():
    return reverse("api:eligibility")


def complaint(happened, reported, **extra):
    return {"incident_date": happened, "reported_date": reported, **extra}


def check(api, complaints, *, area="liverpool", application_date="2026-11-20", **extra):
    body = {"area": area, "complaints": complaints, **extra}
    if application_date is not None:
        body["application_date"] = application_date
    return api.post(url(), body, format="json")


def ok(response) -> dict:
    assert response.status_code == 200, response.content
    return response.json()


# --- DOMAIN.md §4: the contract's own example ----------------------------------------------


def test_the_contracts_example(api, liverpool):
    body = {
        "area": "liverpool",
        "application_date": "2026-11-20",
        "complaints": [
            {
                "incident_date": "2026-09-01",
                "reported_date": "2026-09-03",
                "reported_to": "merseyside-police",
                "complainant": "applicant",
                "incident": "optional id shared by reports of one incident",
                "hate_related": False,
            }
        ],
    }
    result = ok(api.post(url(), body, format="json"))
    assert result["threshold_met"] is False
    assert result["route"] == "not_met"
    assert result["qualifying_complaints"] == 1
    assert result["threshold"] == 3
    (finding,) = result["complaints"]
    assert set(finding) == {"index", "qualifies", "counted", "reason"}
    assert (finding["index"], finding["qualifies"], finding["counted"]) == (0, True, True)
    assert finding["reason"].startswith("Counts")
    assert result["hate_incident_threshold"] == 1
    assert result["hate_related_complaints"] == 0
    assert "not met" in result["explanation"]


def test_three_qualifying_complaints_meet_the_threshold(api, liverpool):
    result = ok(
        check(
            api,
            [
                complaint("2026-09-01", "2026-09-03"),
                complaint("2026-09-20", "2026-09-20"),
                complaint("2026-10-05", "2026-10-30"),
            ],
        )
    )
    assert (result["threshold_met"], result["route"]) == (True, "complaints")
    assert (result["qualifying_complaints"], result["threshold"]) == (3, 3)
    assert [c["index"] for c in result["complaints"]] == [0, 1, 2]
    assert all(c["qualifies"] for c in result["complaints"])
    assert "The threshold is met" in result["explanation"]


# --- Periods: "N months beginning with D" on each side of the boundary ----------------------


@pytest.mark.parametrize(
    ("incident", "reported", "qualifies"),
    [
        # 1 month beginning 15 Mar 2026 ends 14 Apr 2026
        ("2026-03-15", "2026-04-14", True),
        ("2026-03-15", "2026-04-15", False),
        # beginning 28 Jan 2026 ends 27 Feb 2026
        ("2026-01-28", "2026-02-27", True),
        ("2026-01-28", "2026-02-28", False),
        # beginning 29, 30 or 31 Jan 2026 ends 28 Feb 2026
        ("2026-01-29", "2026-02-28", True),
        ("2026-01-30", "2026-02-28", True),
        ("2026-01-31", "2026-02-28", True),
        ("2026-01-29", "2026-03-01", False),
        ("2026-01-30", "2026-03-01", False),
        ("2026-01-31", "2026-03-01", False),
    ],
)
def test_a_report_counts_within_one_month_beginning_with_the_incident(
    api, liverpool, incident, reported, qualifies
):
    result = ok(check(api, [complaint(incident, reported)], application_date="2026-06-01"))
    finding = result["complaints"][0]
    assert finding["qualifies"] is qualifies
    assert finding["reason"].startswith("Counts" if qualifies else "Does not count")
    assert result["qualifying_complaints"] == int(qualifies)


@pytest.mark.parametrize(
    ("reported", "application_date", "qualifies"),
    [
        # 6 months beginning 31 Aug 2025 ends 28 Feb 2026
        ("2025-08-31", "2026-02-28", True),
        ("2025-08-31", "2026-03-01", False),
        # 6 months beginning 1 Mar 2026 ends 31 Aug 2026
        ("2026-03-01", "2026-08-31", True),
        ("2026-03-01", "2026-09-01", False),
    ],
)
def test_the_application_counts_within_six_months_beginning_with_the_report(
    api, liverpool, reported, application_date, qualifies
):
    result = ok(check(api, [complaint(reported, reported)], application_date=application_date))
    assert result["complaints"][0]["qualifies"] is qualifies
    if not qualifies:
        assert "six months" in result["complaints"][0]["reason"]


def test_a_report_after_the_application_date_is_not_bad_input(api, liverpool):
    result = ok(check(api, [complaint("2026-09-01", "2026-09-10")], application_date="2026-09-05"))
    finding = result["complaints"][0]
    assert finding["qualifies"] is False
    assert "after the application" in finding["reason"]


def test_the_report_may_be_on_the_day_of_the_incident_and_of_the_application(api, liverpool):
    result = ok(check(api, [complaint("2026-09-01", "2026-09-01")], application_date="2026-09-01"))
    assert result["complaints"][0]["qualifies"] is True


# --- Routes ------------------------------------------------------------------------------


def test_two_complaints_do_not_meet_a_threshold_of_three(api, liverpool):
    result = ok(
        check(api, [complaint("2026-09-01", "2026-09-02"), complaint("2026-09-10", "2026-09-11")])
    )
    assert (result["threshold_met"], result["route"], result["qualifying_complaints"]) == (
        False,
        "not_met",
        2,
    )


def test_one_hate_incident_meets_the_hate_route(api, liverpool):
    result = ok(check(api, [complaint("2026-09-01", "2026-09-02", hate_related=True)]))
    assert (result["threshold_met"], result["route"]) == (True, "hate_incident")
    assert result["hate_related_complaints"] == 1
    assert "hate incident" in result["explanation"]


def test_the_complaints_route_is_tried_before_the_hate_route(api, liverpool):
    complaints = [complaint(f"2026-09-0{d}", f"2026-09-0{d}", hate_related=True) for d in (1, 2, 3)]
    assert ok(check(api, complaints))["route"] == "complaints"


def test_a_hate_complaint_that_does_not_qualify_does_not_meet_the_hate_route(api, liverpool):
    result = ok(check(api, [complaint("2026-01-01", "2026-03-01", hate_related=True)]))
    assert (result["route"], result["hate_related_complaints"]) == ("not_met", 0)


def test_an_area_without_a_hate_threshold_has_no_hate_route(api):
    AreaFactory(slug="strict", complaint_threshold=3, hate_incident_threshold=None)
    result = ok(
        check(api, [complaint("2026-09-01", "2026-09-02", hate_related=True)], area="strict")
    )
    assert result["route"] == "not_met"
    assert result["hate_incident_threshold"] is None


def test_the_areas_lower_complaint_threshold_applies(api):
    AreaFactory(slug="lenient", complaint_threshold=1, hate_incident_threshold=None)
    result = ok(check(api, [complaint("2026-09-01", "2026-09-02")], area="lenient"))
    assert (result["threshold_met"], result["route"], result["threshold"]) == (
        True,
        "complaints",
        1,
    )


# --- Counting ----------------------------------------------------------------------------


def test_one_complainant_reporting_one_incident_to_several_agencies_counts_once(api, liverpool):
    result = ok(
        check(
            api,
            [
                complaint("2026-09-01", "2026-09-02", incident="a", reported_to="police"),
                complaint("2026-09-01", "2026-09-03", incident="a", reported_to="council"),
                complaint("2026-09-01", "2026-09-04", incident="a", reported_to="housing"),
            ],
        )
    )
    assert result["qualifying_complaints"] == 1
    assert result["route"] == "not_met"
    assert [c["qualifies"] for c in result["complaints"]] == [True, True, True]
    assert [c["counted"] for c in result["complaints"]] == [True, False, False]
    assert "Already counted" in result["complaints"][1]["reason"]


def test_different_complainants_reporting_one_incident_each_count(api, liverpool):
    result = ok(
        check(
            api,
            [
                complaint("2026-09-01", "2026-09-02", incident="a", complainant="applicant"),
                complaint("2026-09-01", "2026-09-02", incident="a", complainant="neighbour"),
                complaint("2026-09-01", "2026-09-03", incident="a", complainant="shopkeeper"),
            ],
        )
    )
    assert (result["qualifying_complaints"], result["route"]) == (3, "complaints")


def test_complaints_without_an_incident_id_are_distinct_incidents(api, liverpool):
    same_day = [complaint("2026-09-01", "2026-09-02") for _ in range(3)]
    assert ok(check(api, same_day))["qualifying_complaints"] == 3


def test_the_complainant_defaults_to_the_applicant(api, liverpool):
    result = ok(
        check(
            api,
            [
                complaint("2026-09-01", "2026-09-02", incident="a"),
                complaint("2026-09-01", "2026-09-03", incident="a", complainant="applicant"),
            ],
        )
    )
    assert result["qualifying_complaints"] == 1


def test_the_application_date_defaults_to_today(api, liverpool):
    today = timezone.localdate()
    recent = complaint(str(today - timedelta(days=5)), str(today - timedelta(days=3)))
    old = complaint(str(today - timedelta(days=400)), str(today - timedelta(days=399)))
    result = ok(check(api, [recent, old], application_date=None))
    assert [c["qualifies"] for c in result["complaints"]] == [True, False]


def test_blank_and_null_optional_fields_take_their_defaults(api, liverpool):
    result = ok(
        check(
            api,
            [
                complaint("2026-09-01", "2026-09-02", complainant="", incident="", reported_to=""),
                complaint(
                    "2026-09-01", "2026-09-02", complainant=None, incident=None, reported_to=None
                ),
            ],
        )
    )
    assert result["qualifying_complaints"] == 2


def test_two_hundred_complaints_are_allowed(api, liverpool):
    result = ok(check(api, [complaint("2026-09-01", "2026-09-02")] * 200))
    assert len(result["complaints"]) == 200


# --- Bad input: 400 with the field named, never 500 ---------------------------------------

GOOD = complaint("2026-09-01", "2026-09-02")
TOMORROW = "tomorrow"  # replaced by the real date in the test


def errors_at(response, path):
    assert response.status_code == 400, (response.status_code, response.content)
    errors = response.json()
    for key in path:
        assert key in errors, (path, response.json())
        errors = errors[key]
    assert errors and all(isinstance(message, str) and message for message in errors)
    return errors


def with_tomorrow(value):
    tomorrow = str(timezone.localdate() + timedelta(days=1))
    if value == TOMORROW:
        return tomorrow
    if isinstance(value, dict):
        return {k: with_tomorrow(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_tomorrow(v) for v in value]
    return value


BAD_BODIES = {
    "unknown area": ({"area": "nowhere", "complaints": [GOOD]}, ["area"]),
    "missing area": ({"complaints": [GOOD]}, ["area"]),
    "null area": ({"area": None, "complaints": [GOOD]}, ["area"]),
    "area as an object": ({"area": {"slug": "liverpool"}, "complaints": [GOOD]}, ["area"]),
    "missing incident date": (
        {"area": "liverpool", "complaints": [{"reported_date": "2026-09-02"}]},
        ["complaints", "0", "incident_date"],
    ),
    "missing reported date": (
        {"area": "liverpool", "complaints": [{"incident_date": "2026-09-02"}]},
        ["complaints", "0", "reported_date"],
    ),
    "impossible date": (
        {"area": "liverpool", "complaints": [complaint("2026-02-30", "2026-03-01")]},
        ["complaints", "0", "incident_date"],
    ),
    "British date format": (
        {"area": "liverpool", "complaints": [complaint("01/09/2026", "2026-09-02")]},
        ["complaints", "0", "incident_date"],
    ),
    "number as a date": (
        {"area": "liverpool", "complaints": [complaint(20260901, "2026-09-02")]},
        ["complaints", "0", "incident_date"],
    ),
    "empty date": (
        {"area": "liverpool", "complaints": [complaint("", "2026-09-02")]},
        ["complaints", "0", "incident_date"],
    ),
    "null date": (
        {"area": "liverpool", "complaints": [complaint("2026-09-01", None)]},
        ["complaints", "0", "reported_date"],
    ),
    "report before its incident": (
        {"area": "liverpool", "complaints": [GOOD, GOOD, complaint("2026-09-05", "2026-09-04")]},
        ["complaints", "2", "reported_date"],
    ),
    "incident after today": (
        {"area": "liverpool", "complaints": [complaint(TOMORROW, TOMORROW)]},
        ["complaints", "0", "incident_date"],
    ),
    "report after today": (
        {"area": "liverpool", "complaints": [complaint("2026-09-01", TOMORROW)]},
        ["complaints", "0", "reported_date"],
    ),
    "application after today": (
        {"area": "liverpool", "application_date": TOMORROW, "complaints": [GOOD]},
        ["application_date"],
    ),
    "malformed application date": (
        {"area": "liverpool", "application_date": "20 Nov 2026", "complaints": [GOOD]},
        ["application_date"],
    ),
    "no complaints": ({"area": "liverpool", "complaints": []}, ["complaints"]),
    "missing complaints": ({"area": "liverpool"}, ["complaints"]),
    "null complaints": ({"area": "liverpool", "complaints": None}, ["complaints"]),
    "more than 200 complaints": ({"area": "liverpool", "complaints": [GOOD] * 201}, ["complaints"]),
    "a string for the complaints": (
        {"area": "liverpool", "complaints": "three reports"},
        ["complaints"],
    ),
    "an object for the complaints": ({"area": "liverpool", "complaints": GOOD}, ["complaints"]),
    "a number for a complaint": (
        {"area": "liverpool", "complaints": [GOOD, 7]},
        ["complaints", "1", "non_field_errors"],
    ),
    "a string for hate_related": (
        {"area": "liverpool", "complaints": [{**GOOD, "hate_related": "yes"}]},
        ["complaints", "0", "hate_related"],
    ),
    "the string 'true' for hate_related": (
        {"area": "liverpool", "complaints": [{**GOOD, "hate_related": "true"}]},
        ["complaints", "0", "hate_related"],
    ),
    "a number for hate_related": (
        {"area": "liverpool", "complaints": [{**GOOD, "hate_related": 1}]},
        ["complaints", "0", "hate_related"],
    ),
    "null hate_related": (
        {"area": "liverpool", "complaints": [{**GOOD, "hate_related": None}]},
        ["complaints", "0", "hate_related"],
    ),
    "a list for the complainant": (
        {"area": "liverpool", "complaints": [{**GOOD, "complainant": ["a", "b"]}]},
        ["complaints", "0", "complainant"],
    ),
    "an object for reported_to": (
        {"area": "liverpool", "complaints": [{**GOOD, "reported_to": {"a": 1}}]},
        ["complaints", "0", "reported_to"],
    ),
    "a list body": ([{"area": "liverpool", "complaints": [GOOD]}], ["non_field_errors"]),
    "a string body": ("liverpool", ["non_field_errors"]),
}


@pytest.mark.parametrize("case", sorted(BAD_BODIES))
def test_bad_input_is_a_400_naming_the_field(api, liverpool, case):
    body, path = BAD_BODIES[case]
    response = api.post(url(), with_tomorrow(body), format="json")
    errors_at(response, path)


def test_an_unknown_area_is_named_in_the_message(api, liverpool):
    response = check(api, [GOOD], area="nowhere")
    assert response.json() == {"area": ["Unknown area 'nowhere'."]}


def test_errors_are_reported_for_every_bad_complaint_at_once(api, liverpool):
    response = check(api, [complaint("2026-09-05", "2026-09-04"), GOOD, complaint("x", "y")])
    errors = response.json()["complaints"]
    assert set(errors) == {"0", "2"}
    assert set(errors["2"]) == {"incident_date", "reported_date"}


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", "application/json"),
        ("null", "application/json"),
        ("", "application/json; charset=utf-8"),
        ('{"area": "liverpool", "complaints": [', "application/json"),
        ('{"area": NaN}', "application/json"),
        (b"\xff\xfe\x00garbage", "application/json"),
        ("[" * 100_000 + "]" * 100_000, "application/json"),
        ("area=liverpool", "application/x-www-form-urlencoded"),
        ("just some text", "text/plain"),
        ("<xml/>", "application/xml"),
    ],
)
def test_a_body_that_is_not_json_is_a_400(liverpool, body, content_type):
    response = Client().post(url(), body, content_type=content_type)
    assert response.status_code == 400
    assert response.json()


def test_other_methods_are_not_allowed(api, liverpool):
    assert api.get(url()).status_code == 405


# --- Public, no CSRF, throttled -----------------------------------------------------------


def test_needs_no_sign_in_and_no_csrf_token(liverpool, north):
    strict = Client(enforce_csrf_checks=True)
    body = {"area": "liverpool", "complaints": [GOOD]}
    assert strict.post(url(), body, content_type="application/json").status_code == 200
    strict.force_login(north.officer)  # a signed-in session does not bring CSRF checks back
    assert strict.post(url(), body, content_type="application/json").status_code == 200


def test_requests_beyond_the_rate_are_refused_with_429(api, liverpool, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "3/min"},
    }
    cache.clear()
    assert check(api, [GOOD]).status_code == 200
    assert check(api, [GOOD], area="nowhere").status_code == 400  # bad input counts too
    assert check(api, [GOOD]).status_code == 200
    refused = check(api, [GOOD])
    assert refused.status_code == 429
    assert "Retry-After" in refused.headers
    other_client = APIClient(REMOTE_ADDR="192.0.2.7")
    assert other_client.post(url(), {"area": "liverpool", "complaints": [GOOD]}, format="json")
    assert check(other_client, [GOOD]).status_code == 200


def test_a_forwarded_for_header_does_not_dodge_the_limit(api, liverpool, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "1/min"},
    }
    cache.clear()
    assert check(api, [GOOD]).status_code == 200
    dodge = APIClient(HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert check(dodge, [GOOD]).status_code == 429


# --- Whatever arrives, the answer is 200 or 400 -------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["liverpool", "2026-09-01", "2026-09-02", "2999-01-01", "2026-02-30"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "area",
                    "application_date",
                    "complaints",
                    "incident_date",
                    "reported_date",
                    "complainant",
                    "incident",
                    "hate_related",
                    "reported_to",
                ]
            )
            | st.text(max_size=5),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)
COMPLAINTS = st.lists(
    st.fixed_dictionaries(
        {"incident_date": JSON_VALUES, "reported_date": JSON_VALUES},
        optional={
            "complainant": JSON_VALUES,
            "incident": JSON_VALUES,
            "hate_related": JSON_VALUES,
            "reported_to": JSON_VALUES,
        },
    ),
    max_size=4,
)
BODIES = JSON_VALUES | st.fixed_dictionaries(
    {"area": JSON_VALUES, "complaints": COMPLAINTS | JSON_VALUES},
    optional={"application_date": JSON_VALUES},
)


@hypothesis.settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
@hypothesis.given(body=BODIES)
def test_any_json_body_is_answered_with_200_or_400(api, liverpool, settings, body):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "100000/min"},
    }
    response = api.post(url(), body, format="json")
    assert response.status_code in (200, 400), (body, response.content)
